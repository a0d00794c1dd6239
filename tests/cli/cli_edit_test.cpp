// End-to-end tests of `abri-cli case set` and `abri-cli conflicts [resolve]`: the real binary on temporary vaults.
// A real conflict needs a second device; here its edit is applied in-process as a sync would deliver it (the
// README walkthrough, tests/sync/readme_walkthrough.sh, makes one with a hub and two laptops).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

#include "audit/audit_log.h"
#include "cli_vault.h"
#include "journal/journal.h"
#include "merge/vault_applier.h"
#include "storage/database.h"
#include "vault/vault.h"

using namespace abri;
using namespace abri::test;
using Json = nlohmann::json;

namespace {

constexpr const char* kSupervisorPassword = "Super-Fake-Password-33";
const std::string kOtherDevice(32, 'f');  // sorts after any real device id: not "this device"

const std::string kCase = R"({
  "person": {"given_name": "Testquokka", "family_name": "Fakeperson-Zulu", "gender": "female", "children": 0},
  "situation": {"exploitation_types": ["forced_labour"]}
})";

struct AddedCase {
    std::string id;
    std::string code;
};

AddedCase addCase(const CliVault& v) {
    writeFile(v.dir / "case.json", kCase);
    auto add = v.asWorker({"case", "add"}, {(v.dir / "case.json").string(), "--json"});
    REQUIRE(add.exitCode == 0);
    const Json created = Json::parse(add.out)["created"][0];
    return {created["id"].get<std::string>(), created["case_code"].get<std::string>()};
}

Json showJson(const CliVault& v, const std::string& caseRef, bool reveal = false) {
    std::vector<std::string> extra{caseRef, "--format", "json"};
    if (reveal) extra.emplace_back("--reveal");
    auto show = v.asWorker({"case", "show"}, extra);
    REQUIRE(show.exitCode == 0);
    return Json::parse(show.out);
}

std::unique_ptr<vault::Vault> openAsWorker(const CliVault& v) {
    return vault::Vault::unlock(v.vault(), "testworker", kWorkerPassword);
}

// Local journal ops of one kind on (case, field).
std::size_t journalOps(vault::Vault& session, const std::string& caseId, journal::OpKind kind,
                       const std::string& field) {
    const auto entries = session.journal().entriesFor(caseId);
    return static_cast<std::size_t>(std::count_if(entries.begin(), entries.end(), [&](const journal::Entry& e) {
        return e.op.kind == kind && e.op.field == field && e.origin == journal::Origin::Local;
    }));
}

std::size_t auditCount(vault::Vault& session, const std::string& caseId, audit::Action action,
                       const std::string& field) {
    const auto entries = session.audit().entriesFor(caseId);
    return static_cast<std::size_t>(std::count_if(entries.begin(), entries.end(), [&](const audit::Entry& e) {
        return e.action == action && e.field == field;
    }));
}

// Another device's edits of `fields`, made without seeing this vault's edits (their base is the case's create),
// applied as an admitted change-set exactly as a sync delivers them. They are stamped after every local op, so
// they win and the local values become the losing side of each conflict.
void applyConcurrentEdits(const CliVault& v, const std::string& caseId,
                          const std::vector<std::pair<std::string, Json>>& fields) {
    auto session = openAsWorker(v);
    const auto entries = session->journal().entriesFor(caseId);
    REQUIRE(!entries.empty());
    REQUIRE(entries.front().op.kind == journal::OpKind::Create);
    merge::AdmittedChangeSet changeSet;
    changeSet.device = kOtherDevice;
    changeSet.deviceSeq = 1;
    changeSet.caseId = caseId;
    journal::Hlc hlc = entries.back().hlc;
    for (const auto& [field, value] : fields) {
        merge::RemoteOp op;
        op.kind = journal::OpKind::Set;
        op.entity = merge::EntityKind::Case;
        op.entityId = caseId;
        op.caseId = caseId;
        op.field = field;
        op.valueJson = value.dump();
        op.parents = {entries.front().version()};
        op.hlc = ++hlc;
        op.device = kOtherDevice;
        op.author = std::string(32, 'e');
        changeSet.ops.push_back(op);
    }
    storage::Transaction tx(session->db());
    merge::VaultApplier(*session).apply(changeSet);
    tx.commit();
    session->lock();
}

}  // namespace

