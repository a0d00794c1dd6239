// End-to-end tests of abri-cli: the real binary, real vault files in temporary folders, passwords from files.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>

#include "cli_vault.h"
#include "vault/vault.h"

using namespace abri::test;
using Json = nlohmann::json;

namespace {

const std::string kMarkedCase = R"({
  "person": {"given_name": "Testquokka", "family_name": "Fakeperson-Zulu", "gender": "female",
             "citizenship": "NG", "date_of_birth": "1999-04-01"},
  "situation": {"exploitation_types": ["forced_labour"], "labour_sector": "agriculture"},
  "items": [{"kind": "note", "text": "Synthetic note about Fakeperson Zulu and the test farm"}]
})";

}  // namespace

TEST_CASE("init creates the vault and its key slots and prints the recovery key once", "[cli]") {
    CliVault v;
    CHECK(std::filesystem::exists(v.vault()));
    CHECK(std::filesystem::exists(v.vault().string() + ".keys"));
    CHECK(v.recoveryOutput.find("RECOVERY KEY: ") != std::string::npos);
    CHECK(v.recoveryOutput.find("shown only this once") != std::string::npos);

    // A second init on the same path refuses and leaves the vault alone.
    const auto before = bytesOf(v.vault());
    auto again = v.cli({"init", v.vault().string(), "--office", "TST-TWO", "--admin", "other", "--password-file",
                        v.adminPw().string(), "--kdf", "minimum"});
    CHECK(again.exitCode == 1);
    CHECK(again.err.find("already exists") != std::string::npos);
    CHECK(bytesOf(v.vault()) == before);

    // JSON output carries the key for scripts.
    auto json = v.cli({"init", (v.dir / "second.abri").string(), "--office", "TST-TWO", "--admin", "testadmin",
                       "--password-file", v.adminPw().string(), "--kdf", "minimum", "--json"});
    REQUIRE(json.exitCode == 0);
    CHECK(Json::parse(json.out)["recovery_key"].get<std::string>().size() > 20);

    auto users = v.asAdmin({"user", "list"}, {"--format", "json"});
    REQUIRE(users.exitCode == 0);
    std::set<std::string> names;
    for (const auto& user : Json::parse(users.out)) names.insert(user["username"].get<std::string>());
    CHECK(names == std::set<std::string>{"testadmin", "testworker"});
}

