#include "sync_bench.h"

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "cases/case_repository.h"
#include "common/byte_io.h"
#include "wire/batch.h"
#include "wire/changeset.h"
#include "devicesync/inbox.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"
#include "child_process.h"
#include "client/enrolment.h"
#include "common/daemon_config.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "demo/synthetic_cases.h"
#include "devicesync/device_sync.h"
#include "fault_proxy.h"
#include "hub_store.h"
#include "ingest.h"
#include "model/case_rules.h"
#include "timing.h"
#include "bench_office.h"
#include "work_folder.h"
#include "vault/vault.h"

namespace abri::bench {

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Json = nlohmann::json;

constexpr double kIngestTarget = 20'000;  // changes/s
constexpr double kFirstSyncTargetSeconds = 10;
constexpr double kResponsiveTargetMs = 100;  // input handled within this while a first sync applies (issue 10)
constexpr double kWireRatioTarget = 0.5;
constexpr double kWirePerFieldTarget = 100;  // bytes on the wire per changed field, a day's work (issue 11)

std::uintmax_t folderBytes(const fs::path& dir) {
    std::uintmax_t total = 0;
    if (!fs::is_directory(dir)) return 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') total += entry.file_size();
    }
    return total;
}

// A field edit a caseworker makes: varied fields and values, always a change.
void applyEdit(cases::CaseRepository& repo, const std::string& caseId, std::size_t i) {
    switch (i % 4) {
    case 0: repo.updateField(caseId, "person.estimated_age", 18 + static_cast<int>(i % 50)); break;
    case 1: repo.updateField(caseId, "person.children", static_cast<int>(i % 7)); break;
    case 2: repo.updateField(caseId, "person.family_name", "Fakeperson Edit" + std::to_string(i)); break;
    default: repo.updateFields(caseId, Json{{"person.estimated_age", 20 + static_cast<int>(i % 40)},
                                            {"person.children", static_cast<int>(i % 5) + 1}});
    }
}

std::vector<std::size_t> pickCases(std::size_t count, std::size_t cases, std::uint64_t seed) {
    std::vector<std::size_t> picks;
    picks.reserve(count);
    std::uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 1;
    for (std::size_t i = 0; i < count; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        picks.push_back(static_cast<std::size_t>(state % cases));
    }
    return picks;
}

// The JSON a naive sync would send for each unshipped local journal entry: the row as a JSON object.
struct JsonBaseline {
    std::size_t entries = 0;
    std::size_t bytes = 0;
};
JsonBaseline jsonOfUnshipped(vault::Vault& vault) {
    JsonBaseline out;
    auto rows = vault.db().prepare(
        "SELECT hlc, device, entity, entity_id, case_id, op, field, value, base_hlc, base_device FROM journal "
        "WHERE shipped = 0 AND origin = 'local' ORDER BY seq");
    while (rows.step()) {
        Json op = {{"hlc", rows.int64(0)},  {"device", rows.text(1)}, {"entity", rows.text(2)},
                   {"entity_id", rows.text(3)}, {"case_id", rows.text(4)}, {"op", rows.text(5)}};
        if (!rows.isNull(6)) op["field"] = rows.text(6);
        if (!rows.isNull(7)) op["value"] = Json::parse(rows.text(7));
        if (!rows.isNull(8)) op["base"] = {rows.int64(8), rows.text(9)};
        out.bytes += op.dump().size();
        ++out.entries;
    }
    return out;
}

struct IngestFigures {
    std::size_t files = 0;
    std::size_t changeSets = 0;
    std::size_t ops = 0;
    double seconds = 0;
    double verifyOnlySeconds = 0;  // open + decode + Ed25519 verify of the same change-sets, nothing stored
};

