#include <catch2/catch.hpp>

#include "journal/journal.h"
#include "storage/database.h"
#include "storage/schema.h"
#include "support/temp_dir.h"

using namespace abri;
using journal::OpKind;
using journal::Version;

TEST_CASE("the journal keeps remote ops once, never ships them, and keeps several parents", "[merge][journal]") {
    test::TempDir dir;
    auto db = storage::Database::openPlain(dir / "j.db", storage::Database::Mode::CreateNew);
    storage::migrate(db);
    std::int64_t now = 1'767'607'200'000;
    journal::HybridLogicalClock clock([&] { return now; });
    journal::Journal j(db, "dev-local", clock);

    const Version created = j.append({"case", "c1", OpKind::Create, "", R"({"status":"registered"})", std::nullopt}, "u1");
    journal::RemoteEntry remote;
    remote.op = {"case", "c1", OpKind::Set, "person.children", "2", std::nullopt};
    remote.parents = {created};
    remote.identity = {created.hlc + 5, "dev-remote"};
    remote.effHlc = created.hlc + 3;
    remote.caseId = "c1";
    remote.userId = "u2";
    CHECK(j.appendRemote(remote));
    CHECK_FALSE(j.appendRemote(remote));  // the same identity again: nothing

    const Version resolved = j.append({"case", "c1", OpKind::Resolve, "person.children", "1", remote.identity}, "u1",
                                      {remote.identity, Version{created.hlc + 1, "dev-other"}});
    const auto entries = j.entriesForCase("c1");
    REQUIRE(entries.size() == 3);
    CHECK(entries[1].origin == journal::Origin::Remote);
    CHECK(entries[1].effHlc == created.hlc + 3);
    CHECK(entries[1].parents == std::vector<Version>{created});
    CHECK(entries[2].version() == resolved);
    CHECK(entries[2].op.kind == OpKind::Resolve);
    REQUIRE(entries[2].parents.size() == 2);
    CHECK(entries[2].parents[1] == Version{created.hlc + 1, "dev-other"});

    // Only local entries ship; a re-stamped change-set's entries can be marked unshipped again.
    CHECK(j.unshippedCount() == 2);
    CHECK(j.unshipped(0, 10).size() == 2);
    j.markShipped(entries.back().seq);
    CHECK(j.unshippedCount() == 0);
    j.markUnshipped({entries[1].seq, entries[2].seq});  // the remote one stays shipped
    CHECK(j.unshippedCount() == 1);

    j.setExcluded(resolved, 501);
    j.setEffectiveHlc(resolved, resolved.hlc - 1);
    const auto found = j.find(resolved);
    REQUIRE(found);
    CHECK(found->excludedReason == 501);
    CHECK(found->effHlc == resolved.hlc - 1);
}
