#include "hub_backup.h"

#include <optional>

#include "wire/wire_types.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "hub_store.h"
#include "vault/backup_file.h"

namespace abri::sync::hub {

namespace fs = std::filesystem;

namespace {

constexpr const char* kKind = "hub";
constexpr const char* kDbFile = "hub.db";
constexpr const char* kKeysFile = "hub.keys";

}  // namespace

HubBackupInfo backupHub(const fs::path& dir, std::string_view passphrase, const fs::path& destination,
                        std::int64_t nowMs) {
    backup::checkBackupDestination(destination);
    backup::BackupFile file;
    file.kind = kKind;
    file.takenMs = nowMs;
    file.id = wire::idToHex(HubStore::open(dir, passphrase).hubId());  // also checks the passphrase
    const fs::path folder = destination.has_parent_path() ? destination.parent_path() : fs::path(".");
    const fs::path tempDb = folder / (".tmp-" + destination.filename().string() + "-db-" + crypto::randomId());
    try {
        HubStore::copyDatabase(dir, passphrase, tempDb);
        file.database = backup::readWholeFile(tempDb);
    } catch (...) {
        backup::removeDatabaseFiles(tempDb);
        throw;
    }
    backup::removeDatabaseFiles(tempDb);
    file.keyFile = backup::readWholeFile(dir / kKeysFile);
    return HubBackupInfo{file.id, file.takenMs, backup::writeBackupFile(destination, file)};
}

HubBackupInfo restoreHub(const fs::path& backupPath, const fs::path& dir, std::string_view passphrase) {
    const std::string subject = backupPath.string();
    const auto file = backup::readBackupFile(backupPath, kKind);
    const fs::path liveDb = dir / kDbFile;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw Error(ErrorCode::IoError, dir.string(), "no such folder");
    if (backup::databaseOpenElsewhere(liveDb)) throw Error(ErrorCode::Busy, dir.string());
    if (fs::exists(liveDb, ec)) {
        // A store that no longer opens may be replaced (that is what backups are for); another hub's may not.
        std::optional<std::string> currentId;
        try {
            currentId = wire::idToHex(HubStore::open(dir, passphrase).hubId());
        } catch (const Error&) {
        }
        if (currentId && *currentId != file.id) throw Error(ErrorCode::BackupOfAnotherVault, subject);
    }

    backup::ScratchFolder scratch(liveDb);
    writeFileAtomically(scratch.path() / kDbFile, file.database);
    writeFileAtomically(scratch.path() / kKeysFile, file.keyFile);
    try {
        auto staged = HubStore::open(scratch.path(), passphrase);
        if (!staged.db().integrityOk()) throw Error(ErrorCode::VaultCorrupted, "hub.db", "integrity");
        if (wire::idToHex(staged.hubId()) != file.id) throw Error(ErrorCode::VaultCorrupted, "hub.db", "hub id");
    } catch (const Error& error) {
        switch (error.code()) {
        case ErrorCode::VaultCorrupted:
        case ErrorCode::KeySlotFileCorrupted:
        case ErrorCode::VaultNotFound:
            throw Error(ErrorCode::BackupCorrupted, subject, error.detail());
        case ErrorCode::VaultFromNewerVersion:
            throw Error(ErrorCode::VaultFromNewerVersion, subject, error.detail());
        default:
            throw;
        }
    }
    if (backup::databaseOpenElsewhere(liveDb)) throw Error(ErrorCode::Busy, dir.string());
    backup::installRestoredFiles(scratch.path() / kDbFile, liveDb, scratch.path() / kKeysFile, dir / kKeysFile);
    return HubBackupInfo{file.id, file.takenMs, static_cast<std::uint64_t>(fs::file_size(backupPath))};
}

}  // namespace abri::sync::hub