// Ingests every outbox file of `laptop` into the hub store in this process (the hub process is stopped), as the
// server does for uploads; then the files stay for the daemon, which the hub will answer with `duplicate`.
IngestFigures ingestOutbox(const HubProcess& hub, const Laptop& laptop, std::size_t ops) {
    std::vector<std::pair<wire::SyncFileName, fs::path>> files;
    for (const auto& entry : fs::directory_iterator(laptop.syncDir() / "outbox")) {
        auto name = wire::parseSyncFileName(entry.path().filename().string());
        if (name && name->kind == wire::SyncFileKind::OutboxBatch) files.emplace_back(*name, entry.path());
    }
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.first.firstSeq < b.first.firstSeq; });
    std::vector<std::vector<std::uint8_t>> contents;
    for (const auto& file : files) contents.push_back(wire::readWholeFile(file.second, wire::kMaxBatchPayload + 1024));

    auto store = sync::hub::HubStore::open(hub.dir(), kHubPassphrase);
    IngestFigures figures;
    figures.files = files.size();
    figures.ops = ops;
    {
        // The cryptographic floor: what verification alone costs for the same bytes.
        Stopwatch watch;
        for (const auto& content : contents) {
            auto opened = wire::openSealedFile(content, store.boxKey(), "bench");
            auto batch = wire::decodeBatch(opened.payload, "bench");
            auto device = store.findDevice(batch.deviceId);
            if (!device) throw Error(ErrorCode::Internal, "bench", "device not enrolled");
            for (const auto& bytes : batch.changeSets) {
                auto frame = wire::decodeChangeSetFrame(bytes, "bench");
                wire::verifyChangeSetSignature(frame, device->certificate.signPk, "bench");
            }
        }
        figures.verifyOnlySeconds = watch.seconds();
    }
    Stopwatch watch;
    for (const auto& content : contents) {
        auto result = sync::hub::ingestSealedFile(store, content, std::nullopt, sync::hub::nowMs());
        if (result.fileStatus != 0) throw Error(ErrorCode::Internal, "bench ingest", "file refused");
        for (const auto& r : result.results) {
            if (r.status != sync::hub::kStatusAdmitted) throw Error(ErrorCode::Internal, "bench ingest", "not admitted");
        }
        figures.changeSets += result.results.size();
    }
    figures.seconds = watch.seconds();
    return figures;
}

const char* verdict(bool ok) { return ok ? "PASS" : "MISS"; }

// What the signed change-sets of a day are made of (§3.2): header, body, signature.
struct ChangeSetComposition {
    std::size_t count = 0;
    std::size_t signedBytes = 0;
    std::size_t headerBytes = 0;   // 105 + office
    std::size_t bodyBytes = 0;     // as stored (zstd or not)
    std::size_t bodyRawBytes = 0;  // CBOR
};

ChangeSetComposition composeOutgoing(vault::Vault& vault, std::uint64_t firstSeq) {
    ChangeSetComposition out;
    auto rows = vault.db().prepare("SELECT bytes FROM sync_outgoing WHERE device_seq >= ?");
    rows.bind(1, static_cast<std::int64_t>(firstSeq));
    while (rows.step()) {
        const auto bytes = rows.blob(0);
        if (bytes.size() < 105 + 64) continue;
        ++out.count;
        out.signedBytes += bytes.size();
        out.headerBytes += 105 + bytes[104];
        out.bodyRawBytes += loadU64(bytes, 96) >> 32;  // u32 body_raw_len at 96, u32 body_len at 100 (§3.2)
        out.bodyBytes += loadU64(bytes, 96) & 0xFFFFFFFFu;
    }
    return out;
}

struct DayFigures {
    std::size_t ops = 0;
    JsonBaseline json;
    std::uintmax_t outboxBytes = 0;  // sealed outbox files
    ChangeSetComposition composition;
    std::uint64_t wireUp = 0;  // laptop -> hub, TLS records included
    std::uint64_t wireDown = 0;
    std::uintmax_t pageBytes = 0;  // sealed pages the day's session downloaded
    std::uint64_t idleUp = 0;      // a session with nothing to send or fetch: handshake, HELLO, DOWNLOAD, BYE
    std::uint64_t idleDown = 0;
    double seconds = 0;
    int exitCode = 0;
};

