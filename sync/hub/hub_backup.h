#pragma once
// `abri-hub backup DIR DEST` / `abri-hub restore BACKUP DIR`: the hub's store (hub.db and hub.keys) as one backup
// file (core/vault/backup_file.h, kind "hub"), exactly as unreadable as the store: the database encrypted with the
// store's key, which hub.keys holds only wrapped under the passphrase. The copy is consistent while the hub serves.
// partial/ (uploads cut mid-transfer) is not included: devices send those files again from the start.
//
// After restoring an older store, devices are ahead of the hub: their uploads past the hub's acked seq arrive as
// the next links (they still hold those change-sets), but a device's checkpoint may be beyond the restored feed
// head, which the hub answers with bad_since (§9): the operator re-enrols such devices.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace abri::sync::hub {

struct HubBackupInfo {
    std::string hubId;
    std::int64_t takenMs = 0;
    std::uint64_t bytes = 0;
};

// Errors: BackupDestinationExists (nothing touched), IoError / DiskFull (nothing left behind), WrongPassword.
HubBackupInfo backupHub(const std::filesystem::path& dir, std::string_view passphrase,
                        const std::filesystem::path& destination, std::int64_t nowMs);

// Verifies the backup in a folder inside DIR (checksum, passphrase, schema, integrity, and the same hub id as the
// store it replaces when that one opens), then renames hub.db and hub.keys into place. Errors, each leaving the
// store untouched: BackupCorrupted, BackupOfAnotherVault (another hub's backup), WrongPassword, Busy (the hub is
// running: stop it first), VaultFromNewerVersion, IoError.
HubBackupInfo restoreHub(const std::filesystem::path& backup, const std::filesystem::path& dir,
                         std::string_view passphrase);

}  // namespace abri::sync::hub
