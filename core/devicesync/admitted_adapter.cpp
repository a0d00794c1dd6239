#include "devicesync/admitted_adapter.h"

namespace abri::devicesync {

merge::AdmittedChangeSet toAdmitted(const wire::ChangeSet& cs, const wire::AdmissionRecord& admission) {
    merge::AdmittedChangeSet out;
    out.id = wire::hashToHex(cs.id);
    out.device = wire::idToHex(cs.header.deviceId);
    out.deviceSeq = cs.header.deviceSeq;
    out.caseId = wire::idToHex(cs.header.caseId);
    out.hubSeq = admission.hubSeq;
    out.admittedMs = static_cast<std::int64_t>(admission.admittedMs);
    out.clamp = merge::Clamp{admission.clampCeiling, admission.clampFloor};
    for (const auto& e : admission.excluded) {
        out.excluded.push_back({e.opIndex, e.reason});
    }
    for (const auto& op : cs.ops) {
        merge::RemoteOp r;
        r.kind = op.kind;
        r.entity = op.entity;
        r.entityId = wire::idToHex(op.entityId);
        r.caseId = out.caseId;
        r.field = op.field;
        r.valueJson = op.valueJson;
        for (const auto& p : op.parents) r.parents.push_back({p.hlc, wire::idToHex(p.device)});
        r.hlc = op.hlc;
        r.device = out.device;
        if (op.authorIndex < cs.authors.size()) r.author = wire::idToHex(cs.authors[op.authorIndex]);
        out.ops.push_back(std::move(r));
    }
    merge::assignEffectiveHlcs(out);
    return out;
}

}  // namespace abri::devicesync