TEST_CASE("case set changes one field through the repository which validates and journals and audits it", "[cli]") {
    CliVault v;
    const auto [id, code] = addCase(v);

    auto status = v.asWorker({"case", "set"}, {code, "status", "under_assistance"});
    REQUIRE(status.exitCode == 0);
    CHECK(status.out == "Updated status of case " + code + ".\n");
    CHECK(showJson(v, code)["case"]["status"] == "under_assistance");

    // By case id, a JSON number, JSON output.
    auto age = v.asWorker({"case", "set"}, {id, "person.estimated_age", "30", "--json"});
    REQUIRE(age.exitCode == 0);
    const Json updated = Json::parse(age.out)["updated"];
    CHECK(updated["case_code"] == code);
    CHECK(updated["field"] == "person.estimated_age");
    CHECK(showJson(v, code)["case"]["person"]["estimated_age"] == 30);

    // A sensitive value: stored, never echoed.
    auto name = v.asWorker({"case", "set"}, {code, "person.family_name", "Fakeperson-Yankee"});
    REQUIRE(name.exitCode == 0);
    CHECK(name.out.find("Fakeperson-Yankee") == std::string::npos);
    CHECK(name.err.find("Fakeperson-Yankee") == std::string::npos);
    CHECK(showJson(v, code, true)["case"]["person"]["family_name"] == "Fakeperson-Yankee");

    // VALUE - : standard input (after the password line with --password-stdin), so a name stays out of argv.
    auto fromStdin = v.cli({"case", "set", v.vault().string(), "--user", "testworker", "--password-stdin", code,
                            "person.given_name", "-"},
                           std::string(kWorkerPassword) + "\nTestquokka-Stdin\n");
    REQUIRE(fromStdin.exitCode == 0);
    CHECK(showJson(v, code, true)["case"]["person"]["given_name"] == "Testquokka-Stdin");

    // A quoted JSON string keeps a value that would otherwise parse as a number; null clears.
    REQUIRE(v.asWorker({"case", "set"}, {code, "person.family_name", "\"1234\""}).exitCode == 0);
    CHECK(showJson(v, code, true)["case"]["person"]["family_name"] == "1234");
    REQUIRE(v.asWorker({"case", "set"}, {code, "person.estimated_age", "null"}).exitCode == 0);
    CHECK(showJson(v, code)["case"]["person"].value("estimated_age", Json()).is_null());

    // One local, unshipped journal op per change (this is what sync ships), and an audit entry.
    auto session = openAsWorker(v);
    CHECK(journalOps(*session, id, journal::OpKind::Set, "status") == 1);
    CHECK(journalOps(*session, id, journal::OpKind::Set, "person.estimated_age") == 2);
    CHECK(journalOps(*session, id, journal::OpKind::Set, "person.family_name") == 2);
    const auto entries = session->journal().entriesFor(id);
    const auto statusOp = std::find_if(entries.begin(), entries.end(),
                                       [](const journal::Entry& e) { return e.op.field == "status"; });
    REQUIRE(statusOp != entries.end());
    CHECK(Json::parse(statusOp->op.valueJson) == "under_assistance");
    CHECK_FALSE(statusOp->shipped);
    CHECK(auditCount(*session, id, audit::Action::CaseEdited, "status") == 1);
}

