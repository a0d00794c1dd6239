#include <catch2/catch.hpp>

#include "cases/case_repository.h"
#include "cases/case_store.h"
#include "common/error.h"
#include "demo/synthetic_cases.h"
#include "journal/journal.h"
#include "merge/conflict_resolution.h"
#include "merge/conflicts_view.h"
#include "merge/state_hash.h"
#include "merge/vault_applier.h"
#include "sim/sim_device.h"
#include "storage/database.h"
#include "support/temp_dir.h"

using namespace abri;
using Json = nlohmann::json;

namespace {

struct TwoDevices {
    test::TempDir dir;
    std::int64_t nowMs = 1'767'607'200'000;  // 2026-01-05T10:00Z
    std::unique_ptr<test::SimDevice> a;
    std::unique_ptr<test::SimDevice> b;
    test::SimHub hub{{"TST-A"}};
    std::mt19937_64 rng{1};

    TwoDevices() {
        std::filesystem::create_directories(dir / "a");
        std::filesystem::create_directories(dir / "b");
        a = std::make_unique<test::SimDevice>(dir / "a", "TST-A", nowMs);
        b = std::make_unique<test::SimDevice>(dir / "b", "TST-A", nowMs);
        hub.enrol(a->deviceId(), "TST-A", merge::CertificateRole::Supervisor);
        hub.enrol(b->deviceId(), "TST-A", merge::CertificateRole::Supervisor);
    }
    void sync() {
        for (int i = 0; i < 2; ++i) {
            for (auto* d : {a.get(), b.get()}) {
                d->pack(8);
                d->upload(hub, rng, false);
            }
            for (auto* d : {a.get(), b.get()}) d->download(hub, rng, false);
        }
    }
};

}  // namespace

TEST_CASE("a remote case arrives with its rows, derived columns and search text", "[merge][applier]") {
    TwoDevices w;
    cases::CaseRepository repoA(w.a->vault());
    const auto id = repoA.createCase({{"person", {{"given_name", "Testname Quokka"}, {"citizenship", "NG"}}},
                                      {"items", {{{"kind", "note"}, {"text", "Synthetic note wombat"}}}}});
    w.nowMs += 1000;
    w.sync();
    cases::CaseRepository repoB(w.b->vault());
    const auto view = repoB.load(id);
    REQUIRE(view);
    CHECK(view->items.size() == 1);
    cases::CaseQuery q;
    q.filter.text = "wombat";
    REQUIRE(repoB.list(q).size() == 1);
    CHECK(repoB.findIdByCode(repoA.load(id)->doc["case_code"].get<std::string>()) == id);
    // Remote ops are journalled but never shipped again.
    CHECK(w.b->vault().journal().unshippedCount() == 0);
    bool sawRemote = false;
    for (const auto& e : w.b->vault().journal().entriesFor(id)) sawRemote = sawRemote || e.origin == journal::Origin::Remote;
    CHECK(sawRemote);
    CHECK(merge::vaultStateHash(w.a->vault()) == merge::vaultStateHash(w.b->vault()));
}

TEST_CASE("concurrent edits open a conflict on both devices, a resolution closes it everywhere", "[merge][applier]") {
    TwoDevices w;
    cases::CaseRepository repoA(w.a->vault());
    cases::CaseRepository repoB(w.b->vault());
    const auto id = repoA.createCase({{"person", {{"given_name", "Testname Alpha"}}}});
    w.sync();
    w.nowMs += 1000;
    repoA.updateField(id, "person.children", 1);
    w.nowMs += 1000;
    repoB.updateField(id, "person.children", 2);
    w.sync();
    REQUIRE(merge::openConflicts(w.a->vault()).size() == 1);
    REQUIRE(merge::openConflicts(w.b->vault()).size() == 1);
    CHECK(repoA.load(id)->doc["person"]["children"] == 2);  // the later edit wins
    CHECK(repoB.load(id)->doc["person"]["children"] == 2);

    CHECK_THROWS_AS(merge::resolveConflict(w.a->vault(), id, "person.gender", "female"), Error);
    w.nowMs += 1000;
    merge::resolveConflict(w.a->vault(), id, "person.children", 1);
    CHECK(merge::openConflicts(w.a->vault()).empty());
    CHECK(repoA.load(id)->doc["person"]["children"] == 1);
    CHECK(w.a->vault().journal().unshippedCount() == 1);  // the resolution ships like any edit
    w.sync();
    CHECK(merge::openConflicts(w.b->vault()).empty());
    CHECK(repoB.load(id)->doc["person"]["children"] == 1);
    CHECK(merge::vaultStateHash(w.a->vault()) == merge::vaultStateHash(w.b->vault()));
}

