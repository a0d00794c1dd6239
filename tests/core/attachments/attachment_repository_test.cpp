// Attachments on real vault files: add, list, read back, supersede, remove + purge, limits and refusals.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "attachment_fixture.h"
#include "audit/audit_log.h"

using namespace abri;
using namespace abri::attachments;
using test::Bytes;

namespace {

bool hasAudit(vault::Vault& v, const std::string& entityId, audit::Action action) {
    for (const auto& e : v.audit().entriesFor(entityId))
        if (e.action == action) return true;
    return false;
}

}  // namespace

TEST_CASE("an attached PDF is stored in chunks and reads back byte-identical", "[attachments]") {
    test::AttachmentFixture f;
    auto repo = f.repo();
    const Bytes pdf = test::syntheticPdf("Synthetic consent text", 700 * 1024);
    const auto path = f.input("consent-scan.pdf", pdf);

    const std::string id = repo.addFile(f.caseId, path, test::opts(Category::ConsentForm));
    const auto list = repo.list(f.caseId);
    REQUIRE(list.size() == 1);
    const auto& info = list.front();
    CHECK(info.id == id);
    CHECK(info.caseId == f.caseId);
    CHECK(info.fileName == "consent-scan.pdf");
    CHECK_FALSE(info.fileNameMasked);
    CHECK(info.type == ContentType::Pdf);
    CHECK(info.size == pdf.size());
    CHECK(info.category == Category::ConsentForm);
    CHECK(info.addedBy == f.vault->currentUser().id);
    CHECK(info.addedMs == f.nowMs);
    CHECK(info.contentHash == crypto::toHex(crypto::blake2b({pdf})));
    CHECK(info.chunkCount == 3);  // 700 KiB and a bit in 256 KiB chunks
    CHECK_FALSE(info.superseded);

    const auto chunks = repo.chunks(id);
    REQUIRE(chunks.size() == 3);
    CHECK(chunks[0].size == static_cast<std::int64_t>(kChunkBytes));
    CHECK(chunks[0].hash == crypto::toHex(crypto::blake2b({std::span(pdf).first(kChunkBytes)})));
    CHECK(chunks[2].size == static_cast<std::int64_t>(pdf.size() - 2 * kChunkBytes));

    CHECK_FALSE(hasAudit(*f.vault, id, audit::Action::AttachmentViewed));
    CHECK(test::readBack(repo, id) == pdf);
    CHECK(hasAudit(*f.vault, id, audit::Action::AttachmentViewed));
    CHECK(hasAudit(*f.vault, id, audit::Action::AttachmentAdded));

    // Still there after the vault is locked and opened again.
    f.login("worker", test::kWorkerPassword);
    auto again = f.repo();
    CHECK(test::readBack(again, id) == pdf);
}

