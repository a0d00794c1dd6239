#include <catch2/catch.hpp>

#include "common/error.h"
#include "crypto/primitives.h"
#include "journal/journal.h"
#include "storage/schema.h"
#include "support/temp_dir.h"

using namespace abri;
using namespace abri::journal;

TEST_CASE("journal entries keep every op field and ship in order", "[journal]") {
    test::TempDir dir;
    auto db = storage::Database::openEncrypted(dir / "j.db", crypto::randomKey(), storage::Database::Mode::CreateNew);
    storage::migrate(db);
    std::int64_t wall = 1'700'000'000'000;
    HybridLogicalClock clock([&] { return wall; });
    Journal journal(db, "dev-1", clock);

    Version created;
    {
        storage::Transaction tx(db);
        created = journal.append({"case", "c1", OpKind::Create, "", R"({"status":"registered"})", std::nullopt}, "u1");
        tx.commit();
    }
    Version edited;
    {
        storage::Transaction tx(db);
        edited = journal.append({"case", "c1", OpKind::Set, "status", R"("under_assistance")", created}, "u1");
        journal.append({"item", "i1", OpKind::Delete, "", "", std::nullopt}, "u2");
        tx.commit();
    }
    {
        storage::Transaction tx(db);
        journal.append({"case", "c2", OpKind::Create, "", "{}", std::nullopt}, "u1");
        // not committed: must leave no entry
    }
    CHECK(isNewer(edited, created));
    auto entries = journal.entriesFor("c1");
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].op.kind == OpKind::Create);
    CHECK(entries[1].op.field == "status");
    CHECK(entries[1].op.valueJson == R"("under_assistance")");
    REQUIRE(entries[1].op.base.has_value());
    CHECK(*entries[1].op.base == created);
    CHECK(entries[1].device == "dev-1");
    CHECK(entries[1].userId == "u1");
    CHECK(journal.entriesFor("c2").empty());

    CHECK(journal.unshippedCount() == 3);
    auto batch = journal.unshipped(0, 2);
    REQUIRE(batch.size() == 2);
    journal.markShipped(batch.back().seq);
    CHECK(journal.unshippedCount() == 1);
    auto rest = journal.unshipped(0, 10);
    REQUIRE(rest.size() == 1);
    CHECK(rest[0].op.kind == OpKind::Delete);
    CHECK(rest[0].op.valueJson.empty());

    // The op column holds sync's text codes (wire/sync_types.h); a code this version does not know is corruption,
    // never silently read as another kind.
    for (const OpKind kind : {OpKind::Create, OpKind::Set, OpKind::Delete, OpKind::Resolve}) {
        CHECK(wire::opKindFromCode(opKindCode(kind)) == kind);
    }
    db.prepare("UPDATE journal SET op = 'merge' WHERE entity_id = 'i1'").run();
    try {
        (void)journal.entriesFor("i1");
        FAIL("an unknown op kind was read");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::VaultCorrupted);
        CHECK(e.subject() == "journal.op");
    }
}
