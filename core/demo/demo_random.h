#pragma once
// The demo generator's randomness: a tiny portable PRNG and weighted code tables. Internal to core/demo.
// Own PRNG and own weighted draw (no std:: distributions, whose output differs between standard libraries), so a
// seed gives the same documents on every platform.
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "model/code_lists.h"

namespace abri::demo {

// SplitMix64: tiny, fast and identical on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31U);
    }
    // Uniform in [0, bound). The modulo bias is irrelevant for demo data.
    std::size_t below(std::size_t bound) { return bound == 0 ? 0 : static_cast<std::size_t>(next() % bound); }
    std::int64_t between(std::int64_t low, std::int64_t high) {  // inclusive
        if (high <= low) return low;
        return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low + 1));
    }
    bool chance(unsigned percent) { return below(100) < percent; }
    template <typename T>
    const T& pick(const std::vector<T>& values) { return values[below(values.size())]; }
    template <typename T, std::size_t N>
    const T& pick(const std::array<T, N>& values) { return values[below(N)]; }

private:
    std::uint64_t state_;
};

// Mixes the caller's seed with a stream number so each case (and each case's items) gets an independent stream:
// case i is the same whichever n is asked for.
std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t stream);

struct WeightedCode {
    std::string_view code;  // a string literal or a code list entry: static storage
    unsigned weight;
};

// Codes of one code list with relative weights. Entries the list does not know are dropped when the table is
// built, so a renamed code can never reach a document; if none is left, every code of the list is equally likely.
class WeightedCodes {
public:
    WeightedCodes(model::CodeList list, std::initializer_list<WeightedCode> entries);
    model::CodeList list() const { return list_; }
    std::string_view pick(Rng& rng) const;
    // Up to `count` distinct codes (a few redraws on repeats; fewer when the table is smaller).
    std::vector<std::string> pickDistinct(Rng& rng, std::size_t count) const;
    // A code different from `avoid` (and from `avoidToo`), when the table has one.
    std::string_view pickOtherThan(Rng& rng, std::string_view avoid, std::string_view avoidToo = {}) const;

private:
    model::CodeList list_;
    std::vector<std::string_view> codes_;
    std::vector<std::uint64_t> cumulative_;  // running sum of the weights, for a binary-searched draw
};

}  // namespace abri::demo
