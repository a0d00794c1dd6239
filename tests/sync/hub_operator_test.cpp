// The hub operator commands (sync/PROTOCOL.md §2.7, §5.3): `abri-hub conflicts`, `abri-hub quarantine list` and
// `abri-hub quarantine release`, on a real hub.db in a temp dir. Change-sets are packed, signed and sealed by the
// core sync code from real vaults and ingested with the hub library (no network: the hub issues the certificates
// directly, as enrolment step 6 would); the commands run as real abri-hub processes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <utility>  // before Asio: Boost 1.74 awaitable.hpp uses std::exchange without it
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <fstream>
#include <sstream>

#include "cases/case_repository.h"
#include "wire/batch.h"
#include "wire/certificate.h"
#include "wire/changeset.h"
#include "devicesync/device_keys.h"
#include "devicesync/inbox.h"
#include "wire/sealed_file.h"
#include "wire/limits.h"
#include "wire/sync_files.h"
#include "child_process.h"
#include "common/frame_channel.h"
#include "common/tls_context.h"
#include "common/tls_identity.h"
#include "devicesync/device_sync.h"
#include "hub_server.h"
#include "journal/hlc.h"
#include "hub_schema.h"
#include "hub_store.h"
#include "merge/merge_state_codec.h"
#include "ingest.h"
#include "open_conflicts.h"
#include "page_builder.h"
#include "partial_uploads.h"
#include "support/temp_dir.h"
#include "sync_test_support.h"
#include "vault/vault.h"

using namespace abri;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using sync::hub::HubStore;

namespace {

const fs::path kHubBin = ABRI_HUB_BIN;
using test::kAdminPassword;
using test::kHubPassphrase;
using test::kWorkerPassword;
using test::readText;

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

struct Hub {
    explicit Hub(const fs::path& root) : dir(root / "hub"), log(root / "hub.log") {
        ::setenv("ABRI_HUB_PASSPHRASE", std::string(kHubPassphrase).c_str(), 1);
        sync::hub::HubInitOptions options;
        options.dir = dir;
        options.name = "test-hub";
        options.address = "127.0.0.1:1";
        options.kdf = crypto::KdfParams::minimum();
        HubStore::create(options, kHubPassphrase);
        open().descriptor();
    }
    HubStore open() const { return HubStore::open(dir, kHubPassphrase); }
    // Runs `abri-hub ARGS` to completion; stdout returned, stdout and stderr appended to the log.
    int run(const std::vector<std::string>& args, std::string* out = nullptr) const {
        std::string ignored;
        return test::runToEnd(kHubBin, args, log, 30s, out != nullptr ? out : &ignored);
    }
    std::string command(const std::vector<std::string>& args) const {
        std::string out;
        REQUIRE(run(args, &out) == 0);
        return out;
    }
    fs::path dir;
    fs::path log;
};

struct Laptop {
    Laptop(const fs::path& root, const std::string& name, const std::string& officeCode)
        : vaultPath(root / (name + ".abri")), office(officeCode) {
        test::createTestVault(vaultPath, office);
    }

    // Enrolment without the network: the device's keys, a certificate issued by the hub's identity, the device
    // row and CERT feed entry (§2.6 step 6), then the certificate and descriptor stored in the vault (step 7).
    void enrol(HubStore& store, const std::string& label) {
        auto admin = vault::Vault::unlock(vaultPath, "admin", kAdminPassword);
        const auto keys = devicesync::loadOrCreateDeviceKeys(admin->db(), admin->nowMs());
        const auto now = sync::hub::nowMs();
        wire::Certificate cert;
        cert.role = wire::CertRole::Caseworker;
        cert.serial = store.nextCertificateSerial();
        cert.hubId = store.hubId();
        cert.deviceId = *wire::idFromHex(admin->deviceId());
        cert.signPk = keys.sign.publicKey;
        cert.boxPk = keys.box.publicKey;
        cert.tlsPk = keys.sign.publicKey;  // no TLS in these tests
        cert.notBeforeMs = now;
        cert.notAfterMs = now + wire::kDefaultCertificateValidityMs;
        cert.office = office;
        cert.label = label;
        sync::hub::DeviceRecord device;
        device.deviceId = cert.deviceId;
        device.office = office;
        device.role = cert.role;
        device.statusMs = now;
        device.certificate = wire::issueCertificate(cert, store.identity());
        {
            storage::Transaction txn(store.db());
            store.insertDevice(device);
            sync::hub::ensureCertificateInFeed(store, office, device);
            txn.commit();
        }
        devicesync::storeEnrolment(admin->db(), "enrolled", device.certificate.bytes, store.descriptor().bytes,
                                   store.address(), admin->nowMs());
        deviceId = device.deviceId;
        deviceHex = wire::idToHex(device.deviceId);
        admin->lock();
    }

    std::unique_ptr<vault::Vault> worker() const {
        return vault::Vault::unlock(vaultPath, "worker", kWorkerPassword);
    }
    std::string createCase(const std::string& given) {
        auto v = worker();
        cases::CaseRepository repo(*v);
        auto id = repo.createCase(cases::Json::parse(
            R"({"person": {"given_name": ")" + given + R"(", "family_name": "Fakeperson", "gender": "female"}})"));
        v->lock();
        return id;
    }
    void setGivenName(const std::string& caseId, const std::string& given) {
        auto v = worker();
        cases::CaseRepository repo(*v);
        repo.updateField(caseId, "person.given_name", given);
        v->lock();
    }
    bool hasCase(const std::string& caseId) const {
        auto v = worker();
        cases::CaseRepository repo(*v);
        const bool found = repo.load(caseId).has_value();
        v->lock();
        return found;
    }
    fs::path syncDir() const { return wire::syncFolder(vaultPath); }

