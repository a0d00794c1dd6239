// Real processes on 127.0.0.1 (sync/PROTOCOL.md §4): abri-hub serve, abri-syncd --once per device, vaults of two
// offices created with the core API; edits on both sides, sync through the hub, partitioning, faults through the
// proxy, kill -9 of the hub mid-upload, and the refusals (wrong pin, revoked device, garbage, slow-loris, tampered
// and replayed files). Ports are chosen by the OS.
#include <catch2/catch.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cases/case_repository.h"
#include "wire/sync_files.h"
#include "child_process.h"
#include "client/enrolment.h"
#include "devicesync/device_sync.h"
#include "common/daemon_config.h"
#include "fault_proxy.h"
#include "merge/vault_applier.h"
#include "support/temp_dir.h"
#include "sync_test_support.h"
#include "vault/vault.h"

using namespace abri;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const fs::path kHubBin = ABRI_HUB_BIN;
const fs::path kSyncdBin = ABRI_SYNCD_BIN;
using test::kAdminPassword;
using test::kWorkerPassword;
using test::readText;

// A real abri-hub process (tests/sync/sync_test_support.h).
struct Hub : test::HubProcess {
    explicit Hub(const fs::path& root) : HubProcess(root, kHubBin) {}
};

struct Device {
    Device(const fs::path& root, const std::string& name, const std::string& officeCode)
        : vaultPath(root / (name + ".abri")), office(officeCode), log(root / (name + ".log")) {
        test::createTestVault(vaultPath, office);
    }
    void enrol(Hub& hub, const std::string& label) {
        auto admin = vault::Vault::unlock(vaultPath, "admin", kAdminPassword);
        sync::client::EnrolOptions options;
        options.label = label;
        options.addressOverride = "127.0.0.1:" + std::to_string(hub.port);
        auto result = sync::client::enrolDevice(*admin, vaultPath, hub.token(office), options);
        deviceId = wire::idToHex(result.deviceId);
        admin->lock();
    }
    std::unique_ptr<vault::Vault> worker() { return vault::Vault::unlock(vaultPath, "worker", kWorkerPassword); }
    std::string createCase(const std::string& given) {
        auto v = worker();
        cases::CaseRepository repo(*v);
        auto id = repo.createCase(cases::Json::parse(
            R"({"person": {"given_name": ")" + given + R"(", "family_name": "Fakeperson", "gender": "female"}})"));
        devicesync::syncVault(*v, vaultPath);
        v->lock();
        return id;
    }
    void setGender(const std::string& caseId, const std::string& gender) {
        auto v = worker();
        cases::CaseRepository repo(*v);
        repo.updateField(caseId, "person.gender", gender);
        devicesync::syncVault(*v, vaultPath);
        v->lock();
    }
    devicesync::SyncStepResult applyInbox() {
        auto v = worker();
        auto result = devicesync::syncVault(*v, vaultPath);
        v->lock();
        return result;
    }
    bool hasCase(const std::string& caseId) {
        auto v = worker();
        cases::CaseRepository repo(*v);
        const bool found = repo.load(caseId).has_value();
        v->lock();
        return found;
    }
    cases::Json caseDoc(const std::string& caseId) {
        auto v = worker();
        cases::CaseRepository repo(*v);
        auto view = repo.load(caseId);
        v->lock();
        return view ? view->doc : cases::Json();
    }
    fs::path syncDir() const { return wire::syncFolder(vaultPath); }
    std::string stateHash() {
        auto v = worker();
        const auto hash = wire::hashToHex(merge::vaultStateHash(*v));
        v->lock();
        return hash;
    }
    int daemonOnce(std::chrono::milliseconds limit = 60s, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{syncDir().string(), "--once", "--reply-timeout-ms", "15000"};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::runToEnd(kSyncdBin, args, log, limit);
    }
    nlohmann::json status() { return nlohmann::json::parse(readText(syncDir() / "status.json")); }
    void pointDaemonAt(std::uint16_t port) {
        auto config = sync::loadDaemonConfig(syncDir());
        config.hubPort = port;
        sync::saveDaemonConfig(syncDir(), config);
    }
    std::size_t outboxFiles() {
        std::size_t n = 0;
        for (const auto& e : fs::directory_iterator(syncDir() / "outbox")) n += e.path().filename().string()[0] != '.';
        return n;
    }

