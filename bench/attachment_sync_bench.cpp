#include "attachment_sync_bench.h"

#include <cstdio>
#include <random>
#include <thread>

#include "attachments/attachment_repository.h"
#include "bench_office.h"
#include "cases/case_repository.h"
#include "devicesync/device_sync.h"
#include "fault_proxy.h"
#include "timing.h"
#include "work_folder.h"

namespace abri::bench {

namespace {

using namespace std::chrono_literals;

// Incompressible, like a scan or a photo: what the link really has to carry.
crypto::Bytes syntheticPdf(std::size_t size) {
    crypto::Bytes out(size);
    std::mt19937_64 random(0xBE4C4A77);
    for (auto& b : out) b = static_cast<std::uint8_t>(random());
    const std::string head = "%PDF-1.4\n% synthetic bench attachment\n";
    std::copy(head.begin(), head.end(), out.begin());
    return out;
}

void appSync(const Laptop& laptop) {
    auto v = laptop.worker();
    devicesync::syncVault(*v, laptop.vaultPath());
    v->lock();
}

std::size_t countFiles(const fs::path& dir, std::string_view prefix, std::uintmax_t* bytes = nullptr) {
    std::size_t n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
        ++n;
        if (bytes != nullptr) *bytes += e.file_size();
    }
    return n;
}

struct Leg {
    double seconds = 0;
    std::uint64_t up = 0;
    std::uint64_t down = 0;
    std::uint64_t connections = 0;
    std::uint64_t cuts = 0;
    bool done = false;
};

// Runs a long-lived abri-syncd for `laptop` through a fresh 2G proxy until `done()`, cutting every connection when
// the bytes carried in the leg's main direction pass each of `cuts` evenly spaced marks of `expected`.
template <typename Done>
Leg runLeg(const HubProcess& hub, const Laptop& laptop, const AttachmentSyncBenchOptions& options,
           std::uint64_t expected, bool upward, Done done) {
    test::FaultProxy proxy(hub.port());
    proxy.setRate(options.rateBytesPerSecond);
    laptop.pointDaemonAt(proxy.port());
    Leg leg;
    Stopwatch watch;
    test::ChildProcess daemon;
    daemon.start(kSyncdBin,
                 {laptop.syncDir().string(), "--poll-ms", "500", "--backoff-ms", "500", "--reply-timeout-ms", "60000"},
                 laptop.log());
    std::size_t cutsMade = 0;
    const auto rate = std::max<std::uint64_t>(options.rateBytesPerSecond, 1);
    const auto limit = std::chrono::seconds(120 + 4 * expected / rate);
    while (!(leg.done = done()) && watch.seconds() < static_cast<double>(limit.count())) {
        const auto carried = upward ? proxy.bytesUp() : proxy.bytesDown();
        if (cutsMade < options.cuts && carried >= expected * (cutsMade + 1) / (options.cuts + 1)) {
            proxy.dropAll();
            ++cutsMade;
        }
        std::this_thread::sleep_for(100ms);
    }
    leg.seconds = watch.seconds();
    daemon.terminate();
    daemon.wait(10s);
    leg.up = proxy.bytesUp();
    leg.down = proxy.bytesDown();
    leg.connections = proxy.connectionsAccepted();
    leg.cuts = cutsMade;
    return leg;
}

}  // namespace

