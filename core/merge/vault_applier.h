#pragma once
// Applying admitted change-sets to a device vault (sync/PROTOCOL.md §5, §5.6, §7.3). The journal holds the whole
// op set (local ops, and remote ops with origin 'remote' that are never shipped again); after journaling a
// change-set, every entity it touched is recomputed from its journalled ops with the pure merge (merge_state.h)
// and written back: case/item rows with derived columns and search text (through CaseRepository), field_versions
// = each field's winner, conflicts rows opened and closed (§5.3). Applying a change-set twice is applying it once.
//
// Case codes are random per device, so two offices' devices can pick the same one. A case's document keeps the
// code it was created with; the `cases.case_code` column (unique, used by lists and findIdByCode) holds a display
// code: the code itself for the case with the least create identity (hlc, device) among those sharing it, and
// "<code>~<first 8 hex of the case id>" for the others. Every replica holding the same cases shows the same codes.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "merge/admitted_change_set.h"
#include "merge/merge_state.h"
#include "merge/state_hash.h"

namespace abri::vault {
class Vault;
}

namespace abri::merge {

struct ApplyResult {
    std::size_t opsJournalled = 0;      // new journal rows (0 when the change-set was applied before)
    std::size_t entitiesWritten = 0;
    std::size_t conflictsOpened = 0;
    std::size_t conflictsClosed = 0;
    Hlc maxEffHlc = 0;
};

class VaultApplier {
public:
    explicit VaultApplier(vault::Vault& vault);

    // Applies one admitted change-set inside the caller's transaction. A change-set signed by this vault's own
    // device is a receipt (§5.6): its ops are already journalled, so only their effective HLCs and exclusions are
    // recorded (the ops may then carry just their hlc). Observes the greatest effective HLC on the vault clock.
    // Outside a batch, the views of the cases it touched are written before it returns.
    ApplyResult apply(AdmittedChangeSet changeSet);

    // Recomputes one entity (case or item) from the journal and writes it back. Used by apply and by
    // resolveConflict; exposed for repair tools and tests. Outside a batch, its case's views are written too.
    void rematerialise(std::string_view entityId, ApplyResult& result);

    // A batch (a page, or a step of one, sync/PROTOCOL.md §7.3): every change-set's entities are merged and their
    // rows written as they come (journal, field versions, conflicts, case and item rows), but each case's views
    // (document, derived columns, facts, search text) are written once, by endBatch, in the same transaction. A
    // first sync brings a case and each of its items in turn; rewriting the case for every one was most of the
    // time. beginBatch drops what a batch rolled back without endBatch left pending.
    void beginBatch();
    void endBatch();
    // How long endBatch is expected to take now (pending cases x the time a case's views took so far), so that
    // a step with a time budget can stop in time for it.
    std::chrono::nanoseconds pendingWork() const;

    // Whether an erasure (§5.9) was applied since the last call: the caller then runs erasure::scrubAfterPurge once
    // its transactions are committed (it merges the search index and truncates the log).
    bool takeErasures() noexcept { return std::exchange(erasedSinceScrub_, false); }

private:
    struct PendingViews {
        bool merged = false;  // the case itself was merged in this batch: its document and deleted flag follow
        Json doc;
        bool deleted = false;
        bool newRow = false;     // inserted in this batch: no search text yet
        bool docStored = false;  // the row holds `doc` already (inserted with it, not merged again since)
    };
    void materialise(const std::string& entityId, ApplyResult& result, std::set<std::string>& done);
    // An attachment record (sync/PROTOCOL.md §11.1): stored without content, or removed by its tombstone.
    void materialiseAttachment(const EntityState& e);
    void writePendingViews();

    vault::Vault& vault_;
    bool batching_ = false;
    bool erasedSinceScrub_ = false;
    std::map<std::string, PendingViews> pending_;  // by case id
    std::chrono::nanoseconds viewsCost_{300'000};  // per case, measured by writePendingViews (a first guess here)
};

// The vault's op set as merge sees it: every journalled op except the excluded ones.
MergeState loadVaultState(vault::Vault& vault);
MergeState loadEntityState(vault::Vault& vault, std::string_view entityId);
// §5.8 over every case the vault holds (or the given cases).
StateHash vaultStateHash(vault::Vault& vault, const std::optional<std::set<std::string>>& scope = std::nullopt);

// The journal entry of a vault as a merge op.
RemoteOp toMergeOp(const journal::Entry& entry);

}  // namespace abri::merge
