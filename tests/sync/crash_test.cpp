// Crash safety with real processes on 127.0.0.1 (sync/PROTOCOL.md §7.1-7.3, §4.5, §5.1, §7.5): kill -9 of
// abri-syncd and of "the app" (abri-cli sync) at random moments, then a clean sync: nothing lost, nothing twice,
// both laptops and the hub agree. Also the hub's clock clamp seen end to end, the daemon holding a refused file
// until the app replaces it, and a file damaged on disk sealed again (devicesync/held_outbox.h). Kill moments come
// from a seed: set ABRI_CRASH_SEED to replay one (it is printed on failure); timing still varies from run to run,
// so a replay reproduces the choices, not the exact interleaving.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "cases/case_repository.h"
#include "wire/sync_files.h"
#include "child_process.h"
#include "client/enrolment.h"
#include "common/daemon_config.h"
#include "devicesync/device_sync.h"
#include "devicesync/refusals.h"
#include "fault_proxy.h"
#include "journal/journal.h"
#include "merge/conflicts_view.h"
#include "merge/vault_applier.h"
#include "storage/database.h"
#include "support/temp_dir.h"
#include "sync_test_support.h"
#include "vault/vault.h"

using namespace abri;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const fs::path kHubBin = ABRI_HUB_BIN;
const fs::path kSyncdBin = ABRI_SYNCD_BIN;
const fs::path kCliBin = ABRI_CLI_BIN;
using test::kAdminPassword;
using test::kWorkerPassword;
using test::readText;
constexpr std::string_view kOffice = "TST-AAA";

std::uint64_t seedFor(std::uint64_t fallback) {
    if (const char* text = std::getenv("ABRI_CRASH_SEED")) return std::stoull(text);
    return fallback ^ static_cast<std::uint64_t>(std::random_device{}());
}

std::size_t countOccurrences(const fs::path& file, const std::string& needle) {
    const auto text = readText(file);
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

std::int64_t wallNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A real abri-hub process (tests/sync/sync_test_support.h) with the figures these tests read from its CLI.
struct Hub : test::HubProcess {
    explicit Hub(const fs::path& root) : HubProcess(root, kHubBin) {}
    std::string token() { return HubProcess::token(std::string(kOffice)); }
    // acked= of one device in `abri-hub devices`.
    std::uint64_t ackedSeq(const std::string& deviceHex) {
        std::istringstream lines(command("devices"));
        for (std::string line; std::getline(lines, line);) {
            if (line.rfind(deviceHex, 0) != 0) continue;
            const auto at = line.find(" acked=");
            if (at != std::string::npos) return std::stoull(line.substr(at + 7));
        }
        FAIL("device not listed by abri-hub devices");
        return 0;
    }
    std::uint64_t feedHead() {
        const auto text = status();
        const std::string key = "feed " + std::string(kOffice) + " head ";
        const auto at = text.find(key);
        REQUIRE(at != std::string::npos);
        return std::stoull(text.substr(at + key.size()));
    }
};

// A laptop of the office: a real vault file, its sync folder, and "the app" (core API in this process, or
// abri-cli sync as a child process). clockAhead shifts the vault's wall clock (a computer whose clock is wrong).
struct Laptop {
    Laptop(const fs::path& root, const std::string& laptopName, std::chrono::milliseconds ahead = 0ms)
        : name(laptopName), vaultPath(root / (laptopName + ".abri")), log(root / (laptopName + ".log")),
          passwordFile(root / (laptopName + ".pw")), clockAhead(ahead) {
        test::createTestVault(vaultPath, std::string(kOffice));
        std::ofstream(passwordFile) << kWorkerPassword << "\n";
        fs::permissions(passwordFile, fs::perms::owner_read | fs::perms::owner_write);
    }
    void enrol(Hub& hub) {
        auto admin = vault::Vault::unlock(vaultPath, "admin", kAdminPassword);
        sync::client::EnrolOptions options;
        options.label = "laptop-" + name;
        options.addressOverride = "127.0.0.1:" + std::to_string(hub.port);
        deviceId = wire::idToHex(sync::client::enrolDevice(*admin, vaultPath, hub.token(), options).deviceId);
        admin->lock();
    }
    std::unique_ptr<vault::Vault> worker() const {
        vault::UnlockOptions options;
        const auto shift = clockAhead.count();
        options.clock = [shift] { return wallNowMs() + shift; };
        return vault::Vault::unlock(vaultPath, "worker", kWorkerPassword, options);
    }
    devicesync::SyncStepResult appSync() const {
        auto v = worker();
        auto result = devicesync::syncVault(*v, vaultPath);
        v->lock();
        return result;
    }
    fs::path syncDir() const { return wire::syncFolder(vaultPath); }
    std::vector<std::string> daemonArgs(bool once) const {
        std::vector<std::string> args{syncDir().string(), "--reply-timeout-ms", "8000"};
        if (once) {
            args.push_back("--once");
        } else {
            args.insert(args.end(), {"--poll-ms", "150", "--backoff-ms", "100"});
        }
        return args;
    }
    int daemonOnce(std::vector<std::string> extra = {}) const {
        auto args = daemonArgs(true);
        args.insert(args.end(), extra.begin(), extra.end());
        return test::runToEnd(kSyncdBin, args, log, 60s);
    }
    std::vector<std::string> cliSyncArgs() const {
        return {"sync", vaultPath.string(), "--user", "worker", "--password-file", passwordFile.string()};
    }
    void pointDaemonAt(std::uint16_t port) const {
        auto config = sync::loadDaemonConfig(syncDir());
        config.hubPort = port;
        sync::saveDaemonConfig(syncDir(), config);
    }
    std::size_t filesIn(const std::string& folder, std::string_view prefix) const {
        std::size_t n = 0;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(syncDir() / folder, ec)) {
            n += e.path().filename().string().rfind(prefix, 0) == 0;
        }
        return n;
    }
    nlohmann::json status() const { return nlohmann::json::parse(readText(syncDir() / "status.json")); }

    std::string name;
    fs::path vaultPath;
    fs::path log;
    fs::path passwordFile;
    std::chrono::milliseconds clockAhead;
    std::string deviceId;
};