TEST_CASE("applying a change-set twice is applying it once", "[merge][applier]") {
    TwoDevices w;
    cases::CaseRepository repoA(w.a->vault());
    const auto id = repoA.createCase({{"person", {{"given_name", "Testname Bravo"}}}});
    repoA.updateField(id, "person.children", 3);
    w.sync();
    const auto before = merge::vaultStateHash(w.b->vault());
    const auto rows = w.b->vault().db().queryInt64("SELECT count(*) FROM journal");
    // Replay the whole feed again.
    merge::VaultApplier applier(w.b->vault());
    {
        storage::Transaction tx(w.b->vault().db());
        for (const auto& entry : w.hub.feed("TST-A")) {
            const auto result = applier.apply(entry.changeSet);
            CHECK(result.opsJournalled == 0);
        }
        tx.commit();
    }
    CHECK(merge::vaultStateHash(w.b->vault()) == before);
    CHECK(w.b->vault().db().queryInt64("SELECT count(*) FROM journal") == rows);
}

TEST_CASE("two devices choosing the same case code both keep their case", "[merge][applier]") {
    TwoDevices w;
    cases::CaseRepository repoA(w.a->vault());
    cases::CaseRepository repoB(w.b->vault());
    const auto first = repoA.createCase({{"case_code", "TST-A-26-SAME00"}, {"person", {{"given_name", "Testname One"}}}});
    w.nowMs += 1000;
    const auto second = repoB.createCase({{"case_code", "TST-A-26-SAME00"}, {"person", {{"given_name", "Testname Two"}}}});
    w.sync();
    for (auto* d : {w.a.get(), w.b.get()}) {
        cases::CaseRepository repo(d->vault());
        CHECK(repo.findIdByCode("TST-A-26-SAME00") == first);  // the older create keeps the plain code
        CHECK(repo.findIdByCode("TST-A-26-SAME00~" + second.substr(0, 8)) == second);
        CHECK(repo.load(second)->doc["case_code"] == "TST-A-26-SAME00");  // the document keeps its code
    }
}

