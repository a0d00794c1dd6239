// A laptop vault restored from an old backup rejoins its chain at the hub (sync/PROTOCOL.md §7.7), with real
// processes: abri-hub serve, abri-syncd --once, abri-cli backup/restore/sync. Back up (with an edit not yet
// sealed), keep working and sync, restore the old backup, make a new edit, sync again: every edit is back once, the
// hub accepts the new change-sets (no fork, no quarantine), and the laptop's state equals the hub's and a second
// laptop's.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "cases/case_repository.h"
#include "devicesync/outbox.h"
#include "wire/sync_files.h"
#include "child_process.h"
#include "client/enrolment.h"
#include "crypto/primitives.h"
#include "devicesync/device_sync.h"
#include "devicesync/restored_vault.h"
#include "merge/vault_applier.h"
#include "support/temp_dir.h"
#include "sync_test_support.h"
#include "vault/vault.h"
#include "vault/vault_backup.h"

using namespace abri;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const fs::path kHubBin = ABRI_HUB_BIN;
const fs::path kSyncdBin = ABRI_SYNCD_BIN;
const fs::path kCliBin = ABRI_CLI_BIN;

struct Laptop {
    // create = false: no vault yet (a new computer, where a backup is restored).
    Laptop(const fs::path& root, const std::string& name, const std::string& officeCode, bool create = true)
        : dir(root), vaultPath(root / (name + ".abri")), office(officeCode), log(root / (name + ".log")) {
        if (create) test::createTestVault(vaultPath, office);
        std::ofstream(adminPw()) << test::kAdminPassword << "\n";
        fs::permissions(adminPw(), fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    }
    fs::path adminPw() const { return dir / (vaultPath.stem().string() + "-admin.pw"); }
    void enrol(test::HubProcess& hub, const std::string& label) {
        auto admin = vault::Vault::unlock(vaultPath, "admin", test::kAdminPassword);
        sync::client::EnrolOptions options;
        options.label = label;
        options.addressOverride = "127.0.0.1:" + std::to_string(hub.port);
        deviceId = wire::idToHex(sync::client::enrolDevice(*admin, vaultPath, hub.token(office), options).deviceId);
    }
    std::unique_ptr<vault::Vault> worker() { return vault::Vault::unlock(vaultPath, "worker", test::kWorkerPassword); }
    // Registers a case offline: journalled, not sealed.
    std::string createCaseOffline(const std::string& given) {
        auto v = worker();
        cases::CaseRepository repo(*v);
        return repo.createCase(cases::Json::parse(R"({"person": {"given_name": ")" + given +
                                                  R"(", "family_name": "Fakeperson", "gender": "female"}})"));
    }
    void setGenderOffline(const std::string& caseId, const std::string& gender) {
        auto v = worker();
        cases::CaseRepository repo(*v);
        repo.updateField(caseId, "person.gender", gender);
    }
    // abri-cli backup / restore as the administrator; restore's --json reply goes to `reply` when given.
    int backupTo(const fs::path& backup) {
        return test::runToEnd(kCliBin, {"backup", vaultPath.string(), backup.string(), "--user", "admin",
                                        "--password-file", adminPw().string()}, log, 120s);
    }
    int restoreFrom(const fs::path& backup, std::string* reply = nullptr) {
        std::vector<std::string> args{"restore", backup.string(), vaultPath.string(), "--user", "admin",
                                      "--password-file", adminPw().string()};
        if (reply != nullptr) args.emplace_back("--json");
        return test::runToEnd(kCliBin, args, log, 120s, reply);
    }
    // "Sync": the app's step, the daemon's session, the app's step again (README).
    void sync() {
        devicesync::syncVault(*worker(), vaultPath);
        REQUIRE(test::runToEnd(kSyncdBin, {wire::syncFolder(vaultPath).string(), "--once", "--reply-timeout-ms",
                                           "15000"},
                               log, 60s) == 0);
        devicesync::syncVault(*worker(), vaultPath);
    }
    // The ids of the cases this vault shows (names are masked without a reveal).
    std::vector<std::string> caseIds() {
        auto v = worker();
        std::vector<std::string> ids;
        auto stmt = v->db().prepare("SELECT id FROM cases ORDER BY id");
        while (stmt.step()) ids.push_back(stmt.text(0));
        return ids;
    }
    std::string gender(const std::string& caseId) {
        auto v = worker();
        cases::CaseRepository repo(*v);
        auto view = repo.load(caseId);
        return view ? view->doc["person"].value("gender", "") : "";
    }
    std::string stateHash() { return wire::hashToHex(merge::vaultStateHash(*worker())); }
    std::uint64_t chainSeq() { return devicesync::readChainHead(worker()->db()).seq; }
    std::int64_t pending() { return devicesync::readSyncOverview(*worker(), vaultPath).pendingChanges; }

    fs::path dir;
    fs::path vaultPath;
    std::string office;
    fs::path log;
    std::string deviceId;
};

