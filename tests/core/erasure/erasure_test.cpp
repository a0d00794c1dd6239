// Erasure on request inside one vault: who may, what is left (a tombstone, an audit entry, one journalled erase
// op for sync), and that nothing of the case is readable in any table afterwards.
#include <catch2/catch.hpp>

#include "attachment_fixture.h"
#include "audit/audit_log.h"
#include "cases/case_store.h"
#include "erasure/case_erasure.h"
#include "erasure/case_purge.h"
#include "journal/journal.h"
#include "vault_scan.h"

using namespace abri;

namespace {

const std::string kMarker = "Zorblaxerasemarker";

struct ErasureFixture : test::AttachmentFixture {
    std::string target;  // the case to erase, full of the marker
    std::string other;   // a case that must survive untouched

    ErasureFixture() {
        auto cases = repo();
        target = cases.createCase({{"person", {{"given_name", kMarker}, {"family_name", "Fakeperson"}, {"gender", "female"}}},
                                   {"items", {{{"kind", "note"}, {"text", "Synthetic note " + kMarker + " wombat"}}}}});
        nowMs += 1000;
        cases.updateField(target, "person.family_name", kMarker + "second");
        nowMs += 1000;
        cases.updateField(target, "person.family_name", "Fakeperson");
        other = cases.createCase({{"person", {{"given_name", "Testname Survivor"}, {"gender", "male"}}}});
        auto attachments = test::AttachmentFixture::repo();
        attachments.addFile(target, input("consent.pdf", test::syntheticPdf(kMarker, 300 * 1024)),
                            test::opts(attachments::Category::ConsentForm));
    }
    cases::CaseRepository repo() { return cases::CaseRepository(*vault); }
};

}  // namespace

TEST_CASE("a supervisor erases a case: nothing of it is left in any table, only a tombstone and its erase op",
          "[erasure]") {
    ErasureFixture f;
    // The scan finds the marker where it is: documents, journal values, the search index, the attachment.
    const auto before = test::tablesHolding(f.vault->db(), kMarker);
    CHECK(before.count("case_docs") == 1);
    CHECK(before.count("journal") == 1);
    CHECK(before.count("case_search_content") == 1);
    CHECK(before.count("attachment_chunks") == 1);

    f.login("super", test::kSupervisorPassword);
    erasure::eraseCase(*f.vault, f.target);

    CHECK(test::tablesHolding(f.vault->db(), kMarker).empty());
    CHECK_FALSE(f.repo().load(f.target));
    CHECK(f.repo().load(f.other));
    CHECK(f.noAttachmentRows());
    CHECK(f.rows("case_items") == 0);
    // The words are gone from the search index itself, not only from its content table.
    cases::CaseQuery query;
    query.filter.text = "wombat";
    CHECK(f.repo().list(query).empty());

    const auto tombstone = erasure::findPurged(f.vault->db(), f.target);
    REQUIRE(tombstone);
    CHECK(tombstone->reason == erasure::PurgeReason::Erasure);
    // The journal keeps exactly one op of the case: the erasure, waiting to be shipped.
    const auto ops = f.vault->journal().entriesForCase(f.target);
    REQUIRE(ops.size() == 1);
    CHECK(ops[0].op.kind == journal::OpKind::Erase);
    CHECK_FALSE(ops[0].shipped);
    // The audit log says who erased which case id, and nothing of it.
    const auto audit = f.vault->audit().entriesFor(f.target);
    REQUIRE_FALSE(audit.empty());
    CHECK(audit.back().action == audit::Action::CaseErased);
    CHECK(audit.back().userId == f.vault->currentUser().id);
    CHECK(f.vault->audit().verify().ok);
    // The write-ahead log was truncated: it keeps no frame of the purged pages.
    CHECK(std::filesystem::file_size(f.vaultPath.string() + "-wal") == 0);
    CHECK(test::filesHolding(f.vaultDir, kMarker).empty());
}

TEST_CASE("erasure refusals change nothing", "[erasure]") {
    ErasureFixture f;
    const auto journalRows = f.vault->db().queryInt64("SELECT count(*) FROM journal");
    const auto auditRows = f.vault->db().queryInt64("SELECT count(*) FROM audit");

    SECTION("a caseworker may not erase") {
        try {
            erasure::eraseCase(*f.vault, f.target);
            FAIL("erased");
        } catch (const Error& e) {
            CHECK(e.code() == ErrorCode::PermissionDenied);
            CHECK(e.subject() == "erase_cases");
        }
    }
    SECTION("nor an administrator, who never sees whom a case is about") {
        f.login("admin", test::kAdminPassword);
        CHECK_THROWS_AS(erasure::eraseCase(*f.vault, f.target), Error);
    }
    SECTION("a case that is not there, or erased already") {
        f.login("super", test::kSupervisorPassword);
        try {
            erasure::eraseCase(*f.vault, "00000000000000000000000000000000");
            FAIL("erased");
        } catch (const Error& e) {
            CHECK(e.code() == ErrorCode::NotFound);
        }
        erasure::eraseCase(*f.vault, f.target);
        CHECK_THROWS_AS(erasure::eraseCase(*f.vault, f.target), Error);
        CHECK(f.vault->journal().entriesForCase(f.target).size() == 1);  // one erase op, not two
        return;
    }
    CHECK(f.repo().load(f.target));
    CHECK_FALSE(erasure::isPurged(f.vault->db(), f.target));
    CHECK(f.vault->db().queryInt64("SELECT count(*) FROM journal") == journalRows);
    // An unlock adds audit entries (the admin's login); an erasure refusal adds none of its own.
    const auto erasedEntries = f.vault->db().queryInt64("SELECT count(*) FROM audit WHERE action = 'case_erased'");
    CHECK(erasedEntries == 0);
    CHECK(f.vault->db().queryInt64("SELECT count(*) FROM audit") >= auditRows);
}

TEST_CASE("a deleted case can still be erased", "[erasure]") {
    ErasureFixture f;
    f.login("super", test::kSupervisorPassword);
    f.repo().deleteCase(f.target);
    erasure::eraseCase(*f.vault, f.target);
    CHECK(test::tablesHolding(f.vault->db(), kMarker).empty());
    CHECK(erasure::isPurged(f.vault->db(), f.target));
}
