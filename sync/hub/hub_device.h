#pragma once
// The hub as a signer of change-sets (sync/PROTOCOL.md §2.4, §6.4): its self-issued certificate (role 16, office
// `*`, device id = hub id) kept as a device of the store, and the change-sets of edits made at the hub (duplicate
// flags and merges), signed with the hub identity key and admitted through the ordinary ingest step, so feeds,
// authorisation and every replica's merge treat them like any device's.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hub_store.h"

namespace abri::sync::hub {

// The hub's own device record; issued and stored on first use (inside the caller's transaction).
DeviceRecord hubDevice(HubStore& store, std::uint64_t nowMs);

struct HubFieldEdit {
    std::string field;     // a case field path
    nlohmann::json value;  // null clears
};

// One change-set of `set` ops on the case, each with the field's current winner at the hub as its parent, signed by
// the hub and admitted (ingest.h) inside the caller's transaction. `device` is the hub's record (hubDevice), advanced
// in place. Throws Error(Internal) when an op was excluded: the caller checked the case, so that is a bug.
void admitHubEdits(HubStore& store, std::optional<DeviceRecord>& device, const wire::Id16& caseId,
                   const std::vector<HubFieldEdit>& edits, std::uint64_t nowMs);

}  // namespace abri::sync::hub
