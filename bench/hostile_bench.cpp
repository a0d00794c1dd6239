#include "hostile_bench.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include "cases/case_repository.h"
#include "child_process.h"
#include "client/enrolment.h"
#include "common/error.h"
#include "devicesync/device_sync.h"
#include "hostile_load.h"
#include "vault/vault.h"
#include "wire/sync_files.h"
#include "bench_office.h"
#include "work_folder.h"

namespace abri::bench {

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr double kSyncTargetSeconds = 5;
constexpr double kCoresTarget = 1;
constexpr double kMemoryReturnTarget = 2;  // RSS after the attack, as a multiple of idle

const char* verdict(bool ok) { return ok ? "PASS" : "MISS"; }

// One enrolled laptop and its abri-syncd session during the attack.
struct LaptopRun {
    explicit LaptopRun(const fs::path& root, std::size_t i) : laptop(root, "laptop" + std::to_string(i)) {}
    Laptop laptop;
    test::ChildProcess daemon;
    Clock::time_point started{};
    std::optional<double> seconds;
    int exitCode = -1;
};

}  // namespace

int runHostileBench(const HostileBenchOptions& options) {
    WorkFolder work(options.dir, "abri-hostile-", options.keepFiles);
    const auto root = work.path();
    const auto ownLimit = test::raiseFileLimitToHard();
    HubProcess hub(root);
    hub.setFileLimit(options.hubFileLimit);
    hub.start(/*maxWaitS=*/0);
    const auto port = hub.port();
    const pid_t hubPid = hub.pid();

    std::vector<std::unique_ptr<LaptopRun>> laptops;
    for (std::size_t i = 0; i < options.laptops; ++i) {
        auto laptop = std::make_unique<LaptopRun>(root, i);
        laptop->laptop.enrol(hub, "laptop-" + std::to_string(i));
        auto worker = laptop->laptop.worker();
        cases::CaseRepository repository(*worker);
        repository.createCase(cases::Json::parse(R"({"person": {"given_name": "Benchname", "family_name": "Fakeperson",
                                                   "gender": "female"}})"));
        devicesync::syncVault(*worker, laptop->laptop.vaultPath());
        worker->lock();
        laptops.push_back(std::move(laptop));
    }
    std::this_thread::sleep_for(300ms);
    const auto idleKiB = test::processResidentKiB(hubPid);

    test::HostileLoadOptions attackOptions;
    attackOptions.port = port;
    attackOptions.rawConnections = options.rawConnections;
    attackOptions.enrolConnections = options.enrolConnections;
    test::HostileLoad attack(attackOptions);
    const auto attackStart = Clock::now();
    const auto cpuStart = test::processCpuSeconds(hubPid);
    attack.start();
    std::uint64_t peakKiB = idleKiB;
    // The attackers ramp up for a third of the attack before the laptops sync.
    while (Clock::now() - attackStart < std::chrono::seconds(options.seconds) / 3) {
        peakKiB = std::max(peakKiB, test::processResidentKiB(hubPid));
        std::this_thread::sleep_for(50ms);
    }
    const auto syncsStarted = Clock::now();
    for (auto& laptop : laptops) {
        laptop->started = Clock::now();
        laptop->daemon.start(kSyncdBin, {laptop->laptop.syncDir().string(), "--once", "--reply-timeout-ms", "15000"},
                             laptop->laptop.log());
    }
    while (Clock::now() - attackStart < std::chrono::seconds(options.seconds) ||
           std::any_of(laptops.begin(), laptops.end(), [](const auto& l) { return !l->seconds; })) {
        for (auto& laptop : laptops) {
            if (laptop->seconds) continue;
            if (auto code = laptop->daemon.tryWait()) {
                laptop->seconds = std::chrono::duration<double>(Clock::now() - laptop->started).count();
                laptop->exitCode = *code;
            } else if (Clock::now() - syncsStarted > 120s) {
                laptop->daemon.kill9();
                laptop->seconds = 120;
            }
        }
        peakKiB = std::max(peakKiB, test::processResidentKiB(hubPid));
        std::this_thread::sleep_for(10ms);
    }
    const auto cpuUsed = test::processCpuSeconds(hubPid) - cpuStart;
    const auto wall = std::chrono::duration<double>(Clock::now() - attackStart).count();
    const auto figures = attack.figures();
    attack.stop();
    const auto stoppedAt = Clock::now();
    std::uint64_t afterKiB = test::processResidentKiB(hubPid);
    while (afterKiB > 2 * idleKiB && Clock::now() - stoppedAt < 15s) {
        std::this_thread::sleep_for(50ms);
        afterKiB = test::processResidentKiB(hubPid);
    }
    std::this_thread::sleep_for(1s);
    afterKiB = test::processResidentKiB(hubPid);
    hub.stop();

    std::vector<double> times;
    std::size_t ok = 0;
    for (const auto& laptop : laptops) {
        times.push_back(*laptop->seconds);
        ok += laptop->exitCode == 0;
    }
    std::sort(times.begin(), times.end());
    const double median = times.empty() ? 0 : times[times.size() / 2];
    const double slowest = times.empty() ? 0 : times.back();
    const double cores = cpuUsed / wall;
    const double returned = static_cast<double>(afterKiB) / static_cast<double>(std::max<std::uint64_t>(idleKiB, 1));

    std::printf("Abri hostile-load benchmark: abri-hub with RLIMIT_NOFILE %llu on 127.0.0.1, %zu laptops, "
                "%u CPUs (this process: RLIMIT_NOFILE %llu)\n\n",
                static_cast<unsigned long long>(options.hubFileLimit), options.laptops,
                std::thread::hardware_concurrency(), static_cast<unsigned long long>(ownLimit));
    std::printf("attack: %zu raw TCP + %zu TLS/HELLO-enrol slots from 127.0.0.1-5, re-opened 1 s after each close, "
                "for %.1f s\n",
                options.rawConnections, options.enrolConnections, wall);
    std::printf("    raw: %llu connections made, at most %llu open at once; TLS: %llu made, %llu handshakes done, "
                "%llu enrol sessions admitted (at most %llu at once), %llu ERROR busy; %llu closed by the hub\n",
                static_cast<unsigned long long>(figures.rawAttempts),
                static_cast<unsigned long long>(figures.rawOpenPeak),
                static_cast<unsigned long long>(figures.enrolAttempts),
                static_cast<unsigned long long>(figures.tlsCompleted),
                static_cast<unsigned long long>(figures.enrolAdmitted),
                static_cast<unsigned long long>(figures.enrolOpenPeak),
                static_cast<unsigned long long>(figures.refusedBusy),
                static_cast<unsigned long long>(figures.closedByHub));
    std::printf("laptop syncs during the attack: %zu/%zu ok, median %.2f s, slowest %.2f s   target < %.0f s  %s\n",
                ok, laptops.size(), median, slowest, kSyncTargetSeconds,
                verdict(ok == laptops.size() && slowest < kSyncTargetSeconds));
    std::printf("hub CPU over the attack: %.2f s in %.1f s = %.2f cores   target < %.0f  %s\n", cpuUsed, wall, cores,
                kCoresTarget, verdict(cores < kCoresTarget));
    std::printf("hub RSS: idle %.1f MiB, peak %.1f MiB, after the attackers left %.1f MiB = %.2fx idle   target <= "
                "%.0fx  %s\n",
                static_cast<double>(idleKiB) / 1024, static_cast<double>(peakKiB) / 1024,
                static_cast<double>(afterKiB) / 1024, returned, kMemoryReturnTarget,
                verdict(returned <= kMemoryReturnTarget));
    return 0;
}

}  // namespace abri::bench
