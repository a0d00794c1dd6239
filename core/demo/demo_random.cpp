#include "demo/demo_random.h"

#include <algorithm>

namespace abri::demo {

std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t stream) {
    Rng mix(seed ^ (stream * 0xd1342543de82ef95ULL + 0x2545f4914f6cdd1dULL));
    return mix.next();
}

WeightedCodes::WeightedCodes(model::CodeList list, std::initializer_list<WeightedCode> entries) : list_(list) {
    std::uint64_t total = 0;
    for (const auto& entry : entries) {
        if (entry.weight == 0 || !model::isValidCode(list, entry.code)) continue;
        if (std::find(codes_.begin(), codes_.end(), entry.code) != codes_.end()) continue;
        total += entry.weight;
        codes_.push_back(entry.code);
        cumulative_.push_back(total);
    }
    if (codes_.empty()) {
        for (std::string_view code : model::codes(list)) {
            codes_.push_back(code);
            cumulative_.push_back(++total);
        }
    }
}

std::string_view WeightedCodes::pick(Rng& rng) const {
    if (codes_.empty()) return {};
    const std::uint64_t roll = rng.next() % cumulative_.back();
    const auto found = std::upper_bound(cumulative_.begin(), cumulative_.end(), roll);
    return codes_[static_cast<std::size_t>(found - cumulative_.begin())];
}

std::vector<std::string> WeightedCodes::pickDistinct(Rng& rng, std::size_t count) const {
    std::vector<std::string> out;
    count = std::min(count, codes_.size());
    // Redraws are bounded: with a dominant code, asking for many distinct ones may return fewer.
    for (std::size_t attempt = 0; out.size() < count && attempt < count * 8; ++attempt) {
        const std::string_view code = pick(rng);
        if (std::find(out.begin(), out.end(), code) == out.end()) out.emplace_back(code);
    }
    return out;
}

std::string_view WeightedCodes::pickOtherThan(Rng& rng, std::string_view avoid, std::string_view avoidToo) const {
    for (int attempt = 0; attempt < 8; ++attempt) {
        const std::string_view code = pick(rng);
        if (code != avoid && code != avoidToo) return code;
    }
    for (std::string_view code : codes_) {
        if (code != avoid && code != avoidToo) return code;
    }
    return pick(rng);
}

}  // namespace abri::demo
