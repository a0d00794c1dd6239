#pragma once
// A fresh vault in a temp folder, unlocked as an administrator with a caseworker and a supervisor added,
// and a repository for each role on demand. Argon2 runs at minimum cost: these tests are about the cases.
#include <filesystem>
#include <memory>
#include <string>

#include "cases/case_repository.h"
#include "crypto/primitives.h"
#include "support/temp_dir.h"
#include "vault/vault.h"

namespace abri::test {

constexpr const char* kAdminPassword = "admin-password-123";
constexpr const char* kWorkerPassword = "worker-password-123";
constexpr const char* kSupervisorPassword = "supervisor-password-123";

struct RepositoryFixture {
    TempDir dir;
    std::filesystem::path vaultPath;
    std::int64_t nowMs = 1'780'000'000'000;  // 2026-05-28, fixed so dates in tests are stable
    std::unique_ptr<vault::Vault> vault;

    // `vaultInDir`: where the vault goes inside the temp folder (its folder is created).
    explicit RepositoryFixture(const std::filesystem::path& vaultInDir = "office.abri") : vaultPath(dir / vaultInDir) {
        std::filesystem::create_directories(vaultPath.parent_path());
        crypto::SecureBuffer recovery;
        vault::CreateOptions options;
        options.path = vaultPath;
        options.office = "TST-01";
        options.adminUsername = "admin";
        options.adminDisplayName = "Test Admin";
        options.adminPassword = kAdminPassword;
        options.kdf = crypto::KdfParams::minimum();
        options.clock = [this] { return nowMs; };
        auto admin = vault::Vault::create(options, recovery);
        admin->addUser("worker", "Test Worker", vault::Role::Caseworker, kWorkerPassword, crypto::KdfParams::minimum());
        admin->addUser("super", "Test Supervisor", vault::Role::Supervisor, kSupervisorPassword,
                       crypto::KdfParams::minimum());
        admin->lock();
        login("worker", kWorkerPassword);
    }

    void login(const std::string& user, const std::string& password) {
        if (vault) vault->lock();
        vault.reset();
        vault::UnlockOptions options;
        options.clock = [this] { return nowMs; };
        vault = vault::Vault::unlock(vaultPath, user, password, options);
    }

    cases::CaseRepository repo() { return cases::CaseRepository(*vault); }
};

}  // namespace abri::test
