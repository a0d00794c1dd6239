#include "admitted_adapter.h"

namespace abri::sync {

merge::AdmittedChangeSet toAdmitted(const ChangeSet& cs, const AdmissionRecord& admission) {
    merge::AdmittedChangeSet out;
    out.id = hashToHex(cs.id);
    out.device = idToHex(cs.header.deviceId);
    out.deviceSeq = cs.header.deviceSeq;
    out.caseId = idToHex(cs.header.caseId);
    out.hubSeq = admission.hubSeq;
    out.admittedMs = static_cast<std::int64_t>(admission.admittedMs);
    out.clamp = merge::Clamp{admission.clampCeiling, admission.clampFloor};
    for (const auto& e : admission.excluded) {
        out.excluded.push_back({e.opIndex, static_cast<merge::ExclusionReason>(wireValue(e.reason))});
    }
    for (const auto& op : cs.ops) {
        merge::RemoteOp r;
        r.kind = static_cast<merge::OpKind>(op.kind);
        r.entity = static_cast<merge::EntityKind>(op.entity);
        r.entityId = idToHex(op.entityId);
        r.caseId = out.caseId;
        r.field = op.field;
        r.valueJson = op.valueJson;
        for (const auto& p : op.parents) r.parents.push_back({p.hlc, idToHex(p.device)});
        r.hlc = op.hlc;
        r.device = out.device;
        if (op.authorIndex < cs.authors.size()) r.author = idToHex(cs.authors[op.authorIndex]);
        out.ops.push_back(std::move(r));
    }
    merge::assignEffectiveHlcs(out);
    return out;
}

}  // namespace abri::sync
