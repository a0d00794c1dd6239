#pragma once
// The backup file shared by vault backups (vault/vault_backup.h) and hub backups (sync/hub/hub_backup.h): one file
// holding an encrypted SQLCipher database and the key file that wraps its key, so it is exactly as unreadable as
// what it copies. One file, so it can be carried, copied and checked as a unit.
//
// Format, version 1 (integers little-endian, like the key-slot file):
//   offset 0    8 bytes   magic "ABRIBKUP"
//   offset 8    4 bytes   format version (1)
//   offset 12   4 bytes   header length H;  H bytes: JSON {"kind": "vault"|"hub", "id": "<32 hex>", "taken_ms": n}
//   ...         4 bytes   key file length K;  K bytes: the key file as it was (`<vault>.keys` or `hub.keys`)
//   ...         8 bytes   database length D;  D bytes: the encrypted database (SQLite online backup API copy)
//   end        32 bytes   BLAKE2b-256 of every byte before it
// The checksum detects damage (a flipped bit, truncation) before anything is decrypted; tampering is caught by
// SQLCipher's page MACs and the key file's AEAD, as for the originals.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace abri::backup {

struct BackupFile {
    std::string kind;  // "vault" or "hub"
    std::string id;    // the vault id or hub id, 32 hex
    std::int64_t takenMs = 0;
    std::vector<std::uint8_t> keyFile;
    std::vector<std::uint8_t> database;
};

// Writes `file` to `destination`, which must not exist: Error(BackupDestinationExists) (nothing touched),
// Error(IoError) when its folder is missing or cannot be written, Error(DiskFull); never a partial file.
// Returns the bytes written.
std::uint64_t writeBackupFile(const std::filesystem::path& destination, const BackupFile& file);
// Reads and checks layout and checksum. Error(BackupCorrupted, path) for a damaged file or one of another
// `kind`; Error(VaultFromNewerVersion, path) for a newer format; Error(IoError, path) when it cannot be read.
BackupFile readBackupFile(const std::filesystem::path& path, const std::string& expectedKind);

// Checks that `destination` may be created (missing, in a writable folder) before any work is done.
void checkBackupDestination(const std::filesystem::path& destination);

// Removes a temporary database file and SQLite's companions of it (-wal, -shm, -journal); never throws.
void removeDatabaseFiles(const std::filesystem::path& path) noexcept;

// Whole file into memory / Error(IoError, path).
std::vector<std::uint8_t> readWholeFile(const std::filesystem::path& path);

// True while a connection of another process has the SQLite database open (WAL mode keeps a read lock on byte 128,
// the "DMS" lock, of `<db>-shm` for the connection's lifetime). Connections of this process are not seen.
bool databaseOpenElsewhere(const std::filesystem::path& database);

// A temporary folder beside `beside` (same file system, so renames out of it are atomic), removed on scope exit.
class ScratchFolder {
public:
    explicit ScratchFolder(const std::filesystem::path& beside);
    ~ScratchFolder();
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// Moves verified staged files over the live ones: fsync each staged file, remove the live database's stale `-wal`
// and `-shm` (a stale WAL would be replayed into the new file), rename database then key file, fsync the folder.
void installRestoredFiles(const std::filesystem::path& stagedDb, const std::filesystem::path& liveDb,
                          const std::filesystem::path& stagedKeys, const std::filesystem::path& liveKeys);

}  // namespace abri::backup