TEST_CASE("demo fills the vault and case list filters and sorts and pages in table and JSON", "[cli]") {
    CliVault v;
    auto demo = v.asWorker({"demo"}, {"200", "--seed", "7"});
    REQUIRE(demo.exitCode == 0);
    CHECK(demo.out.find("Imported 200 synthetic cases (seed 7)") != std::string::npos);

    const Json all = v.listJson();
    REQUIRE(all["total"] == 200);
    REQUIRE(all["cases"].size() == 200);

    // Default order: newest registration first.
    std::vector<std::string> dates;
    for (const auto& c : all["cases"]) dates.push_back(c["registered_on"].get<std::string>());
    CHECK(std::is_sorted(dates.rbegin(), dates.rend()));

    // Each filter returns exactly the cases of the full list that match it.
    auto expectCount = [&](const std::vector<std::string>& filters, auto predicate) {
        std::int64_t expected = 0;
        for (const auto& c : all["cases"]) expected += predicate(c) ? 1 : 0;
        const Json filtered = v.listJson(filters);
        INFO("filters: " << filters.front() << " " << filters.back());
        CHECK(filtered["total"] == expected);
        for (const auto& c : filtered["cases"]) CHECK(predicate(c));
        CHECK(expected > 0);
    };
    expectCount({"--status", "under_assistance"}, [](const Json& c) { return c["status"] == "under_assistance"; });
    expectCount({"--minor", "yes"}, [](const Json& c) { return c["minor"] == true; });
    expectCount({"--minor", "no"}, [](const Json& c) { return c["minor"] == false; });
    expectCount({"--exploitation", "forced_labour"}, [](const Json& c) {
        const auto& types = c["exploitation_types"];
        return std::find(types.begin(), types.end(), "forced_labour") != types.end();
    });
    const std::string middle = dates[100];
    expectCount({"--from", middle}, [&](const Json& c) { return c["registered_on"].get<std::string>() >= middle; });
    expectCount({"--to", middle}, [&](const Json& c) { return c["registered_on"].get<std::string>() <= middle; });
    expectCount({"--office", "TST-ONE"}, [](const Json&) { return true; });
    expectCount({"--caseworker", "testworker"}, [](const Json& c) { return !c["caseworker"].get<std::string>().empty(); });

    // Sorting by code, ascending, and paging.
    const Json byCode = v.listJson({"--sort", "code", "--asc"});
    std::vector<std::string> codes;
    for (const auto& c : byCode["cases"]) codes.push_back(c["case_code"].get<std::string>());
    CHECK(std::is_sorted(codes.begin(), codes.end()));
    auto page = v.asWorker({"case", "list"}, {"--sort", "code", "--asc", "--limit", "5", "--offset", "10",
                                              "--format", "json"});
    REQUIRE(page.exitCode == 0);
    const Json pageJson = Json::parse(page.out);
    REQUIRE(pageJson["cases"].size() == 5);
    CHECK(pageJson["cases"][0]["case_code"] == codes[10]);

    // Table output: a header, one line per case, a footer with the count; no names anywhere.
    auto table = v.asWorker({"case", "list"}, {"--limit", "20"});
    REQUIRE(table.exitCode == 0);
    CHECK(table.out.rfind("CASE", 0) == 0);
    CHECK(table.out.find("Cases 1-20 of 200.") != std::string::npos);
    CHECK(std::count(table.out.begin(), table.out.end(), '\n') == 23);
    CHECK(table.out.find("Test") == std::string::npos);
    CHECK(table.out.find("Fake") == std::string::npos);
}

TEST_CASE("case add from a file then search finds it and case show masks names unless --reveal", "[cli]") {
    CliVault v;
    writeFile(v.dir / "case.json", kMarkedCase);
    auto add = v.asWorker({"case", "add"}, {(v.dir / "case.json").string(), "--json"});
    REQUIRE(add.exitCode == 0);
    const std::string code = Json::parse(add.out)["created"][0]["case_code"].get<std::string>();
    CHECK(code.rfind("TST-ONE-", 0) == 0);

    for (const std::string& word : std::vector<std::string>{"testquokka", "Fakeperson", "farm", code}) {
        auto search = v.asWorker({"search"}, {word, "--format", "json"});
        REQUIRE(search.exitCode == 0);
        const Json found = Json::parse(search.out);
        INFO("search " << word);
        REQUIRE(found["total"] == 1);
        CHECK(found["cases"][0]["case_code"] == code);
        // Results are summaries: the matching name never appears.
        CHECK(search.out.find("Testquokka") == std::string::npos);
    }
    auto none = v.asWorker({"search"}, {"Nonexistentfakeword"});
    CHECK(none.exitCode == 0);
    CHECK(none.out.find("No cases match.") != std::string::npos);

    auto masked = v.asWorker({"case", "show"}, {code});
    REQUIRE(masked.exitCode == 0);
    CHECK(masked.out.find("Testquokka") == std::string::npos);
    CHECK(masked.out.find("Fakeperson-Zulu") == std::string::npos);
    CHECK(masked.out.find("1999-04-01") == std::string::npos);
    CHECK(masked.out.find("test farm") == std::string::npos);
    CHECK(masked.out.find("[hidden]") != std::string::npos);
    CHECK(masked.out.find("forced_labour") != std::string::npos);
    auto maskedJson = v.asWorker({"case", "show"}, {code, "--format", "json"});
    REQUIRE(maskedJson.exitCode == 0);
    CHECK(maskedJson.out.find("Testquokka") == std::string::npos);
    CHECK(maskedJson.out.find("test farm") == std::string::npos);

    auto revealed = v.asWorker({"case", "show"}, {code, "--reveal"});
    REQUIRE(revealed.exitCode == 0);
    CHECK(revealed.out.find("Testquokka") != std::string::npos);
    CHECK(revealed.out.find("Fakeperson-Zulu") != std::string::npos);
    CHECK(revealed.out.find("test farm") != std::string::npos);
    CHECK(revealed.out.find("[hidden]") == std::string::npos);

    // Administrators manage the vault but may not see identities.
    auto admin = v.asAdmin({"case", "show"}, {code, "--reveal"});
    CHECK(admin.exitCode == 1);
    CHECK(admin.err.find("permission denied") != std::string::npos);
    CHECK(admin.out.find("Testquokka") == std::string::npos);

    // The reveals are in the audit log, and the chain verifies.
    auto verify = v.asAdmin({"audit", "verify"}, {"--json"});
    REQUIRE(verify.exitCode == 0);
    const Json verified = Json::parse(verify.out);
    CHECK(verified["ok"] == true);
    CHECK(verified["entries"].get<int>() >= 5);

    auto unknown = v.asWorker({"case", "show"}, {"TST-ONE-00-NOPE0"});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.find("not found") != std::string::npos);
}

