// abri-cli backup / restore with the real binary: the backup holds no readable name, a restore brings the vault
// back, and every bad input (DEST exists or cannot be written, a damaged or foreign backup, a wrong password, a
// user who is not an administrator) is refused with exit 1 and the vault left byte for byte as it was.
#include <catch2/catch.hpp>

#include <fstream>

#include "cli_vault.h"
#include "crypto/primitives.h"

using namespace abri::test;
using Json = nlohmann::json;

namespace {

const std::string kCase = R"({"person": {"given_name": "Testbackupname", "family_name": "Fakeperson-Yankee",
                                          "gender": "female"}})";

std::string fingerprint(const std::filesystem::path& file) {
    const auto bytes = bytesOf(file);
    return abri::crypto::toHex(abri::crypto::blake2b({abri::crypto::asBytes(bytes)}));
}

void flipByteAt(const std::filesystem::path& file, std::uintmax_t at) {
    std::fstream io(file, std::ios::binary | std::ios::in | std::ios::out);
    io.seekg(static_cast<std::streamoff>(at));
    char c = 0;
    io.get(c);
    io.seekp(static_cast<std::streamoff>(at));
    io.put(static_cast<char>(c ^ 0x01));
}

}  // namespace

TEST_CASE("backup writes an unreadable file and restore brings the vault back", "[cli][backup]") {
    CliVault v;
    writeFile(v.dir / "case.json", kCase);
    REQUIRE(v.asWorker({"case", "add"}, {(v.dir / "case.json").string()}).exitCode == 0);
    const auto backup = v.dir / "office.abribackup";
    auto made = v.cli({"backup", v.vault().string(), backup.string(), "--user", "testworker", "--password-file",
                       v.workerPw().string(), "--json"});
    REQUIRE(made.exitCode == 0);
    CHECK(Json::parse(made.out)["bytes"] == std::filesystem::file_size(backup));
    CHECK_FALSE(fileContains(backup, "Testbackupname"));
    CHECK_FALSE(fileContains(backup, "Fakeperson-Yankee"));

    REQUIRE(v.asWorker({"case", "add"}, {(v.dir / "case.json").string()}).exitCode == 0);
    REQUIRE(v.caseCount() == 2);
    auto restored = v.cli({"restore", backup.string(), v.vault().string(), "--user", "testadmin", "--password-file",
                           v.adminPw().string()});
    INFO(restored.err);
    REQUIRE(restored.exitCode == 0);
    CHECK(v.caseCount() == 1);
    auto audit = v.asAdmin({"audit", "verify"});
    CHECK(audit.exitCode == 0);
}

TEST_CASE("bad backup and restore input is refused and changes nothing", "[cli][backup]") {
    CliVault v;
    const auto backup = v.dir / "office.abribackup";
    REQUIRE(v.cli({"backup", v.vault().string(), backup.string(), "--user", "testadmin", "--password-file",
                   v.adminPw().string()})
                .exitCode == 0);
    const auto vaultBefore = fingerprint(v.vault());
    const auto keysBefore = fingerprint(v.dir / "office.abri.keys");
    const auto backupBefore = fingerprint(backup);
    auto backupTo = [&](const std::filesystem::path& dest) {
        return v.cli({"backup", v.vault().string(), dest.string(), "--user", "testadmin", "--password-file",
                      v.adminPw().string(), "--json"});
    };
    auto restoreFrom = [&](const std::filesystem::path& from, const std::string& user,
                           const std::filesystem::path& pw) {
        return v.cli({"restore", from.string(), v.vault().string(), "--user", user, "--password-file", pw.string(),
                      "--json"});
    };

    // A refused backup still unlocked the vault (an audited unlock); a refused restore never opens it.
    bool restoring = true;
    SECTION("DEST exists") {
        restoring = false;
        auto again = backupTo(backup);
        CHECK(again.exitCode == 1);
        CHECK(Json::parse(again.out)["error"] == "backup_destination_exists");
        CHECK(fingerprint(backup) == backupBefore);
    }
    SECTION("DEST cannot be written: its folder is a file") {
        restoring = false;
        auto blocked = backupTo(v.adminPw() / "office.abribackup");
        CHECK(blocked.exitCode == 1);
        CHECK(Json::parse(blocked.out)["error"] == "io_error");
    }
    SECTION("damaged backup") {
        flipByteAt(backup, std::filesystem::file_size(backup) / 2);
        auto damaged = restoreFrom(backup, "testadmin", v.adminPw());
        CHECK(damaged.exitCode == 1);
        CHECK(Json::parse(damaged.out)["error"] == "backup_corrupted");
    }
    SECTION("foreign backup") {
        CliVault other;
        const auto foreign = v.dir / "other.abribackup";
        REQUIRE(other.cli({"backup", other.vault().string(), foreign.string(), "--user", "testadmin",
                           "--password-file", other.adminPw().string()})
                    .exitCode == 0);
        auto refused = restoreFrom(foreign, "testadmin", v.adminPw());
        CHECK(refused.exitCode == 1);
        CHECK(Json::parse(refused.out)["error"] == "backup_of_another_vault");
    }
    SECTION("wrong password") {
        writeSecret(v.dir / "wrong.pw", "Not-The-Password-99\n");
        auto wrong = restoreFrom(backup, "testadmin", v.dir / "wrong.pw");
        CHECK(wrong.exitCode == 1);
        CHECK(Json::parse(wrong.out)["error"] == "wrong_password");
    }
    SECTION("not an administrator") {
        auto denied = restoreFrom(backup, "testworker", v.workerPw());
        CHECK(denied.exitCode == 1);
        CHECK(Json::parse(denied.out)["error"] == "permission_denied");
    }
    if (restoring) {
        CHECK(fingerprint(v.vault()) == vaultBefore);
        CHECK(fingerprint(v.dir / "office.abri.keys") == keysBefore);
    }
    for (const auto& entry : std::filesystem::directory_iterator(v.dir.path())) {
        CHECK(entry.path().filename().string().rfind(".tmp-", 0) != 0);
    }
}