// What a vault holds, read through the core API.
struct VaultFacts {
    std::map<std::string, cases::Json> cases;  // id -> document
    std::multiset<std::pair<journal::Hlc, std::string>> identities;  // journal (hlc, device), duplicates kept
    std::map<std::pair<journal::Hlc, std::string>, journal::Hlc> effHlc;
    std::size_t localOps = 0;
    merge::StateHash stateHash{};
    std::uint64_t chainSeq = 0;    // meta sync_chain_head: the last seq this device sealed
    std::uint64_t checkpoint = 0;  // meta sync_checkpoint: the last office_seq applied
    std::size_t openConflicts = 0;
};

VaultFacts factsOf(const Laptop& laptop) {
    VaultFacts facts;
    auto v = laptop.worker();
    cases::CaseRepository repo(*v);
    cases::CaseQuery all;
    all.limit = 100'000;
    for (const auto& summary : repo.list(all)) {
        auto view = repo.load(summary.id);
        REQUIRE(view);
        facts.cases[summary.id] = view->doc;
    }
    for (const auto& entry : v->journal().allEntries()) {
        facts.identities.insert({entry.hlc, entry.device});
        facts.effHlc[{entry.hlc, entry.device}] = entry.effHlc;
        facts.localOps += entry.origin == journal::Origin::Local;
    }
    facts.stateHash = merge::vaultStateHash(*v);
    if (auto head = v->db().queryText("SELECT value FROM meta WHERE key = 'sync_chain_head'")) {
        facts.chainSeq = std::stoull(*head);
    }
    if (auto checkpoint = v->db().queryText("SELECT value FROM meta WHERE key = 'sync_checkpoint'")) {
        facts.checkpoint = std::stoull(*checkpoint);
    }
    facts.openConflicts = merge::openConflicts(*v).size();
    v->lock();
    return facts;
}

bool uniqueIdentities(const VaultFacts& facts) {
    std::set<std::pair<journal::Hlc, std::string>> distinct(facts.identities.begin(), facts.identities.end());
    return distinct.size() == facts.identities.size();
}

// Names are sensitive fields (masked when loaded): the edits the tests follow are to person.estimated_age.
cases::Json personDoc(const std::string& given, int age) {
    auto doc = cases::Json::parse(R"({"person": {"given_name": ")" + given +
                                  R"(", "family_name": "Fakeperson", "gender": "female"}})");
    doc["person"]["estimated_age"] = age;
    return doc;
}

