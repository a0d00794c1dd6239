#pragma once
// The open conflicts the hub holds (PROTOCOL.md §5.3): in the stored state of each case that has any (case_state.h),
// every field register with more than one head is one open conflict. Only identities (case, entity,
// field path, devices, HLCs) are reported, never values: they are personal data.
#include <optional>
#include <string>
#include <vector>

#include "hub_store.h"
#include "journal/hlc.h"
#include "merge/admitted_change_set.h"

namespace abri::sync::hub {

struct ConflictHead {
    std::string device;   // 32 hex
    journal::Hlc effHlc = 0;
    journal::Hlc hlc = 0;
};

struct OpenConflict {
    std::string caseId;    // 32 hex
    merge::EntityKind entity = merge::EntityKind::Case;
    std::string entityId;  // 32 hex (== caseId for the case itself)
    std::string field;     // field path
    bool entityDeleted = false;
    std::vector<ConflictHead> heads;  // descending order key: the current winner first
};

// Ascending case id, then the case before its items (ascending id), then ascending field path. With an office, only
// the cases in its access set (the cases its devices receive).
std::vector<OpenConflict> openConflicts(HubStore& store, const std::optional<std::string>& office = std::nullopt);

}  // namespace abri::sync::hub