    // Seals the journal into the outbox and hands the files to the hub in order, like the daemon: a file is deleted
    // once the hub's acked_seq covers it, and status.json carries acked_seq for the app.
    std::vector<sync::hub::IngestResult> upload(HubStore& store) {
        {
            auto v = worker();
            devicesync::syncVault(*v, vaultPath);
            v->lock();
        }
        std::vector<std::pair<wire::SyncFileName, fs::path>> files;
        for (const auto& entry : fs::directory_iterator(syncDir() / "outbox")) {
            auto name = wire::parseSyncFileName(entry.path().filename().string());
            if (name && name->kind == wire::SyncFileKind::OutboxBatch) files.emplace_back(*name, entry.path());
        }
        std::sort(files.begin(), files.end(),
                  [](const auto& a, const auto& b) { return a.first.firstSeq < b.first.firstSeq; });
        std::vector<sync::hub::IngestResult> results;
        for (const auto& [name, path] : files) {
            auto bytes = wire::readWholeFile(path, wire::kMaxBatchPayload + 1024);
            results.push_back(sync::hub::ingestSealedFile(store, bytes, deviceId, sync::hub::nowMs()));
            if (results.back().ackedSeq >= name.lastSeq) fs::remove(path);
            const auto status = R"({"version":1,"acked_seq":)" + std::to_string(results.back().ackedSeq) + "}";
            wire::writeFileAtomically(syncDir(), "status.json", crypto::asBytes(status));
        }
        return results;
    }

    // Pages of the office feed from this device's checkpoint to the head, into the inbox, then applied.
    void download(HubStore& store) {
        auto record = store.findDevice(deviceId);
        REQUIRE(record);
        fs::create_directories(syncDir() / "inbox");
        while (since < store.feedHead(office)) {
            auto page = sync::hub::buildPage(store, *record, since, wire::kMaxPageEntries, 1 << 20, sync::hub::nowMs());
            if (!page) break;
            wire::writeFileAtomically(syncDir() / "inbox", wire::pageFileName(deviceId, page->firstSeq, page->lastSeq),
                                      page->sealedFile);
            since = page->lastSeq;
        }
        auto v = worker();
        auto result = devicesync::syncVault(*v, vaultPath);
        v->lock();
        CHECK(result.inbox.rejected.empty());
    }

    fs::path vaultPath;
    std::string office;
    wire::Id16 deviceId{};
    std::string deviceHex;
    std::uint64_t since = 0;
};

std::uint16_t onlyStatus(const std::vector<sync::hub::IngestResult>& results) {
    REQUIRE(results.size() == 1);
    REQUIRE(results[0].results.size() == 1);
    return results[0].results[0].status;
}

// Feed entries of an office that carry this change-set (CHANGESET or RECEIPT).
std::size_t feedEntriesOf(HubStore& store, const std::string& office, const wire::Hash32& changeSetId) {
    std::size_t n = 0;
    for (const auto& e : store.feedRange(office, 0, 100'000)) n += e.changeSetId && *e.changeSetId == changeSetId;
    return n;
}

struct QuarantineLine {
    std::string id;
    std::string device;
    std::uint64_t seq = 0;
    std::string reason;
};

std::vector<QuarantineLine> parseQuarantineList(const std::string& out) {
    std::vector<QuarantineLine> lines;
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("id=", 0) != 0) continue;
        std::istringstream words(line);
        std::string word;
        QuarantineLine q;
        while (words >> word) {
            const auto eq = word.find('=');
            const auto key = word.substr(0, eq);
            const auto value = word.substr(eq + 1);
            if (key == "id") q.id = value;
            else if (key == "device") q.device = value;
            else if (key == "device_seq") q.seq = std::stoull(value);
            else if (key == "reason") q.reason = value;
        }
        lines.push_back(q);
    }
    return lines;
}

}  // namespace

TEST_CASE("abri-hub conflicts lists concurrent edits of one field by identity, never by value", "[sync][hub]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    Laptop first(tmp.path(), "first", "TST-AAA");
    Laptop second(tmp.path(), "second", "TST-AAA");
    Laptop other(tmp.path(), "other", "TST-BBB");
    std::string caseId;
    {
        auto store = hub.open();
        first.enrol(store, "laptop-a1");
        second.enrol(store, "laptop-a2");
        other.enrol(store, "laptop-b1");
        caseId = first.createCase("Testname Original");
        CHECK(onlyStatus(first.upload(store)) == sync::hub::kStatusAdmitted);
        second.download(store);
        REQUIRE(second.hasCase(caseId));
        other.createCase("Testname Elsewhere");
        CHECK(onlyStatus(other.upload(store)) == sync::hub::kStatusAdmitted);
        CHECK(sync::hub::openConflicts(store).empty());

        // Both edit the same field offline, each from the create version: concurrent.
        first.setGivenName(caseId, "Testname Conflict-One");
        second.setGivenName(caseId, "Testname Conflict-Two");
        CHECK(onlyStatus(first.upload(store)) == sync::hub::kStatusAdmitted);
        CHECK(onlyStatus(second.upload(store)) == sync::hub::kStatusAdmitted);

        const auto conflicts = sync::hub::openConflicts(store);
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts[0].caseId == caseId);
        CHECK(conflicts[0].entityId == caseId);
        CHECK(conflicts[0].entity == merge::EntityKind::Case);
        CHECK(conflicts[0].field == "person.given_name");
        CHECK_FALSE(conflicts[0].entityDeleted);
        REQUIRE(conflicts[0].heads.size() == 2);
        std::vector<std::string> devices{conflicts[0].heads[0].device, conflicts[0].heads[1].device};
        std::sort(devices.begin(), devices.end());
        std::vector<std::string> expected{first.deviceHex, second.deviceHex};
        std::sort(expected.begin(), expected.end());
        CHECK(devices == expected);
        CHECK(sync::hub::openConflicts(store, std::string("TST-BBB")).empty());
    }

    const auto out = hub.command({"conflicts", hub.dir.string()});
    CHECK(contains(out, "case=" + caseId + " entity=case:" + caseId + " field=person.given_name heads=2 "));
    CHECK(contains(out, first.deviceHex + "@"));
    CHECK(contains(out, second.deviceHex + "@"));
    CHECK(contains(out, "\nconflicts 1\n"));
    CHECK_FALSE(contains(out, "Testname"));
    CHECK_FALSE(contains(out, "Conflict-"));
    CHECK_FALSE(contains(out, "Fakeperson"));
    CHECK(contains(hub.command({"conflicts", hub.dir.string(), "--office", "TST-AAA"}), "conflicts 1\n"));
    CHECK(hub.command({"conflicts", hub.dir.string(), "--office", "TST-BBB"}) == "conflicts 0\n");
    CHECK(contains(hub.command({"status", hub.dir.string()}), "\nconflicts 1\n"));
    CHECK_FALSE(test::fileContains(hub.log, "Testname"));
}

