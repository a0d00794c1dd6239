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
#include "work_folder.h"

namespace abri::bench {

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

const fs::path kHubBin = ABRI_HUB_BIN;
const fs::path kSyncdBin = ABRI_SYNCD_BIN;
constexpr const char* kOffice = "BEN-CH1";
constexpr const char* kAdminPassword = "Bench-Fake-Admin-Password-1";
constexpr const char* kWorkerPassword = "Bench-Fake-Password-2024";
constexpr const char* kHubPassphrase = "bench-hub-fake-passphrase";
constexpr double kSyncTargetSeconds = 5;
constexpr double kCoresTarget = 1;
constexpr double kMemoryReturnTarget = 2;  // RSS after the attack, as a multiple of idle

std::string readText(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const char* verdict(bool ok) { return ok ? "PASS" : "MISS"; }

struct Laptop {
    fs::path vaultPath;
    fs::path log;
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
    ::setenv("ABRI_HUB_PASSPHRASE", kHubPassphrase, 1);
    const auto hubDir = root / "hub";
    const auto hubLog = root / "hub.log";
    if (test::runToEnd(kHubBin, {"init", hubDir.string(), "--name", "bench-hub", "--address", "127.0.0.1:1", "--kdf",
                                 "minimum"},
                       hubLog, 60s) != 0) {
        throw Error(ErrorCode::Internal, "abri-hub init", "see hub.log");
    }
    const auto portFile = root / "hub.port";
    test::ChildProcess hub;
    hub.setFileLimit(options.hubFileLimit);
    hub.start(kHubBin, {"serve", hubDir.string(), "--listen", "127.0.0.1:0", "--port-file", portFile.string()}, hubLog);
    for (int i = 0; i < 1000 && !fs::exists(portFile); ++i) std::this_thread::sleep_for(10ms);
    if (!fs::exists(portFile)) throw Error(ErrorCode::Internal, "abri-hub serve", "did not start");
    const auto port = static_cast<std::uint16_t>(std::stoul(readText(portFile)));
    const pid_t hubPid = hub.pid();

    std::vector<std::unique_ptr<Laptop>> laptops;
    for (std::size_t i = 0; i < options.laptops; ++i) {
        auto laptop = std::make_unique<Laptop>();
        laptop->vaultPath = root / ("laptop" + std::to_string(i) + ".abri");
        laptop->log = root / ("laptop" + std::to_string(i) + ".log");
        crypto::SecureBuffer recovery;
        vault::CreateOptions create;
        create.path = laptop->vaultPath;
        create.office = kOffice;
        create.adminUsername = "admin";
        create.adminDisplayName = "Admin Benchname";
        create.adminPassword = kAdminPassword;
        create.kdf = crypto::KdfParams::minimum();
        auto admin = vault::Vault::create(create, recovery);
        admin->addUser("worker", "Worker Benchname", vault::Role::Caseworker, kWorkerPassword,
                       crypto::KdfParams::minimum());
        std::string token;
        if (test::runToEnd(kHubBin, {"enroll", hubDir.string(), "--office", kOffice}, hubLog, 60s, &token) != 0)
            throw Error(ErrorCode::Internal, "abri-hub enroll", "see hub.log");
        while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
        sync::client::EnrolOptions enrol;
        enrol.label = "laptop-" + std::to_string(i);
        enrol.addressOverride = "127.0.0.1:" + std::to_string(port);
        sync::client::enrolDevice(*admin, laptop->vaultPath, token, enrol);
        admin->lock();
        auto worker = vault::Vault::unlock(laptop->vaultPath, "worker", kWorkerPassword);
        cases::CaseRepository repository(*worker);
        repository.createCase(cases::Json::parse(R"({"person": {"given_name": "Benchname", "family_name": "Fakeperson",
                                                   "gender": "female"}})"));
        devicesync::syncVault(*worker, laptop->vaultPath);
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
        laptop->daemon.start(kSyncdBin, {wire::syncFolder(laptop->vaultPath).string(), "--once", "--reply-timeout-ms",
                                         "15000"},
                             laptop->log);
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
    hub.terminate();

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
