// `abri-hub duplicates flag` and `merge` with real processes on 127.0.0.1 (sync/PROTOCOL.md §6.4): a hub (abri-hub
// serve), a laptop of office A and one of office B (real SQLCipher vaults) enrolled with tokens and synced by
// abri-syncd. The same (obviously fake) person is registered at both offices, each case with an item of its own.
// The operator flags the pair, then merges it: hub-signed change-sets reach both laptops, whose state hashes equal
// the hub's for their office; B is closed as a duplicate of A, A links B, every item of both cases is kept, an edit
// made offline meanwhile is an ordinary conflict, and the reports of the hub and of each laptop count the person once.
// Bad merges are typed refusals that change nothing; a dismissal takes a flag off the laptops.
#include <catch2/catch.hpp>

#include <regex>

#include "case_state.h"
#include "cases/case_repository.h"
#include "child_process.h"
#include "hub_store.h"
#include "merge/conflicts_view.h"
#include "merge/vault_applier.h"
#include "office_laptop.h"
#include "reports/builtin_reports.h"
#include "reports/merged_facts.h"
#include "reports/report_engine.h"
#include "support/temp_dir.h"
#include "sync_test_support.h"
#include "vault/vault.h"

using namespace abri;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const fs::path kHubBin = ABRI_HUB_BIN;
const fs::path kSyncdBin = ABRI_SYNCD_BIN;
using test::kWorkerPassword;
using Laptop = test::OfficeLaptop;

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

using Run = test::HubProcess::Outcome;

// `abri-hub ARGS...` (the sub-command and DIR included by the caller) as its own process.
Run hubRun(const test::HubProcess& hub, const std::vector<std::string>& args) { return hub.run(args); }

Run decide(const test::HubProcess& hub, const std::string& verb, const std::string& a, const std::string& b) {
    return hubRun(hub, {"duplicates", verb, hub.dir.string(), a, b});
}

// Everything the hub holds that a refusal must leave as it was: both offices' state hashes and feed heads.
std::string hubSnapshot(test::HubProcess& hub) {
    return hub.command("state", {"--office", "TST-AAA"}) + hub.command("state", {"--office", "TST-BBB"});
}

std::string vaultStateHash(const Laptop& laptop) {
    auto worker = vault::Vault::unlock(laptop.vaultPath, "worker", kWorkerPassword);
    const auto hash = wire::hashToHex(merge::vaultStateHash(*worker));
    worker->lock();
    return hash;
}

struct LaptopCase {
    nlohmann::json doc;
    std::size_t items = 0;
};

std::optional<LaptopCase> caseOnLaptop(const Laptop& laptop, const std::string& code) {
    auto worker = vault::Vault::unlock(laptop.vaultPath, "worker", kWorkerPassword);
    cases::CaseRepository repository(*worker);
    std::optional<LaptopCase> out;
    if (const auto id = repository.findIdByCode(code)) {
        const auto view = repository.load(*id);
        out = LaptopCase{view->doc, view->items.size()};
    }
    worker->lock();
    return out;
}

// Persons counted by the first built-in report, as the report engine counts them (before disclosure control).
std::int64_t personsCounted(storage::Database& db) {
    return reports::countReport(db, reports::builtinReports().front()).grandTotal;
}

std::int64_t laptopPersons(const Laptop& laptop) {
    auto worker = vault::Vault::unlock(laptop.vaultPath, "worker", kWorkerPassword);
    const auto persons = personsCounted(worker->db());
    worker->lock();
    return persons;
}

std::int64_t hubPersons(const test::HubProcess& hub) {
    auto store = sync::hub::HubStore::open(hub.dir, test::kHubPassphrase);
    reports::MergedFacts facts;
    sync::hub::forEachCaseState(store.db(), std::nullopt, false,
                                [&](const wire::Id16&, const merge::MergeState& state) { facts.add(state); });
    return personsCounted(facts.db());
}

void setField(const Laptop& laptop, const std::string& code, const std::string& field, const nlohmann::json& value) {
    auto worker = vault::Vault::unlock(laptop.vaultPath, "worker", kWorkerPassword);
    cases::CaseRepository repository(*worker);
    repository.updateField(*repository.findIdByCode(code), field, value);
    worker->lock();
}

std::size_t openConflicts(const Laptop& laptop) {
    auto worker = vault::Vault::unlock(laptop.vaultPath, "worker", kWorkerPassword);
    const auto open = merge::openConflicts(*worker).size();
    worker->lock();
    return open;
}

void addNote(const Laptop& laptop, const std::string& code, const std::string& text) {
    auto worker = vault::Vault::unlock(laptop.vaultPath, "worker", kWorkerPassword);
    cases::CaseRepository repository(*worker);
    repository.addItem(*repository.findIdByCode(code), model::Entity::Note, {{"text", text}});
    worker->lock();
}

}  // namespace

