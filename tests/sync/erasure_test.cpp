// Erasure on request across real processes (sync/PROTOCOL.md §5.9): abri-hub serve, abri-syncd --once, abri-cli.
// A supervisor erases a case with abri-cli; the erasure reaches the hub and the other laptop of the office, which
// had edited the case offline meanwhile; a backup taken before the erasure is restored and syncs the case away
// again; a laptop enrolled later never sees it. Afterwards no table of any vault or of the hub holds the marker,
// the hub's state still verifies, and every state hash agrees.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cases/case_repository.h"
#include "erasure/case_purge.h"
#include "merge/vault_applier.h"
#include "office_laptop.h"
#include "storage/database.h"
#include "support/temp_dir.h"
#include "sync_test_support.h"
#include "vault/vault.h"
#include "wire/sync_files.h"
#include "../core/erasure/vault_scan.h"

using namespace abri;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const fs::path kHubBin = ABRI_HUB_BIN;
const fs::path kSyncdBin = ABRI_SYNCD_BIN;
const fs::path kCliBin = ABRI_CLI_BIN;
const std::string kMarker = "Zorblaxsyncerasure";

fs::path passwordFile(const fs::path& dir, const std::string& name, std::string_view password) {
    const auto path = dir / (name + ".pw");
    std::ofstream(path) << password << "\n";
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    return path;
}

std::unique_ptr<vault::Vault> openAs(const test::OfficeLaptop& laptop, const std::string& user, std::string_view pw) {
    return vault::Vault::unlock(laptop.vaultPath, user, std::string(pw));
}

std::unique_ptr<vault::Vault> worker(const test::OfficeLaptop& laptop) {
    return openAs(laptop, "worker", test::kWorkerPassword);
}

bool holds(const test::OfficeLaptop& laptop, const std::string& caseId) {
    return cases::CaseRepository(*worker(laptop)).load(caseId).has_value();
}

std::string stateHash(const test::OfficeLaptop& laptop) { return wire::hashToHex(merge::vaultStateHash(*worker(laptop))); }

std::string hubState(test::HubProcess& hub, const std::string& office) {
    const auto out = hub.command("state", {"--office", office});
    const auto at = out.find("state_hash ");
    REQUIRE(at != std::string::npos);
    return out.substr(at + 11, 64);
}

}  // namespace

