#pragma once
// Backing up and restoring a vault (issue 10). A backup is ONE file, so it can be carried on a USB stick, copied
// and checked as a unit; it is exactly as unreadable as the vault: the database inside is the SQLCipher file
// encrypted with the vault's own data key, and the key-slot file beside it only holds that key wrapped under the
// users' passwords and the recovery key (the usernames are readable, as in `<vault>.keys`).
//
// File format: vault/backup_file.h (kind "vault", id = the vault id, key file = `<vault>.keys`).
//
// The `<vault>.sync/` folder is not in the backup: its change-set and page files are in transit and the hub gives
// them again (a restored vault re-syncs, devicesync/restored_vault.h); its transport key is a plain PEM file that
// would sit readable in the backup. Restoring on the same computer keeps that folder's identity files; on a new
// computer, carry `<vault>.sync/` (daemon.conf, transport.*, hub.descriptor, device.cert) over as well.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "vault/vault.h"

namespace abri::vault {

inline constexpr std::string_view kLastBackupMetaKey = "last_backup_ms";  // meta: when the vault was last backed up

struct BackupInfo {
    std::string vaultId;
    std::int64_t takenMs = 0;
    std::uint64_t bytes = 0;  // size of the backup file
};

// Writes a backup of the unlocked vault to `destination`, a file that must not exist yet. The copy is consistent
// even while the app or another abri-cli keeps writing. The file appears complete or not at all (temporary files
// beside it, fsync, link). Then records meta.last_backup_ms and an audit entry in the vault.
// Throws Error(BackupDestinationExists) (nothing written), Error(IoError | DiskFull) (nothing left behind).
BackupInfo backupVault(Vault& vault, const std::filesystem::path& destination);

// Reads a backup's header and checks its layout and checksum, without any password.
// Throws Error(BackupCorrupted, backup) or Error(IoError, backup).
BackupInfo inspectBackup(const std::filesystem::path& backup);

struct RestoreOptions {
    std::filesystem::path backup;
    std::filesystem::path vaultPath;  // the vault to replace, or where to put it when it does not exist
    std::string username;             // a user of the backup, whose password opens it
    std::string_view password;
    WallClock clock = systemClock();
    // Called with the verified, unlocked copy before it replaces anything (inside no transaction); may write to it
    // (sync marks a restored vault, devicesync/restored_vault.h). Throwing aborts the restore with nothing changed.
    std::function<void(Vault&)> prepare;
};

// Replaces the vault with the backup, after verifying it in a temporary folder beside the vault: checksum, opened
// with the user's password, integrity check, schema not newer, same vault id as the vault it replaces. The
// database and key-slot files are then renamed into place (both wrap the same data key, so a crash between the two
// renames still leaves a vault that opens). Adds a VaultRestored audit entry to the restored vault.
// Errors, each leaving the current vault untouched: BackupCorrupted, BackupOfAnotherVault, WrongPassword,
// UnknownUser, UserDisabled, VaultFromNewerVersion, Busy (the vault is open in another process), IoError, DiskFull.
BackupInfo restoreVault(const RestoreOptions& options);

}  // namespace abri::vault