TEST_CASE("the type comes from the content, not the name", "[attachments][types]") {
    test::AttachmentFixture f;
    auto repo = f.repo();
    const auto png = f.input("looks-like.pdf", test::syntheticPng("Synthetic photo", 2000));
    const auto jpeg = f.input("scan.txt", test::syntheticJpeg("Synthetic scan", 2000));
    const auto text = f.input("notes", test::bytesOf("Synthetic plain note, caf\xC3\xA9 opening hours.\n"));
    const auto tiff = f.input("fax", Bytes{'I', 'I', 0x2A, 0x00, 8, 0, 0, 0, 1, 2, 3});
    const auto webp = f.input("photo", Bytes{'R', 'I', 'F', 'F', 0x10, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8'});
    CHECK(repo.find(repo.addFile(f.caseId, png, {}))->type == ContentType::Png);
    CHECK(repo.find(repo.addFile(f.caseId, jpeg, {}))->type == ContentType::Jpeg);
    CHECK(repo.find(repo.addFile(f.caseId, text, {}))->type == ContentType::PlainText);
    CHECK(repo.find(repo.addFile(f.caseId, tiff, {}))->type == ContentType::Tiff);
    CHECK(repo.find(repo.addFile(f.caseId, webp, {}))->type == ContentType::WebP);
    CHECK(repo.list(f.caseId).size() == 5);
}

TEST_CASE("executables, empty, oversized, unknown and unreadable files are refused with nothing stored",
          "[attachments][limits]") {
    test::AttachmentFixture f;
    auto repo = f.repo(Limits{.maxFileBytes = 600 * 1024});
    auto refused = [&](const std::filesystem::path& path) {
        return test::refusalOf([&] { repo.addFile(f.caseId, path, test::opts(Category::Medical)); });
    };
    Bytes elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
    test::append(elf, test::filler(5000, 3));
    Bytes pe = test::bytesOf("MZ\x90");
    test::append(pe, test::filler(5000, 5));
    CHECK(refused(f.input("report.pdf", elf)) == AttachmentCode::Executable);
    CHECK(refused(f.input("scan.jpg", pe)) == AttachmentCode::Executable);
    CHECK(refused(f.input("letter.txt", test::bytesOf("#!/bin/sh\necho synthetic\n"))) == AttachmentCode::Executable);
    CHECK(refused(f.input("empty.pdf", {})) == AttachmentCode::Empty);
    CHECK(refused(f.input("big.pdf", test::syntheticPdf("x", 700 * 1024))) == AttachmentCode::TooLarge);
    CHECK(refused(f.input("archive.pdf", Bytes{'P', 'K', 3, 4, 0, 0, 0xFF, 0x00})) ==
          AttachmentCode::UnsupportedType);
    CHECK(refused(f.input("random.bin", test::filler(3000, 9))) == AttachmentCode::UnsupportedType);
    // A text beginning in front of binary data (past the first chunk) is not plain text.
    Bytes mixed(300 * 1024, 'a');
    mixed[290 * 1024] = 0;
    CHECK(refused(f.input("mixed.txt", mixed)) == AttachmentCode::UnsupportedType);
    CHECK(refused(f.inputDir / "missing.pdf") == AttachmentCode::Unreadable);
    CHECK(refused(f.inputDir) == AttachmentCode::Unreadable);
    if (::geteuid() != 0) {  // root reads anything
        const auto locked = f.input("locked.pdf", test::syntheticPdf("x", 100));
        std::filesystem::permissions(locked, std::filesystem::perms::none);
        CHECK(refused(locked) == AttachmentCode::Unreadable);
    }
    // In memory: the same checks.
    const auto named = [](const char* name) { return test::opts(Category::Other, std::nullopt, name); };
    CHECK(test::refusalOf([&] { repo.addBytes(f.caseId, elf, named("a.pdf")); }) == AttachmentCode::Executable);
    CHECK(test::refusalOf([&] { repo.addBytes(f.caseId, {}, named("a.pdf")); }) == AttachmentCode::Empty);
    CHECK(test::refusalOf([&] { repo.addBytes(f.caseId, test::bytesOf("%PDF-"), named("bad\nname")); }) ==
          AttachmentCode::InvalidFileName);
    CHECK(f.noAttachmentRows());
    // The refusal names no path and no file name.
    try {
        repo.addFile(f.caseId, f.input("secret-name-Fakeperson.pdf", elf), {});
        FAIL("accepted an executable");
    } catch (const AttachmentError& e) {
        CHECK(std::string(e.what()).find("Fakeperson") == std::string::npos);
        CHECK(e.subject() == "file");
        CHECK(e.name() == "attachment_executable");
    }
    // Exactly at the limit is fine.
    CHECK_NOTHROW(repo.addFile(f.caseId, f.input("limit.pdf", [] {
        Bytes b = test::syntheticPdf("x", 0);
        b.resize(600 * 1024, ' ');
        return b;
    }()), {}));
}

TEST_CASE("attachments go on live cases and items of the same case only", "[attachments]") {
    test::AttachmentFixture f;
    auto repo = f.repo();
    cases::CaseRepository cases(*f.vault);
    const std::string consent = cases.addItem(
        f.caseId, model::Entity::Consent, {{"scope", "assistance"}, {"given", true}, {"recorded_on", "2026-05-20"}});
    const std::string other = cases.createCase({{"person", {{"gender", "male"}}}});
    const auto pdf = f.input("form.pdf", test::syntheticPdf("Synthetic form", 1000));
    const std::string id = repo.addFile(f.caseId, pdf, test::opts(Category::ConsentForm, consent));
    CHECK(repo.find(id)->itemId == consent);
    CHECK(test::errorOf([&] { repo.addFile(other, pdf, test::opts(Category::Other, consent)); }) ==
          ErrorCode::NotFound);
    CHECK(test::errorOf([&] { repo.addFile("no-such-case", pdf, {}); }) == ErrorCode::NotFound);
    CHECK(f.rows("attachments") == 1);
}

TEST_CASE("a correction supersedes an attachment, which stays readable", "[attachments][supersede]") {
    test::AttachmentFixture f;
    auto repo = f.repo();
    const Bytes first = test::syntheticJpeg("Synthetic first scan", 300 * 1024);
    const Bytes second = test::syntheticJpeg("Synthetic second scan", 300 * 1024);
    const std::string oldId = repo.addFile(f.caseId, f.input("id.jpg", first), test::opts(Category::IdentityDocument));
    const std::string newId =
        repo.supersedeWithFile(oldId, f.input("id-better.jpg", second), test::opts(Category::IdentityDocument));
    const auto list = repo.list(f.caseId);
    REQUIRE(list.size() == 2);
    CHECK(list[0].id == oldId);
    CHECK(list[0].superseded);
    CHECK(list[1].id == newId);
    CHECK(list[1].supersedes == oldId);
    CHECK_FALSE(list[1].superseded);
    CHECK(test::readBack(repo, oldId) == first);
    CHECK(test::readBack(repo, newId) == second);

    // The same content again is stored once (content-addressed chunks).
    const auto chunksBefore = f.rows("attachment_chunks");
    const std::string copy = repo.addFile(f.caseId, f.input("copy.jpg", second), {});
    CHECK(f.rows("attachment_chunks") == chunksBefore);
    CHECK(test::readBack(repo, copy) == second);
}

TEST_CASE("removal is a tombstone and purges the content", "[attachments][remove]") {
    test::AttachmentFixture f;
    auto repo = f.repo();
    const Bytes pdf = test::syntheticPdf("Synthetic medical note", 600 * 1024);
    const Bytes png = test::syntheticPng("Synthetic photo", 10 * 1024);
    const std::string gone = repo.addFile(f.caseId, f.input("medical.pdf", pdf), test::opts(Category::Medical));
    const std::string kept = repo.addFile(f.caseId, f.input("photo.png", png), test::opts(Category::Photo));
    const std::string twin = repo.addFile(f.caseId, f.input("medical-copy.pdf", pdf), {});
    CHECK(f.rows("attachment_chunks") == 4);  // the PDF's 3 chunks once, the PNG's 1

    // Caseworkers do not purge; supervisors do.
    CHECK(test::errorOf([&] { repo.remove(gone); }) == ErrorCode::PermissionDenied);
    f.login("super", test::kSupervisorPassword);
    auto sup = f.repo();
    sup.remove(gone);
    CHECK(f.rows("attachment_chunks") == 4);  // the twin still uses the PDF's chunks
    sup.remove(twin);
    CHECK(f.rows("attachment_chunks") == 1);
    CHECK(f.rows("attachment_parts") == 1);

    const auto live = sup.list(f.caseId);
    REQUIRE(live.size() == 1);
    CHECK(live[0].id == kept);
    const auto all = sup.list(f.caseId, true);
    REQUIRE(all.size() == 3);
    const auto tomb = sup.find(gone);
    REQUIRE(tomb);
    CHECK(tomb->removed);
    CHECK(tomb->fileName.empty());
    CHECK(tomb->contentHash.empty());
    CHECK(tomb->size == pdf.size());
    CHECK(tomb->category == Category::Medical);
    CHECK(test::errorOf([&] { test::readBack(sup, gone); }) == ErrorCode::NotFound);
    CHECK(test::errorOf([&] { sup.remove(gone); }) == ErrorCode::NotFound);
    CHECK(hasAudit(*f.vault, gone, audit::Action::AttachmentRemoved));
    CHECK(test::readBack(sup, kept) == png);
    CHECK(f.vault->audit().verify().ok);

    // A deleted case's attachments are not handed out, like the case itself.
    cases::CaseRepository(*f.vault).deleteCase(f.caseId);
    CHECK(test::errorOf([&] { test::readBack(sup, kept); }) == ErrorCode::NotFound);
    CHECK(test::errorOf([&] { sup.exportTo(kept, f.dir / "deleted-case.png"); }) == ErrorCode::NotFound);
    CHECK(test::errorOf([&] { sup.addBytes(f.caseId, png, test::opts(Category::Photo, std::nullopt, "p.png")); }) ==
          ErrorCode::NotFound);
}

TEST_CASE("who may see names, read content and export", "[attachments][permissions]") {
    test::AttachmentFixture f;
    const Bytes pdf = test::syntheticPdf("Synthetic legal paper", 1000);
    const std::string id = f.repo().addFile(f.caseId, f.input("court.pdf", pdf), test::opts(Category::Legal));

    const auto out = f.dir / "exported.pdf";
    CHECK(f.repo().exportTo(id, out) == pdf.size());
    CHECK(test::readFileBytes(out).size() == pdf.size());
    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(hasAudit(*f.vault, id, audit::Action::AttachmentExported));

    f.login("admin", test::kAdminPassword);
    auto admin = f.repo();
    const auto list = admin.list(f.caseId);
    REQUIRE(list.size() == 1);
    CHECK(list[0].fileNameMasked);
    CHECK(list[0].fileName.empty());
    CHECK(test::errorOf([&] { test::readBack(admin, id); }) == ErrorCode::PermissionDenied);
    CHECK(test::errorOf([&] { admin.exportTo(id, f.dir / "admin.pdf"); }) == ErrorCode::PermissionDenied);
    CHECK(test::errorOf([&] { admin.addFile(f.caseId, f.inputDir / "court.pdf", {}); }) ==
          ErrorCode::PermissionDenied);
    CHECK_FALSE(std::filesystem::exists(f.dir / "admin.pdf"));
}

TEST_CASE("a damaged chunk is refused by its hash, nothing handed out", "[attachments][integrity]") {
    test::AttachmentFixture f;
    auto repo = f.repo();
    const Bytes pdf = test::syntheticPdf("Synthetic", 300 * 1024);
    const std::string id = repo.addFile(f.caseId, f.input("a.pdf", pdf), {});
    f.vault->db().exec("UPDATE attachment_chunks SET data = zeroblob(size) WHERE size < 262144;");
    std::size_t handed = 0;
    try {
        repo.read(id, [&](std::span<const std::uint8_t> piece) { handed += piece.size(); });
        FAIL("damaged content was read");
    } catch (const AttachmentError& e) {
        CHECK(e.code() == AttachmentCode::ContentDamaged);
    }
    CHECK(handed == kChunkBytes);  // the intact first chunk only
    const auto out = f.dir / "damaged.pdf";
    CHECK(test::refusalOf([&] { repo.exportTo(id, out); }) == AttachmentCode::ContentDamaged);
    CHECK_FALSE(std::filesystem::exists(out));
}
