#include "vault/vault_backup.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <span>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/audit_log.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "storage/meta.h"
#include "vault/key_slot_file.h"

namespace abri::vault {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::uint8_t, 8> kMagic = {'A', 'B', 'R', 'I', 'B', 'K', 'U', 'P'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::size_t kMaxHeaderBytes = 4096;
constexpr std::size_t kMaxKeySlotBytes = 16 * 1024 * 1024;

using Bytes = std::vector<std::uint8_t>;

Bytes readFile(const fs::path& path, const std::string& subject) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::IoError, subject, "cannot open");
    Bytes bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(ErrorCode::IoError, subject, "read failed");
    return bytes;
}

void putLe(Bytes& out, std::uint64_t value, int width) {
    for (int i = 0; i < width; ++i) out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

class Reader {
public:
    Reader(std::span<const std::uint8_t> bytes, std::string subject) : bytes_(bytes), subject_(std::move(subject)) {}
    std::uint64_t le(int width) {
        need(static_cast<std::size_t>(width));
        std::uint64_t value = 0;
        for (int i = 0; i < width; ++i) value |= static_cast<std::uint64_t>(bytes_[pos_ + i]) << (8 * i);
        pos_ += static_cast<std::size_t>(width);
        return value;
    }
    std::span<const std::uint8_t> take(std::uint64_t n) {
        need(n);
        auto part = bytes_.subspan(pos_, static_cast<std::size_t>(n));
        pos_ += static_cast<std::size_t>(n);
        return part;
    }
    std::size_t remaining() const { return bytes_.size() - pos_; }

private:
    void need(std::uint64_t n) const {
        if (n > remaining()) throw Error(ErrorCode::BackupCorrupted, subject_, "truncated");
    }
    std::span<const std::uint8_t> bytes_;
    std::size_t pos_ = 0;
    std::string subject_;
};

struct Parsed {
    BackupInfo info;
    Bytes keySlots;
    Bytes database;
};

Parsed parseBackup(const Bytes& bytes, const fs::path& path) {
    const std::string subject = path.string();
    if (bytes.size() < kMagic.size() + 4 + crypto::kHashBytes ||
        !std::equal(kMagic.begin(), kMagic.end(), bytes.begin())) {
        throw Error(ErrorCode::BackupCorrupted, subject, "not an Abri backup");
    }
    const auto body = std::span<const std::uint8_t>(bytes).first(bytes.size() - crypto::kHashBytes);
    const auto checksum = crypto::blake2b({body});
    if (!crypto::constantTimeEqual(checksum, std::span<const std::uint8_t>(bytes).last(crypto::kHashBytes))) {
        throw Error(ErrorCode::BackupCorrupted, subject, "checksum mismatch");
    }
    Reader r(body, subject);
    r.take(kMagic.size());
    const auto version = r.le(4);
    if (version != kFormatVersion) throw Error(ErrorCode::VaultFromNewerVersion, subject, std::to_string(version));
    const auto headerLen = r.le(4);
    if (headerLen > kMaxHeaderBytes) throw Error(ErrorCode::BackupCorrupted, subject, "header too large");
    const auto headerBytes = r.take(headerLen);
    const auto header = nlohmann::json::parse(headerBytes.begin(), headerBytes.end(), nullptr, false);
    if (header.is_discarded() || !header.is_object() || !header["vault_id"].is_string() ||
        !header["taken_ms"].is_number_integer()) {
        throw Error(ErrorCode::BackupCorrupted, subject, "bad header");
    }
    Parsed parsed;
    parsed.info.vaultId = header["vault_id"].get<std::string>();
    parsed.info.takenMs = header["taken_ms"].get<std::int64_t>();
    parsed.info.bytes = bytes.size();
    const auto keyLen = r.le(4);
    if (keyLen > kMaxKeySlotBytes) throw Error(ErrorCode::BackupCorrupted, subject, "key slots too large");
    const auto keys = r.take(keyLen);
    parsed.keySlots.assign(keys.begin(), keys.end());
    const auto dbLen = r.le(8);
    const auto db = r.take(dbLen);
    parsed.database.assign(db.begin(), db.end());
    if (r.remaining() != 0) throw Error(ErrorCode::BackupCorrupted, subject, "trailing bytes");
    // The key slots must name the same vault as the header (the database is checked against them at unlock).
    const auto slots = decodeKeySlotFile(parsed.keySlots, path);
    if (slots.vaultId != parsed.info.vaultId) throw Error(ErrorCode::BackupCorrupted, subject, "vault id mismatch");
    return parsed;
}

// Removes a file and SQLite's companions of it; for temporary files only.
void removeDatabaseFiles(const fs::path& path) noexcept {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        fs::path p = path;
        p += suffix;
        fs::remove(p, ec);
    }
}