TEST_CASE("a wrong password fails with exit 1 and leaves the vault unchanged", "[cli]") {
    CliVault v;
    writeFile(v.dir / "wrong.pw", "Not-The-Password-99\n");
    std::filesystem::permissions(v.dir / "wrong.pw", std::filesystem::perms::others_read,
                                 std::filesystem::perm_options::add);
    const auto before = bytesOf(v.vault());
    auto result = v.cli({"case", "list", v.vault().string(), "--user", "testworker", "--password-file",
                         (v.dir / "wrong.pw").string()});
    CHECK(result.exitCode == 1);
    CHECK(result.err.find("wrong password") != std::string::npos);
    CHECK(result.out.empty());
    CHECK(bytesOf(v.vault()) == before);
    // wrong.pw was written with the default umask: other users could read it, and abri-cli says so.
    CHECK(result.err.find("readable by other users") != std::string::npos);

    auto json = v.cli({"case", "list", v.vault().string(), "--user", "testworker", "--password-file",
                       (v.dir / "wrong.pw").string(), "--json"});
    CHECK(json.exitCode == 1);
    CHECK(Json::parse(json.out)["error"] == "wrong_password");

    auto unknownUser = v.cli({"case", "list", v.vault().string(), "--user", "nobody", "--password-file",
                              (v.dir / "wrong.pw").string()});
    CHECK(unknownUser.exitCode == 1);
    CHECK(bytesOf(v.vault()) == before);

    // An owner-only password file draws no warning.
    auto careful = v.asWorker({"case", "list"});
    CHECK(careful.exitCode == 0);
    CHECK(careful.err.find("readable by other users") == std::string::npos);
}

