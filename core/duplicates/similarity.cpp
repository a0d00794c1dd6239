#include "similarity.h"

#include <algorithm>
#include <array>
#include <vector>

namespace abri::duplicates {

double jaroWinkler(std::string_view a, std::string_view b) {
    if (a.empty() || b.empty()) return 0.0;
    if (a == b) return 1.0;
    const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
    // Which characters of each side found a match within the window.
    std::vector<char> matchedA(a.size(), 0), matchedB(b.size(), 0);
    std::size_t matches = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::size_t from = i > window ? i - window : 0;
        const std::size_t to = std::min(i + window + 1, b.size());
        for (std::size_t j = from; j < to; ++j) {
            if (matchedB[j] || a[i] != b[j]) continue;
            matchedA[i] = matchedB[j] = 1;
            ++matches;
            break;
        }
    }
    if (matches == 0) return 0.0;
    std::size_t halfTranspositions = 0;
    for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
        if (!matchedA[i]) continue;
        while (!matchedB[j]) ++j;
        if (a[i] != b[j]) ++halfTranspositions;
        ++j;
    }
    const double m = static_cast<double>(matches);
    const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                         (m - static_cast<double>(halfTranspositions) / 2.0) / m) / 3.0;
    std::size_t prefix = 0;
    while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

std::size_t editDistance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t far = limit + 1;
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return far;
    // Optimal string alignment over three rows (the previous two for a swap), on the stack for names of usual length.
    constexpr std::size_t kStackColumns = 64;
    std::array<std::size_t, 3 * (kStackColumns + 1)> stack{};
    std::vector<std::size_t> heap;
    std::size_t* rows = stack.data();
    if (b.size() > kStackColumns) {
        heap.resize(3 * (b.size() + 1));
        rows = heap.data();
    }
    std::size_t* before = rows;
    std::size_t* previous = rows + (b.size() + 1);
    std::size_t* current = rows + 2 * (b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        std::size_t rowMinimum = current[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
            rowMinimum = std::min(rowMinimum, current[j]);
        }
        if (rowMinimum > limit) return far;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], far);
}

}  // namespace abri::duplicates