TEST_CASE("a receipt with a clamp or an exclusion changes the device's own state", "[merge][applier]") {
    TwoDevices w;
    cases::CaseRepository repoA(w.a->vault());
    const auto id = repoA.createCase({{"person", {{"given_name", "Testname Charlie"}}}});
    w.sync();
    // Two hours ahead: admitted, clamped to hub time + 5 minutes.
    w.a->skewMs = 2 * 3'600'000;
    repoA.updateField(id, "person.children", 4);
    w.sync();
    const auto own = w.a->vault().journal().entriesFor(id).back();
    CHECK(own.effHlc < own.hlc);
    CHECK(journal::hlcPhysicalMs(own.effHlc) == static_cast<std::uint64_t>(w.nowMs + 300'000));
    CHECK(merge::vaultStateHash(w.a->vault()) == merge::vaultStateHash(w.b->vault()));
    // The vault clock never took the raw HLC from the other side.
    CHECK(w.b->vault().clock().last() < own.hlc);
}

TEST_CASE("a clock in 2031 is refused and the device re-stamps its edits", "[merge][applier]") {
    TwoDevices w;
    cases::CaseRepository repoA(w.a->vault());
    const auto id = repoA.createCase({{"person", {{"given_name", "Testname Delta"}}}});
    w.sync();
    w.a->skewMs = 1'924'992'000'000 - w.nowMs;
    repoA.updateField(id, "person.children", 5);
    repoA.updateField(id, "person.children", 6);
    w.sync();
    CHECK(w.a->refusals() == 1);
    cases::CaseRepository repoB(w.b->vault());
    CHECK(repoB.load(id)->doc["person"]["children"] == 6);
    CHECK(merge::vaultStateHash(w.a->vault()) == merge::vaultStateHash(w.b->vault()));
    for (const auto& e : w.a->vault().journal().entriesFor(id))
        CHECK(journal::hlcPhysicalMs(e.hlc) < 1'900'000'000'000ULL);
    CHECK(merge::openConflicts(w.a->vault()).empty());
}

TEST_CASE("a case the hub excluded leaves every count, the exploitation filter and statistics included",
          "[merge][applier][counts]") {
    TwoDevices w;
    cases::CaseRepository repoA(w.a->vault());
    const Json situation = {{"exploitation_types", {"forced_labour"}}};
    repoA.createCase({{"situation", situation}, {"person", {{"gender", "male"}}}});
    // A case for an office this laptop's certificate does not cover: the hub excludes its create (§5.6).
    repoA.createCase({{"office", "TST-B"}, {"situation", situation}, {"person", {{"gender", "male"}}}});
    cases::CaseFilter byType;
    byType.exploitationType = "forced_labour";
    REQUIRE(repoA.count(byType) == 2);

    w.sync();

    cases::CaseQuery listed;
    listed.filter = byType;
    CHECK(repoA.list(listed).size() == 1);
    // The single-filter count reads the exploitation index directly: it must hold live cases only.
    CHECK(repoA.count(byType) == 1);
    cases::CaseFilter byTypeAndStatus = byType;
    byTypeAndStatus.status = "registered";
    CHECK(repoA.count(byTypeAndStatus) == 1);
    cases::CaseStore store(w.a->vault().db());
    cases::FactQuery statistics;
    statistics.groupBy = {cases::FactDimension::ExploitationType};
    const auto counts = store.countPersons(statistics);
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].keys == std::vector<std::string>{"forced_labour"});
    CHECK(counts[0].persons == 1);
    // The other laptop never had it.
    cases::CaseRepository repoB(w.b->vault());
    CHECK(repoB.count(byType) == 1);
    CHECK(cases::CaseStore(w.b->vault().db()).countPersons(statistics) == counts);
}

namespace {

// Every row that applying writes for cases, as text: documents, derived columns, facts, search text, field
// versions and conflicts (ordered, so two vaults or two moments compare as strings).
// Synthetic cases of office TST-A; every `withItemsEvery`-th one carries its synthetic items in its document.
std::vector<Json> syntheticCasesWithItems(std::size_t count, std::uint64_t seed, std::size_t withItemsEvery) {
    auto docs = demo::makeSyntheticCases(count, seed, "TST-A", "2026-01-05");
    for (std::size_t i = 0; i < docs.size(); i += withItemsEvery) {
        Json items = Json::array();
        for (const auto& item : demo::makeSyntheticItems(docs[i], seed + i, "2026-01-05")) {
            Json doc = item.doc;
            doc["kind"] = model::entityCode(item.kind);
            items.push_back(doc);
        }
        docs[i]["items"] = items;
    }
    return docs;
}

std::vector<std::string> caseRowsOf(storage::Database& db) {
    const char* queries[] = {
        "SELECT c.id, c.case_code, c.office, c.status, c.registered_on, c.closed_on, c.caseworker, c.minor, c.gender, "
        "c.screening_outcome, c.international, c.exploitation_types, c.updated_ms, c.created_hlc, c.created_device, "
        "c.deleted, d.doc FROM cases c JOIN case_docs d ON d.case_rowid = c.rowid ORDER BY c.id",
        "SELECT c.id, f.* FROM case_facts f JOIN cases c ON c.rowid = f.case_rowid ORDER BY c.id",
        "SELECT c.id, f.facet, f.code FROM case_fact_codes f JOIN cases c ON c.rowid = f.case_rowid ORDER BY 1, 2, 3",
        "SELECT c.id, f.* FROM case_fact_services f JOIN cases c ON c.rowid = f.case_rowid ORDER BY 1, 2, 3, 4",
        "SELECT c.id, f.* FROM case_fact_referrals f JOIN cases c ON c.rowid = f.case_rowid ORDER BY 1, 2, 3, 4",
        "SELECT c.id, e.type FROM case_exploitation e JOIN cases c ON c.rowid = e.case_rowid ORDER BY 1, 2",
        "SELECT c.id, s.body FROM case_search s JOIN cases c ON c.rowid = s.docid ORDER BY 1",
        "SELECT * FROM field_versions ORDER BY 1, 2",
        "SELECT entity_id, field, losing_value, losing_hlc, losing_device, winning_hlc, winning_device, detected_ms, "
        "resolved_ms, resolved_by FROM conflicts ORDER BY 1, 2, 4, 5"};
    std::vector<std::string> rows;
    for (const char* sql : queries) {
        auto stmt = db.prepare(sql);
        while (stmt.step()) {
            std::string row;
            for (int i = 0; i < stmt.columnCount(); ++i) row += (stmt.isNull(i) ? "<null>" : stmt.text(i)) + "|";
            rows.push_back(row);
        }
        rows.emplace_back("--");
    }
    return rows;
}

}  // namespace