fs::path withSuffix(const fs::path& path, const char* suffix) {
    fs::path p = path;
    p += suffix;
    return p;
}

// A vault is in use while any connection of another process is open: SQLite's unix VFS keeps a read lock on the
// "DMS" byte (offset 128) of `<vault>-shm` for as long as a WAL connection lives.
bool openInAnotherProcess(const fs::path& vaultPath) {
    const fs::path shm = withSuffix(vaultPath, "-shm");
    const int fd = ::open(shm.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct flock probe {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = 128;
    probe.l_len = 1;
    const bool locked = ::fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type != F_UNLCK;
    ::close(fd);
    return locked;
}

void fsyncPath(const fs::path& path, bool folder) {
    const int fd = ::open(path.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int err = errno;
        if (fd >= 0) ::close(fd);
        throw Error(ErrorCode::IoError, path.string(), std::string("fsync failed: ") + std::strerror(err));
    }
    ::close(fd);
}

void renameOrThrow(const fs::path& from, const fs::path& to) {
    if (::rename(from.c_str(), to.c_str()) != 0) {
        throw Error(ErrorCode::IoError, to.string(), std::string("rename failed: ") + std::strerror(errno));
    }
}

// A temporary folder beside the vault (same file system, so the final renames are atomic), removed on scope exit.
class ScratchFolder {
public:
    explicit ScratchFolder(const fs::path& beside) {
        const fs::path folder = beside.has_parent_path() ? beside.parent_path() : fs::path(".");
        std::string name = (folder / (".tmp-restore-" + beside.filename().string() + "-XXXXXX")).string();
        if (::mkdtemp(name.data()) == nullptr) {
            const int err = errno;
            if (err == ENOSPC || err == EDQUOT) throw Error(ErrorCode::DiskFull, beside.string());
            throw Error(ErrorCode::IoError, beside.string(), std::string("cannot create a temporary folder: ") +
                                                                 std::strerror(err));
        }
        path_ = name;
    }
    ~ScratchFolder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

}  // namespace

BackupInfo backupVault(Vault& vault, const fs::path& destination) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(destination, ec))) {
        throw Error(ErrorCode::BackupDestinationExists, destination.string());
    }
    const fs::path folder = destination.has_parent_path() ? destination.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec) || ::access(folder.c_str(), W_OK | X_OK) != 0) {
        throw Error(ErrorCode::IoError, destination.string(), "the folder does not exist or cannot be written");
    }
    const BackupInfo info{vault.vaultId(), vault.nowMs(), 0};

    // The database copy goes to a temporary file in the destination's folder first (SQLite writes files, not
    // buffers); it is encrypted like the vault and removed whatever happens.
    const fs::path tempDb = folder / (".tmp-" + destination.filename().string() + "-db-" + crypto::randomId());
    Bytes database;
    try {
        vault.copyDatabaseTo(tempDb);
        database = readFile(tempDb, destination.string());
    } catch (...) {
        removeDatabaseFiles(tempDb);
        throw;
    }
    removeDatabaseFiles(tempDb);
    const Bytes keySlots = readFile(keySlotPath(vault.path()), keySlotPath(vault.path()).string());

    const std::string header = nlohmann::json{{"vault_id", info.vaultId}, {"taken_ms", info.takenMs}}.dump();
    Bytes out(kMagic.begin(), kMagic.end());
    out.reserve(database.size() + keySlots.size() + header.size() + 64);
    putLe(out, kFormatVersion, 4);
    putLe(out, header.size(), 4);
    out.insert(out.end(), header.begin(), header.end());
    putLe(out, keySlots.size(), 4);
    out.insert(out.end(), keySlots.begin(), keySlots.end());
    putLe(out, database.size(), 8);
    out.insert(out.end(), database.begin(), database.end());
    const auto checksum = crypto::blake2b({out});
    out.insert(out.end(), checksum.begin(), checksum.end());
    writeNewFileAtomically(destination, out);

    BackupInfo written = info;
    written.bytes = out.size();
    storage::Transaction tx(vault.db());
    storage::writeMeta(vault.db(), kLastBackupMetaKey, std::to_string(info.takenMs));
    vault.audit().append(info.takenMs, vault.currentUser().id, audit::Action::VaultBackedUp, "", "",
                         std::to_string(written.bytes));
    tx.commit();
    return written;
}

