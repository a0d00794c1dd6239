#include "merge/admitted_change_set.h"

#include <algorithm>

namespace abri::merge {

bool AdmittedChangeSet::isExcluded(std::size_t opIndex) const {
    return std::any_of(excluded.begin(), excluded.end(),
                       [opIndex](const Exclusion& e) { return e.opIndex == opIndex; });
}

std::vector<Hlc> effectiveHlcs(std::span<const Hlc> hlcs, const Clamp& clamp) {
    std::vector<Hlc> out(hlcs.begin(), hlcs.end());
    if (!clamp.clamped()) return out;
    Hlc previous = clamp.floor;
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = std::max(std::min(hlcs[i], clamp.ceiling), previous + 1);
        previous = out[i];
    }
    return out;
}

void assignEffectiveHlcs(AdmittedChangeSet& changeSet) {
    std::vector<Hlc> hlcs;
    hlcs.reserve(changeSet.ops.size());
    for (const auto& op : changeSet.ops) hlcs.push_back(op.hlc);
    const auto eff = effectiveHlcs(hlcs, changeSet.clamp);
    for (std::size_t i = 0; i < changeSet.ops.size(); ++i) {
        auto& op = changeSet.ops[i];
        op.effHlc = eff[i];
        if (op.device.empty()) op.device = changeSet.device;
        if (op.caseId.empty()) op.caseId = changeSet.caseId;
    }
}

}  // namespace abri::merge