int runAttachmentSyncBench(const AttachmentSyncBenchOptions& options) {
    WorkFolder work(options.dir, "abri-bench-attachment-", options.keepFiles);
    const auto root = work.path();
    HubProcess hub(root);
    hub.start();
    Laptop one(root, "laptop1"), two(root, "laptop2");
    one.enrol(hub, "bench-laptop-1");
    two.enrol(hub, "bench-laptop-2");

    const auto content = syntheticPdf(options.bytes);
    std::string caseId, attachmentId;
    {
        auto v = one.worker();
        caseId = cases::CaseRepository(*v).createCase(
            cases::Json::parse(R"({"person": {"given_name": "Benchname Attachment", "gender": "female"}})"));
        attachments::AddOptions add;
        add.fileName = "synthetic-scan.pdf";
        attachmentId = attachments::AttachmentRepository(*v).addBytes(caseId, content, add);
        v->lock();
    }
    appSync(one);  // the cs- file with the record, then the at- files (§11.3)
    std::uintmax_t sealedUp = 0;
    const auto chunks = countFiles(one.syncDir() / "outbox", "at-", &sealedUp);
    countFiles(one.syncDir() / "outbox", "cs-", &sealedUp);
    std::fprintf(stderr, "abri-bench sync-attachment: leg 1, %zu chunks up at %llu bytes/s...\n", chunks,
                 static_cast<unsigned long long>(options.rateBytesPerSecond));
    const auto up = runLeg(hub, one, options, sealedUp, true,
                           [&] { return countFiles(one.syncDir() / "outbox", "at-") == 0 &&
                                        countFiles(one.syncDir() / "outbox", "cs-") == 0; });

    // Laptop 2 gets the case and the record in its pages (loopback, not measured); applying them writes the want list.
    appSync(two);
    if (two.daemonOnce() != 0) throw Error(ErrorCode::Internal, "bench", "laptop 2 page sync failed");
    appSync(two);
    std::fprintf(stderr, "abri-bench sync-attachment: leg 2, %zu chunks down...\n", chunks);
    // Expected on the way down: the sealed chunks are a few dozen bytes larger than the uploaded ones each.
    const auto down = runLeg(hub, two, options, sealedUp, false,
                             [&] { return countFiles(two.syncDir() / "inbox", "ck-") == chunks; });
    std::uintmax_t sealedDown = 0;
    countFiles(two.syncDir() / "inbox", "ck-", &sealedDown);
    bool identical = false;
    appSync(two);  // stores the chunks
    {
        auto v = two.worker();
        crypto::Bytes back;
        attachments::AttachmentRepository(*v).read(attachmentId, [&](std::span<const std::uint8_t> piece) {
            back.insert(back.end(), piece.begin(), piece.end());
        });
        identical = back == content;
        v->lock();
    }
    hub.stop();

    const double size = static_cast<double>(options.bytes);
    std::printf("abri-bench sync-attachment: %zu bytes (%zu chunks), proxy %llu bytes/s each way, %zu cuts per leg\n",
                options.bytes, chunks, static_cast<unsigned long long>(options.rateBytesPerSecond), options.cuts);
    std::printf("  leg 1 (laptop 1 -> hub, with its change-set): %s in %.1f s, %llu connections, %llu cuts; wire up "
                "%llu, down %llu bytes; sealed files %llu bytes; wire total / file size %.3f\n",
                up.done ? "done" : "NOT DONE", up.seconds, static_cast<unsigned long long>(up.connections),
                static_cast<unsigned long long>(up.cuts), static_cast<unsigned long long>(up.up),
                static_cast<unsigned long long>(up.down), static_cast<unsigned long long>(sealedUp),
                static_cast<double>(up.up + up.down) / size);
    std::printf("  leg 2 (hub -> laptop 2, after its pages): %s in %.1f s, %llu connections, %llu cuts; wire up "
                "%llu, down %llu bytes; sealed files %llu bytes; wire total / file size %.3f\n",
                down.done ? "done" : "NOT DONE", down.seconds, static_cast<unsigned long long>(down.connections),
                static_cast<unsigned long long>(down.cuts), static_cast<unsigned long long>(down.up),
                static_cast<unsigned long long>(down.down), static_cast<unsigned long long>(sealedDown),
                static_cast<double>(down.up + down.down) / size);
    std::printf("  both legs: %llu bytes on the wire for a %zu-byte file (%.3f x); %.1f s; read back on laptop 2: %s\n",
                static_cast<unsigned long long>(up.up + up.down + down.up + down.down), options.bytes,
                static_cast<double>(up.up + up.down + down.up + down.down) / size, up.seconds + down.seconds,
                identical ? "identical" : "DIFFERENT");
    return 0;
}

}  // namespace abri::bench