TEST_CASE("A hub store at schema 1 gets its merged case states from its change-sets, and verify-state finds damage",
          "[sync][hub][schema]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    Laptop first(tmp.path(), "first", "TST-AAA");
    Laptop second(tmp.path(), "second", "TST-AAA");
    Laptop other(tmp.path(), "other", "TST-BBB");
    std::string caseId, otherCase;
    {
        auto store = hub.open();
        first.enrol(store, "laptop-a1");
        second.enrol(store, "laptop-a2");
        other.enrol(store, "laptop-b1");
        caseId = first.createCase("Testname Original");
        first.upload(store);
        second.download(store);
        otherCase = other.createCase("Testname Elsewhere");
        other.upload(store);
        first.setGivenName(caseId, "Testname Conflict-One");
        second.setGivenName(caseId, "Testname Conflict-Two");
        first.upload(store);
        second.upload(store);
    }
    const auto dir = hub.dir.string();
    const auto conflicts = hub.command({"conflicts", dir});
    const auto state = hub.command({"state", dir, "--office", "TST-AAA"});
    CHECK(contains(conflicts, "\nconflicts 1\n"));
    CHECK(contains(hub.command({"verify-state", dir}), "cases 2 differences 0\n"));
    {
        auto store = hub.open();
        // As schema 1 left it.
        store.db().exec("DROP TABLE case_state; DROP INDEX devices_by_office; UPDATE schema_version SET version = 1;"
                        "DROP TABLE dismissed_duplicates; DELETE FROM meta WHERE key = 'duplicates_key';"
                        "DROP TABLE erased_cases; DROP TABLE attachment_chunks; DROP TABLE attachment_usage;");
    }
    {
        auto store = hub.open();  // migrates: the table is built from the stored change-sets
        CHECK(sync::hub::hubSchemaVersion(store.db()) == sync::hub::kHubSchemaVersion);
        CHECK(store.db().queryInt64("SELECT count(*) FROM case_state") == 2);
    }
    CHECK(hub.command({"conflicts", dir}) == conflicts);
    CHECK(hub.command({"state", dir, "--office", "TST-AAA"}) == state);
    CHECK(contains(hub.command({"status", dir}), "\nconflicts 1\n"));
    CHECK(contains(hub.command({"verify-state", dir}), "cases 2 differences 0\n"));

    // Damage: one state that no longer decodes, one replaced by another (valid) state.
    {
        auto store = hub.open();
        const auto empty = merge::encodeMergeState(merge::MergeState{});
        store.db().prepare("UPDATE case_state SET state = ? WHERE case_id = ?")
            .bindBlob(1, std::vector<std::uint8_t>{0x00})
            .bindBlob(2, *wire::idFromHex(caseId))
            .run();
        store.db().prepare("UPDATE case_state SET state = ? WHERE case_id = ?")
            .bindBlob(1, empty)
            .bindBlob(2, *wire::idFromHex(otherCase))
            .run();
    }
    std::string out;
    CHECK(hub.run({"verify-state", dir}, &out) == 1);
    CHECK(contains(out, "case=" + caseId + " damaged\n"));
    CHECK(contains(out, "case=" + otherCase + " differs\n"));
    CHECK(contains(out, "cases 2 differences 2\n"));
    CHECK_FALSE(contains(out, "Testname"));
    CHECK_FALSE(test::fileContains(hub.log, "Testname"));
}

