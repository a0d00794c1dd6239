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
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
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
    ApplyResult apply(AdmittedChangeSet changeSet);

    // Recomputes one entity (case or item) from the journal and writes it back. Used by apply and by
    // resolveConflict; exposed for repair tools and tests.
    void rematerialise(std::string_view entityId, ApplyResult& result);

private:
    vault::Vault& vault_;
};

// The vault's op set as merge sees it: every journalled op except the excluded ones.
MergeState loadVaultState(vault::Vault& vault);
MergeState loadEntityState(vault::Vault& vault, std::string_view entityId);
// §5.8 over every case the vault holds (or the given cases).
StateHash vaultStateHash(vault::Vault& vault, const std::optional<std::set<std::string>>& scope = std::nullopt);

// The journal entry of a vault as a merge op.
RemoteOp toMergeOp(const journal::Entry& entry);

}  // namespace abri::merge