constexpr std::size_t kGroupedDayCases = 40;

// The edits on laptop 1, sealed, one daemon session through the 2G proxy, applied; then one idle session through
// the proxy for the fixed cost of a session.
DayFigures runDay(const Laptop& laptop, const HubProcess& hub, const std::vector<std::string>& ids,
                  const std::vector<std::size_t>& picks, const SyncBenchOptions& options) {
    DayFigures day;
    {
        auto vault = laptop.worker();
        cases::CaseRepository repo(*vault);
        // One field per edit here, so that "per changed field" is exact.
        for (std::size_t i = 0; i < picks.size(); ++i) {
            const auto& id = ids[picks[i]];
            if (i % 3 == 0) repo.updateField(id, "person.estimated_age", 30 + static_cast<int>(i % 40));
            else if (i % 3 == 1) repo.updateField(id, "person.children", static_cast<int>(i % 6) + 1);
            else repo.updateField(id, "person.family_name", "Fakeperson Day" + std::to_string(i));
        }
        day.json = jsonOfUnshipped(*vault);
        auto step = devicesync::syncVault(*vault, laptop.vaultPath());
        day.ops = step.packed.ops;
        day.composition = composeOutgoing(*vault, step.packed.firstSeq);
        day.outboxBytes = folderBytes(laptop.syncDir() / "outbox");
        vault->lock();
    }
    const auto inboxBefore = folderBytes(laptop.syncDir() / "inbox");
    {
        test::FaultProxy proxy(hub.port());
        proxy.setRate(options.rateBytesPerSecond);
        laptop.pointDaemonAt(proxy.port());
        Stopwatch watch;
        day.exitCode = laptop.daemonOnce();
        day.seconds = watch.seconds();
        day.wireUp = proxy.bytesUp();
        day.wireDown = proxy.bytesDown();
    }
    day.pageBytes = folderBytes(laptop.syncDir() / "inbox") - inboxBefore;
    {
        auto vault = laptop.worker();
        devicesync::syncVault(*vault, laptop.vaultPath());
        vault->lock();
    }
    {
        test::FaultProxy proxy(hub.port());
        laptop.pointDaemonAt(proxy.port());
        laptop.daemonOnce();
        day.idleUp = proxy.bytesUp();
        day.idleDown = proxy.bytesDown();
    }
    laptop.pointDaemonAt(hub.port());
    return day;
}

std::string bytesText(std::uint64_t bytes) { return number(static_cast<double>(bytes), 0); }