TEST_CASE("abri-hub quarantine: a revoked device's change-sets are held, then released in chain order",
          "[sync][hub]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    Laptop alpha(tmp.path(), "alpha", "TST-AAA");
    Laptop peer(tmp.path(), "peer", "TST-AAA");
    {
        auto store = hub.open();
        alpha.enrol(store, "laptop-a1");
        peer.enrol(store, "laptop-a2");
        alpha.createCase("Testname Before");
        CHECK(onlyStatus(alpha.upload(store)) == sync::hub::kStatusAdmitted);
    }
    // A copy of alpha's vault as it is now: a restored backup that will send another seq 2 (a fork).
    const fs::path clonePath = tmp.path() / "clone.abri";
    fs::copy_file(alpha.vaultPath, clonePath);
    fs::copy_file(vault::keySlotPath(alpha.vaultPath), vault::keySlotPath(clonePath));
    Laptop clone = alpha;
    clone.vaultPath = clonePath;
    fs::create_directories(clone.syncDir());
    fs::copy_file(alpha.syncDir() / "status.json", clone.syncDir() / "status.json");  // acked_seq 1

    REQUIRE(hub.run({"revoke", hub.dir.string(), alpha.deviceHex}) == 0);
    std::string lateCase, laterCase;
    {
        auto store = hub.open();
        lateCase = alpha.createCase("Testname Late");
        CHECK(onlyStatus(alpha.upload(store)) == sync::hub::kStatusQuarantined);
        laterCase = alpha.createCase("Testname Later");
        // The daemon sends seq 2 again (not acknowledged) then seq 3: both held once.
        auto results = alpha.upload(store);
        REQUIRE(results.size() == 2);
        CHECK(results[0].results[0].status == sync::hub::kStatusQuarantined);
        CHECK(results[1].results[0].status == sync::hub::kStatusQuarantined);
        clone.createCase("Testname Cloned");
        CHECK(onlyStatus(clone.upload(store)) == sync::hub::kStatusQuarantined);
        CHECK(store.quarantineCount() == 3);
        CHECK(store.findDevice(alpha.deviceId)->chainSeq == 1);
    }

    auto list = parseQuarantineList(hub.command({"quarantine", "list", hub.dir.string()}));
    REQUIRE(list.size() == 3);
    for (const auto& q : list) {
        CHECK(q.device == alpha.deviceHex);
        CHECK(q.reason == "revoked");
    }
    // Ordered by device_seq; the two seq-2 rows are alpha's and the clone's, in arrival order.
    CHECK(list[0].seq == 2);
    CHECK(list[1].seq == 2);
    CHECK(list[2].seq == 3);
    const auto seq2 = list[0].id;
    const auto cloned2 = list[1].id;
    const auto seq3 = list[2].id;
    const auto listText = hub.command({"quarantine", "list", hub.dir.string()});
    CHECK(contains(listText, "quarantined 3\n"));
    CHECK(contains(listText, "received=20"));
    CHECK_FALSE(contains(listText, "Testname"));

    // What an operator sees of the hub's state: feeds, counts, device heads, the quarantine.
    auto snapshot = [&] {
        return hub.command({"status", hub.dir.string()}) + hub.command({"devices", hub.dir.string()}) +
               hub.command({"quarantine", "list", hub.dir.string()});
    };
    const auto statusBefore = snapshot();
    // seq 3 before seq 2: a chain gap; nothing changes.
    REQUIRE(hub.run({"quarantine", "release", hub.dir.string(), seq3}) == 4);
    CHECK(contains(readText(hub.log), "chain_gap: quarantine id=" + seq3));
    CHECK(contains(readText(hub.log), "release device_seq 2 first"));
    CHECK(snapshot() == statusBefore);

    // seq 2: admitted through the normal checks and appended to the office feed.
    std::string released;
    REQUIRE(hub.run({"quarantine", "release", hub.dir.string(), seq2}, &released) == 0);
    CHECK(contains(released, "status=admitted head=2"));
    {
        auto store = hub.open();
        CHECK(store.findDevice(alpha.deviceId)->chainSeq == 2);
        CHECK(store.findDevice(alpha.deviceId)->status == sync::hub::DeviceStatus::Revoked);
        CHECK(store.quarantineCount() == 2);
        auto admitted = store.findChangeSetBySeq(alpha.deviceId, 2);
        REQUIRE(admitted);
        CHECK(feedEntriesOf(store, "TST-AAA", admitted->id) == 1);
    }

    // The same id again: gone from the quarantine, refused, nothing changes.
    const auto statusAfter = snapshot();
    CHECK(hub.run({"quarantine", "release", hub.dir.string(), seq2}) != 0);
    CHECK(snapshot() == statusAfter);
    // The clone's seq 2 is a fork of the admitted one: refused, nothing changes.
    REQUIRE(hub.run({"quarantine", "release", hub.dir.string(), cloned2}) == 4);
    CHECK(contains(readText(hub.log), "fork: quarantine id=" + cloned2));
    CHECK(contains(readText(hub.log), "device_seq 2 is already admitted with another change-set"));
    CHECK(snapshot() == statusAfter);

    REQUIRE(hub.run({"quarantine", "release", hub.dir.string(), seq3}) == 0);
    const auto remaining = parseQuarantineList(hub.command({"quarantine", "list", hub.dir.string()}));
    REQUIRE(remaining.size() == 1);
    CHECK(remaining[0].id == cloned2);

    // The peer of the same office receives both released cases.
    {
        auto store = hub.open();
        peer.download(store);
    }
    CHECK(peer.hasCase(lateCase));
    CHECK(peer.hasCase(laterCase));
    CHECK_FALSE(test::fileContains(hub.log, "Testname"));
    CHECK_FALSE(test::fileContains(hub.log, "Fakeperson"));
}

