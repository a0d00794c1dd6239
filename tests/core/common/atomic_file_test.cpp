#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>

#include <csignal>
#include <fstream>
#include <string>
#include <vector>

#include "common/atomic_file.h"
#include "common/error.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using abri::Error;
using abri::ErrorCode;
using abri::writeFileAtomically;

namespace {

std::span<const std::uint8_t> bytesOf(const std::string& text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> namesIn(const fs::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

unsigned modeOf(const fs::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 07777U;
}

// Makes every write beyond `bytes` fail with EFBIG (instead of killing the process with SIGXFSZ) until destroyed.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved_) == 0);
        previousHandler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved_;
        limited.rlim_cur = bytes;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previousHandler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit saved_{};
    void (*previousHandler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("an atomic write creates or replaces the file, mode 0600, and leaves nothing else", "[common][atomic]") {
    abri::test::TempDir dir;
    const fs::path target = dir / "status.json";
    writeFileAtomically(target, bytesOf("old content\n"));
    CHECK(readText(target) == "old content\n");
    CHECK(modeOf(target) == 0600U);

    writeFileAtomically(target, bytesOf("new"));
    CHECK(readText(target) == "new");
    CHECK(namesIn(dir.path()) == std::vector<std::string>{"status.json"});

    writeFileAtomically(target, {});  // an empty file is a file too
    CHECK(fs::exists(target));
    CHECK(fs::file_size(target) == 0);
}

TEST_CASE("an atomic write gives the file exactly the permissions asked for, whatever the umask", "[common][atomic]") {
    abri::test::TempDir dir;
    const mode_t previous = ::umask(077);
    writeFileAtomically(dir / "shared.txt", bytesOf("x"),
                        fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    ::umask(previous);
    CHECK(modeOf(dir / "shared.txt") == 0640U);
}

TEST_CASE("a folder that cannot exist is a typed I/O error naming the target", "[common][atomic]") {
    abri::test::TempDir dir;
    const fs::path regularFile = dir / "plain-file";
    writeFileAtomically(regularFile, bytesOf("x"));
    const fs::path target = regularFile / "below-a-file.keys";  // tests run as root: permissions would not stop it
    try {
        writeFileAtomically(target, bytesOf("secret"));
        FAIL("the write should have failed");
    } catch (const Error& error) {
        CHECK(error.code() == ErrorCode::IoError);
        CHECK(error.subject() == target.string());
    }
    CHECK(namesIn(dir.path()) == std::vector<std::string>{"plain-file"});
}

TEST_CASE("a failed rename leaves no temporary file behind", "[common][atomic]") {
    abri::test::TempDir dir;
    const fs::path target = dir / "occupied";
    fs::create_directories(target / "child");  // a non-empty folder where the file should go: rename fails
    CHECK_THROWS_MATCHES(writeFileAtomically(target, bytesOf("new")), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.code() == ErrorCode::IoError; }));
    CHECK(namesIn(dir.path()) == std::vector<std::string>{"occupied"});
    CHECK(fs::is_directory(target / "child"));
}

TEST_CASE("a write that fails half-way keeps the old content and removes the temporary file", "[common][atomic]") {
    abri::test::TempDir dir;
    const fs::path target = dir / "hub.keys";
    writeFileAtomically(target, bytesOf("old keys"));
    const std::string big(64 * 1024, 'n');
    {
        FileSizeLimit limit(1024);  // the temporary file cannot grow past 1 KiB
        CHECK_THROWS_AS(writeFileAtomically(target, bytesOf(big)), Error);
    }
    CHECK(readText(target) == "old keys");
    CHECK(namesIn(dir.path()) == std::vector<std::string>{"hub.keys"});
}
