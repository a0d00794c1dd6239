#include "common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "common/error.h"

namespace abri {

namespace fs = std::filesystem;

namespace {

// errno of a failed step as the typed error the app can explain ("disk full" rather than anything else).
[[noreturn]] void throwIo(const fs::path& target, int err, const char* step) {
    if (err == ENOSPC || err == EDQUOT) throw Error(ErrorCode::DiskFull, target.string(), step);
    throw Error(ErrorCode::IoError, target.string(), std::string(step) + ": " + std::strerror(err));
}

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

void writeAll(int fd, std::span<const std::uint8_t> bytes, const fs::path& target) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        // write() returning 0 for a non-empty buffer means no room was found.
        if (n <= 0) throwIo(target, n < 0 ? errno : ENOSPC, "write failed");
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

namespace {

// Steps shared by both writers: a fresh temporary file beside `target` holding `bytes`, fsynced and closed.
std::string writeTemporary(const fs::path& target, const fs::path& folder, std::span<const std::uint8_t> bytes,
                           fs::perms perms) {
    // mkostemp creates the file with O_CREAT|O_EXCL and mode 0600 under a name no one else holds.
    std::string tempName = (folder / (".tmp-" + target.filename().string() + "-XXXXXX")).string();
    FileDescriptor fd(::mkostemp(tempName.data(), O_CLOEXEC));
    if (fd.get() < 0) throwIo(target, errno, "cannot create temporary file");
    try {
        const auto mode = static_cast<mode_t>(perms & fs::perms::mask);
        if (mode != (S_IRUSR | S_IWUSR) && ::fchmod(fd.get(), mode) != 0) throwIo(target, errno, "chmod failed");
        writeAll(fd.get(), bytes, target);
        if (::fsync(fd.get()) != 0) throwIo(target, errno, "fsync failed");
        if (::close(fd.release()) != 0) throwIo(target, errno, "close failed");
    } catch (...) {
        ::unlink(tempName.c_str());
        throw;
    }
    return tempName;
}

void syncFolder(const fs::path& target, const fs::path& folder) {
    FileDescriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0 || ::fsync(dir.get()) != 0) throwIo(target, errno, "fsync of the folder failed");
}

fs::path folderOf(const fs::path& target) { return target.has_parent_path() ? target.parent_path() : fs::path("."); }

}  // namespace

void writeFileAtomically(const fs::path& target, std::span<const std::uint8_t> bytes, fs::perms perms) {
    const fs::path folder = folderOf(target);
    const std::string tempName = writeTemporary(target, folder, bytes, perms);
    if (::rename(tempName.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(tempName.c_str());
        throwIo(target, err, "rename failed");
    }
    // The rename is durable only once the folder's entry is on disk too.
    syncFolder(target, folder);
}

void writeNewFileAtomically(const fs::path& target, std::span<const std::uint8_t> bytes, fs::perms perms) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(target, ec))) throw Error(ErrorCode::BackupDestinationExists, target.string());
    const fs::path folder = folderOf(target);
    const std::string tempName = writeTemporary(target, folder, bytes, perms);
    // link() publishes the complete file under its name, or fails with EEXIST if someone took the name meanwhile.
    if (::link(tempName.c_str(), target.c_str()) != 0) {
        const int err = errno;
        ::unlink(tempName.c_str());
        if (err == EEXIST) throw Error(ErrorCode::BackupDestinationExists, target.string());
        throwIo(target, err, "link failed");
    }
    ::unlink(tempName.c_str());
    syncFolder(target, folder);
}

}  // namespace abri