TEST_CASE("applied cases are stored as a full rewrite of each case stores them", "[merge][applier][converge]") {
    // Synthetic cases with items, edits, deletes and concurrent edits on both devices, synced: every case row,
    // derived row and search text that applying wrote must equal what rewriting each live case from its document
    // and items writes (the general path), and both devices must reach the same state.
    TwoDevices w;
    cases::CaseRepository repoA(w.a->vault());
    repoA.importCases(syntheticCasesWithItems(200, 11, 3));
    w.nowMs += 1000;
    w.sync();
    for (int round = 0; round < 6; ++round) {
        for (int i = 0; i < 40; ++i) {
            w.nowMs += 7;
            w.a->randomEdit(w.rng, "TST-B");
            w.b->randomEdit(w.rng, "TST-B");
        }
        if (round % 2 == 1) w.sync();
    }
    w.sync();
    w.sync();
    CHECK(merge::vaultStateHash(w.a->vault()) == merge::vaultStateHash(w.b->vault()));
    for (auto* device : {w.a.get(), w.b.get()}) {
        auto& db = device->vault().db();
        const auto applied = caseRowsOf(db);
        cases::CaseStore store(db);
        std::vector<std::string> ids;
        for (auto stmt = db.prepare("SELECT id FROM cases"); stmt.step();) ids.push_back(stmt.text(0));
        REQUIRE(ids.size() >= 200);
        {
            storage::Transaction tx(db);
            for (const auto& id : ids) {
                const auto row = store.findCase(id);
                REQUIRE(row);
                if (row->deleted) continue;  // tombstones are left alone by the general path too (refreshCase)
                store.rewriteCase(*row, row->doc, row->updatedMs, true);
            }
            tx.commit();
        }
        const auto rewritten = caseRowsOf(db);
        REQUIRE(applied.size() == rewritten.size());
        for (std::size_t i = 0; i < applied.size(); ++i) CHECK(applied[i] == rewritten[i]);
    }
}

namespace {

// Sources of change-sets: devices a and b edit; c applies every page change-set by change-set, d in one batch.
struct BatchWorld {
    test::TempDir dir;
    std::int64_t nowMs = 1'767'607'200'000;  // 2026-01-05T10:00Z
    std::vector<std::unique_ptr<test::SimDevice>> devices;
    test::SimHub hub{{"TST-A"}};
    std::mt19937_64 rng{7};

    BatchWorld() {
        for (int i = 0; i < 4; ++i) {
            const auto folder = dir / ("device" + std::to_string(i));
            std::filesystem::create_directories(folder);
            devices.push_back(std::make_unique<test::SimDevice>(folder, "TST-A", nowMs));
            hub.enrol(devices.back()->deviceId(), "TST-A", merge::CertificateRole::Supervisor);
        }
        devices[3]->batchPages = true;
    }
    test::SimDevice& a() { return *devices[0]; }
    test::SimDevice& b() { return *devices[1]; }
    test::SimDevice& oneByOne() { return *devices[2]; }
    test::SimDevice& batched() { return *devices[3]; }
    // The editors upload change-sets of at most `maxOps` ops and read the feed; the two readers do not.
    void upload(std::size_t maxOps) {
        for (auto* d : {&a(), &b()}) {
            d->pack(maxOps);
            d->upload(hub, rng, false);
        }
        for (auto* d : {&a(), &b()}) d->download(hub, rng, false);
    }
    // Both readers apply everything new in the feed as one page, at the same moment.
    void readersDownload() {
        oneByOne().download(hub, rng, false);
        batched().download(hub, rng, false);
    }
};

// How often each case's facts were written (inserted, or updated in place), from temporary triggers (TEMP: never
// in the vault file).
void countFactWrites(storage::Database& db) {
    db.exec("CREATE TEMP TABLE fact_writes (case_rowid INTEGER);"
            "CREATE TEMP TRIGGER count_fact_inserts AFTER INSERT ON main.case_facts "
            "BEGIN INSERT INTO fact_writes VALUES (new.case_rowid); END;"
            "CREATE TEMP TRIGGER count_fact_updates AFTER UPDATE ON main.case_facts "
            "BEGIN INSERT INTO fact_writes VALUES (new.case_rowid); END;");
}

}  // namespace

