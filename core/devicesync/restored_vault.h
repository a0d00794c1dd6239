#pragma once
// A vault restored from a backup rejoins its chain at the hub (sync/PROTOCOL.md §7.7). The backup is older than
// what the hub holds from this device: change-sets sealed after the backup (device_seq > the backup's chain head)
// were admitted already. Packing new ones from the backup's chain head would re-use those seqs, a fork. So a
// restored, enrolled vault is marked recovering: it packs nothing, its sync service asks the hub for this device's
// own change-sets in full (capability OWN_CHANGESETS), the app journals their ops as its own (the edits made after
// the backup come back, and its unshipped entries the hub already holds are marked shipped instead of being sent
// twice), and its chain head follows them. Once a page built up to the feed head says the hub holds nothing beyond
// that chain head (acked_device_seq), recovery ends and packing continues from there.
#include <cstdint>
#include <filesystem>

#include "wire/admission_record.h"
#include "wire/changeset.h"
#include "vault/vault_backup.h"

namespace abri::vault {
class Vault;
}

namespace abri::devicesync {

// In <vault>.sync/: present while the vault is recovering; abri-syncd then asks for OWN_CHANGESETS.
inline constexpr const char* kRecoveringFile = "recovering";

// The whole restore of a laptop vault: vault::restoreVault, marking the verified copy recovering when it is
// enrolled (its checkpoint rewound by one so the first page is never empty and carries acked_device_seq), then
// resetting <vault>.sync/ when it exists: this device's outbox files, every inbox file and upload-held are
// removed (files of the replaced vault, which the restored one cannot account for), the checkpoint file rewritten
// and the recovering marker written. Stop the sync service first; the vault itself must be closed.
vault::BackupInfo restoreLaptopVault(vault::RestoreOptions options);

// meta.sync_recovery is set (a restored vault that has not yet re-read its own change-sets).
bool isRecovering(vault::Vault& vault);

// Inside a page transaction of syncVault: one of this device's own change-sets came back in full; the chain head
// follows it when it is the next link (device_seq = head + 1 and prev_hash = head id).
void followOwnChangeSet(vault::Vault& vault, const wire::ChangeSet& own);
// The same from a receipt: the hub sends one instead of the change-set when an erasure emptied it (§5.9).
void followOwnReceipt(vault::Vault& vault, const wire::AdmissionRecord& admission);
// Inside a page transaction: ends recovery when the page reaches the feed head and the hub holds nothing of this
// device beyond the chain head. Returns true when it ended it.
bool finishRecoveryIfComplete(vault::Vault& vault, std::uint64_t pageLastSeq, std::uint64_t pageHeadSeq,
                              std::uint64_t ackedDeviceSeq);

}  // namespace abri::devicesync