namespace {

// A device whose certificate names `transport` as its TLS key (what enrolment would have stored).
sync::hub::DeviceRecord insertTlsDevice(HubStore& store, const sync::TlsIdentity& transport,
                                        std::uint64_t validityMs = wire::kDefaultCertificateValidityMs) {
    wire::Certificate cert;
    cert.serial = store.nextCertificateSerial();
    cert.hubId = store.hubId();
    cert.deviceId = *wire::idFromHex("0123456789abcdef0123456789abcdef");
    cert.signPk = crypto::SigningKeyPair::generate().publicKey;
    cert.boxPk = crypto::BoxKeyPair::generate().publicKey;
    cert.tlsPk = transport.publicKey();
    cert.notBeforeMs = sync::hub::nowMs();
    cert.notAfterMs = cert.notBeforeMs + validityMs;
    cert.office = "TST-AAA";
    cert.label = "laptop-a1";
    sync::hub::DeviceRecord device;
    device.deviceId = cert.deviceId;
    device.office = cert.office;
    device.statusMs = cert.notBeforeMs;
    device.certificate = wire::issueCertificate(cert, store.identity());
    store.insertDevice(device);
    return device;
}

// Connects as the device (pinned TLS, HELLO) and returns after AUTH_OK (into `authOk` when given).
boost::asio::awaitable<void> connectAsDevice(sync::hub::TlsStream& stream, std::uint16_t port,
                                             const crypto::Fingerprint& pin, const wire::Id16& deviceId,
                                             sync::AuthOk* authOk = nullptr) {
    namespace asio = boost::asio;
    co_await stream.next_layer().async_connect(asio::ip::tcp::endpoint(asio::ip::address_v4::loopback(), port),
                                               asio::use_awaitable);
    sync::installHubPin(stream, pin, std::make_shared<sync::PinObservation>());
    co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
    sync::FrameChannel<sync::hub::TlsStream> channel(stream, {});
    sync::Hello hello;
    hello.deviceId = deviceId;
    hello.clientTimeMs = sync::hub::nowMs();
    hello.software = "hub-operator-test";
    co_await channel.send(sync::FrameType::Hello, hello);
    auto reply = co_await channel.read();
    REQUIRE(reply.type == sync::FrameType::AuthOk);
    if (authOk != nullptr) *authOk = sync::decodeAuthOk(reply.payload);
}

}  // namespace

TEST_CASE("A second connection of the same device ends the first with ERROR superseded", "[sync][hub]") {
    namespace asio = boost::asio;
    using sync::hub::TlsStream;
    test::TempDir tmp;
    Hub hub(tmp.path());
    auto store = hub.open();
    const auto transport = sync::TlsIdentity::generate("abri-dev-test");
    const auto device = insertTlsDevice(store, transport);

    asio::io_context io;
    std::vector<std::string> logLines;
    sync::hub::ServerOptions options;
    options.listenPort = 0;
    options.log = [&](const std::string& line) { logLines.push_back(line); };
    sync::hub::HubServer server(io, store, options);
    const auto port = server.start();
    const auto pin = sync::TlsIdentity::fromSeed(store.identity().seed(), "abri-hub").fingerprint();
    auto context = sync::makeDeviceTlsContext(transport);

    std::optional<sync::ErrorFrame> firstGot;
    bool secondAuthorised = false;
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            TlsStream first(io, *context);
            co_await connectAsDevice(first, port, pin, device.deviceId);
            TlsStream second(io, *context);
            co_await connectAsDevice(second, port, pin, device.deviceId);  // supersedes `first` while it waits
            secondAuthorised = true;
            sync::FrameChannel<TlsStream> channel(first, {});
            auto frame = co_await channel.read(std::chrono::milliseconds(5000));
            if (frame.type == sync::FrameType::Error) firstGot = sync::decodeError(frame.payload);
            sync::FrameChannel<TlsStream> secondChannel(second, {});
            co_await secondChannel.send(sync::FrameType::Bye, sync::Bye{0});
            server.stop();
        },
        asio::detached);
    io.run_for(std::chrono::seconds(20));
    CHECK(secondAuthorised);
    REQUIRE(firstGot);
    CHECK(firstGot->code == wire::wireValue(wire::SyncCode::Superseded));
    CHECK(firstGot->fatal);
    CHECK(std::find(logLines.begin(), logLines.end(), "closing connection: superseded") != logLines.end());
}

TEST_CASE("A session older than the connection lifetime is closed with BYE at its next frame", "[sync][hub]") {
    namespace asio = boost::asio;
    using sync::hub::TlsStream;
    test::TempDir tmp;
    Hub hub(tmp.path());
    auto store = hub.open();
    const auto transport = sync::TlsIdentity::generate("abri-dev-test");
    const auto device = insertTlsDevice(store, transport);

    asio::io_context io;
    sync::hub::ServerOptions options;
    options.listenPort = 0;
    options.connectionLifetime = std::chrono::milliseconds(400);
    sync::hub::HubServer server(io, store, options);
    const auto port = server.start();
    const auto pin = sync::TlsIdentity::fromSeed(store.identity().seed(), "abri-hub").fingerprint();
    auto context = sync::makeDeviceTlsContext(transport);

    std::vector<sync::FrameType> replies;
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            TlsStream stream(io, *context);
            co_await connectAsDevice(stream, port, pin, device.deviceId);
            sync::FrameChannel<TlsStream> channel(stream, {});
            co_await channel.send(sync::FrameType::Ping, sync::PingPong{1});  // young session: answered
            replies.push_back((co_await channel.read(std::chrono::milliseconds(5000))).type);
            asio::steady_timer wait(io, std::chrono::milliseconds(600));
            co_await wait.async_wait(asio::use_awaitable);
            co_await channel.send(sync::FrameType::Ping, sync::PingPong{2});  // past the lifetime: BYE
            replies.push_back((co_await channel.read(std::chrono::milliseconds(5000))).type);
            server.stop();
        },
        asio::detached);
    io.run_for(std::chrono::seconds(20));
    REQUIRE(replies.size() == 2);
    CHECK(replies[0] == sync::FrameType::Pong);
    CHECK(replies[1] == sync::FrameType::Bye);
}

