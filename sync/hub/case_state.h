#pragma once
// The hub's merge state of one case (PROTOCOL.md §5, "Implementation status / network"): the hub keeps admitted
// change-sets, not a merged copy, and rebuilds a case's state from them when it authorises or reports conflicts.
#include "hub_store.h"
#include "merge/merge_state.h"
#include "merge/state_hash.h"

namespace abri::sync::hub {

// Every admitted change-set of the case (verified when admitted), with its admission record (clamp, exclusions).
merge::MergeState caseMergeState(HubStore& store, const wire::Id16& caseId);

// The state hash (§5.8) of an office's access set: what every device of that office holds once its outbox is empty
// and every page up to the feed head is applied, so an operator can check that a laptop has converged.
struct OfficeStateHash {
    merge::StateHash hash{};
    std::size_t cases = 0;
};
OfficeStateHash officeStateHash(HubStore& store, const std::string& office);

}  // namespace abri::sync::hub
