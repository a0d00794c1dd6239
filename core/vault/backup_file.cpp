#include "vault/backup_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <span>

#include <nlohmann/json.hpp>

#include "common/atomic_file.h"
#include "common/error.h"
#include "crypto/primitives.h"

namespace abri::backup {

namespace fs = std::filesystem;

namespace {

constexpr std::array<std::uint8_t, 8> kMagic = {'A', 'B', 'R', 'I', 'B', 'K', 'U', 'P'};
constexpr std::uint32_t kFormatVersion = 1;
constexpr std::size_t kMaxHeaderBytes = 4096;
constexpr std::size_t kMaxKeyFileBytes = 16 * 1024 * 1024;

using Bytes = std::vector<std::uint8_t>;

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

fs::path folderOf(const fs::path& path) { return path.has_parent_path() ? path.parent_path() : fs::path("."); }

fs::path withSuffix(const fs::path& path, const char* suffix) {
    fs::path p = path;
    p += suffix;
    return p;
}

}  // namespace

void removeDatabaseFiles(const fs::path& path) noexcept {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(withSuffix(path, suffix), ec);
}

Bytes readWholeFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::IoError, path.string(), "cannot open");
    Bytes bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(ErrorCode::IoError, path.string(), "read failed");
    return bytes;
}

void checkBackupDestination(const fs::path& destination) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(destination, ec))) {
        throw Error(ErrorCode::BackupDestinationExists, destination.string());
    }
    const fs::path folder = folderOf(destination);
    if (!fs::is_directory(folder, ec) || ::access(folder.c_str(), W_OK | X_OK) != 0) {
        throw Error(ErrorCode::IoError, destination.string(), "the folder does not exist or cannot be written");
    }
}

std::uint64_t writeBackupFile(const fs::path& destination, const BackupFile& file) {
    const std::string header = nlohmann::json{{"kind", file.kind}, {"id", file.id}, {"taken_ms", file.takenMs}}.dump();
    Bytes out(kMagic.begin(), kMagic.end());
    out.reserve(file.database.size() + file.keyFile.size() + header.size() + 64);
    putLe(out, kFormatVersion, 4);
    putLe(out, header.size(), 4);
    out.insert(out.end(), header.begin(), header.end());
    putLe(out, file.keyFile.size(), 4);
    out.insert(out.end(), file.keyFile.begin(), file.keyFile.end());
    putLe(out, file.database.size(), 8);
    out.insert(out.end(), file.database.begin(), file.database.end());
    const auto checksum = crypto::blake2b({out});
    out.insert(out.end(), checksum.begin(), checksum.end());
    writeNewFileAtomically(destination, out);
    return out.size();
}

BackupFile readBackupFile(const fs::path& path, const std::string& expectedKind) {
    const std::string subject = path.string();
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw Error(ErrorCode::IoError, subject, "no such file");
    const Bytes bytes = readWholeFile(path);
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
    if (header.is_discarded() || !header.is_object() || !header["kind"].is_string() || !header["id"].is_string() ||
        !header["taken_ms"].is_number_integer()) {
        throw Error(ErrorCode::BackupCorrupted, subject, "bad header");
    }
    BackupFile file;
    file.kind = header["kind"].get<std::string>();
    if (file.kind != expectedKind) throw Error(ErrorCode::BackupCorrupted, subject, "a backup of a " + file.kind);
    file.id = header["id"].get<std::string>();
    file.takenMs = header["taken_ms"].get<std::int64_t>();
    const auto keyLen = r.le(4);
    if (keyLen > kMaxKeyFileBytes) throw Error(ErrorCode::BackupCorrupted, subject, "key file too large");
    const auto keys = r.take(keyLen);
    file.keyFile.assign(keys.begin(), keys.end());
    const auto db = r.take(r.le(8));
    file.database.assign(db.begin(), db.end());
    if (r.remaining() != 0) throw Error(ErrorCode::BackupCorrupted, subject, "trailing bytes");
    return file;
}

bool databaseOpenElsewhere(const fs::path& database) {
    const fs::path shm = withSuffix(database, "-shm");
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

ScratchFolder::ScratchFolder(const fs::path& beside) {
    std::string name = (folderOf(beside) / (".tmp-restore-" + beside.filename().string() + "-XXXXXX")).string();
    if (::mkdtemp(name.data()) == nullptr) {
        const int err = errno;
        if (err == ENOSPC || err == EDQUOT) throw Error(ErrorCode::DiskFull, beside.string());
        throw Error(ErrorCode::IoError, beside.string(),
                    std::string("cannot create a temporary folder: ") + std::strerror(err));
    }
    path_ = name;
}

ScratchFolder::~ScratchFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void installRestoredFiles(const fs::path& stagedDb, const fs::path& liveDb, const fs::path& stagedKeys,
                          const fs::path& liveKeys) {
    fsyncPath(stagedDb, false);
    fsyncPath(stagedKeys, false);
    std::error_code ec;
    fs::remove(withSuffix(liveDb, "-wal"), ec);
    fs::remove(withSuffix(liveDb, "-shm"), ec);
    // Database first: the old key file wraps the same data key, so a crash between the renames still opens.
    renameOrThrow(stagedDb, liveDb);
    renameOrThrow(stagedKeys, liveKeys);
    fsyncPath(folderOf(liveDb), true);
}

}  // namespace abri::backup