TEST_CASE("An erasure reaches the hub and every laptop holding the case, and nothing brings it back",
          "[sync][erasure]") {
    test::TempDir root;
    test::HubProcess hub(root.path(), kHubBin);
    hub.start();
    test::OfficeLaptop one(root.path(), "one", "TST-A");
    test::OfficeLaptop two(root.path(), "two", "TST-A");
    one.enrol(hub, "supervisor");
    two.enrol(hub);
    one.registerCase(R"({"person": {"given_name": ")" + kMarker +
                     R"(", "family_name": "Fakeperson", "gender": "female"},
                         "items": [{"kind": "note", "text": "Synthetic note )" + kMarker + R"("}]})");
    one.registerCase(R"({"person": {"given_name": "Testname Survivor", "gender": "male"}})");
    one.sync(kSyncdBin);
    two.sync(kSyncdBin);
    // A third laptop that, after this first sync, only ever syncs by USB stick.
    test::OfficeLaptop stick(root.path(), "stick", "TST-A");
    stick.enrol(hub);
    stick.sync(kSyncdBin);

    std::string target;
    std::string targetCode;
    {
        auto v = worker(two);
        // The case with the note is the one to erase.
        auto items = v->db().prepare("SELECT case_id FROM case_items WHERE kind = 'note'");
        REQUIRE(items.step());
        target = items.text(0);
        auto code = v->db().prepare("SELECT case_code FROM cases WHERE id = ?");
        code.bind(1, target);
        REQUIRE(code.step());
        targetCode = code.text(0);
    }
    REQUIRE(holds(one, target));
    REQUIRE_FALSE(test::tablesHolding(worker(two)->db(), kMarker).empty());  // the scan would see it

    // Laptop two: a backup from before the erasure, and an edit of the case made offline.
    const auto twoAdminPw = passwordFile(root.path(), "two-admin", test::kAdminPassword);
    const auto backup = root / "two-before-erasure.abribackup";
    REQUIRE(test::runToEnd(kCliBin, {"backup", two.vaultPath.string(), backup.string(), "--user", "admin",
                                     "--password-file", twoAdminPw.string()},
                           two.log, 120s) == 0);
    cases::CaseRepository(*worker(two)).updateField(target, "person.gender", "male");

    // A caseworker may not erase: a typed refusal, nothing changed.
    const auto workerPw = passwordFile(root.path(), "one-worker", test::kWorkerPassword);
    std::string refusal;
    CHECK(test::runToEnd(kCliBin, {"case", "erase", one.vaultPath.string(), targetCode, "--user", "worker",
                                   "--password-file", workerPw.string(), "--confirm", "--json"},
                         one.log, 60s, &refusal) == 1);
    CHECK(refusal.find("permission_denied") != std::string::npos);
    CHECK(holds(one, target));

    // Nor a supervisor on a laptop enrolled for caseworkers: the hub would refuse the erasure, so nothing is erased.
    const auto superPw = passwordFile(root.path(), "one-super", test::kSupervisorPassword);
    refusal.clear();
    CHECK(test::runToEnd(kCliBin, {"case", "erase", two.vaultPath.string(), targetCode, "--user", "super",
                                   "--password-file", superPw.string(), "--confirm", "--json"},
                         two.log, 60s, &refusal) == 1);
    CHECK(refusal.find("erase_cases_device") != std::string::npos);
    CHECK(holds(two, target));

    // The supervisor erases it on laptop one.
    REQUIRE(test::runToEnd(kCliBin, {"case", "erase", one.vaultPath.string(), targetCode, "--user", "super",
                                     "--password-file", superPw.string(), "--confirm"},
                           one.log, 60s) == 0);
    CHECK_FALSE(holds(one, target));
    one.sync(kSyncdBin);
    two.sync(kSyncdBin);

    CHECK_FALSE(holds(two, target));
    CHECK(erasure::isPurged(worker(two)->db(), target));

    // The stick laptop: its bundle to the hub, the hub's answer on the same folder.
    REQUIRE(holds(stick, target));
    const auto stickPw = passwordFile(root.path(), "stick-worker", test::kWorkerPassword);
    const auto usb = root / "usb";
    fs::create_directories(usb);
    const std::vector<std::string> asWorker{"--user", "worker", "--password-file", stickPw.string()};
    auto bundle = [&](const std::string& verb) {
        std::vector<std::string> args{"bundle", verb, stick.vaultPath.string()};
        args.insert(args.end(), asWorker.begin(), asWorker.end());
        args.push_back(usb.string());
        return test::runToEnd(kCliBin, args, stick.log, 60s);
    };
    REQUIRE(bundle("export") == 0);
    REQUIRE(test::runToEnd(kHubBin, {"import", hub.dir.string(), usb.string()}, hub.log, 60s) == 0);
    REQUIRE(bundle("import") == 0);
    CHECK_FALSE(holds(stick, target));
    CHECK(test::tablesHolding(worker(stick)->db(), kMarker).empty());
    CHECK(test::tablesHolding(worker(one)->db(), kMarker).empty());
    CHECK(test::tablesHolding(worker(two)->db(), kMarker).empty());
    // The hub holds nothing of it: no state, every change-set of it emptied but the erasure's own.
    const auto verify = hub.command("verify-state");
    CHECK(verify.find("differences 0") != std::string::npos);
    CHECK(hub.command("state", {"--office", "TST-A"}).find(" cases 1 ") != std::string::npos);
    const auto hubState1 = hubState(hub, "TST-A");
    CHECK(hubState1 == stateHash(one));
    CHECK(hubState1 == stateHash(two));
    CHECK(hubState1 == stateHash(stick));

    // The old backup of laptop two, restored: the case is back until the next sync, which takes it away again.
    const auto twoAdminPw2 = passwordFile(root.path(), "two-admin2", test::kAdminPassword);
    REQUIRE(test::runToEnd(kCliBin, {"restore", backup.string(), two.vaultPath.string(), "--user", "admin",
                                     "--password-file", twoAdminPw2.string()},
                           two.log, 120s) == 0);
    CHECK(holds(two, target));
    two.sync(kSyncdBin);
    two.sync(kSyncdBin);
    CHECK_FALSE(holds(two, target));
    CHECK(test::tablesHolding(worker(two)->db(), kMarker).empty());
    CHECK(stateHash(two) == hubState(hub, "TST-A"));

    // A laptop enrolled after the erasure never receives the case, nor trips over its emptied change-sets.
    test::OfficeLaptop three(root.path(), "three", "TST-A");
    three.enrol(hub);
    three.sync(kSyncdBin);
    CHECK_FALSE(holds(three, target));
    CHECK(stateHash(three) == hubState(hub, "TST-A"));
    // The surviving case is everywhere.
    CHECK(cases::CaseRepository(*worker(three)).count({}) == 1);
    CHECK(cases::CaseRepository(*worker(two)).count({}) == 1);
}