void printDay(const char* label, const std::string& what, const DayFigures& day) {
    const double fields = static_cast<double>(std::max<std::size_t>(day.ops, 1));
    const double jsonPerField =
        static_cast<double>(day.json.bytes) / static_cast<double>(std::max<std::size_t>(day.json.entries, 1));
    const double filePerField = static_cast<double>(day.outboxBytes) / fields;
    const std::uint64_t wire = day.wireUp + day.wireDown;
    const double wirePerField = static_cast<double>(wire) / fields;
    const auto& c = day.composition;
    const double perCs = static_cast<double>(std::max<std::size_t>(c.count, 1));
    std::printf("%s a day's work, %s: %zu field edits (%zu journal entries) in %zu change-sets\n", label, what.c_str(),
                day.ops, day.json.entries, c.count);
    std::printf("    JSON of the journal entries: %s bytes/field\n", number(jsonPerField, 1).c_str());
    std::printf("    signed change-sets: %.1f B each = header %.1f + body %.1f (CBOR %.1f) + signature 64\n",
                static_cast<double>(c.signedBytes) / perCs, static_cast<double>(c.headerBytes) / perCs,
                static_cast<double>(c.bodyBytes) / perCs, static_cast<double>(c.bodyRawBytes) / perCs);
    std::printf("    sealed outbox files: %s bytes/field = %.2f x JSON   target <= %.1f x  %s\n",
                number(filePerField, 1).c_str(), filePerField / jsonPerField, kWireRatioTarget,
                verdict(filePerField / jsonPerField <= kWireRatioTarget));
    std::printf("    sealed pages down: %s bytes = %s bytes/field\n", bytesText(day.pageBytes).c_str(),
                number(static_cast<double>(day.pageBytes) / fields, 1).c_str());
    std::printf("    on the wire, all included (TLS handshake, upload, acks and the receipts page): %s bytes = %s "
                "bytes/field (up %s B, down %s B) = %.2f x JSON   target <= %.0f B/field  %s\n",
                bytesText(wire).c_str(), number(wirePerField, 1).c_str(), bytesText(day.wireUp).c_str(),
                bytesText(day.wireDown).c_str(), wirePerField / jsonPerField, kWirePerFieldTarget,
                verdict(wirePerField <= kWirePerFieldTarget));
    std::printf("    of which a session's fixed cost (an idle session: TLS handshake, HELLO, DOWNLOAD, BYE): up %s B, "
                "down %s B\n\n",
                bytesText(day.idleUp).c_str(), bytesText(day.idleDown).c_str());
}

}  // namespace

int stageFirstSync(const SyncStageOptions& options) {
    const fs::path& work = options.dir;
    fs::create_directories(work);
    std::fprintf(stderr, "abri-bench sync-stage: hub and two laptops in %s\n", work.string().c_str());
    HubProcess hub(work);
    hub.start();
    Laptop first(work, "laptop-1");
    Laptop second(work, "laptop-2");
    first.enrol(hub, "bench-laptop-1");
    second.enrol(hub, "bench-laptop-2");
    std::fprintf(stderr, "abri-bench sync-stage: %zu cases on laptop 1, sent to the hub...\n", options.cases);
    {
        auto vault = first.worker();
        cases::CaseRepository repo(*vault);
        repo.importCases(demo::makeSyntheticCases(options.cases, options.seed, kOffice, todayUtc()));
        devicesync::syncVault(*vault, first.vaultPath());
        vault->lock();
    }
    if (first.daemonOnce() != 0) throw Error(ErrorCode::Internal, "abri-syncd", "laptop 1 failed");
    std::fprintf(stderr, "abri-bench sync-stage: laptop 2 downloads (and applies nothing)...\n");
    const auto device = wire::idFromHex(second.worker()->deviceId());
    if (!device) throw Error(ErrorCode::Internal, "laptop 2", "device id");
    for (int session = 0;; ++session) {
        if (second.daemonOnce() != 0) throw Error(ErrorCode::Internal, "abri-syncd", "laptop 2 failed");
        auto status = Json::parse(readText(second.syncDir() / "status.json"));
        const auto head = status.value("head_seq", std::uint64_t{0});
        const auto through = devicesync::downloadedThrough(second.syncDir() / "inbox", *device);
        if (through >= head) break;
        if (session > 100) throw Error(ErrorCode::Internal, "abri-syncd", "laptop 2 does not download everything");
    }
    hub.stop();
    std::printf("vault=%s\nuser=worker\npassword=%s\n", second.vaultPath().string().c_str(), kWorkerPassword);
    return 0;
}