TEST_CASE("A batch checked ahead on other cores still stops at the first bad change-set, at its own step",
          "[sync][hub]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    auto store = hub.open();
    Laptop alpha(tmp.path(), "alpha", "TST-AAA");
    alpha.enrol(store, "laptop-a1");
    for (int i = 0; i < 40; ++i) alpha.createCase("Testname Batch" + std::to_string(i));
    {
        auto v = alpha.worker();
        devicesync::syncVault(*v, alpha.vaultPath);
        v->lock();
    }
    fs::path file;
    for (const auto& entry : fs::directory_iterator(alpha.syncDir() / "outbox")) file = entry.path();
    const auto original = wire::readWholeFile(file, wire::kMaxBatchPayload + 1024);
    auto batch = wire::decodeBatch(wire::openSealedFile(original, store.boxKey(), "t").payload, "t");
    REQUIRE(batch.changeSets.size() == 40);  // enough for the parallel path (16 or more)

    // Change-set 25's signature no longer verifies; its id (and so the chain) is unchanged.
    auto tampered = batch;
    tampered.changeSets[24].back() ^= 0x01;
    const auto tamperedFile =
        wire::encodeSealedFile(wire::SealedContent::Batch, store.boxKey().publicKey, wire::encodeBatch(tampered));
    const auto first = sync::hub::ingestSealedFile(store, tamperedFile, alpha.deviceId, sync::hub::nowMs());
    REQUIRE(first.results.size() == 25);
    for (std::size_t i = 0; i < 24; ++i) CHECK(first.results[i].status == sync::hub::kStatusAdmitted);
    CHECK(first.results[24].status == wire::wireValue(wire::SyncCode::BadSignature));
    CHECK(first.ackedSeq == 24);
    CHECK_FALSE(first.refusalNotice.empty());

    // The untampered file again: duplicates are found (step 3) before any signature is looked at, the rest admitted.
    const auto second = sync::hub::ingestSealedFile(store, original, alpha.deviceId, sync::hub::nowMs());
    REQUIRE(second.results.size() == 40);
    for (std::size_t i = 0; i < 24; ++i) CHECK(second.results[i].status == sync::hub::kStatusDuplicate);
    for (std::size_t i = 24; i < 40; ++i) CHECK(second.results[i].status == sync::hub::kStatusAdmitted);
    CHECK(second.ackedSeq == 40);

    // A change-set whose header does not decode fails at step 2, before the duplicate check.
    auto garbled = batch;
    garbled.changeSets[3][0] = 'X';
    const auto garbledFile =
        wire::encodeSealedFile(wire::SealedContent::Batch, store.boxKey().publicKey, wire::encodeBatch(garbled));
    const auto third = sync::hub::ingestSealedFile(store, garbledFile, alpha.deviceId, sync::hub::nowMs());
    REQUIRE(third.results.size() == 4);
    CHECK(third.results[3].status == wire::wireValue(wire::SyncCode::BadMagic));
    CHECK(third.ackedSeq == 40);
}

TEST_CASE("A device's partial uploads are capped by count, bytes and age, oldest first", "[sync][hub]") {
    test::TempDir tmp;
    const auto folder = tmp.path() / "partial" / "0123456789abcdef0123456789abcdef";
    fs::create_directories(folder);
    const auto now = fs::file_time_type::clock::now();
    auto makePartial = [&](const std::string& name, std::size_t bytes, std::chrono::hours age) {
        std::ofstream(folder / name, std::ios::binary) << std::string(bytes, 'x');
        fs::last_write_time(folder / name, now - age);
    };
    makePartial("a.part", 10, std::chrono::hours(5));
    makePartial("b.part", 10, std::chrono::hours(4));
    makePartial("c.part", 10, std::chrono::hours(3));
    makePartial("d.part", 10, std::chrono::hours(2));
    std::ofstream(folder / "notes.txt") << "not a partial upload";
    // A fifth upload starting: room for it means the oldest goes.
    CHECK(sync::hub::prunePartialUploads(folder, "e.part") == 1);
    CHECK_FALSE(fs::exists(folder / "a.part"));
    CHECK(fs::exists(folder / "b.part"));
    CHECK(fs::exists(folder / "notes.txt"));
    // Resuming one of the held files needs no room.
    CHECK(sync::hub::prunePartialUploads(folder, "b.part") == 0);

    // Age: a week-old partial is dropped even when there is room.
    makePartial("old.part", 10, std::chrono::hours(8 * 24));
    fs::remove(folder / "c.part");
    fs::remove(folder / "d.part");
    CHECK(sync::hub::prunePartialUploads(folder, "b.part") == 1);
    CHECK_FALSE(fs::exists(folder / "old.part"));

    // Bytes: over the cap, the oldest go until it holds; the upload in progress is kept whatever its age.
    sync::hub::PartialUploadLimits small;
    small.maxBytes = 25;
    makePartial("f.part", 10, std::chrono::hours(1));
    makePartial("g.part", 10, std::chrono::hours(0));
    CHECK(sync::hub::prunePartialUploads(folder, "b.part", small) == 1);  // b (10) + f + g = 30 > 25: f goes
    CHECK(fs::exists(folder / "b.part"));
    CHECK_FALSE(fs::exists(folder / "f.part"));
    CHECK(fs::exists(folder / "g.part"));
}

