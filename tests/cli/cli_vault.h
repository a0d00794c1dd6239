#pragma once
// The fixture of the abri-cli process tests: a temporary vault made with the real binary (an administrator
// "testadmin" and a caseworker "testworker", cheap Argon2id), password files as a careful user keeps them, and
// helpers that run `abri-cli WORDS VAULT --user ... --password-file ... EXTRA...`.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "run_process.h"
#include "support/temp_dir.h"

namespace abri::test {

inline const std::filesystem::path kCli = ABRI_CLI_PATH;

inline constexpr const char* kAdminPassword = "Admin-Fake-Password-11";
inline constexpr const char* kWorkerPassword = "Worker-Fake-Password-22";

inline void writeFile(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

// Password files as a careful user keeps them: readable by the owner only.
inline void writeSecret(const std::filesystem::path& file, const std::string& text) {
    writeFile(file, text);
    std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace);
}

inline std::string bytesOf(const std::filesystem::path& file) {
    auto bytes = readFileBytes(file);
    return std::string(bytes.begin(), bytes.end());
}

class CliVault {
public:
    CliVault() {
        writeSecret(adminPw(), std::string(kAdminPassword) + "\n");
        writeSecret(workerPw(), std::string(kWorkerPassword) + "\n");
        auto init = cli({"init", vault().string(), "--office", "TST-ONE", "--admin", "testadmin", "--password-file",
                         adminPw().string(), "--kdf", "minimum"});
        REQUIRE(init.exitCode == 0);
        recoveryOutput = init.out;
        addUser("testworker", "caseworker", workerPw());
    }

    std::filesystem::path vault() const { return dir / "office.abri"; }
    std::filesystem::path adminPw() const { return dir / "admin.pw"; }
    std::filesystem::path workerPw() const { return dir / "worker.pw"; }

    // Adds a user (by testadmin) whose password is the first line of `passwordFile`.
    void addUser(const std::string& name, const std::string& role, const std::filesystem::path& passwordFile) const {
        auto add = cli({"user", "add", vault().string(), "--user", "testadmin", "--password-file", adminPw().string(),
                        "--new-user", name, "--role", role, "--new-password-file", passwordFile.string(), "--kdf",
                        "minimum"});
        REQUIRE(add.exitCode == 0);
    }

    ProcessResult cli(const std::vector<std::string>& args, const std::string& stdinText = {}) const {
        return runProcess(kCli, args, stdinText);
    }
    // Runs `words VAULT --user testworker --password-file ... extra...`.
    ProcessResult asWorker(const std::vector<std::string>& words, const std::vector<std::string>& extra = {},
                           const std::string& stdinText = {}) const {
        return as("testworker", workerPw(), words, extra, stdinText);
    }
    ProcessResult asAdmin(const std::vector<std::string>& words, const std::vector<std::string>& extra = {}) const {
        return as("testadmin", adminPw(), words, extra, {});
    }
    ProcessResult as(const std::string& user, const std::filesystem::path& pw, const std::vector<std::string>& words,
                     const std::vector<std::string>& extra, const std::string& stdinText = {}) const {
        std::vector<std::string> args = words;
        args.insert(args.end(), {vault().string(), "--user", user, "--password-file", pw.string()});
        args.insert(args.end(), extra.begin(), extra.end());
        return cli(args, stdinText);
    }

    nlohmann::json listJson(const std::vector<std::string>& filters = {}) const {
        std::vector<std::string> extra{"--format", "json", "--limit", "10000"};
        extra.insert(extra.end(), filters.begin(), filters.end());
        auto result = asWorker({"case", "list"}, extra);
        REQUIRE(result.exitCode == 0);
        return nlohmann::json::parse(result.out);
    }
    std::int64_t caseCount() const { return listJson()["total"].get<std::int64_t>(); }

    TempDir dir;
    std::string recoveryOutput;
};

}  // namespace abri::test
