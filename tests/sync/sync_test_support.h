#pragma once
// What the real-process sync tests share: test vaults, and a real abri-hub process on a port the OS chooses.
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "child_process.h"

namespace abri::test {

inline constexpr std::string_view kAdminPassword = "Correct-Horse-Battery-9";
inline constexpr std::string_view kWorkerPassword = "Another-Long-Passphrase-7";
inline constexpr std::string_view kSupervisorPassword = "Supervising-Passphrase-5";
inline constexpr std::string_view kHubPassphrase = "hub-test-passphrase";

std::string readText(const std::filesystem::path& file);

// Polls `condition` every few milliseconds until it holds or `limit` passes; true when it held. For what another
// thread or process does, instead of sleeping a guessed time.
bool waitUntil(const std::function<bool()>& condition, std::chrono::milliseconds limit = std::chrono::seconds(10));

// A vault for `office` with an administrator "admin", a caseworker "worker" and a supervisor "super" (the passwords
// above, the cheapest Argon2id so tests stay fast).
void createTestVault(const std::filesystem::path& vaultPath, const std::string& office);

// `abri-hub init` on construction (cheapest Argon2id; the passphrase in ABRI_HUB_PASSPHRASE), then `serve` on
// 127.0.0.1: a free port the first time, the same port on later starts (a restart after kill -9).
class HubProcess {
public:
    HubProcess(const std::filesystem::path& root, std::filesystem::path hubBinary);
    void start(const std::vector<std::string>& extraArgs = {});
    // A one-time enrolment token for `office`.
    std::string token(const std::string& office, const std::string& role = "caseworker");
    // `abri-hub COMMAND DIR ARGS…` run to completion (REQUIREs exit 0); its standard output.
    std::string command(const std::string& name, const std::vector<std::string>& args = {});
    std::string status() { return command("status"); }
    // `abri-hub ARGS…` (DIR included by the caller) run to completion whatever its exit status: the status, the
    // standard output and what it wrote to standard error (its own log file, `<log stem>-<n>.log` beside the hub).
    struct Outcome {
        int exitCode = -1;
        std::string out;
        std::string err;
    };
    Outcome run(const std::vector<std::string>& args) const;

    std::filesystem::path binary;
    std::filesystem::path dir;
    std::filesystem::path log;
    std::uint16_t port = 0;
    ChildProcess process;
};

}  // namespace abri::test