TEST_CASE("case set refuses a bad field or value with a typed error and changes nothing", "[cli]") {
    CliVault v;
    const auto [id, code] = addCase(v);
    const Json before = showJson(v, code, true)["case"];
    const auto journalRows = [&] {
        auto session = openAsWorker(v);
        return session->journal().entriesFor(id).size();
    };
    const auto rowsBefore = journalRows();

    struct Bad {
        std::string caseRef;
        std::string field;
        std::string value;
        std::string error;  // the JSON error code
    };
    const std::vector<Bad> bad = {
        {code, "person.favourite_colour", "Testa-Blue", "unknown_field"},
        {code, "person.gender", "Testa-Gender", "invalid_code"},
        {code, "person.estimated_age", "400", "value_out_of_range"},
        {code, "person.date_of_birth", "2999-01-01", "date_in_future"},
        {code, "person.family_name", "[\"Testa\"]", "invalid_value"},
        {code, "person.aliases", "[\"Testa\",", "invalid_json"},
        {code, "status", "follow_up", "invalid_transition"},
        {code, "case_code", "TST-ONE-00-TESTA0", "invalid_value"},
        {"TST-ONE-00-NOPE00", "status", "under_assistance", "not_found"},
    };
    for (const auto& [caseRef, field, value, error] : bad) {
        INFO(field << " = " << value);
        auto result = v.asWorker({"case", "set"}, {caseRef, field, value, "--json"});
        CHECK(result.exitCode == 1);
        REQUIRE(!result.out.empty());
        const Json reported = Json::parse(result.out);
        CHECK(reported["error"] == error);
        CHECK(result.out.find("Testa") == std::string::npos);  // the value is never echoed

        auto text = v.asWorker({"case", "set"}, {caseRef, field, value});
        CHECK(text.exitCode == 1);
        CHECK(text.err.rfind("abri-cli: ", 0) == 0);
        CHECK(text.err.find("Testa") == std::string::npos);
    }
    CHECK(v.asWorker({"case", "set"}, {code, "person.favourite_colour", "x"}).err.find("person.favourite_colour") !=
          std::string::npos);

    // Administrators do not edit cases.
    auto admin = v.asAdmin({"case", "set"}, {code, "status", "under_assistance"});
    CHECK(admin.exitCode == 1);
    CHECK(admin.err.find("permission denied") != std::string::npos);

    // Usage errors: exit 2.
    CHECK(v.asWorker({"case", "set"}, {code, "status"}).exitCode == 2);
    CHECK(v.asWorker({"case", "set"}, {code, "status", "registered", "extra"}).exitCode == 2);

    CHECK(showJson(v, code, true)["case"] == before);
    CHECK(journalRows() == rowsBefore);
}

TEST_CASE("conflicts on a vault without conflicts prints none and resolve refuses unknown ids and roles", "[cli]") {
    CliVault v;
    writeSecret(v.dir / "super.pw", std::string(kSupervisorPassword) + "\n");
    v.addUser("testsuper", "supervisor", v.dir / "super.pw");
    addCase(v);

    auto text = v.asWorker({"conflicts"});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out == "No open conflicts.\n");
    auto json = v.asWorker({"conflicts"}, {"--json"});
    REQUIRE(json.exitCode == 0);
    CHECK(Json::parse(json.out) == Json{{"conflicts", Json::array()}});
    CHECK(v.asAdmin({"conflicts"}).exitCode == 0);  // administrators see masked listings

    // Administrators may not reveal, even when nothing would need it.
    auto adminReveal = v.asAdmin({"conflicts"}, {"--reveal"});
    CHECK(adminReveal.exitCode == 1);
    CHECK(adminReveal.err.find("permission denied") != std::string::npos);

    auto none = v.as("testsuper", v.dir / "super.pw", {"conflicts", "resolve"}, {"1", "--keep", "winning", "--json"});
    CHECK(none.exitCode == 1);
    CHECK(Json::parse(none.out)["error"] == "not_found");
    auto worker = v.asWorker({"conflicts", "resolve"}, {"1", "--keep", "winning"});
    CHECK(worker.exitCode == 1);
    CHECK(worker.err.find("permission denied") != std::string::npos);
    CHECK(v.asWorker({"conflicts", "resolve"}, {"one", "--keep", "winning"}).exitCode == 2);
    CHECK(v.asWorker({"conflicts", "resolve"}, {"1", "--keep", "mine"}).exitCode == 2);
    CHECK(v.asWorker({"conflicts", "resolve"}, {"1"}).exitCode == 2);
}