std::vector<std::string> sorted(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace

TEST_CASE("A restored laptop gets back what it synced after the backup and continues its chain",
          "[sync][process][backup]") {
    test::TempDir tmp;
    test::HubProcess hub(tmp.path(), kHubBin);
    hub.start();
    Laptop laptop(tmp.path(), "a1", "TST-AAA");
    Laptop colleague(tmp.path(), "a2", "TST-AAA");
    laptop.enrol(hub, "laptop-a1");
    colleague.enrol(hub, "laptop-a2");

    const auto first = laptop.createCaseOffline("Testname First");
    laptop.sync();
    REQUIRE(laptop.chainSeq() == 1);
    // Journalled but not sealed when the backup is taken: sealed (seq 2) only afterwards.
    const auto sealedLater = laptop.createCaseOffline("Testname Sealedlater");
    const auto backup = tmp.path() / "a1.abribackup";
    REQUIRE(laptop.backupTo(backup) == 0);

    // Work goes on after the backup and reaches the hub: seqs 2..4.
    laptop.sync();
    const auto afterBackup = laptop.createCaseOffline("Testname Afterbackup");
    laptop.sync();
    laptop.setGenderOffline(first, "male");
    laptop.sync();
    const auto ackedBeforeRestore = laptop.chainSeq();
    REQUIRE(ackedBeforeRestore == 4);
    REQUIRE(laptop.pending() == 0);

    // The laptop's vault is lost; the old backup comes back. Its chain head is 1, the hub holds 4.
    REQUIRE(laptop.restoreFrom(backup) == 0);
    CHECK(laptop.chainSeq() == 1);
    CHECK(laptop.caseIds() == sorted({first, sealedLater}));
    CHECK(fs::exists(wire::syncFolder(laptop.vaultPath) / devicesync::kRecoveringFile));
    // An edit made on the restored vault before it syncs: it must not take a seq the hub already holds.
    const auto afterRestore = laptop.createCaseOffline("Testname Afterrestore");
    {
        auto step = devicesync::syncVault(*laptop.worker(), laptop.vaultPath);
        CHECK(step.packed.changeSets == 0);  // recovering: nothing sealed yet
    }

    laptop.sync();  // re-reads seqs 2..4, ends recovery, seals the new edit as seq 5
    CHECK_FALSE(fs::exists(wire::syncFolder(laptop.vaultPath) / devicesync::kRecoveringFile));
    CHECK(laptop.chainSeq() == 5);
    laptop.sync();  // seq 5 uploaded and acknowledged
    CHECK(laptop.pending() == 0);

    const auto devices = hub.command("devices");
    CHECK(devices.find(laptop.deviceId + " TST-AAA role=1 active acked=5") != std::string::npos);
    CHECK(hub.status().find("quarantined 0") != std::string::npos);

    colleague.sync();
    colleague.sync();
    const auto everything = sorted({first, sealedLater, afterBackup, afterRestore});
    CHECK(laptop.caseIds() == everything);  // nothing lost, nothing twice
    CHECK(colleague.caseIds() == everything);
    // The hub excluded nothing (a create sent twice would be entity_exists).
    CHECK(laptop.worker()->db().queryInt64("SELECT count(*) FROM journal WHERE coalesce(excluded, 0) != 0") == 0);
    CHECK(laptop.gender(first) == "male");
    CHECK(colleague.gender(first) == "male");
    CHECK(colleague.gender(sealedLater) == "female");
    CHECK(laptop.gender(afterBackup) == "female");
    CHECK(colleague.gender(afterRestore) == "female");
    const auto hubState = hub.command("state", {"--office", "TST-AAA"});
    CHECK(hubState.find("state_hash " + laptop.stateHash()) != std::string::npos);
    CHECK(laptop.stateHash() == colleague.stateHash());
    CHECK(hub.command("conflicts").find("TST-AAA") == std::string::npos);
}

namespace {

std::string fileFingerprint(const fs::path& file) {
    const auto bytes = test::readFileBytes(file);
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    return crypto::toHex(crypto::blake2b({std::span<const std::uint8_t>(data, bytes.size())}));
}

}  // namespace

TEST_CASE("abri-hub backup while serving, and restore refuses bad input and a running hub, then brings the store back",
          "[sync][process][backup]") {
    test::TempDir tmp;
    test::HubProcess hub(tmp.path(), kHubBin);
    hub.start();
    const auto backup = tmp.path() / "hub.abribackup";
    auto hubRun = [&](const std::vector<std::string>& args) { return test::runToEnd(kHubBin, args, hub.log, 60s); };
    REQUIRE(hubRun({"backup", hub.dir.string(), backup.string()}) == 0);  // while it serves
    CHECK_FALSE(test::fileContains(backup, "test-hub"));                   // the hub's name, inside the store
    CHECK_FALSE(test::fileContains(backup, "SQLite format 3"));

    Laptop laptop(tmp.path(), "a1", "TST-AAA");
    laptop.enrol(hub, "laptop-a1");
    REQUIRE(hub.status().find("devices 1") != std::string::npos);

    const auto backupBefore = fileFingerprint(backup);
    CHECK(hubRun({"backup", hub.dir.string(), backup.string()}) == 1);  // DEST exists
    CHECK(fileFingerprint(backup) == backupBefore);
    CHECK(test::fileContains(hub.log, "the backup destination exists already"));
    CHECK(hubRun({"backup", hub.dir.string(), (tmp.path() / "missing" / "x.abribackup").string()}) == 1);

    CHECK(hubRun({"restore", backup.string(), hub.dir.string()}) == 1);  // the hub is running
    CHECK(test::fileContains(hub.log, "in use"));
    hub.process.kill9();  // a stopped hub; its stale -wal/-shm must not be replayed into the restored store
    hub.process.wait(10s);
    const auto statusBefore = hub.status();  // (opening after kill -9 folds the WAL into hub.db: same data)
    const auto storeBefore = fileFingerprint(hub.dir / "hub.db") + fileFingerprint(hub.dir / "hub.keys");

    const auto damaged = tmp.path() / "damaged.abribackup";
    fs::copy_file(backup, damaged);
    {
        std::fstream io(damaged, std::ios::binary | std::ios::in | std::ios::out);
        io.seekp(static_cast<std::streamoff>(fs::file_size(damaged) / 2));
        io.put('\x5a');
    }
    CHECK(hubRun({"restore", damaged.string(), hub.dir.string()}) == 1);
    CHECK(test::fileContains(hub.log, "damaged or is not an Abri backup"));

    test::TempDir otherRoot;
    test::HubProcess other(otherRoot.path(), kHubBin);
    const auto foreign = tmp.path() / "other.abribackup";
    REQUIRE(hubRun({"backup", other.dir.string(), foreign.string()}) == 0);
    CHECK(hubRun({"restore", foreign.string(), hub.dir.string()}) == 1);
    CHECK(test::fileContains(hub.log, "belongs to another vault"));

    const auto wrong = tmp.path() / "wrong.pass";
    std::ofstream(wrong) << "not-the-hub-passphrase\n";
    // Exit 5: the hub's one code for a wrong passphrase (the service unit does not restart on it).
    CHECK(hubRun({"restore", backup.string(), hub.dir.string(), "--passphrase-file", wrong.string()}) == 5);
    CHECK(fileFingerprint(hub.dir / "hub.db") + fileFingerprint(hub.dir / "hub.keys") == storeBefore);
    CHECK(hub.status() == statusBefore);

    REQUIRE(hubRun({"restore", backup.string(), hub.dir.string()}) == 0);
    CHECK(hub.status().find("devices 0") != std::string::npos);  // as it was when backed up
    for (const auto& entry : fs::directory_iterator(hub.dir)) {
        CHECK(entry.path().filename().string().rfind(".tmp-", 0) != 0);
    }
}

TEST_CASE("A laptop's backup restored on another computer rebuilds its sync folder and syncs as the same device",
          "[sync][process][backup]") {
    test::TempDir tmp;
    test::HubProcess hub(tmp.path(), kHubBin);
    hub.start();
    Laptop laptop(tmp.path(), "a1", "TST-AAA");
    Laptop colleague(tmp.path(), "a2", "TST-AAA");
    laptop.enrol(hub, "laptop-a1");
    colleague.enrol(hub, "laptop-a2");
    const auto first = laptop.createCaseOffline("Testname First");
    laptop.sync();
    const auto backup = tmp.path() / "a1.abribackup";
    REQUIRE(laptop.backupTo(backup) == 0);
    CHECK_FALSE(test::fileContains(backup, "PRIVATE KEY"));
    const auto afterBackup = laptop.createCaseOffline("Testname Afterbackup");
    laptop.sync();
    const auto oldKey = test::readFileBytes(wire::syncFolder(laptop.vaultPath) / "transport.key");

    // The laptop is lost with its sync folder; the backup is restored on a new computer (another folder).
    fs::create_directories(tmp.path() / "new-computer");
    Laptop replacement(tmp.path() / "new-computer", "a1", "TST-AAA", /*create=*/false);
    std::string out;
    REQUIRE(replacement.restoreFrom(backup, &out) == 0);
    const auto reply = nlohmann::json::parse(out);
    CHECK(reply.at("must_enrol_again") == false);
    CHECK(reply.at("sync_folder_rebuilt").size() == 5);  // transport key and certificate, descriptor, device cert, config
    const auto syncDir = wire::syncFolder(replacement.vaultPath);
    CHECK(test::readFileBytes(syncDir / "transport.key") == oldKey);  // the key the hub certified
    CHECK((fs::status(syncDir).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);

    const auto onNewComputer = replacement.createCaseOffline("Testname Newcomputer");
    replacement.sync();  // recovering: re-reads what was synced after the backup
    replacement.sync();
    replacement.sync();
    CHECK(replacement.pending() == 0);
    CHECK(replacement.caseIds() == sorted({first, afterBackup, onNewComputer}));
    colleague.sync();
    colleague.sync();
    CHECK(colleague.caseIds() == sorted({first, afterBackup, onNewComputer}));
    CHECK(hub.status().find("quarantined 0") != std::string::npos);
    CHECK(replacement.stateHash() == colleague.stateHash());
}

TEST_CASE("A vault enrolled before its transport key was kept takes it in at its next backup",
          "[sync][process][backup]") {
    test::TempDir tmp;
    test::HubProcess hub(tmp.path(), kHubBin);
    hub.start();
    Laptop laptop(tmp.path(), "a1", "TST-AAA");
    laptop.enrol(hub, "laptop-a1");
    // As enrolment wrote vaults before: the key only in the sync folder.
    laptop.worker()->db().exec("DELETE FROM sync_keys WHERE purpose = 'transport'");
    const auto oldBackup = tmp.path() / "old.abribackup";
    {
        // A backup taken the old way (in this process, without the CLI's step) cannot rebuild the folder.
        auto admin = vault::Vault::unlock(laptop.vaultPath, "admin", test::kAdminPassword);
        vault::backupVault(*admin, oldBackup);
    }
    const auto backup = tmp.path() / "a1.abribackup";
    REQUIRE(laptop.backupTo(backup) == 0);
    CHECK(laptop.worker()->db().queryInt64("SELECT count(*) FROM sync_keys WHERE purpose = 'transport'") == 1);

    for (const auto& [file, mustEnrolAgain] : {std::pair{oldBackup, true}, std::pair{backup, false}}) {
        const auto computer = tmp.path() / ("computer-" + file.stem().string());
        fs::create_directories(computer);
        Laptop replacement(computer, "a1", "TST-AAA", /*create=*/false);
        std::string out;
        REQUIRE(replacement.restoreFrom(file, &out) == 0);
        CHECK(nlohmann::json::parse(out).at("must_enrol_again") == mustEnrolAgain);
        CHECK(fs::exists(wire::syncFolder(replacement.vaultPath) / "transport.key") == !mustEnrolAgain);
    }
}
