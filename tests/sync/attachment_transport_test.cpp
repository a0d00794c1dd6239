// Attachment transport between abri-syncd and abri-hub (sync/PROTOCOL.md §11.3-§11.5) with real processes: a real
// abri-hub serving on 127.0.0.1, abri-syncd runs carrying the sync folders, real SQLCipher vaults, and the
// in-process fault proxy. Laptop A adds a synthetic PDF (more than one 256 KiB chunk, a marker inside); its at- files
// go up only after its change-sets; laptop B of the same office fetches the chunks after its pages and reads the
// file back byte for byte; laptop C of another office is refused and gets nothing; a transfer cut in the middle of
// a chunk resumes; a used-up budget holds attachments back, shows in status.json, and case edits still sync. The
// marker never appears in the clear in the hub's folder or any sync folder.
//
// The app's part is devicesync::syncVault, as the app and abri-cli run it: it writes the at- files after packing the
// record, applies ck- files and writes chunks-wanted after the pages. A few steps write files directly where that
// shows something the app never does (the same chunk uploaded twice, a want list forged by another office).
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "attachments/attachment_repository.h"
#include "attachments/attachment_transfer.h"
#include "cases/case_repository.h"
#include "client/enrolment.h"
#include "common/daemon_config.h"
#include "devicesync/attachment_inbox.h"
#include "devicesync/device_keys.h"
#include "devicesync/device_sync.h"
#include "devicesync/inbox.h"
#include "fault_proxy.h"
#include "support/temp_dir.h"
#include "sync_test_support.h"
#include "vault/vault.h"
#include "wire/chunks_wanted.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"

using namespace abri;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const fs::path kHubBin = ABRI_HUB_BIN;
const fs::path kSyncdBin = ABRI_SYNCD_BIN;
const std::string kMarker = "FAKE-ATTACHMENT-TRANSPORT-MARKER-Qwv7-3318";

// A synthetic PDF: the header, the marker in the first and in the last chunk, and incompressible filler.
crypto::Bytes syntheticPdf(std::size_t size, std::uint64_t seed) {
    crypto::Bytes out(size);
    std::mt19937_64 random(seed);
    for (auto& b : out) b = static_cast<std::uint8_t>(random());
    const std::string head = "%PDF-1.4\n% " + kMarker + "\n";
    std::copy(head.begin(), head.end(), out.begin());
    std::copy(kMarker.begin(), kMarker.end(), out.end() - static_cast<std::ptrdiff_t>(kMarker.size() + 8));
    return out;
}

