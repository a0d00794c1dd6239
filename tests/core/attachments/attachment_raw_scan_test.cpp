// What an attacker with the disk sees of attachments: a marker placed inside a synthetic JPEG, PNG and PDF is
// attached, then every file in the vault's folder (the vault, its -wal and -shm, the key slots, anything else that
// appeared there) is scanned for the marker's bytes: while open, after a checkpoint, after removal and purge, and
// after the vault is locked. The input files live in another folder: they are the user's own plaintext.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "attachment_fixture.h"

using namespace abri;
using namespace abri::attachments;
using test::Bytes;

namespace {

const std::string kMarker = "FAKE-ATTACHMENT-MARKER-Qwxzjvvk-7731";

// Every regular file under `dir`, recursively, checked for the marker; returns how many files were scanned.
int expectNoMarker(const std::filesystem::path& dir) {
    int scanned = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        ++scanned;
        INFO("file " << entry.path().filename().string());
        CHECK_FALSE(test::fileContains(entry.path(), kMarker));
    }
    return scanned;
}

bool contains(const Bytes& haystack, const std::string& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

}  // namespace

// Files directly in the system temp folder now, apart from `except` (the fixture's own folder, whose inputs hold the
// marker on purpose).
std::set<std::filesystem::path> tempFiles(const std::filesystem::path& except) {
    std::set<std::filesystem::path> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path(), ec)) {
        if (entry.path() != except) out.insert(entry.path());
    }
    return out;
}

TEST_CASE("no marker from an attached image or PDF is readable in any file beside the vault", "[attachments][disk]") {
    test::AttachmentFixture f;
    const auto tempBefore = tempFiles(f.dir.path());
    auto repo = f.repo();
    // Sizes that span several chunks, so the marker sits in the first chunk and in a later one.
    const auto jpeg = f.input("scan.jpg", test::syntheticJpeg(kMarker, 600 * 1024));
    const auto png = f.input("photo.png", test::syntheticPng(kMarker, 40 * 1024));
    const auto pdf = f.input("consent.pdf", test::syntheticPdf(kMarker, 900 * 1024));
    REQUIRE(test::fileContains(jpeg, kMarker));  // the scan would find it if it were there
    const std::string jpegId = repo.addFile(f.caseId, jpeg, test::opts(Category::IdentityDocument));
    const std::string pngId = repo.addFile(f.caseId, png, test::opts(Category::Photo));
    const std::string pdfId = repo.addFile(f.caseId, pdf, test::opts(Category::ConsentForm));

    // Open, with the recent pages in the WAL.
    REQUIRE(std::filesystem::exists(f.vaultPath.string() + "-wal"));
    CHECK(expectNoMarker(f.vaultDir) >= 3);  // vault, -wal, -shm, .keys
    // The content is really there: read back (in memory only) it has the marker.
    CHECK(contains(test::readBack(repo, jpegId), kMarker));
    CHECK(contains(test::readBack(repo, pngId), kMarker));
    CHECK(contains(test::readBack(repo, pdfId), kMarker));
    expectNoMarker(f.vaultDir);

    f.vault->db().checkpoint();
    expectNoMarker(f.vaultDir);

    // Removal and purge, a checkpoint, then locked.
    f.login("super", test::kSupervisorPassword);
    auto sup = f.repo();
    sup.remove(jpegId);
    sup.remove(pngId);
    sup.remove(pdfId);
    CHECK(f.rows("attachment_chunks") == 0);
    f.vault->db().checkpoint();
    expectNoMarker(f.vaultDir);
    f.vault->lock();
    expectNoMarker(f.vaultDir);

    // No temporary file elsewhere either: whatever appeared in the temp folder meanwhile (other tests may run in
    // parallel) holds no marker.
    for (const auto& path : tempFiles(f.dir.path())) {
        if (tempBefore.count(path) != 0 || !std::filesystem::is_regular_file(path)) continue;
        INFO("temp file " << path.filename().string());
        CHECK_FALSE(test::fileContains(path, kMarker));
    }
}
