#include "case_state.h"

#include "wire/admission_record.h"
#include "wire/changeset.h"
#include "devicesync/admitted_adapter.h"

namespace abri::sync::hub {

namespace {
void addCase(HubStore& store, const wire::Id16& caseId, merge::MergeState& state) {
    for (const auto& stored : store.changeSetsOfCase(caseId)) {
        std::size_t consumed = 0;
        auto admission = wire::decodeAdmissionRecord(stored.admission, consumed, "admission");
        auto cs = wire::decodeChangeSet(stored.bytes, {}, "stored change-set");
        state.add(devicesync::toAdmitted(cs, admission));
    }
}
}  // namespace

merge::MergeState caseMergeState(HubStore& store, const wire::Id16& caseId) {
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
