#pragma once
// What the sync benchmarks share: a real abri-hub process and laptops (real vaults enrolled with it), with the
// synthetic bench credentials. Header-only; the binaries' paths come from the including target
// (ABRI_HUB_BIN, ABRI_SYNCD_BIN).
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "child_process.h"
#include "client/enrolment.h"
#include "common/daemon_config.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "vault/vault.h"
#include "wire/sync_files.h"

namespace abri::bench {

namespace fs = std::filesystem;

inline const fs::path kHubBin = ABRI_HUB_BIN;
inline const fs::path kSyncdBin = ABRI_SYNCD_BIN;
inline constexpr const char* kOffice = "BEN-CH1";
inline constexpr const char* kAdminPassword = "Bench-Fake-Admin-Password-1";
inline constexpr const char* kWorkerPassword = "Bench-Fake-Password-2024";
inline constexpr const char* kHubPassphrase = "bench-hub-fake-passphrase";

inline std::string readText(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A real abri-hub process (init once, serve on a port the OS chooses).
class HubProcess {
public:
    explicit HubProcess(const fs::path& root) : dir_(root / "hub"), log_(root / "hub.log") {
        ::setenv("ABRI_HUB_PASSPHRASE", kHubPassphrase, 1);
        if (test::runToEnd(kHubBin, {"init", dir_.string(), "--name", "bench-hub", "--address", "127.0.0.1:1",
                                     "--kdf", "minimum"},
                           log_, std::chrono::seconds(60)) != 0) {
            throw Error(ErrorCode::Internal, "abri-hub init", "see hub.log");
        }
    }
    // `maxWaitS`: how long the hub holds a download open for new entries (0: the hub's default).
    void start(int maxWaitS = 1) {
        const auto portFile = dir_.parent_path() / "hub.port";
        fs::remove(portFile);
        std::vector<std::string> args{"serve", dir_.string(), "--listen", "127.0.0.1:" + std::to_string(port_),
                                      "--port-file", portFile.string()};
        if (maxWaitS > 0) args.insert(args.end(), {"--max-wait-s", std::to_string(maxWaitS)});
        process_.start(kHubBin, args, log_);
        for (int i = 0; i < 1000 && !fs::exists(portFile); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        if (!fs::exists(portFile)) throw Error(ErrorCode::Internal, "abri-hub serve", "did not start");
        port_ = static_cast<std::uint16_t>(std::stoul(readText(portFile)));
    }
    void stop() {
        process_.terminate();
        process_.wait(std::chrono::seconds(30));
    }
    std::string token(const std::string& office) {
        std::string out;
        if (test::runToEnd(kHubBin, {"enroll", dir_.string(), "--office", office}, log_, std::chrono::seconds(60),
                           &out) != 0) {
            throw Error(ErrorCode::Internal, "abri-hub enroll", "see hub.log");
        }
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
        return out;
    }
    const fs::path& dir() const { return dir_; }
    const fs::path& log() const { return log_; }
    std::uint16_t port() const { return port_; }
    pid_t pid() const { return process_.pid(); }
    // Before start(): the RLIMIT_NOFILE the hub process gets.
    void setFileLimit(std::uint64_t limit) { process_.setFileLimit(limit); }

private:
    fs::path dir_;
    fs::path log_;
    std::uint16_t port_ = 0;
    test::ChildProcess process_;
};

// One laptop: a real vault (an administrator who enrols, a caseworker who edits) and its sync folder.
class Laptop {
public:
    Laptop(const fs::path& root, const std::string& name, std::string office = kOffice)
        : vaultPath_(root / (name + ".abri")), log_(root / (name + ".log")), office_(std::move(office)) {
        crypto::SecureBuffer recovery;
        vault::CreateOptions options;
        options.path = vaultPath_;
        options.office = office_;
        options.adminUsername = "admin";
        options.adminDisplayName = "Admin Benchname";
        options.adminPassword = kAdminPassword;
        options.kdf = crypto::KdfParams::minimum();
        auto admin = vault::Vault::create(options, recovery);
        admin->addUser("worker", "Worker Benchname", vault::Role::Caseworker, kWorkerPassword,
                       crypto::KdfParams::minimum());
        admin->lock();
    }
    void enrol(HubProcess& hub, const std::string& label) {
        auto admin = vault::Vault::unlock(vaultPath_, "admin", kAdminPassword);
        sync::client::EnrolOptions options;
        options.label = label;
        options.addressOverride = "127.0.0.1:" + std::to_string(hub.port());
        sync::client::enrolDevice(*admin, vaultPath_, hub.token(office_), options);
        admin->lock();
    }
    std::unique_ptr<vault::Vault> worker() const { return vault::Vault::unlock(vaultPath_, "worker", kWorkerPassword); }
    fs::path syncDir() const { return wire::syncFolder(vaultPath_); }
    const fs::path& vaultPath() const { return vaultPath_; }
    // One abri-syncd session (a real process); returns its exit code.
    std::vector<std::string> daemonArgs() const { return {syncDir().string(), "--once", "--reply-timeout-ms", "60000"}; }
    const fs::path& log() const { return log_; }
    int daemonOnce() const { return test::runToEnd(kSyncdBin, daemonArgs(), log_, std::chrono::seconds(600)); }
    void pointDaemonAt(std::uint16_t port) const {
        auto config = sync::loadDaemonConfig(syncDir());
        config.hubPort = port;
        sync::saveDaemonConfig(syncDir(), config);
    }

private:
    fs::path vaultPath_;
    fs::path log_;
    std::string office_;
};

}  // namespace abri::bench