    fs::path vaultPath;
    std::string office;
    fs::path log;
    std::string deviceId;
};

// Runs the daemon until it succeeds (a bounded number of attempts): each run is a fresh process.
bool syncUntilOk(Device& d, int attempts, std::chrono::milliseconds limit = 60s) {
    for (int i = 0; i < attempts; ++i) {
        if (d.daemonOnce(limit) == 0 && d.outboxFiles() == 0) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("Two offices sync through a real hub, each office sees exactly its own cases", "[sync][process]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    hub.start();
    Device alpha1(tmp.path(), "alpha1", "TST-AAA");
    Device alpha2(tmp.path(), "alpha2", "TST-AAA");
    Device bravo(tmp.path(), "bravo", "TST-BBB");
    alpha1.enrol(hub, "laptop-a1");
    alpha2.enrol(hub, "laptop-a2");
    bravo.enrol(hub, "laptop-b1");
    CHECK(hub.status().find("devices 3") != std::string::npos);

    const auto alphaCase = alpha1.createCase("Testname Alpha");
    const auto bravoCase = bravo.createCase("Testname Zulu");
    CHECK(alpha1.outboxFiles() == 1);

    for (auto* d : {&alpha1, &bravo, &alpha2}) REQUIRE(d->daemonOnce() == 0);
    CHECK(alpha1.outboxFiles() == 0);  // acknowledged, so deleted by the daemon
    CHECK(alpha1.status()["acked_seq"] == 1);
    CHECK(alpha1.status()["link"] == "up");
    // alpha2 downloaded after both uploads; alpha1 and bravo download their receipts on a second pass.
    for (auto* d : {&alpha1, &bravo}) REQUIRE(d->daemonOnce() == 0);
    for (auto* d : {&alpha1, &alpha2, &bravo}) d->applyInbox();

    CHECK(alpha2.hasCase(alphaCase));    // same office: delivered
    CHECK_FALSE(alpha2.hasCase(bravoCase));
    CHECK_FALSE(alpha1.hasCase(bravoCase));
    CHECK_FALSE(bravo.hasCase(alphaCase));  // another office never receives it
    CHECK(bravo.hasCase(bravoCase));

    // An edit on the second device flows back to the first.
    alpha2.setGender(alphaCase, "male");
    REQUIRE(alpha2.daemonOnce() == 0);
    REQUIRE(alpha1.daemonOnce() == 0);
    alpha1.applyInbox();
    CHECK(alpha1.caseDoc(alphaCase)["person"]["gender"] == "male");

    // Replay: an already acknowledged file sent again is a duplicate and adds nothing to the feed.
    const auto before = hub.status();
    alpha1.createCase("Testname Bravo");
    auto outbox = fs::directory_iterator(alpha1.syncDir() / "outbox")->path();
    const auto copy = tmp.path() / "replay.abri";
    fs::copy_file(outbox, copy);
    REQUIRE(alpha1.daemonOnce() == 0);
    const auto afterFirst = hub.status();
    fs::copy_file(copy, outbox);
    REQUIRE(alpha1.daemonOnce() == 0);
    CHECK(hub.status() == afterFirst);
    CHECK(afterFirst != before);
    CHECK_FALSE(fs::exists(outbox));

    // Converged: once every laptop has synced everything, each holds exactly its office's state at the hub.
    for (auto* d : {&alpha1, &alpha2, &bravo}) REQUIRE(d->daemonOnce() == 0);
    for (auto* d : {&alpha1, &alpha2, &bravo}) d->applyInbox();
    for (auto* d : {&alpha1, &alpha2, &bravo}) {
        CHECK(hub.command("state", {"--office", d->office}).find("state_hash " + d->stateHash()) != std::string::npos);
    }
    CHECK(alpha1.stateHash() == alpha2.stateHash());
    CHECK(alpha1.stateHash() != bravo.stateHash());
    // The hub's merged state is what a rebuild from its change-sets gives.
    CHECK(hub.command("verify-state").find("cases 3 differences 0") != std::string::npos);

    // Logs carry ids, sequence numbers and codes, never case content.
    for (const auto& log : {hub.log, alpha1.log, alpha2.log, bravo.log}) {
        CHECK_FALSE(test::fileContains(log, "Testname"));
        CHECK_FALSE(test::fileContains(log, "Fakeperson"));
    }
}

TEST_CASE("Folder import: admitted like an upload, pages for want files, after revocation, quarantine",
          "[sync][process]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    hub.start();
    Device alpha(tmp.path(), "alpha", "TST-AAA");
    Device peer(tmp.path(), "peer", "TST-AAA");
    alpha.enrol(hub, "laptop-a1");
    peer.enrol(hub, "laptop-a2");
    hub.process.terminate();  // no link at all from here: a USB stick carries the files

    const auto usbCase = alpha.createCase("Testname Usb");
    const auto usb = tmp.path() / "usb";
    for (auto* d : {&alpha, &peer}) {
        auto v = d->worker();
        devicesync::exportBundle(*v, d->vaultPath, usb);
        v->lock();
    }
    REQUIRE(test::runToEnd(kHubBin, {"import", hub.dir.string(), usb.string()}, hub.log, 30s) == 0);
    CHECK(hub.status().find("feed TST-AAA head 3") != std::string::npos);  // 2 CERTs + 1 CHANGESET
    // Importing the same folder again admits nothing new (duplicate).
    REQUIRE(test::runToEnd(kHubBin, {"import", hub.dir.string(), usb.string()}, hub.log, 30s) == 0);
    CHECK(hub.status().find("feed TST-AAA head 3") != std::string::npos);
    {
        auto v = peer.worker();
        CHECK(devicesync::importBundle(*v, peer.vaultPath, usb) >= 1);
        v->lock();
    }
    peer.applyInbox();
    CHECK(peer.hasCase(usbCase));

    REQUIRE(test::runToEnd(kHubBin, {"revoke", hub.dir.string(), alpha.deviceId}, hub.log, 30s) == 0);
    alpha.createCase("Testname Late");
    const auto usb2 = tmp.path() / "usb2";
    {
        auto v = alpha.worker();
        devicesync::exportBundle(*v, alpha.vaultPath, usb2);
        v->lock();
    }
    std::string imported;
    test::runToEnd(kHubBin, {"import", hub.dir.string(), usb2.string()}, hub.log, 30s, &imported);
    CHECK(imported.find("file_status=quarantined acked=1 quarantined=1") != std::string::npos);  // not "0"
    const auto status = hub.status();
    CHECK(status.find("quarantined 1") != std::string::npos);
    CHECK(status.find("feed TST-AAA head 4") != std::string::npos);  // + the revoked CERT, nothing forwarded
}

TEST_CASE("Refusals: wrong hub key, tampered file, garbage, slow-loris, revoked device", "[sync][process]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    hub.start({"--hello-timeout-ms", "800", "--handshake-timeout-ms", "800"});
    Device alpha(tmp.path(), "alpha", "TST-AAA");
    alpha.enrol(hub, "laptop-a1");

    SECTION("a hub with another key is refused and the daemon stops (wrong_hub)") {
        auto config = sync::loadDaemonConfig(alpha.syncDir());
        auto good = config.hubFingerprint;
        config.hubFingerprint[0] ^= 1;
        sync::saveDaemonConfig(alpha.syncDir(), config);
        CHECK(alpha.daemonOnce() == 3);
        CHECK(alpha.status()["link"] == "refused");
        CHECK(alpha.status()["error"]["name"] == "wrong_hub");
        config.hubFingerprint = good;
        sync::saveDaemonConfig(alpha.syncDir(), config);
        CHECK(alpha.daemonOnce() == 0);
    }
    SECTION("a tampered outbox file is refused whole, nothing admitted") {
        alpha.createCase("Testname Tamper");
        auto file = fs::directory_iterator(alpha.syncDir() / "outbox")->path();
        auto bytes = wire::readWholeFile(file, 1 << 22);
        bytes[bytes.size() / 2] ^= 0x40;
        fs::remove(file);
        wire::writeFileAtomically(alpha.syncDir() / "outbox", file.filename().string(), bytes);
        alpha.daemonOnce();
        CHECK(alpha.status()["error"]["name"] == "bad_seal");
        CHECK(alpha.status()["acked_seq"] == 0);
        CHECK(fs::exists(file));  // kept: the app must replace it
    }
    SECTION("garbage and a silent client are cut off; the hub keeps serving") {
        boost::asio::io_context io;
        boost::asio::ip::tcp::socket garbage(io), silent(io);
        const boost::asio::ip::tcp::endpoint endpoint(boost::asio::ip::address_v4::loopback(), hub.port);
        garbage.connect(endpoint);
        silent.connect(endpoint);
        boost::asio::write(garbage, boost::asio::buffer(std::string(4000, '\x16')));
        std::array<char, 64> buffer{};
        boost::system::error_code ec;
        const auto start = std::chrono::steady_clock::now();
        boost::asio::read(silent, boost::asio::buffer(buffer), ec);  // the hub closes it (handshake limit)
        CHECK(ec);
        CHECK(std::chrono::steady_clock::now() - start < 10s);
        boost::asio::read(garbage, boost::asio::buffer(buffer), ec);
        CHECK(ec);
        CHECK(alpha.daemonOnce() == 0);
        CHECK(alpha.status()["link"] == "up");
    }
    SECTION("a revoked device gets a typed refusal and stops retrying") {
        REQUIRE(test::runToEnd(kHubBin, {"revoke", hub.dir.string(), alpha.deviceId}, hub.log, 30s) == 0);
        CHECK(alpha.daemonOnce() == 3);
        CHECK(alpha.status()["error"]["name"] == "revoked");
        CHECK(alpha.status()["link"] == "refused");
    }
    SECTION("an unknown device is refused (unknown_device)") {
        auto config = sync::loadDaemonConfig(alpha.syncDir());
        config.deviceId[0] ^= 1;
        sync::saveDaemonConfig(alpha.syncDir(), config);
        CHECK(alpha.daemonOnce() == 3);
        CHECK(alpha.status()["error"]["name"] == "unknown_device");
    }
}

TEST_CASE("Daemon runs resume the TLS session kept encrypted in the sync folder, a bad one is a full handshake",
          "[sync][process]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    hub.start();
    Device alpha(tmp.path(), "alpha", "TST-AAA");
    alpha.enrol(hub, "laptop-a1");
    alpha.createCase("Testname Resume");
    test::FaultProxy proxy(hub.port);
    alpha.pointDaemonAt(proxy.port());
    const auto sessionFile = alpha.syncDir() / "tls-session";
    // Bytes of one daemon run through the proxy, both directions.
    auto run = [&] {
        const auto before = proxy.bytesForwarded();
        REQUIRE(alpha.daemonOnce() == 0);
        return proxy.bytesForwarded() - before;
    };

    run();  // the first run: a full handshake, which leaves the hub's ticket behind
    CHECK(alpha.status()["tls_resumed"] == false);
    REQUIRE(fs::exists(sessionFile));
    CHECK((fs::status(sessionFile).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    // Nothing of the session is readable on disk (the DER would hold the hub certificate's name).
    CHECK(readText(sessionFile).find("abri-hub-") == std::string::npos);

    const auto resumedBytes = run();
    CHECK(alpha.status()["tls_resumed"] == true);
    CHECK(alpha.status()["link"] == "up");

    SECTION("a tampered session file is ignored: a full handshake, no error, and the next run resumes again") {
        auto bytes = wire::readWholeFile(sessionFile, 1 << 16);
        bytes[bytes.size() / 2] ^= 0x01;
        wire::writeFileAtomically(alpha.syncDir(), "tls-session", bytes);
        const auto fullBytes = run();
        CHECK(alpha.status()["tls_resumed"] == false);
        CHECK(alpha.status()["error"].is_null());
        CHECK(resumedBytes < fullBytes);  // no certificates, no CertificateVerify
        run();
        CHECK(alpha.status()["tls_resumed"] == true);
    }
    SECTION("garbage in the session file, or a session of another hub pin, is a full handshake") {
        wire::writeFileAtomically(alpha.syncDir(), "tls-session", crypto::asBytes(std::string_view("not a session")));
        run();
        CHECK(alpha.status()["tls_resumed"] == false);
        run();
        CHECK(alpha.status()["tls_resumed"] == true);
        // The session is sealed with the hub pin as associated data: under another pin it does not open (and the
        // pin check then refuses the hub, as it always would).
        auto config = sync::loadDaemonConfig(alpha.syncDir());
        const auto pin = config.hubFingerprint;
        config.hubFingerprint[0] ^= 1;
        sync::saveDaemonConfig(alpha.syncDir(), config);
        CHECK(alpha.daemonOnce() == 3);
        CHECK(alpha.status()["error"]["name"] == "wrong_hub");
        config.hubFingerprint = pin;
        sync::saveDaemonConfig(alpha.syncDir(), config);
        run();
        CHECK(alpha.status()["error"].is_null());
    }
    SECTION("a restarted hub has new ticket keys: the saved session fails to resume, without error") {
        hub.process.terminate();
        hub.start();
        run();
        CHECK(alpha.status()["tls_resumed"] == false);
        run();
        CHECK(alpha.status()["tls_resumed"] == true);
    }
    SECTION("a resumed session is still checked at HELLO: a revoked device is refused") {
        REQUIRE(test::runToEnd(kHubBin, {"revoke", hub.dir.string(), alpha.deviceId}, hub.log, 30s) == 0);
        CHECK(alpha.daemonOnce() == 3);
        CHECK(alpha.status()["tls_resumed"] == true);
        CHECK(alpha.status()["error"]["name"] == "revoked");
    }
}

TEST_CASE("Through cuts, stalls, a 2G rate and kill -9 of the hub, everything arrives once", "[sync][process]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    hub.start();
    Device alpha(tmp.path(), "alpha", "TST-AAA");
    Device peer(tmp.path(), "peer", "TST-AAA");
    alpha.enrol(hub, "laptop-a1");
    peer.enrol(hub, "laptop-a2");
    test::FaultProxy proxy(hub.port);
    alpha.pointDaemonAt(proxy.port());
    peer.pointDaemonAt(proxy.port());

    std::vector<std::string> created;
    for (int i = 0; i < 12; ++i) created.push_back(alpha.createCase("Testname Batch" + std::to_string(i)));

    // Each connection is cut after 6 kB: uploads and pages resume where they stopped, across daemon runs.
    proxy.cutAfterBytes(6000);
    REQUIRE(syncUntilOk(alpha, 40));
    CHECK(proxy.cutsMade() > 0);
    // Kill -9 of the hub while a slow (2G) upload is in flight, then restart: no loss, no duplicate.
    proxy.cutAfterBytes(0);
    proxy.setRate(5000);
    for (int i = 0; i < 6; ++i) created.push_back(alpha.createCase("Testname Slow" + std::to_string(i)));
    test::ChildProcess daemon;
    daemon.start(kSyncdBin, {alpha.syncDir().string(), "--once"}, alpha.log);
    std::this_thread::sleep_for(700ms);
    hub.process.kill9();
    daemon.wait(30s);
    hub.start();
    proxy.setRate(0);
    // A stall that outlasts nothing: released before the reply limit.
    proxy.setStalled(true);
    test::ChildProcess stalled;
    stalled.start(kSyncdBin, {alpha.syncDir().string(), "--once"}, alpha.log);
    std::this_thread::sleep_for(500ms);
    proxy.setStalled(false);
    stalled.wait(60s);
    REQUIRE(syncUntilOk(alpha, 5));
    CHECK(alpha.status()["acked_seq"] == 18);

    // The peer downloads through cuts too, and sees every case exactly once.
    proxy.cutAfterBytes(9000);
    for (int i = 0; i < 40; ++i) {
        if (peer.daemonOnce() == 0) break;
    }
    proxy.cutAfterBytes(0);
    REQUIRE(peer.daemonOnce() == 0);
    auto applied = peer.applyInbox();
    CHECK(applied.inbox.rejected.empty());
    for (const auto& id : created) CHECK(peer.hasCase(id));
    auto v = peer.worker();
    cases::CaseRepository repo(*v);
    cases::CaseQuery all;
    all.limit = 1000;
    CHECK(repo.list(all).size() == created.size());
    CHECK(hub.command("verify-state").find(" differences 0") != std::string::npos);
}

TEST_CASE("Failed enrolments from one address are limited, then refused with ERROR busy", "[sync][process]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    hub.start();
    Device alpha(tmp.path(), "alpha", "TST-AAA");
    auto enrolWith = [&](const std::string& token) {
        auto admin = vault::Vault::unlock(alpha.vaultPath, "admin", kAdminPassword);
        sync::client::EnrolOptions options;
        options.label = "laptop-a1";
        options.addressOverride = "127.0.0.1:" + std::to_string(hub.port);
        try {
            sync::client::enrolDevice(*admin, alpha.vaultPath, token, options);
        } catch (const wire::SyncError& e) {
            return e.code();
        }
        return wire::SyncCode::ProtocolViolation;  // not expected: an enrolment that went through
    };
    auto expiredToken = [&] {
        std::string out;
        REQUIRE(test::runToEnd(kHubBin, {"enroll", hub.dir.string(), "--office", "TST-AAA", "--valid", "0m"}, hub.log,
                               30s, &out) == 0);
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
        return out;
    };
    for (int i = 0; i < 10; ++i) CHECK(enrolWith(expiredToken()) == wire::SyncCode::TokenExpired);
    // The eleventh attempt within the hour is refused before its token is even looked at: a good token waits too.
    const auto good = hub.token("TST-AAA");
    CHECK(enrolWith(good) == wire::SyncCode::Busy);
    CHECK(hub.status().find("devices 0") != std::string::npos);
    CHECK(readText(hub.log).find("closing connection: busy") != std::string::npos);
}

TEST_CASE("abri-hub and abri-syncd refuse an option they do not know and name it", "[sync][process][usage]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    const fs::path log = tmp.path() / "usage.log";
    CHECK(test::runToEnd(kHubBin, {"status", hub.dir.string(), "--bogus", "x"}, log, 30s) == 2);
    CHECK(readText(log).find("abri-hub: unknown option '--bogus'") != std::string::npos);
    CHECK(readText(log).find("Usage: abri-hub status DIR") != std::string::npos);
    // A known option of another command is unknown here too (it used to be silently ignored).
    CHECK(test::runToEnd(kHubBin, {"devices", hub.dir.string(), "--office", "TST-AAA"}, log, 30s) == 2);
    CHECK(readText(log).find("abri-hub: unknown option '--office'") != std::string::npos);
    // The same command with what it knows still works.
    CHECK(hub.command("status").find("devices 0") != std::string::npos);

    CHECK(test::runToEnd(kSyncdBin, {(tmp.path() / "none.abri.sync").string(), "--once", "--bogus"}, log, 30s) == 2);
    CHECK(readText(log).find("abri-syncd: unknown option '--bogus'") != std::string::npos);
}