int runSyncBench(const SyncBenchOptions& options) {
    const WorkFolder folder(options.dir, "abri-sync-bench-", options.keepFiles);
    const fs::path& work = folder.path();
    const std::string today = todayUtc();

    std::fprintf(stderr, "abri-bench sync: hub and two laptops in %s\n", work.string().c_str());
    HubProcess hub(work);
    hub.start();
    Laptop first(work, "laptop-1");
    Laptop second(work, "laptop-2");
    first.enrol(hub, "bench-laptop-1");
    second.enrol(hub, "bench-laptop-2");

    // ---- The office's history on laptop 1: N cases, then field edits spread over them.
    std::fprintf(stderr, "abri-bench sync: %zu cases and %zu edits on laptop 1...\n", options.cases,
                 options.ingestEdits);
    const auto docs = demo::makeSyntheticCases(options.cases, options.seed, kOffice, today);
    std::size_t historyOps = 0;
    double packSeconds = 0;
    std::vector<std::string> ids;
    {
        auto vault = first.worker();
        cases::CaseRepository repo(*vault);
        ids = repo.importCases(docs);
        const auto picks = pickCases(options.ingestEdits, ids.size(), options.seed);
        for (std::size_t i = 0; i < picks.size(); ++i) applyEdit(repo, ids[picks[i]], i);
        Stopwatch watch;
        auto step = devicesync::syncVault(*vault, first.vaultPath());
        packSeconds = watch.seconds();
        historyOps = step.packed.ops;
        vault->lock();
    }

    // ---- (1) Hub ingest, in this process on the hub's own store.
    std::fprintf(stderr, "abri-bench sync: hub ingest of %zu changes...\n", historyOps);
    hub.stop();
    const auto ingest = ingestOutbox(hub, first, historyOps);
    hub.start();
    first.pointDaemonAt(hub.port());
    second.pointDaemonAt(hub.port());
    if (first.daemonOnce() != 0) throw Error(ErrorCode::Internal, "abri-syncd", "laptop 1 failed");
    {
        auto vault = first.worker();
        devicesync::syncVault(*vault, first.vaultPath());
        vault->lock();
    }

    // ---- (2) First full sync of laptop 2: daemon sessions and vault applies until the checkpoint is the head.
    std::fprintf(stderr, "abri-bench sync: first full sync of laptop 2...\n");
    double downloadSeconds = 0;
    double applySeconds = 0;
    double longestStepSeconds = 0;
    std::size_t applySteps = 0;
    std::size_t sessions = 0;
    std::int64_t casesOnSecond = 0;
    // The same pages applied in one go (no step budget) on a copy of laptop 2, downloaded first: the cost of
    // applying itself, without the steps' commits and returns to the event loop.
    double oneGoSeconds = 0;
    std::int64_t casesOnCopy = 0;
    {
        const auto device = wire::idFromHex(second.worker()->deviceId());
        if (!device) throw Error(ErrorCode::Internal, "laptop 2", "device id");
        for (;;) {
            Stopwatch download;
            if (second.daemonOnce() != 0) throw Error(ErrorCode::Internal, "abri-syncd", "laptop 2 failed");
            downloadSeconds += download.seconds();
            ++sessions;
            auto status = Json::parse(readText(second.syncDir() / "status.json"));
            const auto head = status.value("head_seq", std::uint64_t{0});
            if (devicesync::downloadedThrough(second.syncDir() / "inbox", *device) >= head || sessions > 100) break;
        }
        const fs::path copy = work / "laptop-2-one-go.abri";
        fs::copy_file(second.vaultPath(), copy);
        fs::copy_file(second.vaultPath().string() + ".keys", copy.string() + ".keys");
        fs::copy(second.syncDir(), wire::syncFolder(copy), fs::copy_options::recursive);
        auto vault = vault::Vault::unlock(copy, "worker", kWorkerPassword);
        Stopwatch apply;
        devicesync::syncVault(*vault, copy);
        oneGoSeconds = apply.seconds();
        casesOnCopy = cases::CaseRepository(*vault).count({});
        vault->lock();
    }
    {
        auto vault = second.worker();
        for (bool downloaded = true;; downloaded = false) {
            if (!downloaded) {
                Stopwatch download;
                if (second.daemonOnce() != 0) throw Error(ErrorCode::Internal, "abri-syncd", "laptop 2 failed");
                downloadSeconds += download.seconds();
                ++sessions;
            }
            // As the app applies (SyncController): steps of devicesync::kApplyStepMs, back to the event loop between them.
            devicesync::SyncStepOptions stepOptions;
            stepOptions.budget.time = std::chrono::milliseconds(devicesync::kApplyStepMs);
            devicesync::DecodedPageCache pageCache;  // as SyncController keeps one
            stepOptions.budget.pageCache = &pageCache;
            for (bool more = true; more;) {
                Stopwatch apply;
                const auto step = devicesync::syncVault(*vault, second.vaultPath(), stepOptions);
                const double seconds = apply.seconds();
                applySeconds += seconds;
                longestStepSeconds = std::max(longestStepSeconds, seconds);
                ++applySteps;
                more = step.inbox.more;
                stepOptions.pack = false;
            }
            auto status = Json::parse(readText(second.syncDir() / "status.json"));
            const auto head = status.value("head_seq", std::uint64_t{0});
            if (devicesync::readCheckpoint(vault->db()) >= head || sessions > 100) break;
        }
        cases::CaseRepository repo(*vault);
        casesOnSecond = repo.count({});
        vault->lock();
    }
    const double firstSyncSeconds = downloadSeconds + applySeconds;

    // ---- (3) + (4) A day's work on laptop 1 through a 2G link: one edit each on random cases, then (3b) the same
    // number of edits grouped on a few cases, as a caseworker's day mostly is.
    std::fprintf(stderr, "abri-bench sync: a day's %zu edits through the 2G proxy...\n", options.dayEdits);
    const auto day = runDay(first, hub, ids, pickCases(options.dayEdits, ids.size(), options.seed + 1), options);
    const std::size_t groupedCases = std::min<std::size_t>(kGroupedDayCases, ids.size());
    auto groupedPicks = pickCases(options.dayEdits, groupedCases, options.seed + 2);
    for (auto& pick : groupedPicks) pick *= ids.size() / groupedCases;  // spread over the office's cases
    const auto grouped = runDay(first, hub, ids, groupedPicks, options);

    // ---- (5) Many laptops at once: a second office's laptops, each with a few new cases, all daemons started
    // together against the same hub (one io_context, one coroutine per connection).
    std::fprintf(stderr, "abri-bench sync: %zu laptops syncing at once...\n", options.crowdLaptops);
    std::vector<std::unique_ptr<Laptop>> crowd;
    std::vector<std::uint64_t> crowdLastSeq;
    for (std::size_t i = 0; i < options.crowdLaptops; ++i) {
        crowd.push_back(std::make_unique<Laptop>(work, "crowd-" + std::to_string(i), "BEN-CH2"));
        crowd.back()->enrol(hub, "bench-crowd-" + std::to_string(i));
        auto vault = crowd.back()->worker();
        cases::CaseRepository repo(*vault);
        repo.importCases(demo::makeSyntheticCases(options.crowdCases, options.seed + 100 + i, "BEN-CH2", today));
        crowdLastSeq.push_back(devicesync::syncVault(*vault, crowd.back()->vaultPath()).packed.lastSeq);
        vault->lock();
    }
    Stopwatch crowdWatch;
    std::vector<std::unique_ptr<test::ChildProcess>> daemons;
    for (const auto& laptop : crowd) {
        daemons.push_back(std::make_unique<test::ChildProcess>());
        daemons.back()->start(kSyncdBin, laptop->daemonArgs(), laptop->log());
    }
    std::size_t crowdFailures = 0;
    for (auto& daemon : daemons) crowdFailures += daemon->wait(600s) == 0 ? 0 : 1;
    const double crowdSeconds = crowdWatch.seconds();
    std::size_t crowdAcked = 0;
    for (std::size_t i = 0; i < crowd.size(); ++i) {
        auto status = Json::parse(readText(crowd[i]->syncDir() / "status.json"));
        if (status.value("acked_seq", std::uint64_t{0}) == crowdLastSeq[i]) ++crowdAcked;
    }
    hub.stop();

    // ---- Report.
    const double ingestRate = static_cast<double>(ingest.ops) / ingest.seconds;
    const double verifyRate = static_cast<double>(ingest.ops) / ingest.verifyOnlySeconds;

    std::printf("Abri sync benchmark: hub + 2 laptops of office %s on 127.0.0.1 (real abri-hub and abri-syncd "
                "processes), %u CPUs, seed %llu\n\n",
                kOffice, std::thread::hardware_concurrency(), static_cast<unsigned long long>(options.seed));
    std::printf("(1) hub ingest: %zu changes (%zu case creations + field edits) in %zu change-sets, %zu files\n",
                ingest.ops, options.cases, ingest.changeSets, ingest.files);
    std::printf("    sealing them on the laptop (pack + sign + seal): %.2f s\n", packSeconds);
    std::printf("    ingest (open, verify, chain, authorise, store, feed): %.2f s = %s changes/s, %s change-sets/s"
                "   target >= %.0f/s  %s\n",
                ingest.seconds, number(ingestRate, 0).c_str(),
                number(static_cast<double>(ingest.changeSets) / ingest.seconds, 0).c_str(), kIngestTarget,
                verdict(ingestRate >= kIngestTarget));
    std::printf("    verification alone (open, decode, Ed25519) of the same files: %.2f s = %s changes/s; "
                "ingest/verify time ratio %.2f\n\n",
                ingest.verifyOnlySeconds, number(verifyRate, 0).c_str(), ingest.seconds / ingest.verifyOnlySeconds);
    std::printf("(2) first full sync of %zu cases to a newly enrolled laptop: %.2f s (download %.2f s in %zu daemon "
                "session(s), apply %.2f s)   target < %.0f s  %s\n",
                options.cases, firstSyncSeconds, downloadSeconds, sessions, applySeconds, kFirstSyncTargetSeconds,
                verdict(firstSyncSeconds < kFirstSyncTargetSeconds && casesOnSecond == static_cast<std::int64_t>(options.cases)));
    std::printf("    applied in %zu steps of %d ms as the app does: longest step %.0f ms (the window handles input "
                "between steps)   target <= %.0f ms  %s\n",
                applySteps, devicesync::kApplyStepMs, longestStepSeconds * 1000.0, kResponsiveTargetMs,
                verdict(longestStepSeconds * 1000.0 <= kResponsiveTargetMs));
    std::printf("    the same pages applied in one go (no step budget, on a copy of the laptop): %.2f s = %.3f ms per "
                "case; %lld cases afterwards\n",
                oneGoSeconds, oneGoSeconds * 1000.0 / static_cast<double>(std::max<std::size_t>(options.cases, 1)),
                static_cast<long long>(casesOnCopy));
    std::printf("    cases on the new laptop afterwards: %lld of %zu\n\n", static_cast<long long>(casesOnSecond),
                options.cases);
    printDay("(3)", "one edit each on random cases", day);
    printDay("(3b)", "the same number of edits grouped on " + std::to_string(groupedCases) + " cases (a realistic day)",
             grouped);
    std::printf("(4) the day's work of (3) through the fault proxy at %llu bytes/s each way (2G): %.2f s, %llu bytes "
                "on the wire, daemon exit %d\n\n",
                static_cast<unsigned long long>(options.rateBytesPerSecond), day.seconds,
                static_cast<unsigned long long>(day.wireUp + day.wireDown), day.exitCode);
    std::printf("(5) %zu laptops of another office, %zu new cases each, all daemons started at once: %.2f s until "
                "the last finished; %zu failed; %zu of %zu fully acknowledged\n",
                options.crowdLaptops, options.crowdCases, crowdSeconds, crowdFailures, crowdAcked, crowd.size());
    return 0;
}

}  // namespace abri::bench
