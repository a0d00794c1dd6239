#pragma once
// The hub's merged state of every case it holds (PROTOCOL.md §5, §7.2; schema 2): one row per case in `case_state`
// with the case's MergeState (merge_state_codec.h) and its count of open conflicts. Ingest reads the row to
// authorise a change-set and writes it back in the same transaction, so authorisation, `status`, `conflicts`,
// `state --office` and reports never decode change-sets. Rebuilding a case from its change-sets stays as the check
// (verify_state.h) and as the migration from schema 1.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "wire/wire_types.h"
#include "merge/merge_state.h"
#include "merge/state_hash.h"
#include "storage/database.h"

namespace abri::sync::hub {

class HubStore;

// The stored state of a case; an empty state for a case the hub does not hold yet.
merge::MergeState storedCaseState(storage::Database& db, const wire::Id16& caseId);
// Writes (or replaces) the case's row.
void storeCaseState(storage::Database& db, const wire::Id16& caseId, const merge::MergeState& state);
// The case's state as a full rebuild from its admitted change-sets (in admission order) gives it.
merge::MergeState rebuildCaseState(storage::Database& db, const wire::Id16& caseId);
// Field registers of the case (and its items) with more than one head: what `abri-hub conflicts` lists.
std::size_t countOpenConflicts(const merge::MergeState& state, const std::string& caseHex);
// Every case with at least one admitted change-set, ascending: what the rebuilds of the migration and of
// verify-state walk.
std::vector<wire::Id16> casesWithChangeSets(storage::Database& db);
// A 16-byte case id read from the store; Error(VaultCorrupted) for any other size.
wire::Id16 caseIdFromBlob(const std::vector<std::uint8_t>& bytes);
// Schema step 2: a row for every case of the stored change-sets, inside the migration's transaction.
void fillCaseStates(storage::Database& db);

// Visits the stored states in ascending case id: every case, or the cases granted to `office`; with
// `conflictedOnly`, only the cases with at least one open conflict.
using CaseStateVisitor = std::function<void(const wire::Id16& caseId, const merge::MergeState& state)>;
void forEachCaseState(storage::Database& db, const std::optional<std::string>& office, bool conflictedOnly,
                      const CaseStateVisitor& visit);
// Sum of the stored counts of open conflicts.
std::size_t openConflictTotal(storage::Database& db);

// The state hash (§5.8) of an office's access set: what every device of that office holds once its outbox is empty
// and every page up to the feed head is applied, so an operator can check that a laptop has converged.
struct OfficeStateHash {
    merge::StateHash hash{};
    std::size_t cases = 0;
};
OfficeStateHash officeStateHash(HubStore& store, const std::string& office);

}  // namespace abri::sync::hub