struct Laptop {
    Laptop(const fs::path& root, const std::string& laptopName, std::string officeCode)
        : name(laptopName), office(std::move(officeCode)), vaultPath(root / (laptopName + ".abri")),
          log(root / (laptopName + ".log")) {
        test::createTestVault(vaultPath, office);
    }
    void enrol(test::HubProcess& hub) {
        auto admin = vault::Vault::unlock(vaultPath, "admin", std::string(test::kAdminPassword));
        sync::client::EnrolOptions options;
        options.label = "laptop-" + name;
        options.addressOverride = "127.0.0.1:" + std::to_string(hub.port);
        deviceId = sync::client::enrolDevice(*admin, vaultPath, hub.token(office), options).deviceId;
        admin->lock();
    }
    std::unique_ptr<vault::Vault> worker() const {
        return vault::Vault::unlock(vaultPath, "worker", std::string(test::kWorkerPassword));
    }
    fs::path syncDir() const { return wire::syncFolder(vaultPath); }
    devicesync::SyncStepResult appSync() const {
        auto v = worker();
        auto result = devicesync::syncVault(*v, vaultPath);
        v->lock();
        return result;
    }
    int daemonOnce() const {
        return test::runToEnd(kSyncdBin, {syncDir().string(), "--once", "--reply-timeout-ms", "8000"}, log, 60s);
    }
    // The app, the daemon, the app: pages in and applied.
    void sync() const {
        appSync();
        const int rc = daemonOnce();
        INFO("abri-syncd log: " << test::readText(log));
        REQUIRE(rc == 0);
        appSync();
    }
    void pointDaemonAt(std::uint16_t port) const {
        auto config = sync::loadDaemonConfig(syncDir());
        config.hubPort = port;
        sync::saveDaemonConfig(syncDir(), config);
    }
    std::string registerCase(const std::string& givenName) const {
        auto v = worker();
        auto id = cases::CaseRepository(*v).createCase(
            cases::Json::parse(R"({"person": {"given_name": ")" + givenName + R"(", "gender": "female"}})"));
        v->lock();
        return id;
    }
    std::string addAttachment(const std::string& caseId, const crypto::Bytes& content) const {
        auto v = worker();
        attachments::AddOptions options;
        options.fileName = "synthetic-consent.pdf";
        options.category = attachments::Category::ConsentForm;
        auto id = attachments::AttachmentRepository(*v).addBytes(caseId, content, options);
        v->lock();
        return id;
    }
    // One at- file per chunk, sealed to the hub's box key (content 3), as syncVault writes them once.
    std::size_t writeChunkUploads(const std::string& attachmentId) const {
        auto v = worker();
        const auto keys = devicesync::loadDeviceKeys(v->db());
        const auto hub = devicesync::storedHubDescriptor(v->db());
        REQUIRE(keys);
        REQUIRE(hub);
        attachments::AttachmentTransfer transfer(*v);
        const auto record = transfer.record(attachmentId);
        REQUIRE(record);
        for (std::uint32_t i = 0; i < record->chunkHashes.size(); ++i) {
            const auto chunk = transfer.signedChunk(attachmentId, i, keys->sign);
            const auto sealed = wire::encodeSealedFile(wire::SealedContent::Chunk, hub->boxPk, chunk);
            wire::writeFileAtomically(syncDir() / "outbox",
                                      wire::attachmentUploadFileName(deviceId, *wire::idFromHex(attachmentId), i),
                                      sealed);
        }
        v->lock();
        return record->chunkHashes.size();
    }
    std::size_t filesIn(const std::string& folder, std::string_view prefix) const {
        std::size_t n = 0;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(syncDir() / folder, ec)) {
            n += e.path().filename().string().rfind(prefix, 0) == 0;
        }
        return n;
    }
    nlohmann::json status() const { return nlohmann::json::parse(test::readText(syncDir() / "status.json")); }

    std::string name;
    std::string office;
    fs::path vaultPath;
    fs::path log;
    wire::Id16 deviceId{};
};

attachments::AttachmentRecord recordOf(const Laptop& laptop, const std::string& attachmentId) {
    auto v = laptop.worker();
    auto record = attachments::AttachmentTransfer(*v).record(attachmentId);
    REQUIRE(record);
    return *record;
}

crypto::Bytes readBack(const Laptop& laptop, const std::string& attachmentId) {
    auto v = laptop.worker();
    crypto::Bytes out;
    attachments::AttachmentRepository(*v).read(attachmentId, [&](std::span<const std::uint8_t> piece) {
        out.insert(out.end(), piece.begin(), piece.end());
    });
    v->lock();
    return out;
}

bool caseHeld(const Laptop& laptop, const std::string& caseId) {
    auto v = laptop.worker();
    return cases::CaseRepository(*v).load(caseId).has_value();
}

