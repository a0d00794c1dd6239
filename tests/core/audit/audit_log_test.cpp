#include <catch2/catch.hpp>

#include "audit/audit_log.h"
#include "crypto/primitives.h"
#include "storage/schema.h"
#include "support/temp_dir.h"

using namespace abri;
using audit::Action;
using audit::AuditLog;

namespace {
struct Fixture {
    test::TempDir dir;
    crypto::SecureBuffer dataKey = crypto::randomKey();
    storage::Database db = storage::Database::openEncrypted(dir / "a.db", dataKey, storage::Database::Mode::CreateNew);
    AuditLog log{db, crypto::deriveSubkey(dataKey, 1, "abriaudt")};
    Fixture() {
        storage::migrate(db);
        for (int i = 0; i < 10; ++i) log.append(1000 + i, "user-1", Action::CaseEdited, "case-" + std::to_string(i % 3), "status");
    }
};
}  // namespace

TEST_CASE("an untouched audit chain verifies", "[audit]") {
    Fixture f;
    auto result = f.log.verify();
    CHECK(result.ok);
    CHECK(result.entries == 10);
    CHECK(f.log.count() == 10);
    CHECK(f.log.entriesFor("case-1").size() == 3);
    auto newest = f.log.page(0, 2);
    REQUIRE(newest.size() == 2);
    CHECK(newest[0].seq == 10);
    CHECK(audit::actionFromCode(audit::actionCode(Action::SensitiveRevealed)) == Action::SensitiveRevealed);
}

TEST_CASE("an edited audit entry breaks the chain at that entry", "[audit]") {
    Fixture f;
    f.db.exec("UPDATE audit SET field = 'person.given_name' WHERE seq = 4;");
    auto result = f.log.verify();
    CHECK_FALSE(result.ok);
    CHECK(result.firstBadSeq == 4);
}

TEST_CASE("a deleted middle entry breaks the chain", "[audit]") {
    Fixture f;
    f.db.exec("DELETE FROM audit WHERE seq = 6;");
    auto result = f.log.verify();
    CHECK_FALSE(result.ok);
    CHECK(result.firstBadSeq == 7);
}

TEST_CASE("entries cut off the end are reported as truncation", "[audit]") {
    Fixture f;
    f.db.exec("DELETE FROM audit WHERE seq > 8;");
    auto result = f.log.verify();
    CHECK_FALSE(result.ok);
    CHECK(result.truncated);
}

TEST_CASE("a chain recomputed without the key does not verify", "[audit]") {
    Fixture f;
    // An attacker who rewrites entry 3 and recomputes hashes with the wrong (unkeyed) function is caught.
    AuditLog forger(f.db, crypto::randomKey());
    f.db.exec("DELETE FROM audit; DELETE FROM meta WHERE key LIKE 'audit_head%';");
    for (int i = 0; i < 3; ++i) forger.append(2000 + i, "user-x", Action::CaseViewed);
    CHECK(forger.verify().ok);
    auto result = f.log.verify();
    CHECK_FALSE(result.ok);
    CHECK(result.firstBadSeq == 1);
}

TEST_CASE("an audit entry written in a rolled-back transaction leaves no trace", "[audit]") {
    Fixture f;
    {
        storage::Transaction tx(f.db);
        f.log.append(5000, "user-1", Action::CaseDeleted, "case-9");
    }
    CHECK(f.log.count() == 10);
    CHECK(f.log.verify().ok);
    f.log.append(5001, "user-1", Action::CaseDeleted, "case-9");
    CHECK(f.log.verify().ok);
    CHECK(f.log.count() == 11);
}
