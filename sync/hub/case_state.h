#pragma once
// The hub's merge state of one case (PROTOCOL.md §5, "Implementation status / network"): the hub keeps admitted
// change-sets, not a merged copy, and rebuilds a case's state from them when it authorises or reports conflicts.
#include "hub_store.h"
#include "merge/merge_state.h"

namespace abri::sync::hub {

// Every admitted change-set of the case (verified when admitted), with its admission record (clamp, exclusions).
merge::MergeState caseMergeState(HubStore& store, const Id16& caseId);

}  // namespace abri::sync::hub