TEST_CASE("invalid JSON or an invalid field names the problem and writes nothing", "[cli]") {
    CliVault v;
    auto demo = v.asWorker({"demo"}, {"5", "--seed", "1"});
    REQUIRE(demo.exitCode == 0);
    const auto before = v.caseCount();
    REQUIRE(before == 5);

    struct Bad {
        std::string json;
        std::string expected;  // in stderr
    };
    const std::vector<Bad> bad = {
        {"{\"person\": {\"given_name\": \"Testa\",, }}", "invalid JSON"},
        {"{\"person\": {\"given_name\": \"Testa\"}", "line 1, column 35"},
        {R"({"person": {"date_of_birth": "2999-01-01"}})", "person.date_of_birth"},
        {R"({"person": {"gender": "fake_gender_code"}})", "person.gender"},
        {R"({"person": {"favourite_colour": "blue"}})", "person.favourite_colour"},
        {R"({"person": {"estimated_age": 400}})", "person.estimated_age"},
        {R"({"registered_on": "2024-02-30"})", "registered_on"},
        {R"({"items": [{"kind": "note"}]})", "items[0].text"},
        {R"([{"person": {"given_name": "Testgood"}}, {"status": "nonsense"}])", "cases[1].status"},
    };
    for (const auto& [json, expected] : bad) {
        INFO(json);
        writeFile(v.dir / "bad.json", json);
        auto result = v.asWorker({"case", "add"}, {(v.dir / "bad.json").string()});
        CHECK(result.exitCode == 1);
        CHECK(result.err.find(expected) != std::string::npos);
        CHECK(result.err.find("Testa") == std::string::npos);  // the value itself is never echoed
    }
    CHECK(v.caseCount() == before);

    auto missing = v.asWorker({"case", "add"}, {(v.dir / "no-such-file.json").string()});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.find("no-such-file.json") != std::string::npos);
    CHECK(v.caseCount() == before);
}

TEST_CASE("case add reads standard input and passwords can come from standard input", "[cli]") {
    CliVault v;
    auto fromStdin = v.asWorker({"case", "add"}, {"-"}, kMarkedCase);
    REQUIRE(fromStdin.exitCode == 0);
    CHECK(v.caseCount() == 1);

    // --password-stdin: the password is the first line; with FILE "-" the document follows it.
    auto both = v.cli({"case", "add", v.vault().string(), "--user", "testworker", "--password-stdin", "-"},
                      std::string(kWorkerPassword) + "\n" + kMarkedCase);
    REQUIRE(both.exitCode == 0);
    CHECK(v.caseCount() == 2);

    auto list = v.cli({"case", "list", v.vault().string(), "--user", "testworker", "--password-stdin"},
                      std::string(kWorkerPassword) + "\n");
    CHECK(list.exitCode == 0);

    // No terminal and no password source: a usage error, not a hang.
    auto noSource = v.cli({"case", "list", v.vault().string(), "--user", "testworker"});
    CHECK(noSource.exitCode == 2);
    CHECK(noSource.err.find("--password-file") != std::string::npos);
}

