#pragma once
// The state hash (sync/PROTOCOL.md §5.8): one BLAKE2b-256 over the canonical CBOR records of every entity of a
// set of cases. Two replicas holding the same admitted ops have the same hash, whatever the order of arrival.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "crypto/primitives.h"
#include "merge/merge_state.h"

namespace abri::merge {

using StateHash = std::array<std::uint8_t, crypto::kHashBytes>;

// The canonical record of one entity (exposed for tests and for debugging a divergence).
std::vector<std::uint8_t> entityRecord(const EntityState& entity);
// Appends the records of one case's entities (the case, then its items by ascending id) to `out`. The state hash is
// the hash of these runs for ascending case ids: the hub assembles an office's hash from its stored case states.
void appendCaseRecords(const MergeState& state, const std::string& caseId, std::vector<std::uint8_t>& out);
// The state hash of records appended as above.
StateHash stateHashOfRecords(std::span<const std::uint8_t> records);
// Hash over the given cases (all cases of the state when scope is nullopt), ascending case id.
StateHash stateHash(const MergeState& state, const std::optional<std::set<std::string>>& scope = std::nullopt);

}  // namespace abri::merge
