#include "blocking.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "common/error.h"

namespace abri::duplicates {

namespace {

// FNV-1a: fixed on every platform (std::hash is not), and cheap. A collision only joins two blocks.
std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

const std::string& keyOf(const NameToken& token) { return nameKeyOf(token); }

}  // namespace

std::vector<std::uint64_t> blockingKeys(const PreparedPerson& person) {
    std::vector<std::uint64_t> keys;
    const std::string year = person.birthYear ? std::to_string(*person.birthYear) : std::string();
    for (const auto& name : person.names) {
        for (std::size_t i = 0; i < name.size(); ++i) {
            const auto& a = keyOf(name[i]);
            for (std::size_t j = i + 1; j < name.size(); ++j) {
                const auto& b = keyOf(name[j]);
                keys.push_back(fnv1a("n2|" + std::min(a, b) + "|" + std::max(a, b)));
            }
            if (!person.citizenship.empty()) keys.push_back(fnv1a("nc|" + a + "|" + person.citizenship));
            if (!year.empty()) keys.push_back(fnv1a("ny|" + a + "|" + year));
        }
    }
    if (person.dateOfBirth) {
        const auto& d = *person.dateOfBirth;
        keys.push_back(fnv1a("db|" + std::to_string(d.year) + "-" + std::to_string(d.month) + "-" +
                             std::to_string(d.day) + "|" + person.gender));
    }
    for (const auto& doc : person.documents)
        keys.push_back(fnv1a("id|" + std::string(reinterpret_cast<const char*>(doc.data()), doc.size())));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> blockedPairs(const std::vector<PreparedPerson>& persons,
                                                                  std::size_t maxBlockSize, BlockingStats& stats) {
    if (persons.size() > UINT32_MAX) throw Error(ErrorCode::ValueOutOfRange, "duplicates", "too many cases");
    // (key, person) sorted: each run of one key is a block, its persons ascending.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;
    for (std::uint32_t i = 0; i < persons.size(); ++i)
        for (auto key : blockingKeys(persons[i])) entries.emplace_back(key, i);
    std::sort(entries.begin(), entries.end());

    std::vector<std::uint64_t> packed;  // i << 32 | j: sorting and dedup on one integer
    for (std::size_t start = 0; start < entries.size();) {
        std::size_t end = start + 1;
        while (end < entries.size() && entries[end].first == entries[start].first) ++end;
        const std::size_t size = end - start;
        if (size >= 2) {
            ++stats.blocks;
            if (size > maxBlockSize) {
                ++stats.oversizedBlocks;
            } else {
                stats.largestBlock = std::max<std::uint64_t>(stats.largestBlock, size);
                for (std::size_t x = start; x < end; ++x)
                    for (std::size_t y = x + 1; y < end; ++y)
                        packed.push_back(std::uint64_t{entries[x].second} << 32U | entries[y].second);
            }
        }
        start = end;
    }
    std::sort(packed.begin(), packed.end());
    packed.erase(std::unique(packed.begin(), packed.end()), packed.end());
    stats.pairs = packed.size();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(packed.size());
    for (auto p : packed) pairs.emplace_back(static_cast<std::uint32_t>(p >> 32U), static_cast<std::uint32_t>(p));
    return pairs;
}

}  // namespace abri::duplicates