TEST_CASE("conflicts shows concurrent edits with sensitive values masked unless revealed and audited and a "
          "supervisor resolves one",
          "[cli]") {
    CliVault v;
    writeSecret(v.dir / "super.pw", std::string(kSupervisorPassword) + "\n");
    v.addUser("testsuper", "supervisor", v.dir / "super.pw");
    const auto [id, code] = addCase(v);
    REQUIRE(v.asWorker({"case", "set"}, {code, "person.family_name", "Fakeperson-Local"}).exitCode == 0);
    REQUIRE(v.asWorker({"case", "set"}, {code, "person.children", "1"}).exitCode == 0);
    applyConcurrentEdits(v, id, {{"person.family_name", "Fakeperson-Remote"}, {"person.children", 2}});
    // The later edit wins everywhere; the local one is kept as a conflict.
    CHECK(showJson(v, code, true)["case"]["person"]["family_name"] == "Fakeperson-Remote");

    auto text = v.asWorker({"conflicts"});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.find(code) != std::string::npos);
    CHECK(text.out.find("person.family_name") != std::string::npos);
    CHECK(text.out.find("person.children") != std::string::npos);
    CHECK(text.out.find("[hidden]") != std::string::npos);
    CHECK(text.out.find("Fakeperson") == std::string::npos);
    CHECK(text.out.find("ffffffff ") != std::string::npos);     // the other device, by id prefix
    CHECK(text.out.find("(this device)") != std::string::npos);
    CHECK(text.out.find("2 open conflict(s)") != std::string::npos);

    auto masked = v.asWorker({"conflicts"}, {"--json"});
    REQUIRE(masked.exitCode == 0);
    CHECK(masked.out.find("Fakeperson") == std::string::npos);
    const Json list = Json::parse(masked.out)["conflicts"];
    REQUIRE(list.size() == 2);
    std::int64_t nameConflict = 0;
    for (const auto& c : list) {
        CHECK(c["case_code"] == code);
        CHECK(c["case_id"] == id);
        CHECK(c["entity"] == "case");
        CHECK(c["winning"]["device"] == kOtherDevice);
        CHECK(c["winning"]["this_device"] == false);
        CHECK(c["losing"]["this_device"] == true);
        if (c["field"] == "person.family_name") {
            nameConflict = c["id"].get<std::int64_t>();
            CHECK(c["masked"] == true);
            CHECK(c["winning"]["value"].is_null());
            CHECK(c["losing"]["value"].is_null());
        } else {
            // Not sensitive: shown without a reveal.
            CHECK(c["field"] == "person.children");
            CHECK(c["masked"] == false);
            CHECK(c["winning"]["value"] == 2);
            CHECK(c["losing"]["value"] == 1);
        }
    }
    REQUIRE(nameConflict != 0);

    // --reveal shows both values and is audited once per revealed field, like case show --reveal.
    const auto revealsBefore = [&] {
        auto session = openAsWorker(v);
        return auditCount(*session, id, audit::Action::SensitiveRevealed, "person.family_name");
    };
    const auto before = revealsBefore();
    auto revealed = v.asWorker({"conflicts"}, {"--reveal", "--json"});
    REQUIRE(revealed.exitCode == 0);
    const Json revealedJson = Json::parse(revealed.out);  // named: a range over a temporary's member would dangle
    for (const auto& c : revealedJson["conflicts"]) {
        if (c["field"] != "person.family_name") continue;
        CHECK(c["masked"] == false);
        CHECK(c["winning"]["value"] == "Fakeperson-Remote");
        CHECK(c["losing"]["value"] == "Fakeperson-Local");
    }
    CHECK(revealsBefore() == before + 1);
    auto adminReveal = v.asAdmin({"conflicts"}, {"--reveal"});
    CHECK(adminReveal.exitCode == 1);
    CHECK(adminReveal.out.find("Fakeperson") == std::string::npos);

    // A supervisor keeps the losing value: one resolve op, a local change that ships like any edit.
    auto resolved = v.as("testsuper", v.dir / "super.pw", {"conflicts", "resolve"},
                         {std::to_string(nameConflict), "--keep", "losing"});
    REQUIRE(resolved.exitCode == 0);
    CHECK(resolved.out == "Resolved conflict " + std::to_string(nameConflict) + " on person.family_name of case " +
                              code + ": kept the losing value.\n");
    CHECK(showJson(v, code, true)["case"]["person"]["family_name"] == "Fakeperson-Local");
    auto left = v.asWorker({"conflicts"}, {"--json"});
    REQUIRE(left.exitCode == 0);
    const Json remaining = Json::parse(left.out)["conflicts"];
    REQUIRE(remaining.size() == 1);
    CHECK(remaining[0]["field"] == "person.children");
    auto session = openAsWorker(v);
    CHECK(journalOps(*session, id, journal::OpKind::Resolve, "person.family_name") == 1);
    CHECK(auditCount(*session, id, audit::Action::ConflictResolved, "person.family_name") == 1);
}