// Daemons (once) and the app on both laptops until both have sent everything and applied the whole feed.
void settle(Hub& hub, Laptop& a, Laptop& b) {
    for (int round = 0; round < 8; ++round) {
        for (Laptop* l : {&a, &b}) {
            l->appSync();
            REQUIRE(l->daemonOnce() == 0);
        }
        for (Laptop* l : {&a, &b}) l->appSync();
        const auto head = hub.feedHead();
        bool done = true;
        for (Laptop* l : {&a, &b}) {
            const auto facts = factsOf(*l);
            done = done && l->filesIn("outbox", "cs-") == 0 && l->filesIn("inbox", "pg-") == 0 &&
                   facts.checkpoint == head && hub.ackedSeq(l->deviceId) == facts.chainSeq;
        }
        if (done) return;
    }
    FAIL("the laptops did not settle after 8 clean rounds");
}

// Both laptops hold the same op set, each op once, the same state, every case with its expected values, and the
// hub acknowledged everything each laptop sealed.
void checkConverged(Hub& hub, const Laptop& a, const Laptop& b, const std::map<std::string, int>& ages,
                    std::size_t editsA, std::size_t editsB) {
    const auto fa = factsOf(a);
    const auto fb = factsOf(b);
    CHECK(uniqueIdentities(fa));
    CHECK(uniqueIdentities(fb));
    CHECK(fa.identities == fb.identities);
    CHECK(fa.localOps == editsA);
    CHECK(fb.localOps == editsB);
    CHECK(fa.identities.size() == editsA + editsB);
    CHECK(fa.stateHash == fb.stateHash);
    CHECK(fa.cases.size() == ages.size());
    CHECK(fb.cases.size() == ages.size());
    for (const auto& [id, age] : ages) {
        for (const auto* facts : {&fa, &fb}) {
            auto found = facts->cases.find(id);
            REQUIRE(found != facts->cases.end());
            CHECK(found->second["person"]["estimated_age"] == age);
        }
    }
    CHECK(hub.ackedSeq(a.deviceId) == fa.chainSeq);
    CHECK(hub.ackedSeq(b.deviceId) == fb.chainSeq);
    CHECK(fa.chainSeq > 0);
    CHECK(fb.chainSeq > 0);
    const auto status = hub.command("status");
    CHECK(status.find("quarantined 0") != std::string::npos);
    CHECK(fa.checkpoint == hub.feedHead());
    CHECK(fb.checkpoint == hub.feedHead());
    for (const auto* l : {&a, &b}) CHECK(l->status()["acked_seq"] == (l == &a ? fa.chainSeq : fb.chainSeq));
}

}  // namespace