TEST_CASE("abri-hub duplicates merge: both offices converge on one person, nothing of either case is lost",
          "[sync][hub][duplicates][merge]") {
    test::TempDir tmp;
    test::HubProcess hub(tmp.path(), kHubBin);
    hub.start();
    Laptop a(tmp.path(), "a1", "TST-AAA");
    Laptop b(tmp.path(), "b1", "TST-BBB");
    a.enrol(hub);
    b.enrol(hub);
    const std::string codeA = "TST-AAA-26-MERGE1";
    const std::string codeB = "TST-BBB-26-MERGE2";
    a.registerCase(R"({"case_code": ")" + codeA + R"(", "person": {"given_name": "Mohamed",
        "family_name": "Kamarafake", "gender": "male", "date_of_birth": "1991-04-05", "citizenship": "EG",
        "identity_documents": [{"type": "passport", "number": "FK1234567", "country": "EG"}]}})");
    b.registerCase(R"({"case_code": ")" + codeB + R"(", "person": {"given_name": "Muhammad",
        "family_name": "Kamarafake", "gender": "male", "date_of_birth": "1991-04-05", "citizenship": "EG",
        "identity_documents": [{"type": "passport", "number": "FK 123 4567", "country": "EG"}]}})");
    const std::string codeOther = "TST-AAA-26-OTHER1";
    a.registerCase(R"({"case_code": ")" + codeOther + R"(", "person": {"given_name": "Testname",
        "family_name": "Fakeperson", "gender": "female", "estimated_age": 30}})");
    addNote(a, codeA, "Synthetic note at office A.");
    addNote(b, codeB, "Synthetic note at office B.");
    a.sync(kSyncdBin);
    b.sync(kSyncdBin);

    const auto listed = hubRun(hub, {"duplicates", hub.dir.string()});
    INFO(listed.out << listed.err);
    REQUIRE(contains(listed.out, "case_a=" + codeA + " office_a=TST-AAA case_b=" + codeB + " office_b=TST-BBB"));
    CHECK(hubPersons(hub) == 3);
    CHECK(laptopPersons(a) == 2);
    CHECK(laptopPersons(b) == 1);

    // Refusals before anything was decided: typed, exit 4, the hub unchanged.
    auto refused = [&](const std::string& verb, const std::string& x, const std::string& y, const std::string& code) {
        const std::string before = hubSnapshot(hub);
        const auto run = decide(hub, verb, x, y);
        INFO(verb << " " << x << " " << y << ": " << run.err);
        CHECK(run.exitCode == 4);
        CHECK(contains(run.err, "refused: " + code));
        CHECK(contains(run.err, "nothing changed"));
        CHECK(run.out.empty());
        CHECK(hubSnapshot(hub) == before);
    };
    refused("merge", codeA, codeA, "same_case");
    refused("merge", codeA, "TST-CCC-26-ZZZZZZ", "unknown_case: TST-CCC-26-ZZZZZZ");
    refused("flag", "TST-CCC-26-ZZZZZZ", codeB, "unknown_case: TST-CCC-26-ZZZZZZ");
    const std::string beforeBadCode = hubSnapshot(hub);
    const auto badCode = decide(hub, "merge", codeA, "not a code");
    CHECK(badCode.exitCode == 1);
    CHECK(contains(badCode.err, "invalid value: CODE_B"));
    CHECK(hubSnapshot(hub) == beforeBadCode);

    // The flag: both laptops show the possible duplicate after a sync.
    const auto flagged = decide(hub, "flag", codeA, codeB);
    INFO(flagged.err);
    REQUIRE(flagged.exitCode == 0);
    CHECK(flagged.out == "flagged " + codeA + " " + codeB + "\n");
    refused("flag", codeB, codeA, "already_flagged");
    a.sync(kSyncdBin);
    b.sync(kSyncdBin);
    CHECK(caseOnLaptop(a, codeA)->doc["possible_duplicate_of"] == nlohmann::json::array({codeB}));
    CHECK(caseOnLaptop(b, codeB)->doc["possible_duplicate_of"] == nlohmann::json::array({codeA}));

    // Meanwhile, offline, office B's caseworker changes the status of its case: concurrent with the merge.
    setField(b, codeB, "status", "under_assistance");

    // The merge.
    const auto merged = decide(hub, "merge", codeA, codeB);
    INFO(merged.err);
    REQUIRE(merged.exitCode == 0);
    CHECK(merged.out == "merged " + codeA + " " + codeB + "\n");
    CHECK(hubRun(hub, {"verify-state", hub.dir.string()}).exitCode == 0);
    a.sync(kSyncdBin);
    b.sync(kSyncdBin);

    // Both offices converge with the hub.
    CHECK(contains(hub.command("state", {"--office", "TST-AAA"}), "state_hash " + vaultStateHash(a)));
    CHECK(contains(hub.command("state", {"--office", "TST-BBB"}), "state_hash " + vaultStateHash(b)));
    // B is retired as a duplicate of A, every value of it kept; A links B; the flags are gone; items of both kept.
    const auto retired = caseOnLaptop(b, codeB);
    REQUIRE(retired);
    CHECK(retired->doc["status"] == "closed");
    CHECK(retired->doc["closure_reason"] == "duplicate_case");
    CHECK(retired->doc["duplicate_of"] == codeA);
    CHECK(retired->doc["person"]["gender"] == "male");
    CHECK_FALSE(retired->doc.contains("possible_duplicate_of"));
    CHECK(retired->items == 1);
    const auto surviving = caseOnLaptop(a, codeA);
    REQUIRE(surviving);
    CHECK(surviving->doc["status"] == "registered");
    CHECK(surviving->doc["same_person_as"] == nlohmann::json::array({codeB}));
    CHECK_FALSE(surviving->doc.contains("possible_duplicate_of"));
    CHECK(surviving->items == 1);
    // The offline edit is not lost: it is an ordinary conflict on the status, at the hub and on the laptop.
    const auto conflictsB = hub.command("conflicts", {"--office", "TST-BBB"});
    INFO(conflictsB);
    CHECK(contains(conflictsB, "field=status"));
    CHECK(contains(conflictsB, "conflicts 1"));
    CHECK(openConflicts(b) == 1);
    // Consent: neither office received the other's case.
    CHECK_FALSE(caseOnLaptop(a, codeB));
    CHECK_FALSE(caseOnLaptop(b, codeA));

    // Reports count the merged person once, at the hub and on each laptop.
    CHECK(hubPersons(hub) == 2);
    CHECK(laptopPersons(a) == 2);
    CHECK(laptopPersons(b) == 0);
    // Neither case is a candidate again.
    CHECK_FALSE(contains(hubRun(hub, {"duplicates", hub.dir.string()}).out, codeB));

    // A case already merged: refused whichever side it is on, and nothing changes.
    refused("merge", codeA, codeB, "already_merged: " + codeB);
    refused("merge", codeB, codeA, "already_merged: " + codeB);
    refused("flag", codeA, codeB, "already_merged: " + codeB);

    // A flag the operator then dismisses comes off the laptops again.
    REQUIRE(decide(hub, "flag", codeA, codeOther).exitCode == 0);
    a.sync(kSyncdBin);
    CHECK(caseOnLaptop(a, codeOther)->doc["possible_duplicate_of"] == nlohmann::json::array({codeA}));
    const auto dismissed = decide(hub, "dismiss", codeA, codeOther);
    INFO(dismissed.err);
    REQUIRE(dismissed.exitCode == 0);
    a.sync(kSyncdBin);
    CHECK_FALSE(caseOnLaptop(a, codeOther)->doc.contains("possible_duplicate_of"));
    CHECK_FALSE(caseOnLaptop(a, codeA)->doc.contains("possible_duplicate_of"));
    CHECK(caseOnLaptop(a, codeA)->doc["same_person_as"] == nlohmann::json::array({codeB}));
    CHECK(contains(hub.command("state", {"--office", "TST-AAA"}), "state_hash " + vaultStateHash(a)));
}

// A device cannot write a hub-only field: the hub excludes it (not_editable) and the laptop's own repository refuses.
TEST_CASE("a laptop cannot set the duplicate link itself", "[sync][hub][duplicates][merge]") {
    test::TempDir tmp;
    test::HubProcess hub(tmp.path(), kHubBin);
    hub.start();
    Laptop a(tmp.path(), "a1", "TST-AAA");
    a.enrol(hub);
    CHECK_THROWS_WITH(a.registerCase(R"({"duplicate_of": "TST-AAA-26-XXXXXX", "person": {"gender": "male"}})"),
                      Catch::Contains("duplicate_of"));
    a.registerCase(R"({"case_code": "TST-AAA-26-LINK01", "person": {"gender": "male"}})");
    auto worker = vault::Vault::unlock(a.vaultPath, "worker", kWorkerPassword);
    cases::CaseRepository repository(*worker);
    const auto id = *repository.findIdByCode("TST-AAA-26-LINK01");
    CHECK_THROWS(repository.updateField(id, "duplicate_of", "TST-AAA-26-XXXXXX"));
    CHECK_THROWS(repository.updateField(id, "same_person_as", nlohmann::json::array({"TST-AAA-26-XXXXXX"})));
    worker->lock();
}
