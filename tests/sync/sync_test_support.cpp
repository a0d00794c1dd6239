#include "sync_test_support.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "crypto/secure_buffer.h"
#include "vault/vault.h"

namespace abri::test {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string readText(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

bool waitUntil(const std::function<bool()>& condition, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!condition()) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

void createTestVault(const fs::path& vaultPath, const std::string& office) {
    crypto::SecureBuffer recovery;
    vault::CreateOptions options;
    options.path = vaultPath;
    options.office = office;
    options.adminUsername = "admin";
    options.adminDisplayName = "Admin Testname";
    options.adminPassword = kAdminPassword;
    options.kdf = crypto::KdfParams::minimum();
    auto admin = vault::Vault::create(options, recovery);
    admin->addUser("worker", "Worker Testname", vault::Role::Caseworker, kWorkerPassword, crypto::KdfParams::minimum());
    admin->addUser("super", "Super Testname", vault::Role::Supervisor, kSupervisorPassword, crypto::KdfParams::minimum());
    admin->lock();
}

HubProcess::HubProcess(const fs::path& root, fs::path hubBinary)
    : binary(std::move(hubBinary)), dir(root / "hub"), log(root / "hub.log") {
    ::setenv("ABRI_HUB_PASSPHRASE", std::string(kHubPassphrase).c_str(), 1);
    REQUIRE(runToEnd(binary, {"init", dir.string(), "--name", "test-hub", "--address", "127.0.0.1:1", "--kdf", "minimum"},
                     log, 30s) == 0);
}

void HubProcess::start(const std::vector<std::string>& extraArgs) {
    const auto portFile = dir.parent_path() / "hub.port";
    fs::remove(portFile);
    std::vector<std::string> args{"serve", dir.string(), "--listen", "127.0.0.1:" + std::to_string(port),
                                  "--port-file", portFile.string(), "--max-wait-s", "1"};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    process.start(binary, args, log);
    for (int i = 0; i < 500 && !fs::exists(portFile); ++i) std::this_thread::sleep_for(10ms);
    REQUIRE(fs::exists(portFile));
    port = static_cast<std::uint16_t>(std::stoul(readText(portFile)));
}

std::string HubProcess::token(const std::string& office, const std::string& role) {
    auto out = command("enroll", {"--office", office, "--role", role});
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

HubProcess::Outcome HubProcess::run(const std::vector<std::string>& args) const {
    static int runs = 0;
    const fs::path runLog = dir.parent_path() / ("hub-run-" + std::to_string(++runs) + ".log");
    Outcome outcome;
    outcome.exitCode = runToEnd(binary, args, runLog, 60s, &outcome.out);
    outcome.err = readText(runLog);
    return outcome;
}

std::string HubProcess::command(const std::string& name, const std::vector<std::string>& args) {
    std::vector<std::string> all{name, dir.string()};
    all.insert(all.end(), args.begin(), args.end());
    std::string out;
    REQUIRE(runToEnd(binary, all, log, 30s, &out) == 0);
    return out;
}

}  // namespace abri::test
