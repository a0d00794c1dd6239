#pragma once
// `abri-hub verify-state` (PROTOCOL.md §7.2): every case rebuilt from its admitted change-sets and compared with the
// merged state the hub stores for it (case_state.h). Any difference is a bug or damage; the report names case ids
// (random, not personal) and counts only.
#include <cstddef>
#include <string_view>
#include <vector>

#include "wire/wire_types.h"
#include "hub_store.h"

namespace abri::sync::hub {

enum class StateDifference {
    Missing,       // change-sets but no stored state
    Unexpected,    // a stored state but no change-set
    Damaged,       // the stored state does not decode
    Differs,       // the stored state is not what the rebuild gives
    ConflictCount  // the stored count of open conflicts is not the state's
};
std::string_view stateDifferenceName(StateDifference difference) noexcept;

struct CaseStateMismatch {
    wire::Id16 caseId{};
    StateDifference difference = StateDifference::Differs;
};

struct StateVerification {
    std::size_t casesChecked = 0;
    std::vector<CaseStateMismatch> mismatches;  // ascending case id
};

// Reads inside one transaction, so a hub serving at the same time is seen at one point of its history.
StateVerification verifyCaseStates(HubStore& store);

}  // namespace abri::sync::hub
