#include "vault/vault_backup.h"

#include "audit/audit_log.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "storage/meta.h"
#include "vault/backup_file.h"
#include "vault/key_slot_file.h"

namespace abri::vault {

namespace fs = std::filesystem;

namespace {

constexpr const char* kKind = "vault";

}  // namespace

BackupInfo backupVault(Vault& vault, const fs::path& destination) {
    backup::checkBackupDestination(destination);
    const fs::path folder = destination.has_parent_path() ? destination.parent_path() : fs::path(".");
    backup::BackupFile file{kKind, vault.vaultId(), vault.nowMs(), {}, {}};

    // The database copy goes to a temporary file in the destination's folder first (SQLite writes files, not
    // buffers); it is encrypted like the vault and removed whatever happens.
    const fs::path tempDb = folder / (".tmp-" + destination.filename().string() + "-db-" + crypto::randomId());
    try {
        vault.copyDatabaseTo(tempDb);
        file.database = backup::readWholeFile(tempDb);
    } catch (...) {
        backup::removeDatabaseFiles(tempDb);
        throw;
    }
    backup::removeDatabaseFiles(tempDb);
    file.keyFile = backup::readWholeFile(keySlotPath(vault.path()));
    const BackupInfo written{file.id, file.takenMs, backup::writeBackupFile(destination, file)};

    storage::Transaction tx(vault.db());
    storage::writeMeta(vault.db(), kLastBackupMetaKey, std::to_string(written.takenMs));
    vault.audit().append(written.takenMs, vault.currentUser().id, audit::Action::VaultBackedUp, "", "",
                         std::to_string(written.bytes));
    tx.commit();
    return written;
}

BackupInfo inspectBackup(const fs::path& path) {
    const auto file = backup::readBackupFile(path, kKind);
    // The key slots must name the same vault as the header (the database is checked against them at unlock).
    if (decodeKeySlotFile(file.keyFile, path).vaultId != file.id) {
        throw Error(ErrorCode::BackupCorrupted, path.string(), "vault id mismatch");
    }
    return BackupInfo{file.id, file.takenMs, static_cast<std::uint64_t>(fs::file_size(path))};
}

BackupInfo restoreVault(const RestoreOptions& options) {
    const std::string backupSubject = options.backup.string();
    const BackupInfo info = inspectBackup(options.backup);
    const auto file = backup::readBackupFile(options.backup, kKind);

    std::error_code ec;
    const fs::path slotPath = keySlotPath(options.vaultPath);
    const bool replacing = fs::exists(fs::symlink_status(options.vaultPath, ec)) ||
                           fs::exists(fs::symlink_status(slotPath, ec));
    if (replacing) {
        // A vault whose key-slot file is unreadable can still be replaced (it is what backups are for); one that
        // names another vault cannot.
        try {
            if (readKeySlotFile(slotPath).vaultId != info.vaultId) {
                throw Error(ErrorCode::BackupOfAnotherVault, backupSubject);
            }
        } catch (const Error& error) {
            if (error.code() == ErrorCode::BackupOfAnotherVault) throw;
        }
        if (backup::databaseOpenElsewhere(options.vaultPath)) throw Error(ErrorCode::Busy, options.vaultPath.string());
    }

    backup::ScratchFolder scratch(options.vaultPath);
    const fs::path stagedDb = scratch.path() / options.vaultPath.filename();
    const fs::path stagedKeys = keySlotPath(stagedDb);
    writeFileAtomically(stagedDb, file.database);
    writeFileAtomically(stagedKeys, file.keyFile);
    {
        std::unique_ptr<Vault> staged;
        try {
            staged = Vault::unlock(stagedDb, options.username, options.password, UnlockOptions{options.clock});
            if (!staged->db().integrityOk()) throw Error(ErrorCode::VaultCorrupted, stagedDb.string(), "integrity");
            if (staged->vaultId() != info.vaultId) throw Error(ErrorCode::VaultCorrupted, stagedDb.string());
        } catch (const Error& error) {
            // The staged copy's paths mean nothing to the user: report the backup file.
            switch (error.code()) {
            case ErrorCode::VaultCorrupted:
            case ErrorCode::KeySlotFileCorrupted:
            case ErrorCode::KeySlotFileMissing:
                throw Error(ErrorCode::BackupCorrupted, backupSubject, error.detail());
            case ErrorCode::VaultFromNewerVersion:
                throw Error(ErrorCode::VaultFromNewerVersion, backupSubject, error.detail());
            default:
                throw;
            }
        }
        if (options.prepare) options.prepare(*staged);
        staged->audit().append(staged->nowMs(), staged->currentUser().id, audit::Action::VaultRestored, "", "",
                               "from_backup_ms=" + std::to_string(info.takenMs));
        staged->lock();  // closes the last connection: the WAL is merged into the file
    }
    // Check again right before the swap: the vault may have been opened while the copy was verified.
    if (replacing && backup::databaseOpenElsewhere(options.vaultPath)) {
        throw Error(ErrorCode::Busy, options.vaultPath.string());
    }
    backup::installRestoredFiles(stagedDb, options.vaultPath, stagedKeys, slotPath);
    return info;
}

}  // namespace abri::vault