// Every file under `dir` whose bytes contain the marker.
std::vector<fs::path> filesWithMarker(const fs::path& dir) {
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
        if (!e.is_regular_file()) continue;
        std::ifstream in(e.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (bytes.find(kMarker) != std::string::npos) found.push_back(e.path());
    }
    return found;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("An attachment goes up after the case changes and reaches a laptop of its office only",
          "[sync][attachments][process]") {
    test::TempDir root;
    test::HubProcess hub(root.path(), kHubBin);
    hub.start();
    Laptop a(root.path(), "a", "TST-X"), b(root.path(), "b", "TST-X"), c(root.path(), "c", "TST-Y");
    a.enrol(hub);
    b.enrol(hub);
    c.enrol(hub);

    const auto caseId = a.registerCase("Testname Attachmentholder");
    const auto content = syntheticPdf(300 * 1024 + 17, 0xA77AC4);
    const auto attachmentId = a.addAttachment(caseId, content);
    // The app's pass writes the cs- file with the record and the at- files: they wait in the outbox together.
    CHECK(a.appSync().attachmentFiles.size() == 2);
    REQUIRE(a.filesIn("outbox", "cs-") >= 1);
    REQUIRE(a.filesIn("outbox", "at-") == 2);

    REQUIRE(a.daemonOnce() == 0);
    const auto logA = test::readText(a.log);
    INFO("abri-syncd A: " << logA);
    CHECK(a.filesIn("outbox", "at-") == 0);
    CHECK(a.filesIn("outbox", "cs-") == 0);
    CHECK(count(logA, "chunk uploaded") == 2);
    // The change-set went first: its acknowledgement is logged before any chunk upload.
    REQUIRE(logA.find("uploaded seqs=") != std::string::npos);
    CHECK(logA.find("uploaded seqs=") < logA.find("chunk uploaded"));
    const auto hubLog = test::readText(hub.log);
    CHECK(hubLog.find("upload ack device=") < hubLog.find("chunk upload begin"));
    CHECK(a.status()["error"].is_null());

    // A second upload of the same chunks (the app never writes them twice) is idempotent: status 0, deleted.
    REQUIRE(a.writeChunkUploads(attachmentId) == 2);
    REQUIRE(a.daemonOnce() == 0);
    CHECK(a.filesIn("outbox", "at-") == 0);

    // B: the pages bring the case and the record; applying them writes the want list; the next run fetches the
    // chunks after the pages; the app stores them.
    b.sync();
    REQUIRE(caseHeld(b, caseId));
    const auto record = recordOf(a, attachmentId);
    CHECK(wire::parseChunksWanted(test::readText(b.syncDir() / "chunks-wanted"))->size() == 2);
    REQUIRE(b.daemonOnce() == 0);
    INFO("abri-syncd B: " << test::readText(b.log));
    CHECK(b.filesIn("inbox", "ck-") == 2);
    CHECK(b.filesIn("inbox", ".part-ck-") == 0);
    const auto applied = b.appSync();
    CHECK(applied.chunks.stored == 2);
    CHECK(applied.chunks.refused.empty());
    CHECK(applied.chunksWanted == 0);
    CHECK(b.filesIn("inbox", "ck-") == 0);
    CHECK(readBack(b, attachmentId) == content);
    CHECK(test::readText(b.syncDir() / "chunks-wanted").empty());
    // Nothing wanted: the next run asks for nothing, and drops the part of a chunk no longer wanted.
    const auto stalePart = b.syncDir() / "inbox" / (".part-ck-" + std::string(64, 'a'));
    std::ofstream(stalePart, std::ios::binary) << "sealed bytes of a chunk stored meanwhile";
    const auto chunksBefore = count(test::readText(hub.log), "chunk sent");
    REQUIRE(b.daemonOnce() == 0);
    CHECK(count(test::readText(hub.log), "chunk sent") == chunksBefore);
    CHECK_FALSE(fs::exists(stalePart));

    // C, another office, asks for the same chunks by hash (a want list it could only have forged): refused with
    // chunk_unavailable, exactly as for a chunk the hub does not hold, and nothing reaches its inbox.
    c.sync();
    CHECK_FALSE(caseHeld(c, caseId));
    std::vector<wire::ChunkWant> wants;
    for (std::uint32_t i = 0; i < record.chunkHashes.size(); ++i) {
        wire::ChunkWant want;
        want.caseId = *wire::idFromHex(record.caseId);
        want.attachmentId = *wire::idFromHex(record.id);
        want.chunkIndex = i;
        // 64 hex as two 32-hex halves (wire has no Hash32 parser of its own).
        const auto high = wire::idFromHex(std::string_view(record.chunkHashes[i]).substr(0, 32));
        const auto low = wire::idFromHex(std::string_view(record.chunkHashes[i]).substr(32));
        REQUIRE(high);
        REQUIRE(low);
        std::copy(high->begin(), high->end(), want.chunkHash.begin());
        std::copy(low->begin(), low->end(), want.chunkHash.begin() + 16);
        wants.push_back(want);
    }
    wire::writeFileAtomically(c.syncDir(), "chunks-wanted", crypto::asBytes(wire::formatChunksWanted(wants)));
    REQUIRE(c.daemonOnce() == 0);
    const auto logC = test::readText(c.log);
    INFO("abri-syncd C: " << logC);
    // Refused at its first chunk, the attachment's later chunk is not asked for in the same session.
    CHECK(count(logC, "chunk unavailable") == 1);
    CHECK(c.filesIn("inbox", "ck-") == 0);
    CHECK(c.filesIn("inbox", ".part-ck-") == 0);
    CHECK(count(test::readText(hub.log), "chunk refused device=" + wire::idToHex(c.deviceId) +
                                             " chunk_unavailable") == 1);
    CHECK(c.status()["error"].is_null());

    // Raw scan: the content travels sealed and rests encrypted.
    CHECK(filesWithMarker(hub.dir).empty());
    CHECK(filesWithMarker(a.syncDir()).empty());
    CHECK(filesWithMarker(b.syncDir()).empty());
    CHECK(filesWithMarker(c.syncDir()).empty());
    CHECK(test::readText(hub.log).find(kMarker) == std::string::npos);
}

TEST_CASE("A chunk download cut in the middle resumes where it stopped", "[sync][attachments][process]") {
    test::TempDir root;
    test::HubProcess hub(root.path(), kHubBin);
    hub.start();
    Laptop a(root.path(), "a", "TST-X"), b(root.path(), "b", "TST-X");
    a.enrol(hub);
    b.enrol(hub);
    const auto caseId = a.registerCase("Testname Cutlink");
    const auto content = syntheticPdf(2 * 256 * 1024 + 5000, 0xC07C07);
    const auto attachmentId = a.addAttachment(caseId, content);
    REQUIRE(a.appSync().attachmentFiles.size() == 3);
    REQUIRE(a.daemonOnce() == 0);
    REQUIRE(a.filesIn("outbox", "at-") == 0);
    b.sync();
    REQUIRE(wire::parseChunksWanted(test::readText(b.syncDir() / "chunks-wanted"))->size() == 3);

    // B's link is cut after 150 kB on every connection: no connection can carry the ~790 kB of chunks, so they
    // only arrive if each connection continues where the one before stopped.
    test::FaultProxy proxy(hub.port);
    b.pointDaemonAt(proxy.port());
    proxy.cutAfterBytes(150'000);
    int runs = 0;
    while (b.filesIn("inbox", "ck-") < 3 && runs < 20) {
        b.daemonOnce();  // exits 1 when its connection is cut
        ++runs;
    }
    const auto logB = test::readText(b.log);
    INFO("abri-syncd B: " << logB << "\nruns=" << runs);
    REQUIRE(b.filesIn("inbox", "ck-") == 3);
    CHECK(proxy.cutsMade() >= 4);
    // Resumed transfers: the daemon continued a part, the hub served it from its one-hour cache.
    bool resumedPart = false;
    for (auto at = logB.find("chunk received bytes="); at != std::string::npos;
         at = logB.find("chunk received bytes=", at + 1)) {
        const auto start = logB.find("start=", at);
        resumedPart = resumedPart || (start != std::string::npos && logB[start + 6] != '0');
    }
    CHECK(resumedPart);
    CHECK(count(logB, "chunk received") == 3);
    const auto hubLog = test::readText(hub.log);
    CHECK(hubLog.find(" cached") != std::string::npos);
    std::uintmax_t sealedBytes = 0;
    for (const auto& e : fs::directory_iterator(b.syncDir() / "inbox")) {
        if (e.path().filename().string().rfind("ck-", 0) == 0) sealedBytes += fs::file_size(e.path());
    }
    // What came down the cut link: the chunks once, plus per connection its handshake and frames, plus per cut what
    // was in flight (the PAGE_DATA frame being sent, and what the kernel held when the reset came, which a reset
    // discards). Without resume, 256 KiB chunks could not arrive at all through connections cut after 150 kB; the
    // bytes not sent again are the resumed parts' start offsets.
    std::uint64_t notSentAgain = 0;
    for (auto at = logB.find("start="); at != std::string::npos; at = logB.find("start=", at + 1)) {
        notSentAgain += std::stoull(logB.substr(at + 6));
    }
    WARN("sealed chunk bytes " << sealedBytes << ", bytes down the cut link " << proxy.bytesDown() << ", up "
                               << proxy.bytesUp() << ", connections " << proxy.connectionsAccepted() << ", cuts "
                               << proxy.cutsMade() << ", resumed parts (not sent again) " << notSentAgain);
    CHECK(notSentAgain > 0);
    CHECK(proxy.bytesDown() >= sealedBytes);
    CHECK(proxy.bytesDown() < 2 * sealedBytes);

    const auto applied = b.appSync();
    CHECK(applied.chunks.stored == 3);
    CHECK(readBack(b, attachmentId) == content);
    CHECK(filesWithMarker(b.syncDir()).empty());
    CHECK(filesWithMarker(hub.dir).empty());
}

TEST_CASE("A used-up attachment budget holds chunks back, shows in status.json, and case edits still sync",
          "[sync][attachments][process]") {
    test::TempDir root;
    test::HubProcess hub(root.path(), kHubBin);
    CHECK(hub.command("attachment-budget").find("attachment_budget_mib_per_day 200") != std::string::npos);
    CHECK(hub.command("attachment-budget", {"--mib", "1"}).find("attachment_budget_mib_per_day 1") !=
          std::string::npos);
    // Out of range: refused, the setting kept.
    const auto refused = hub.run({"attachment-budget", hub.dir.string(), "--mib", "2000000"});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.find("--mib") != std::string::npos);
    CHECK(hub.command("attachment-budget").find("attachment_budget_mib_per_day 1") != std::string::npos);
    hub.start();
    Laptop a(root.path(), "a", "TST-X"), b(root.path(), "b", "TST-X");
    a.enrol(hub);
    b.enrol(hub);
    const auto caseId = a.registerCase("Testname Budgetcase");
    // 5 chunks, ~1.2 MiB sealed: the fourth would pass the 1 MiB budget.
    const auto content = syntheticPdf(4 * 256 * 1024 + 9000, 0xB0D6E7);
    a.addAttachment(caseId, content);
    REQUIRE(a.appSync().attachmentFiles.size() == 5);
    REQUIRE(a.daemonOnce() == 0);
    INFO("abri-syncd A: " << test::readText(a.log));
    CHECK(count(test::readText(a.log), "chunk uploaded") == 3);
    CHECK(a.filesIn("outbox", "at-") == 2);
    CHECK(a.status()["error"]["name"] == "budget_exhausted");
    CHECK(a.status()["error"]["code"] == 607);
    CHECK(fs::exists(a.syncDir() / "attachments-paused"));
    const auto hubLog = test::readText(hub.log);
    CHECK(count(hubLog, "chunk upload refused device=" + wire::idToHex(a.deviceId) + " budget_exhausted") == 1);

    // A case edit on A still goes up and reaches B; the held chunks are not offered again meanwhile.
    const auto ackedBefore = a.status()["acked_seq"].get<std::uint64_t>();
    const auto secondCase = a.registerCase("Testname Laterchange");
    a.appSync();
    REQUIRE(a.daemonOnce() == 0);
    CHECK(a.status()["acked_seq"].get<std::uint64_t>() > ackedBefore);
    CHECK(a.status()["error"]["name"] == "budget_exhausted");
    CHECK(a.filesIn("outbox", "at-") == 2);
    CHECK(count(test::readText(hub.log), "chunk upload begin") == 3);
    b.sync();
    CHECK(caseHeld(b, caseId));
    CHECK(caseHeld(b, secondCase));

    // B wants the chunks (three are at the hub): the office's budget is used up, so B is held back too, and says so.
    REQUIRE(wire::parseChunksWanted(test::readText(b.syncDir() / "chunks-wanted"))->size() == 5);
    REQUIRE(b.daemonOnce() == 0);
    CHECK(b.filesIn("inbox", "ck-") == 0);
    CHECK(b.status()["error"]["name"] == "budget_exhausted");
    CHECK(filesWithMarker(hub.dir).empty());
}

TEST_CASE("A chunk the hub cannot place yet stays in the outbox and goes after its change-set",
          "[sync][attachments][process]") {
    test::TempDir root;
    test::HubProcess hub(root.path(), kHubBin);
    hub.start();
    Laptop a(root.path(), "a", "TST-X");
    a.enrol(hub);
    const auto caseId = a.registerCase("Testname Earlychunk");
    a.addAttachment(caseId, syntheticPdf(1000, 0xEA71));
    REQUIRE(a.appSync().attachmentFiles.size() == 1);
    // The change-set that creates the case is taken out of the outbox for a while (as if the app had not written
    // it yet): the hub does not hold the case, refuses the chunk, and the daemon keeps it.
    const auto parked = root.path() / "parked";
    fs::create_directories(parked);
    for (const auto& e : fs::directory_iterator(a.syncDir() / "outbox")) {
        if (e.path().filename().string().rfind("cs-", 0) == 0) fs::rename(e.path(), parked / e.path().filename());
    }
    REQUIRE(a.daemonOnce() == 0);
    INFO("abri-syncd A: " << test::readText(a.log));
    CHECK(a.filesIn("outbox", "at-") == 1);
    CHECK(count(test::readText(a.log), "chunk upload refused file_status=" +
                                           std::to_string(wire::wireValue(wire::SyncCode::ForbiddenCase))) == 1);
    CHECK(a.status()["error"].is_null());
    for (const auto& e : fs::directory_iterator(parked))
        fs::rename(e.path(), a.syncDir() / "outbox" / e.path().filename());
    REQUIRE(a.daemonOnce() == 0);
    CHECK(a.filesIn("outbox", "at-") == 0);
    CHECK(a.filesIn("outbox", "cs-") == 0);
    CHECK(count(test::readText(a.log), "chunk uploaded") == 1);
}

TEST_CASE("A case edit made while chunks are uploading overtakes the remaining chunks",
          "[sync][attachments][process]") {
    test::TempDir root;
    test::HubProcess hub(root.path(), kHubBin);
    hub.start();
    Laptop a(root.path(), "a", "TST-X");
    a.enrol(hub);
    const auto caseId = a.registerCase("Testname Slowupload");
    a.addAttachment(caseId, syntheticPdf(3 * 256 * 1024, 0x5107));
    REQUIRE(a.appSync().attachmentFiles.size() == 3);
    // About 5 s per chunk: the edit below is written while the first chunk is on its way.
    test::FaultProxy proxy(hub.port);
    proxy.setRate(50'000);
    a.pointDaemonAt(proxy.port());
    test::ChildProcess daemon;
    daemon.start(kSyncdBin,
                 {a.syncDir().string(), "--poll-ms", "200", "--backoff-ms", "200", "--reply-timeout-ms", "20000"},
                 a.log);
    REQUIRE(test::waitUntil([&] { return test::readText(hub.log).find("chunk upload begin") != std::string::npos; },
                            30s));
    const auto secondCase = a.registerCase("Testname Overtaking");
    a.appSync();
    // The daemon logs a chunk after deleting its file: wait for the log lines too.
    REQUIRE(test::waitUntil([&] { return a.filesIn("outbox", "at-") == 0 && a.filesIn("outbox", "cs-") == 0 &&
                                         count(test::readText(a.log), "chunk uploaded") == 3; },
                            90s));
    daemon.terminate();
    daemon.wait(10s);
    const auto logA = test::readText(a.log);
    INFO("abri-syncd A: " << logA);
    // The second change-set's acknowledgement comes before the last chunk's.
    const auto secondAck = logA.find("uploaded seqs=", logA.find("uploaded seqs=") + 1);
    REQUIRE(secondAck != std::string::npos);
    std::vector<std::size_t> chunkAcks;
    for (auto at = logA.find("chunk uploaded"); at != std::string::npos; at = logA.find("chunk uploaded", at + 1))
        chunkAcks.push_back(at);
    REQUIRE(chunkAcks.size() == 3);
    CHECK(secondAck < chunkAcks.back());
    CHECK(secondAck > chunkAcks.front());
    (void)secondCase;
}