TEST_CASE("a page applied in one batch stores what applying its change-sets one by one stores",
          "[merge][applier][converge]") {
    // Cases with items, edits, deletes and concurrent edits of two devices, read by two devices in large pages:
    // one applies change-set by change-set, the other in one batch per page (as devicesync does). Every case row,
    // derived row, search text, field version and conflict row must be the same on both.
    BatchWorld w;
    cases::CaseRepository repoA(w.a().vault());
    repoA.importCases(syntheticCasesWithItems(60, 23, 2));
    w.nowMs += 1000;
    w.upload(3);
    for (int round = 0; round < 8; ++round) {
        for (int i = 0; i < 30; ++i) {
            w.nowMs += 7;
            w.a().randomEdit(w.rng, "TST-B");
            w.b().randomEdit(w.rng, "TST-B");
        }
        w.upload(round % 2 == 0 ? 1 : 5);
        if (round % 3 == 2) w.readersDownload();
    }
    w.readersDownload();
    auto& one = w.oneByOne().vault();
    auto& batch = w.batched().vault();
    CHECK(merge::vaultStateHash(batch) == merge::vaultStateHash(one));
    CHECK(merge::vaultStateHash(batch) == merge::vaultStateHash(w.a().vault()));
    const auto expected = caseRowsOf(one.db());
    const auto got = caseRowsOf(batch.db());
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i] == expected[i]);
    CHECK(cases::CaseRepository(batch).count({}) == cases::CaseRepository(one).count({}));
}

TEST_CASE("a case brought by many change-sets of one page is written once and ends as a full rewrite",
          "[merge][applier]") {
    // Each op its own change-set: a case, each of its items and each edit arrive one after the other in a page.
    BatchWorld w;
    cases::CaseRepository repoA(w.a().vault());
    const auto ids = repoA.importCases(syntheticCasesWithItems(5, 31, 1));
    for (int i = 0; i < 20; ++i) {
        w.nowMs += 11;
        repoA.updateField(ids[static_cast<std::size_t>(i) % ids.size()], "person.children", i);
    }
    w.upload(1);
    const auto changeSets = w.hub.feed("TST-A").size();
    REQUIRE(changeSets > 3 * ids.size());  // several change-sets per case

    auto& vault = w.batched().vault();
    countFactWrites(vault.db());
    w.batched().download(w.hub, w.rng, false);
    for (const auto& id : ids) {
        const auto rowid = vault.db().queryInt64("SELECT rowid FROM cases WHERE id = '" + id + "'");
        REQUIRE(rowid);
        CHECK(vault.db().queryInt64("SELECT count(*) FROM temp.fact_writes WHERE case_rowid = " +
                                    std::to_string(*rowid)) == 1);
    }
    w.oneByOne().download(w.hub, w.rng, false);
    CHECK(caseRowsOf(vault.db()) == caseRowsOf(w.oneByOne().vault().db()));
    CHECK(merge::vaultStateHash(vault) == merge::vaultStateHash(w.a().vault()));

    // And as a full rewrite of each case writes it.
    const auto applied = caseRowsOf(vault.db());
    cases::CaseStore store(vault.db());
    {
        storage::Transaction tx(vault.db());
        for (const auto& id : ids) {
            const auto row = store.findCase(id);
            REQUIRE(row);
            store.rewriteCase(*row, row->doc, row->updatedMs, true);
        }
        tx.commit();
    }
    CHECK(caseRowsOf(vault.db()) == applied);
    cases::CaseRepository repo(vault);
    CHECK(repo.load(ids[0])->doc["person"]["children"] == 15);  // the last of its edits (i = 15)
    CHECK(repo.load(ids[0])->items.size() == repoA.load(ids[0])->items.size());
}
