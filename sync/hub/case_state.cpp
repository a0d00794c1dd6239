#include "case_state.h"

#include "changeset/admission_record.h"
#include "changeset/changeset.h"
#include "devicesync/admitted_adapter.h"

namespace abri::sync::hub {

namespace {
void addCase(HubStore& store, const Id16& caseId, merge::MergeState& state) {
    for (const auto& stored : store.changeSetsOfCase(caseId)) {
        std::size_t consumed = 0;
        auto admission = decodeAdmissionRecord(stored.admission, consumed, "admission");
        auto cs = decodeChangeSet(stored.bytes, {}, "stored change-set");
        state.add(devicesync::toAdmitted(cs, admission));
    }
}
}  // namespace

merge::MergeState caseMergeState(HubStore& store, const Id16& caseId) {
    merge::MergeState state;
    addCase(store, caseId, state);
    return state;
}

OfficeStateHash officeStateHash(HubStore& store, const std::string& office) {
    merge::MergeState state;
    OfficeStateHash out;
    for (const auto& caseId : store.caseIds(office)) {
        addCase(store, caseId, state);
        ++out.cases;
    }
    out.hash = merge::stateHash(state);
    return out;
}

}  // namespace abri::sync::hub