TEST_CASE("A certificate with less than 60 days left is renewed at connection, and its feeds learn the new one",
          "[sync][hub]") {
    namespace asio = boost::asio;
    using sync::hub::TlsStream;
    test::TempDir tmp;
    Hub hub(tmp.path());
    auto store = hub.open();
    const auto transport = sync::TlsIdentity::generate("abri-dev-test");
    const std::uint64_t day = 24ULL * 3600 * 1000;
    const auto device = insertTlsDevice(store, transport, 30 * day);
    sync::hub::ensureCertificateInFeed(store, "TST-AAA", device);
    const auto oldSerial = device.certificate.serial;

    asio::io_context io;
    sync::hub::ServerOptions options;
    options.listenPort = 0;
    sync::hub::HubServer server(io, store, options);
    const auto port = server.start();
    const auto pin = sync::TlsIdentity::fromSeed(store.identity().seed(), "abri-hub").fingerprint();
    auto context = sync::makeDeviceTlsContext(transport);
    sync::AuthOk first;
    sync::AuthOk second;
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            for (auto* authOk : {&first, &second}) {
                TlsStream stream(io, *context);
                co_await connectAsDevice(stream, port, pin, device.deviceId, authOk);
                sync::FrameChannel<TlsStream> channel(stream, {});
                co_await channel.send(sync::FrameType::Bye, sync::Bye{0});
            }
            server.stop();
        },
        asio::detached);
    io.run_for(std::chrono::seconds(20));

    const auto renewed = wire::decodeCertificate(first.certificate, "auth_ok");
    wire::verifyCertificate(renewed, store.identity().publicKey, "auth_ok");
    CHECK(renewed.serial != oldSerial);
    CHECK(renewed.notAfterMs >= sync::hub::nowMs() + 700 * day);
    CHECK(renewed.signPk == device.certificate.signPk);  // same keys
    CHECK(renewed.tlsPk == device.certificate.tlsPk);
    CHECK(store.findDevice(device.deviceId)->certificate.serial == renewed.serial);
    CHECK(store.feedHasCertificate("TST-AAA", device.deviceId, renewed.serial));
    // Renewed once: the second connection gets the same certificate.
    CHECK(wire::decodeCertificate(second.certificate, "auth_ok").serial == renewed.serial);
}

namespace {
// A one-op change-set of `alpha`, as its packer would sign it, with the header fields a test wants to be wrong.
sync::Bytes craftedChangeSet(Laptop& alpha, HubStore& store, std::uint64_t seq, const std::string& office,
                             std::uint64_t hlcMs) {
    auto admin = vault::Vault::unlock(alpha.vaultPath, "admin", kAdminPassword);
    const auto keys = devicesync::loadOrCreateDeviceKeys(admin->db(), admin->nowMs());
    admin->lock();
    wire::ChangeSetDraft draft;
    draft.deviceId = alpha.deviceId;
    draft.deviceSeq = seq;
    draft.prevHash = store.findChangeSetBySeq(alpha.deviceId, seq - 1)->id;
    crypto::randomFill(draft.caseId);
    draft.office = office;
    draft.authors = {draft.caseId};
    wire::Op create;
    create.kind = wire::OpKind::Create;
    create.entity = wire::EntityKind::Case;
    create.entityId = draft.caseId;
    create.valueJson = R"({"office":")" + office + R"(","person":{"given_name":"Testname Forged"}})";
    create.hlc = journal::makeHlc(hlcMs, 0);
    draft.ops.push_back(create);
    const auto cs = wire::encodeChangeSet(draft, keys.sign);
    return wire::encodeSealedFile(wire::SealedContent::Batch, store.boxKey().publicKey,
                                  wire::encodeBatch({alpha.deviceId, seq, {cs.bytes}}));
}
}  // namespace

TEST_CASE("Re-ordered, forged-office and far-off-clock change-sets get typed refusals and change nothing",
          "[sync][hub]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    auto store = hub.open();
    Laptop alpha(tmp.path(), "alpha", "TST-AAA");
    alpha.enrol(store, "laptop-a1");
    // Two outbox files: seq 1, then seq 2.
    std::vector<fs::path> files;
    for (const char* name : {"Testname One", "Testname Two"}) {
        alpha.createCase(name);
        auto v = alpha.worker();
        for (const auto& written : devicesync::syncVault(*v, alpha.vaultPath).outboxFiles)
            files.push_back(alpha.syncDir() / "outbox" / written);
        v->lock();
    }
    REQUIRE(files.size() == 2);
    auto ingest = [&](const sync::Bytes& bytes) {
        return sync::hub::ingestSealedFile(store, bytes, alpha.deviceId, sync::hub::nowMs());
    };
    const auto statusBefore = hub.command({"status", hub.dir.string()});

    // Re-ordered: seq 2 before seq 1 is a chain gap; nothing is stored and no notice is written (the device
    // simply resends from acked_seq + 1).
    const auto gap = ingest(wire::readWholeFile(files[1], wire::kMaxBatchPayload + 1024));
    REQUIRE(gap.results.size() == 1);
    CHECK(gap.results[0].status == wire::wireValue(wire::SyncCode::ChainGap));
    CHECK(gap.ackedSeq == 0);
    CHECK(gap.refusalNotice.empty());
    CHECK_FALSE(store.findChangeSetBySeq(alpha.deviceId, 2));
    CHECK(hub.command({"status", hub.dir.string()}) == statusBefore);
    for (const auto& file : files)
        CHECK(ingest(wire::readWholeFile(file, wire::kMaxBatchPayload + 1024)).ackedSeq >= 1);
    REQUIRE(store.findDevice(alpha.deviceId)->chainSeq == 2);
    const auto feedHead = store.feedHead("TST-AAA");

    const auto now = sync::hub::nowMs();
    const std::uint64_t year = 365ULL * 24 * 3600 * 1000;
    struct Case {
        const char* what;
        std::string office;
        std::uint64_t hlcMs;
        wire::SyncCode expected;
    };
    for (const auto& c :
         {Case{"a forged office", "TST-BBB", now, wire::SyncCode::UnauthorisedOffice},
          Case{"a clock years behind (before 2020)", "TST-AAA", now - 8 * year, wire::SyncCode::ClockOutOfBounds},
          Case{"a clock years ahead", "TST-AAA", now + 3 * year, wire::SyncCode::ClockAhead}}) {
        INFO(c.what);
        const auto result = ingest(craftedChangeSet(alpha, store, 3, c.office, c.hlcMs));
        REQUIRE(result.results.size() == 1);
        CHECK(result.results[0].status == wire::wireValue(c.expected));
        CHECK(result.ackedSeq == 2);
        CHECK_FALSE(result.refusalNotice.empty());  // the laptop is told why
        CHECK_FALSE(store.findChangeSetBySeq(alpha.deviceId, 3));
        CHECK(store.feedHead("TST-AAA") == feedHead);
        CHECK(store.feedHead("TST-BBB") == 0);
    }
    // The refusals are logged by code, never by content.
    CHECK_FALSE(contains(readText(hub.log), "Testname"));
}