TEST_CASE("kill -9 of abri-syncd at random moments: both laptops and the hub converge, each edit once",
          "[sync][process][crash]") {
    const auto seed = seedFor(0xC0FFEE01);
    INFO("ABRI_CRASH_SEED=" << seed);
    std::mt19937_64 random(seed);
    test::TempDir tmp;
    Hub hub(tmp.path());
    hub.start();
    Laptop a(tmp.path(), "a1"), b(tmp.path(), "a2");
    a.enrol(hub);
    b.enrol(hub);
    test::FaultProxy proxy(hub.port);
    a.pointDaemonAt(proxy.port());
    b.pointDaemonAt(proxy.port());
    proxy.setRate(6'000);  // about 2G: uploads and pages are in flight when the kill comes
    proxy.setDelay(2ms);
    // Evidence that kills hit transfers: a page half downloaded (.part-… in the inbox) or an upload half received
    // (a partial file at the hub), right after a kill.
    auto inFlight = [&](const Laptop& l) {
        std::error_code ec;
        bool found = l.filesIn("inbox", ".part-") > 0;
        for (const auto& e : fs::directory_iterator(hub.dir / "partial" / l.deviceId, ec)) {
            found = found || fs::file_size(e.path(), ec) > 0;
        }
        return found;
    };
    int killsInFlight = 0;

    std::map<std::string, int> ages;  // case id -> expected estimated_age
    std::map<std::string, Laptop*> creator;
    std::size_t editsA = 0, editsB = 0;
    std::uniform_int_distribution<int> newCases(2, 5), killAfterMs(40, 1600), coin(0, 1), step(1, 50);
    constexpr int kRounds = 6;
    for (int round = 0; round < kRounds; ++round) {
        test::ChildProcess daemonA, daemonB;
        daemonA.start(kSyncdBin, a.daemonArgs(false), a.log);
        daemonB.start(kSyncdBin, b.daemonArgs(false), b.log);
        // The app works while the daemons run: new cases, renames of cases it has (its own or the other's), then
        // seal and apply, as the app does on its timer.
        for (Laptop* l : {&a, &b}) {
            auto& edits = l == &a ? editsA : editsB;
            auto v = l->worker();
            cases::CaseRepository repo(*v);
            const int n = newCases(random);
            for (int i = 0; i < n; ++i) {
                const int age = 18 + step(random);
                const auto id = repo.createCase(personDoc("Testname " + l->name + "n" + std::to_string(i), age));
                ages[id] = age;
                creator[id] = l;
                ++edits;
            }
            // Edits only of cases this laptop created: no concurrent edits of one field, so each final value is
            // known; the other laptop's cases are edited by the other laptop.
            for (auto& [id, age] : ages) {
                if (creator[id] != l || coin(random) == 0) continue;
                age = (age + step(random)) % 121;
                repo.updateField(id, "person.estimated_age", age);
                ++edits;
            }
            devicesync::syncVault(*v, l->vaultPath);
            v->lock();
        }
        const auto killA = std::chrono::milliseconds(killAfterMs(random));
        const auto killB = std::chrono::milliseconds(killAfterMs(random));
        std::this_thread::sleep_for(std::min(killA, killB));
        (killA <= killB ? daemonA : daemonB).kill9();
        killsInFlight += inFlight(killA <= killB ? a : b);
        std::this_thread::sleep_for(killA > killB ? killA - killB : killB - killA);
        (killA <= killB ? daemonB : daemonA).kill9();
        killsInFlight += inFlight(killA <= killB ? b : a);
        // The app applies whatever made it into the inbox before the kill.
        a.appSync();
        b.appSync();
    }
    CHECK(proxy.bytesForwarded() > 0);
    CHECK(killsInFlight > 0);
    INFO("kills during a transfer: " << killsInFlight << " of " << 2 * kRounds);
    // A clean end: full speed, daemons run to completion, the app seals and applies.
    proxy.setRate(0);
    proxy.setDelay(0ms);
    settle(hub, a, b);
    checkConverged(hub, a, b, ages, editsA, editsB);
    CHECK(factsOf(a).openConflicts == 0);  // nobody edited a field concurrently
    CHECK(hub.command("status").find("conflicts 0") != std::string::npos);
    CHECK(hub.command("verify-state").find(" differences 0") != std::string::npos);
    for (const auto& log : {hub.log, a.log, b.log}) CHECK_FALSE(test::fileContains(log, "Testname"));
}

// The hub's merged case states (PROTOCOL.md §7.2) stay equal to a full rebuild whenever the hub dies.
TEST_CASE("kill -9 of abri-hub during uploads and imports: verify-state agrees after each kill",
          "[sync][process][crash]") {
    const auto seed = seedFor(0xC0FFEE03);
    INFO("ABRI_CRASH_SEED=" << seed);
    std::mt19937_64 random(seed);
    test::TempDir tmp;
    Hub hub(tmp.path());
    hub.start();
    Laptop a(tmp.path(), "a1"), b(tmp.path(), "a2");
    a.enrol(hub);
    b.enrol(hub);
    // `abri-hub verify-state` on the store as the kill left it: exit 0 and no difference, or the test fails.
    auto verifyState = [&] {
        std::string out;
        CHECK(test::runToEnd(kHubBin, {"verify-state", hub.dir.string()}, hub.log, 60s, &out) == 0);
        CHECK(out.find(" differences 0") != std::string::npos);
    };

    // Both laptops edit the same cases' fields: the hub's states hold open conflicts, not only creations.
    std::vector<std::string> shared;
    std::uniform_int_distribution<int> newCases(2, 4), killAfterMs(30, 900), step(1, 50);
    int made = 0;
    auto work = [&](Laptop& l) {
        auto v = l.worker();
        cases::CaseRepository repo(*v);
        for (int i = newCases(random); i > 0; --i)
            shared.push_back(repo.createCase(personDoc("Testname Hubkill" + std::to_string(made++), 20)));
        for (const auto& id : shared) {
            if (repo.load(id)) repo.updateField(id, "person.estimated_age", 18 + step(random));
        }
        devicesync::syncVault(*v, l.vaultPath);
        v->lock();
    };

    // 1. Daemons upload and download while the hub is killed at random moments and restarted.
    constexpr int kRounds = 5;
    for (int round = 0; round < kRounds; ++round) {
        test::ChildProcess daemonA, daemonB;
        daemonA.start(kSyncdBin, a.daemonArgs(false), a.log);
        daemonB.start(kSyncdBin, b.daemonArgs(false), b.log);
        work(a);
        work(b);
        std::this_thread::sleep_for(std::chrono::milliseconds(killAfterMs(random)));
        hub.process.kill9();
        daemonA.kill9();
        daemonB.kill9();
        verifyState();
        hub.start();
        a.appSync();
        b.appSync();
    }

    // 2. A folder import (a USB stick with many change-sets) killed at random moments until it completes once.
    hub.process.kill9();
    for (int i = 0; i < 30; ++i) {
        auto v = b.worker();
        cases::CaseRepository repo(*v);
        repo.createCase(personDoc("Testname Usb" + std::to_string(i), 30));
        v->lock();
    }
    const auto usb = tmp.path() / "usb";
    {
        auto v = b.worker();
        devicesync::exportBundle(*v, b.vaultPath, usb);
        v->lock();
    }
    std::uniform_int_distribution<int> importKillMs(5, 400);
    bool imported = false;
    for (int attempt = 0; attempt < 12 && !imported; ++attempt) {
        test::ChildProcess import;
        import.start(kHubBin, {"import", hub.dir.string(), usb.string()}, hub.log);
        std::this_thread::sleep_for(std::chrono::milliseconds(importKillMs(random)));
        imported = import.wait(0ms) == 0;  // still running: wait(0) sends it SIGKILL
        verifyState();
    }
    if (!imported) REQUIRE(test::runToEnd(kHubBin, {"import", hub.dir.string(), usb.string()}, hub.log, 60s) == 0);
    verifyState();

    // 3. A clean end: everything synced, the laptops hold the hub's state, and the rebuild still agrees.
    hub.start();
    settle(hub, a, b);
    verifyState();
    const auto fa = factsOf(a);
    const auto fb = factsOf(b);
    CHECK(fa.stateHash == fb.stateHash);
    CHECK(hub.command("state", {"--office", std::string(kOffice)}).find("state_hash " + wire::hashToHex(fa.stateHash)) !=
          std::string::npos);
    // The stored conflict counts (status) agree with the listing read from the stored states (conflicts).
    const auto listed = hub.command("conflicts");
    const auto total = listed.substr(listed.rfind("conflicts "));
    CHECK(total != "conflicts 0\n");  // both laptops edited the same fields
    CHECK(hub.command("status").find("\n" + total) != std::string::npos);
    for (const auto& log : {hub.log, a.log, b.log}) CHECK_FALSE(test::fileContains(log, "Testname"));
}

TEST_CASE("kill -9 of the app (abri-cli sync) while it applies a large inbox: nothing lost or doubled",
          "[sync][process][crash]") {
    const auto seed = seedFor(0xC0FFEE02);
    INFO("ABRI_CRASH_SEED=" << seed);
    std::mt19937_64 random(seed);
    test::TempDir tmp;
    Hub hub(tmp.path());
    hub.start();
    Laptop a(tmp.path(), "a1"), b(tmp.path(), "a2");
    a.enrol(hub);
    b.enrol(hub);

    // Laptop a creates a few hundred cases in batches; b's daemon downloads each batch: many pages in b's inbox.
    std::map<std::string, int> ages;
    std::size_t editsA = 0, editsB = 0;
    constexpr int kBatches = 5, kPerBatch = 60;
    for (int batch = 0; batch < kBatches; ++batch) {
        std::vector<cases::Json> docs;
        for (int i = 0; i < kPerBatch; ++i) {
            docs.push_back(personDoc("Testname Bulk" + std::to_string(i), (batch * kPerBatch + i) % 121));
        }
        {
            auto v = a.worker();
            cases::CaseRepository repo(*v);
            const auto ids = repo.importCases(docs);
            for (std::size_t i = 0; i < ids.size(); ++i) ages[ids[i]] = docs[i]["person"]["estimated_age"];
            editsA += ids.size();
            devicesync::syncVault(*v, a.vaultPath);
            v->lock();
        }
        REQUIRE(a.daemonOnce() == 0);
        REQUIRE(b.daemonOnce() == 0);
    }
    // b's own unsealed work: the killed app may die while sealing it, too.
    {
        auto v = b.worker();
        cases::CaseRepository repo(*v);
        for (int i = 0; i < 4; ++i) {
            ages[repo.createCase(personDoc("Testname Local", 30 + i))] = 30 + i;
            ++editsB;
        }
        v->lock();
    }
    const auto pagesBefore = b.filesIn("inbox", "pg-");
    REQUIRE(pagesBefore >= 5);

    // Kill rounds. Each kill waits for a random number of pages to be applied (the app deletes a page file once
    // its transaction committed, §7.3 A5), then a random few milliseconds more, so kills land inside page
    // transactions, between them, and in the seal step. After each kill the vault must open and only move forward.
    std::size_t lastCount = 0;
    std::uint64_t lastCheckpoint = 0;
    int killedMidApply = 0;
    // Without a page to wait for, the kill comes within the start (unlock, seal) or the first page.
    std::uniform_int_distribution<int> extraMs(0, 10), startMs(0, 80);
    for (int round = 0; round < 8; ++round) {
        const auto pages = b.filesIn("inbox", "pg-");
        if (pages == 0) break;
        // Leave at least two pages when there are: a page applies in some 15 ms here, so the kill lands mid-apply.
        std::uniform_int_distribution<std::size_t> pagesToWait(0, pages > 2 ? pages - 2 : 0);
        const auto target = pagesToWait(random);
        const auto extra = std::chrono::milliseconds(target > 0 ? extraMs(random) : startMs(random));
        INFO("round " << round << ": kill after " << target << " of " << pages << " pages + " << extra.count()
                      << " ms");
        test::ChildProcess app;
        app.start(kCliBin, b.cliSyncArgs(), b.log);
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (pages - std::min(pages, b.filesIn("inbox", "pg-")) < target &&
               std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(1ms);
        }
        std::this_thread::sleep_for(extra);
        const bool killed = app.wait(0ms) == -1;  // -1: still running, so it got SIGKILL now
        killedMidApply += killed && b.filesIn("inbox", "pg-") > 0;
        const auto facts = factsOf(b);  // the vault opens after every kill
        CHECK(uniqueIdentities(facts));
        CHECK(facts.cases.size() >= lastCount);
        CHECK(facts.checkpoint >= lastCheckpoint);
        lastCount = facts.cases.size();
        lastCheckpoint = facts.checkpoint;
    }
    CHECK(killedMidApply > 0);
    // Then the app runs to the end, and everything settles with the daemons.
    std::string out;
    REQUIRE(test::runToEnd(kCliBin, b.cliSyncArgs(), b.log, 60s, &out) == 0);
    CHECK(b.filesIn("inbox", "pg-") == 0);
    CHECK(factsOf(b).cases.size() == ages.size());
    settle(hub, a, b);
    checkConverged(hub, a, b, ages, editsA, editsB);
    CHECK(factsOf(b).openConflicts == 0);
}

TEST_CASE("A laptop whose clock runs hours ahead is clamped by the hub, the receipt sets its effective HLCs",
          "[sync][process][crash]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    hub.start();
    // Both clocks are wrong by more than MAX_DRIFT_MS and less than MAX_AHEAD_MS: both laptops are clamped.
    Laptop a(tmp.path(), "a1", 2h), b(tmp.path(), "a2", 1h);
    a.enrol(hub);
    b.enrol(hub);

    std::string caseId;
    {
        auto v = a.worker();
        // A registration date of its own: by a clock two hours ahead "today" is tomorrow for the hub between
        // 22:00 and midnight, and the hub refuses a case registered in the future.
        auto doc = personDoc("Testname Clamp", 30);
        doc["registered_on"] = "2026-01-15";
        caseId = cases::CaseRepository(*v).createCase(doc);
        devicesync::syncVault(*v, a.vaultPath);
        v->lock();
    }
    REQUIRE(a.daemonOnce() == 0);
    REQUIRE(b.daemonOnce() == 0);
    b.appSync();
    REQUIRE(factsOf(b).cases.count(caseId) == 1);

    // Concurrent edits: neither laptop has seen the other's. By raw HLC a (2 h ahead) would win; clamped at the
    // hub, each gets about hub time + 5 min, and b, admitted later, wins. Both laptops must agree.
    for (Laptop* l : {&a, &b}) {
        auto v = l->worker();
        cases::CaseRepository(*v).updateField(caseId, "person.estimated_age", l == &a ? 40 : 41);
        devicesync::syncVault(*v, l->vaultPath);
        v->lock();
    }
    const auto beforeUpload = wallNowMs();
    REQUIRE(a.daemonOnce() == 0);
    std::this_thread::sleep_for(20ms);
    REQUIRE(b.daemonOnce() == 0);
    const auto afterUpload = wallNowMs();
    std::map<std::string, int> expected{{caseId, 41}};
    settle(hub, a, b);
    checkConverged(hub, a, b, expected, 2, 1);

    const auto fa = factsOf(a);
    const auto fb = factsOf(b);
    CHECK(fa.openConflicts == 1);  // a's edit lost, on both laptops
    CHECK(fb.openConflicts == 1);
    CHECK(hub.command("status").find("conflicts 1\n") != std::string::npos);
    const auto ceiling = journal::makeHlc(static_cast<std::uint64_t>(afterUpload + 5 * 60'000 + 1000), 0);
    std::size_t clamped = 0;
    for (const auto& [identity, eff] : fa.effHlc) {
        if (identity.second != a.deviceId) continue;
        // a's own rows carry the effective HLC from the receipt: under hub time + 5 min, far under the raw stamp,
        // and exactly what b computed from the same admission record.
        CHECK(eff < identity.first);
        CHECK(eff <= ceiling);
        CHECK(journal::hlcPhysicalMs(eff) >= static_cast<std::uint64_t>(beforeUpload - 60'000));
        CHECK(fb.effHlc.at(identity) == eff);
        ++clamped;
    }
    CHECK(clamped == 2);
}

TEST_CASE("abri-syncd holds a file the hub refused until the app replaces or deletes it (§4.5)",
          "[sync][process][crash]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    hub.start();
    Laptop a(tmp.path(), "a1", 72h);  // three days ahead: clock_ahead
    a.enrol(hub);
    {
        auto v = a.worker();
        cases::CaseRepository(*v).createCase(personDoc("Testname Ahead", 30));
        devicesync::syncVault(*v, a.vaultPath);
        v->lock();
    }
    const std::string uploads = "upload begin device=" + a.deviceId;
    const auto marker = a.syncDir() / "upload-held";
    REQUIRE(a.filesIn("outbox", "cs-") == 1);

    REQUIRE(a.daemonOnce() == 0);
    CHECK(a.status()["error"]["name"] == "clock_ahead");
    CHECK(a.status()["acked_seq"] == 0);
    CHECK(countOccurrences(hub.log, uploads) == 1);
    CHECK(a.filesIn("inbox", "rf-") == 1);
    REQUIRE(fs::exists(marker));
    CHECK_FALSE(test::fileContains(marker, "Testname"));

    SECTION("held while unchanged, across daemon runs; uploaded again once the app re-stamped") {
        for (int i = 0; i < 2; ++i) {
            REQUIRE(a.daemonOnce() == 0);
            CHECK(a.status()["error"]["name"] == "clock_ahead");  // reported, with the same code
        }
        CHECK(countOccurrences(hub.log, uploads) == 1);  // not one more byte of it reached the hub
        CHECK(countOccurrences(a.log, "held seqs=") == 2);
        a.appSync();  // the app records the notice
        // clock_ahead is offered again after the refresh interval (a fresh notice for the app's re-stamp check).
        REQUIRE(a.daemonOnce({"--clock-hold-refresh-ms", "0"}) == 0);
        CHECK(countOccurrences(hub.log, uploads) == 2);
        CHECK(fs::exists(marker));

        // The user corrects the clock; the app re-stamps and writes a new file for seq 1.
        a.clockAhead = 0ms;
        {
            auto v = a.worker();
            devicesync::syncVault(*v, a.vaultPath);
            const auto refusals = devicesync::pendingRefusals(*v);
            REQUIRE(refusals.size() == 1);
            devicesync::restampAfterClockRefusal(*v, a.vaultPath, refusals.front());
            devicesync::syncVault(*v, a.vaultPath);
            v->lock();
        }
        REQUIRE(a.filesIn("outbox", "cs-") == 1);
        REQUIRE(a.daemonOnce() == 0);
        CHECK(countOccurrences(hub.log, uploads) == 3);
        CHECK(a.status()["acked_seq"] == 1);
        CHECK(a.status()["error"].is_null());
        CHECK_FALSE(fs::exists(marker));
        CHECK(a.filesIn("outbox", "cs-") == 0);
    }
    SECTION("a deleted file ends the hold: the app's rewrite is uploaded (and refused again)") {
        for (const auto& e : fs::directory_iterator(a.syncDir() / "outbox")) fs::remove(e.path());
        REQUIRE(a.daemonOnce() == 0);
        CHECK_FALSE(fs::exists(marker));
        CHECK(countOccurrences(hub.log, uploads) == 1);
        a.appSync();  // §7.1 A2: the stored, unacknowledged change-set is sealed into a new file (new bytes)
        REQUIRE(a.filesIn("outbox", "cs-") == 1);
        REQUIRE(a.daemonOnce() == 0);
        CHECK(countOccurrences(hub.log, uploads) == 2);
        CHECK(a.status()["error"]["name"] == "clock_ahead");
        CHECK(fs::exists(marker));
        REQUIRE(a.daemonOnce() == 0);
        CHECK(countOccurrences(hub.log, uploads) == 2);
    }
}

TEST_CASE("An outbox file damaged on disk is refused and held, then sealed again by abri-cli sync and admitted once",
          "[sync][process][crash][held]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    hub.start();
    Laptop a(tmp.path(), "a1"), b(tmp.path(), "a2");
    a.enrol(hub);
    b.enrol(hub);
    std::string caseId;
    {
        auto v = a.worker();
        caseId = cases::CaseRepository(*v).createCase(personDoc("Testname Damaged", 41));
        v->lock();
    }
    std::string out;
    REQUIRE(test::runToEnd(kCliBin, a.cliSyncArgs(), a.log, 60s, &out) == 0);  // the app seals it
    REQUIRE(a.filesIn("outbox", "cs-") == 1);
    const auto outboxFile = fs::directory_iterator(a.syncDir() / "outbox")->path();
    {  // bytes flipped in the middle of the sealed box, as a failing disk leaves them
        auto bytes = wire::readWholeFile(outboxFile, 4'000'000);
        for (std::size_t i = 0; i < 8; ++i) bytes[bytes.size() / 2 + i] ^= 0xa5;
        std::ofstream(outboxFile, std::ios::binary | std::ios::trunc)
            .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
    const auto headBefore = hub.feedHead();
    const std::string uploads = "upload begin device=" + a.deviceId;
    const auto marker = a.syncDir() / "upload-held";

    REQUIRE(a.daemonOnce() == 0);
    CHECK(a.status()["error"]["name"] == "bad_seal");
    CHECK(a.status()["acked_seq"] == 0);
    CHECK(fs::exists(marker));
    CHECK(hub.ackedSeq(a.deviceId) == 0);
    REQUIRE(a.daemonOnce() == 0);  // held: the same bytes are not sent again
    CHECK(countOccurrences(hub.log, uploads) == 1);
    CHECK(a.status()["error"]["name"] == "bad_seal");

    // The fix path is the ordinary sync step: the change-set still in the vault is sealed again.
    out.clear();
    REQUIRE(test::runToEnd(kCliBin, a.cliSyncArgs(), a.log, 60s, &out) == 0);
    CHECK(out.find("could not read outbox file " + outboxFile.filename().string()) != std::string::npos);
    CHECK_FALSE(test::fileContains(a.log, "Testname"));
    REQUIRE(a.filesIn("outbox", "cs-") == 1);
    REQUIRE(a.daemonOnce() == 0);
    CHECK(countOccurrences(hub.log, uploads) == 2);
    CHECK(a.status()["error"].is_null());
    CHECK(a.status()["acked_seq"] == 1);
    CHECK_FALSE(fs::exists(marker));
    CHECK(a.filesIn("outbox", "cs-") == 0);
    CHECK(hub.ackedSeq(a.deviceId) == 1);
    CHECK(hub.feedHead() == headBefore + 1);  // one change-set admitted, once

    // The other laptop gets the case once; both laptops and the hub agree.
    REQUIRE(b.daemonOnce() == 0);
    b.appSync();
    REQUIRE(a.daemonOnce() == 0);
    a.appSync();
    const auto fa = factsOf(a);
    const auto fb = factsOf(b);
    REQUIRE(fb.cases.count(caseId) == 1);
    CHECK(fb.cases.at(caseId)["person"]["estimated_age"] == 41);
    CHECK(uniqueIdentities(fa));
    CHECK(uniqueIdentities(fb));
    CHECK(fa.identities == fb.identities);
    CHECK(fa.stateHash == fb.stateHash);
    CHECK(fa.chainSeq == 1);
    CHECK(fa.checkpoint == hub.feedHead());
    CHECK(hub.command("status").find("quarantined 0") != std::string::npos);

    SECTION("status.json keeps the last known seqs after a failed connection") {
        const auto known = a.status();
        REQUIRE(known["head_seq"] == hub.feedHead());
        hub.process.terminate();
        REQUIRE(a.daemonOnce() == 1);
        const auto after = a.status();
        CHECK(after["link"] == "down");
        CHECK(after["error"]["name"] == "timeout");
        CHECK(after["acked_seq"] == 1);
        CHECK(after["head_seq"] == known["head_seq"]);
        CHECK(after["last_sync_ms"] == known["last_sync_ms"]);
        CHECK(after["clock_offset_ms"] == known["clock_offset_ms"]);
    }
}