TEST_CASE("Retention at the hub and on a laptop purges the same closed case, and the states agree again",
          "[sync][erasure][retention]") {
    test::TempDir root;
    test::HubProcess hub(root.path(), kHubBin);
    hub.start();
    test::OfficeLaptop laptop(root.path(), "one", "TST-A");
    laptop.enrol(hub);
    laptop.registerCase(R"({"person": {"given_name": ")" + kMarker + R"(", "gender": "female"},
        "registered_on": "2017-02-01", "status": "closed", "closure_reason": "other", "closed_on": "2018-06-30"})");
    laptop.registerCase(R"({"person": {"given_name": "Testname Open", "gender": "male"}, "registered_on": "2017-02-01"})");
    laptop.sync(kSyncdBin);
    REQUIRE(hub.command("state", {"--office", "TST-A"}).find(" cases 2 ") != std::string::npos);

    // Below the floor: refused, nothing set.
    CHECK(test::runToEnd(kHubBin, {"retention", hub.dir.string(), "--years", "0"}, hub.log, 60s) == 1);
    CHECK(hub.command("retention").find("retention off") != std::string::npos);

    const auto applied = hub.command("retention", {"--years", "5", "--apply"});
    CHECK(applied.find("retention 5 years after closing") != std::string::npos);
    CHECK(applied.find("purged 1") != std::string::npos);
    CHECK(hub.command("state", {"--office", "TST-A"}).find(" cases 1 ") != std::string::npos);
    CHECK(hub.command("verify-state").find("differences 0") != std::string::npos);
    // Until the laptop applies the same policy, its state differs from the hub's.
    CHECK(stateHash(laptop) != hubState(hub, "TST-A"));

    const auto adminPw = passwordFile(root.path(), "admin", test::kAdminPassword);
    REQUIRE(test::runToEnd(kCliBin, {"retention", "set", laptop.vaultPath.string(), "5", "--user", "admin",
                                     "--password-file", adminPw.string()},
                           laptop.log, 60s) == 0);
    std::string reply;
    REQUIRE(test::runToEnd(kCliBin, {"retention", "apply", laptop.vaultPath.string(), "--user", "admin",
                                     "--password-file", adminPw.string(), "--json"},
                           laptop.log, 60s, &reply) == 0);
    CHECK(nlohmann::json::parse(reply)["purged"] == 1);
    laptop.sync(kSyncdBin);
    CHECK(stateHash(laptop) == hubState(hub, "TST-A"));
    CHECK(test::tablesHolding(worker(laptop)->db(), kMarker).empty());
}