namespace {
// The page the hub would send `laptop` from `since`, opened with the laptop's box key and decoded.
wire::Page pageFor(HubStore& store, const Laptop& laptop, std::uint64_t since, bool receiptRanges) {
    auto built = sync::hub::buildPage(store, *store.findDevice(laptop.deviceId), since, wire::kMaxPageEntries, 1 << 20,
                                      sync::hub::nowMs(), /*ownChangeSets=*/false, receiptRanges);
    REQUIRE(built);
    auto admin = vault::Vault::unlock(laptop.vaultPath, "admin", kAdminPassword);
    const auto keys = devicesync::loadDeviceKeys(admin->db());
    admin->lock();
    REQUIRE(keys);
    const auto opened = wire::openSealedFile(built->sealedFile, keys->box, "page");
    return wire::decodePage(opened.payload, store.hubId(), laptop.deviceId, store.identity().publicKey, "page");
}
}  // namespace

TEST_CASE("A laptop's own plainly admitted change-sets come back as receipt ranges, clamped or excluded as RECEIPTs",
          "[sync][hub]") {
    test::TempDir tmp;
    Hub hub(tmp.path());
    auto store = hub.open();
    Laptop alpha(tmp.path(), "alpha", "TST-AAA");
    Laptop peer(tmp.path(), "peer", "TST-AAA");
    alpha.enrol(store, "laptop-a1");
    peer.enrol(store, "laptop-a2");
    // alpha: seqs 1-2; the peer's case; alpha's seq 3; then seq 4 an hour ahead (admitted clamped) and seq 5, both
    // crafted by an author the hub does not know, so admitted with their ops excluded.
    for (const char* name : {"Testname One", "Testname Two"}) {
        alpha.createCase(name);
        alpha.upload(store);
    }
    peer.createCase("Testname Peer");
    peer.upload(store);
    alpha.createCase("Testname Three");
    alpha.upload(store);
    auto ingest = [&](const sync::Bytes& bytes) {
        return sync::hub::ingestSealedFile(store, bytes, alpha.deviceId, sync::hub::nowMs());
    };
    const auto now = sync::hub::nowMs();
    CHECK(ingest(craftedChangeSet(alpha, store, 4, "TST-AAA", now + 3'600'000)).ackedSeq == 4);
    CHECK(ingest(craftedChangeSet(alpha, store, 5, "TST-AAA", now)).ackedSeq == 5);

    const auto ranged = pageFor(store, alpha, 0, true);
    CHECK(ranged.ackedDeviceSeq == 5);
    std::vector<std::string> shape;
    for (const auto& e : ranged.entries) {
        switch (e.type) {
        case wire::PageEntryType::Cert: shape.push_back("cert"); break;
        case wire::PageEntryType::ChangeSet: shape.push_back("changeset"); break;
        case wire::PageEntryType::Receipt:
            shape.push_back("receipt " + std::to_string(e.admission.deviceSeq) +
                            (e.admission.clampCeiling != 0 ? " clamped" : "") +
                            (e.admission.excluded.empty() ? "" : " excluded"));
            break;
        case wire::PageEntryType::ReceiptRange:
            shape.push_back("range " + std::to_string(e.rangeFirstSeq) + "+" + std::to_string(e.rangeCount));
            break;
        case wire::PageEntryType::Hub: shape.push_back("hub"); break;
        }
    }
    CHECK(shape == std::vector<std::string>{"cert", "cert", "range 1+2", "changeset", "range 3+1",
                                            "receipt 4 clamped excluded", "receipt 5 excluded"});
    // A range stands at the office_seq of the last change-set it covers.
    CHECK(ranged.entries[2].officeSeq == ranged.entries[3].officeSeq - 1);
    CHECK(ranged.lastSeq == ranged.headSeq);

    // Without the capability: one RECEIPT per own change-set, as before.
    const auto plain = pageFor(store, alpha, 0, false);
    std::size_t receipts = 0;
    for (const auto& e : plain.entries) {
        CHECK(e.type != wire::PageEntryType::ReceiptRange);
        receipts += e.type == wire::PageEntryType::Receipt;
    }
    CHECK(receipts == 5);
    // A page starting inside a run ranges from there on.
    const auto tail = pageFor(store, alpha, ranged.entries[1].officeSeq + 1, true);
    REQUIRE_FALSE(tail.entries.empty());
    CHECK(tail.entries[0].type == wire::PageEntryType::ReceiptRange);
    CHECK(tail.entries[0].rangeFirstSeq == 2);
    CHECK(tail.entries[0].rangeCount == 1);
}
