#pragma once
// Seeds for randomised tests: ABRI_SIM_SEED=n replays one seed; ABRI_SIM_SEEDS=n runs n seeds (default given).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace abri::test {

inline std::vector<std::uint64_t> testSeeds(std::uint64_t defaultCount, std::uint64_t salt) {
    if (const char* one = std::getenv("ABRI_SIM_SEED"); one != nullptr && *one != '\0')
        return {std::stoull(one)};
    std::uint64_t count = defaultCount;
    if (const char* many = std::getenv("ABRI_SIM_SEEDS"); many != nullptr && *many != '\0') count = std::stoull(many);
    std::vector<std::uint64_t> seeds;
    for (std::uint64_t i = 0; i < count; ++i) seeds.push_back(salt * 1'000'003ULL + i);
    return seeds;
}

// A 32-hex id that is obviously synthetic and orders like n.
inline std::string fakeId(std::uint64_t n) {
    static const char* digits = "0123456789abcdef";
    std::string out(32, '0');
    for (int i = 31; i >= 0 && n > 0; --i, n >>= 4) out[static_cast<std::size_t>(i)] = digits[n & 15];
    return out;
}

}  // namespace abri::test
