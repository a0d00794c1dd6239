#include "devicesync/restored_vault.h"

#include <algorithm>
#include <string>

#include "devicesync/inbox.h"
#include "devicesync/outbox.h"
#include "wire/sync_files.h"
#include "wire/upload_held.h"
#include "common/decimal.h"
#include "devicesync/device_sync.h"
#include "storage/meta.h"
#include "vault/vault.h"

namespace abri::devicesync {

namespace fs = std::filesystem;

namespace {

constexpr const char* kRecoveryMetaKey = "sync_recovery";      // "1" while recovering, "" once done
constexpr const char* kCheckpointMetaKey = "sync_checkpoint";  // the same key as changeset/inbox.cpp reads

// Files of the replaced vault in <vault>.sync/ that the restored one must not take as its own.
void resetSyncFolder(const fs::path& syncDir, std::uint64_t checkpoint) {
    std::error_code ec;
    if (!fs::is_directory(syncDir, ec)) return;
    for (const char* sub : {"outbox", "inbox"}) {
        if (!fs::is_directory(syncDir / sub, ec)) continue;
        std::vector<fs::path> stale;
        for (const auto& entry : fs::directory_iterator(syncDir / sub)) stale.push_back(entry.path());
        for (const auto& path : stale) fs::remove_all(path, ec);
    }
    wire::forgetHeldUpload(syncDir);
    const std::string text = "office_seq " + std::to_string(checkpoint) + "\n";
    wire::writeFileAtomically(syncDir, kCheckpointFile, crypto::asBytes(text));
    wire::writeFileAtomically(syncDir, kRecoveringFile, crypto::asBytes(std::string_view("restored\n")));
}

}  // namespace

bool isRecovering(vault::Vault& vault) {
    const auto value = storage::readMeta(vault.db(), kRecoveryMetaKey);
    return value && !value->empty();
}

vault::BackupInfo restoreLaptopVault(vault::RestoreOptions options) {
    std::optional<std::uint64_t> rewound;
    auto chained = std::move(options.prepare);
    options.prepare = [&](vault::Vault& staged) {
        if (chained) chained(staged);
        if (!isEnrolled(staged)) return;
        // One entry back: a page is then never empty (since < head), so the first page after the restore always
        // tells the vault the hub's acked_device_seq. Entries at or below the old checkpoint apply as no-ops.
        const std::uint64_t checkpoint = readCheckpoint(staged.db());
        rewound = checkpoint == 0 ? 0 : checkpoint - 1;
        storage::Transaction tx(staged.db());
        storage::writeMeta(staged.db(), kRecoveryMetaKey, "1");
        storage::writeMeta(staged.db(), kCheckpointMetaKey, std::to_string(*rewound));
        tx.commit();
    };
    const auto info = vault::restoreVault(options);
    if (rewound) resetSyncFolder(wire::syncFolder(options.vaultPath), *rewound);
    return info;
}

void followOwnChangeSet(vault::Vault& vault, const wire::ChangeSet& own) {
    const auto head = readChainHead(vault.db());
    if (own.header.deviceSeq != head.seq + 1 || own.header.prevHash != head.id) return;
    writeChainHead(vault.db(), ChainHead{own.header.deviceSeq, own.id});
    // Its HLCs are this device's own: later edits must stamp above them even where the hub clamped them.
    vault.clock().observe(own.header.hlcMax);
}

void followOwnReceipt(vault::Vault& vault, const wire::AdmissionRecord& admission) {
    const auto head = readChainHead(vault.db());
    if (admission.deviceSeq != head.seq + 1) return;
    // No prev_hash to check: the hub, whose page signature covers this record, admitted the link.
    writeChainHead(vault.db(), ChainHead{admission.deviceSeq, admission.changeSetId});
}

bool finishRecoveryIfComplete(vault::Vault& vault, std::uint64_t pageLastSeq, std::uint64_t pageHeadSeq,
                              std::uint64_t ackedDeviceSeq) {
    if (!isRecovering(vault) || pageLastSeq < pageHeadSeq) return false;
    if (ackedDeviceSeq > readChainHead(vault.db()).seq) return false;  // more of ours to come
    storage::writeMeta(vault.db(), kRecoveryMetaKey, "");
    return true;
}

}  // namespace abri::devicesync