BackupInfo inspectBackup(const fs::path& backup) {
    return parseBackup(readFile(backup, backup.string()), backup).info;
}

BackupInfo restoreVault(const RestoreOptions& options) {
    const std::string backupSubject = options.backup.string();
    std::error_code ec;
    if (!fs::is_regular_file(options.backup, ec)) throw Error(ErrorCode::IoError, backupSubject, "no such file");
    const Parsed parsed = parseBackup(readFile(options.backup, backupSubject), options.backup);

    const fs::path slotPath = keySlotPath(options.vaultPath);
    const bool replacing = fs::exists(fs::symlink_status(options.vaultPath, ec)) ||
                           fs::exists(fs::symlink_status(slotPath, ec));
    if (replacing) {
        // A vault whose key-slot file is unreadable can still be replaced (it is what backups are for); one that
        // names another vault cannot.
        try {
            if (readKeySlotFile(slotPath).vaultId != parsed.info.vaultId) {
                throw Error(ErrorCode::BackupOfAnotherVault, backupSubject);
            }
        } catch (const Error& error) {
            if (error.code() == ErrorCode::BackupOfAnotherVault) throw;
        }
        if (openInAnotherProcess(options.vaultPath)) throw Error(ErrorCode::Busy, options.vaultPath.string());
    }

    ScratchFolder scratch(options.vaultPath);
    const fs::path stagedDb = scratch.path() / options.vaultPath.filename();
    const fs::path stagedKeys = keySlotPath(stagedDb);
    writeFileAtomically(stagedDb, parsed.database);
    writeFileAtomically(stagedKeys, parsed.keySlots);
    {
        std::unique_ptr<Vault> staged;
        try {
            staged = Vault::unlock(stagedDb, options.username, options.password, UnlockOptions{options.clock});
            if (!staged->db().integrityOk()) throw Error(ErrorCode::VaultCorrupted, stagedDb.string(), "integrity");
            if (staged->vaultId() != parsed.info.vaultId) throw Error(ErrorCode::VaultCorrupted, stagedDb.string());
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
                               "from_backup_ms=" + std::to_string(parsed.info.takenMs));
        staged->lock();  // closes the last connection: the WAL is merged into the file
    }
    fsyncPath(stagedDb, false);
    fsyncPath(stagedKeys, false);

    // Check again right before the swap: the vault may have been opened while the copy was verified.
    if (replacing && openInAnotherProcess(options.vaultPath)) throw Error(ErrorCode::Busy, options.vaultPath.string());
    // A stale WAL of the old database would be replayed into the restored one: it goes first.
    fs::remove(withSuffix(options.vaultPath, "-wal"), ec);
    fs::remove(withSuffix(options.vaultPath, "-shm"), ec);
    renameOrThrow(stagedDb, options.vaultPath);
    renameOrThrow(stagedKeys, slotPath);
    fsyncPath(options.vaultPath.has_parent_path() ? options.vaultPath.parent_path() : fs::path("."), true);
    return parsed.info;
}

}  // namespace abri::vault