TEST_CASE("damaged vault or key-slot files give an error naming the file", "[cli]") {
    CliVault v;
    const std::string vaultPath = v.vault().string();
    const std::string slotPath = vaultPath + ".keys";
    auto list = [&] { return v.asWorker({"case", "list"}); };

    SECTION("garbage in the vault's first page") {
        std::string bytes = bytesOf(v.vault());
        for (std::size_t i = 200; i < 1200; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
        writeFile(v.vault(), bytes);
        auto result = list();
        CHECK(result.exitCode == 1);
        CHECK(result.signal == 0);
        CHECK(result.err.find("damaged") != std::string::npos);
        CHECK(result.err.find(vaultPath) != std::string::npos);
        CHECK(bytesOf(v.vault()) == bytes);  // nothing overwritten
    }
    SECTION("a truncated vault") {
        std::string bytes = bytesOf(v.vault());
        bytes.resize(100);
        writeFile(v.vault(), bytes);
        auto result = list();
        CHECK(result.exitCode == 1);
        CHECK(result.err.find(vaultPath) != std::string::npos);
        CHECK(bytesOf(v.vault()) == bytes);
    }
    SECTION("a damaged key-slot file") {
        std::string bytes = bytesOf(slotPath);
        REQUIRE(bytes.size() > 40);
        bytes.resize(bytes.size() / 2);
        writeFile(slotPath, bytes);
        auto result = list();
        CHECK(result.exitCode == 1);
        CHECK(result.err.find("key-slot file") != std::string::npos);
        CHECK(result.err.find(slotPath) != std::string::npos);
        CHECK(bytesOf(slotPath) == bytes);
    }
    SECTION("a missing key-slot file") {
        std::filesystem::remove(slotPath);
        auto result = list();
        CHECK(result.exitCode == 1);
        CHECK(result.err.find(slotPath) != std::string::npos);
    }
    SECTION("no vault at all") {
        auto result = v.cli({"case", "list", (v.dir / "missing.abri").string(), "--user", "testworker",
                             "--password-file", v.workerPw().string()});
        CHECK(result.exitCode == 1);
        CHECK(result.err.find("missing.abri") != std::string::npos);
    }
}

TEST_CASE("user passwd changes a password and the old one stops working", "[cli]") {
    CliVault v;
    writeSecret(v.dir / "new.pw", "Brand-New-Fake-Password-33\n");
    auto change = v.asWorker({"user", "passwd"}, {"--new-password-file", (v.dir / "new.pw").string(), "--kdf",
                                                  "minimum"});
    REQUIRE(change.exitCode == 0);
    auto old = v.asWorker({"case", "list"});
    CHECK(old.exitCode == 1);
    CHECK(old.err.find("wrong password") != std::string::npos);
    auto fresh = v.cli({"case", "list", v.vault().string(), "--user", "testworker", "--password-file",
                        (v.dir / "new.pw").string()});
    CHECK(fresh.exitCode == 0);

    // An administrator resets it back.
    auto reset = v.asAdmin({"user", "passwd"}, {"--reset", "testworker", "--new-password-file", v.workerPw().string(),
                                                "--kdf", "minimum"});
    REQUIRE(reset.exitCode == 0);
    CHECK(v.asWorker({"case", "list"}).exitCode == 0);

    writeSecret(v.dir / "weak.pw", "short\n");
    auto weak = v.asWorker({"user", "passwd"}, {"--new-password-file", (v.dir / "weak.pw").string()});
    CHECK(weak.exitCode == 1);
    CHECK(weak.err.find("password too weak") != std::string::npos);
}

TEST_CASE("usage errors exit with 2 and point to --help", "[cli]") {
    CliVault v;
    const std::string vaultPath = v.vault().string();
    const std::string pw = v.workerPw().string();
    const std::vector<std::vector<std::string>> usage = {
        {},
        {"frobnicate"},
        {"case"},
        {"case", "list"},
        {"case", "list", vaultPath},
        {"case", "list", vaultPath, "--user", "testworker", "--password-file", pw, "--bogus"},
        {"case", "list", vaultPath, "--user", "testworker", "--password-file", pw, "--limit", "zero"},
        {"case", "list", vaultPath, "--user", "testworker", "--password-file", pw, "--limit", "0"},
        {"case", "list", vaultPath, "--user", "testworker", "--password-file", pw, "--status", "open"},
        {"case", "list", vaultPath, "--user", "testworker", "--password-file", pw, "--from", "2024-13-01"},
        {"case", "list", vaultPath, "--user", "testworker", "--password-file", pw, "--minor", "maybe"},
        {"case", "list", vaultPath, "--user", "testworker", "--password-file", pw, "--sort"},
        {"case", "list", vaultPath, "extra", "--user", "testworker", "--password-file", pw},
        {"case", "list", vaultPath, "--user", "testworker", "--password", "secret"},  // never on argv
        {"case", "show", vaultPath, "--user", "testworker", "--password-file", pw},
        {"demo", vaultPath, "--user", "testworker", "--password-file", pw, "0"},
        {"demo", vaultPath, "--user", "testworker", "--password-file", pw, "lots"},
        {"user", "add", vaultPath, "--user", "testadmin", "--password-file", pw, "--new-user", "x", "--role", "boss"},
        {"init", vaultPath + "2", "--office", "TST", "--admin", "a", "--password-file", pw, "--kdf", "none"},
        {"search", vaultPath, "--user", "testworker", "--password-file", pw, "  "},
    };
    for (const auto& args : usage) {
        std::string joined;
        for (const auto& a : args) joined += a + " ";
        INFO(joined);
        auto result = v.cli(args);
        CHECK(result.exitCode == 2);
        CHECK(!result.err.empty());
    }

    // --help works for every command and exits 0.
    auto overview = v.cli({"--help"});
    CHECK(overview.exitCode == 0);
    for (const std::string& command :
         std::vector<std::string>{"init", "user add", "user passwd", "user list", "case add", "case list", "case show",
                                  "case set", "search", "audit verify", "demo", "enroll", "sync", "bundle export",
                                  "bundle import", "conflicts", "conflicts resolve"}) {
        std::vector<std::string> args;
        std::size_t start = 0;
        while (start <= command.size()) {
            auto end = command.find(' ', start);
            if (end == std::string::npos) end = command.size();
            args.push_back(command.substr(start, end - start));
            start = end + 1;
        }
        args.emplace_back("--help");
        auto help = v.cli(args);
        INFO(command);
        CHECK(help.exitCode == 0);
        CHECK(help.out.find("Usage: abri-cli " + command) != std::string::npos);
        CHECK(help.out.find("Example:") != std::string::npos);
        CHECK(overview.out.find(command) != std::string::npos);
    }
    // Hidden options stay out of the help.
    CHECK(v.cli({"init", "--help"}).out.find("--kdf") == std::string::npos);
}

TEST_CASE("audit verify fails with exit 1 when an audit entry was altered", "[cli]") {
    CliVault v;
    REQUIRE(v.asWorker({"demo"}, {"3", "--seed", "2"}).exitCode == 0);
    auto intact = v.asAdmin({"audit", "verify"});
    REQUIRE(intact.exitCode == 0);
    CHECK(intact.out.find("Audit log intact") != std::string::npos);

    // Someone holding the key edits an entry in place (the CLI cannot do that; the core API can).
    {
        auto session = abri::vault::Vault::unlock(v.vault(), "testadmin", kAdminPassword);
        session->db().exec("UPDATE audit SET detail = 'rewritten' WHERE seq = 2;");
        session->lock();
    }
    auto broken = v.asAdmin({"audit", "verify"});
    CHECK(broken.exitCode == 1);
    CHECK(broken.err.find("audit log chain is broken") != std::string::npos);
    CHECK(broken.err.find("first bad entry #2") != std::string::npos);
    auto json = v.asAdmin({"audit", "verify"}, {"--json"});
    CHECK(json.exitCode == 1);
    CHECK(Json::parse(json.out)["error"] == "audit_chain_broken");

    // Caseworkers may not read the audit log.
    auto worker = v.asWorker({"audit", "verify"});
    CHECK(worker.exitCode == 1);
    CHECK(worker.err.find("permission denied") != std::string::npos);
}

TEST_CASE("sync commands on a vault that is not enrolled fail with a typed sync error, not an internal one", "[cli]") {
    CliVault v;
    auto token = v.asAdmin({"enroll"}, {"ABRI1:not-a-token", "--json"});
    CHECK(token.exitCode == 1);
    CHECK(Json::parse(token.out)["error"] == "token_malformed");
    auto worker = v.asWorker({"enroll"}, {"ABRI1:not-a-token"});
    CHECK(worker.exitCode == 1);
    CHECK(worker.err.find("permission denied") != std::string::npos);  // enrolment needs an administrator

    std::filesystem::create_directories(v.dir / "usb");
    const std::vector<std::vector<std::string>> commands = {{"sync"}, {"bundle", "export"}, {"bundle", "import"}};
    for (const auto& words : commands) {
        std::vector<std::string> extra;
        if (words.size() == 2) extra.push_back((v.dir / "usb").string());
        auto text = v.asWorker(words, extra);
        INFO(words.back());
        CHECK(text.exitCode == 1);
        CHECK(text.err == "abri-cli: sync: unknown_device: not enrolled\n");
        extra.emplace_back("--json");
        auto json = v.asWorker(words, extra);
        CHECK(json.exitCode == 1);
        CHECK(Json::parse(json.out)["error"] == "unknown_device");
    }
}
