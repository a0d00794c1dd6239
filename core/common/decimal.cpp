#include "common/decimal.h"

#include <limits>

namespace abri {

std::optional<std::int64_t> parseNonNegativeDecimal(std::string_view text) {
    if (text.empty()) return std::nullopt;
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    std::int64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        const int digit = c - '0';
        if (value > (kMax - digit) / 10) return std::nullopt;  // value * 10 + digit would overflow
        value = value * 10 + digit;
    }
    return value;
}

}  // namespace abri
