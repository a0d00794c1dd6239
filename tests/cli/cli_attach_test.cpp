// End-to-end tests of `abri-cli attach add | list | export | remove`: the real binary on a temporary vault.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include "audit/audit_log.h"
#include "cli_vault.h"
#include "vault/vault.h"

using namespace abri;
using namespace abri::test;
using Json = nlohmann::json;

namespace {

constexpr const char* kSupervisorPassword = "Super-Fake-Password-33";

std::string addCaseCode(const CliVault& v) {
    writeFile(v.dir / "case.json", R"({"person": {"given_name": "Testquokka", "gender": "female"}})");
    auto add = v.asWorker({"case", "add"}, {(v.dir / "case.json").string(), "--json"});
    REQUIRE(add.exitCode == 0);
    return Json::parse(add.out)["created"][0]["case_code"].get<std::string>();
}

std::string syntheticPdf(std::size_t size) {
    std::string out = "%PDF-1.4\n% synthetic scan of a fake consent form\n";
    while (out.size() < size) out += "0123456789 fake page content\n";
    out.resize(size);
    return out;
}

}  // namespace

TEST_CASE("abri-cli attach add, list and export round-trip a file", "[cli][attach]") {
    CliVault v;
    const std::string code = addCaseCode(v);
    const auto scan = v.dir / "scan-input.pdf";
    writeFile(scan, syntheticPdf(600 * 1024));

    auto add = v.asWorker({"attach", "add"}, {code, scan.string(), "--category", "consent_form", "--json"});
    REQUIRE(add.exitCode == 0);
    const Json attached = Json::parse(add.out)["attached"];
    const std::string id = attached["id"].get<std::string>();
    CHECK(attached["type"] == "pdf");
    CHECK(attached["size"] == 600 * 1024);
    CHECK(attached["chunks"] == 3);
    CHECK(attached["category"] == "consent_form");
    CHECK(attached["file_name"] == "scan-input.pdf");

    auto list = v.asWorker({"attach", "list"}, {code});
    REQUIRE(list.exitCode == 0);
    CHECK(list.out.find(id) != std::string::npos);
    CHECK(list.out.find("scan-input.pdf") != std::string::npos);
    auto listJson = v.asWorker({"attach", "list"}, {code, "--format", "json"});
    REQUIRE(listJson.exitCode == 0);
    CHECK(Json::parse(listJson.out)["attachments"].size() == 1);

    const auto out = v.dir / "exported.pdf";
    auto exported = v.asWorker({"attach", "export"}, {id, out.string()});
    REQUIRE(exported.exitCode == 0);
    CHECK(bytesOf(out) == bytesOf(scan));
    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    // An existing file is replaced only when asked.
    CHECK(v.asWorker({"attach", "export"}, {id, out.string()}).exitCode == 2);
    CHECK(v.asWorker({"attach", "export"}, {id, out.string(), "--force"}).exitCode == 0);

    auto session = vault::Vault::unlock(v.vault(), "testworker", kWorkerPassword);
    int exports = 0;
    for (const auto& e : session->audit().entriesFor(id)) exports += e.action == audit::Action::AttachmentExported;
    CHECK(exports == 2);

    // The administrator sees the list with names hidden, and may not export.
    auto adminList = v.asAdmin({"attach", "list"}, {code});
    REQUIRE(adminList.exitCode == 0);
    CHECK(adminList.out.find("scan-input.pdf") == std::string::npos);
    auto adminExport = v.asAdmin({"attach", "export"}, {id, (v.dir / "admin.pdf").string(), "--json"});
    CHECK(adminExport.exitCode == 1);
    CHECK(Json::parse(adminExport.out)["error"] == "permission_denied");
    CHECK_FALSE(std::filesystem::exists(v.dir / "admin.pdf"));
}

TEST_CASE("abri-cli attach refuses bad files with a code, names no path, stores nothing", "[cli][attach]") {
    CliVault v;
    const std::string code = addCaseCode(v);
    const auto fakeName = v.dir / "Testquokka-passport.pdf";
    writeFile(fakeName, std::string("\x7F" "ELF\x02\x01\x01", 7) + std::string(100, 'x'));
    const auto empty = v.dir / "empty.pdf";
    writeFile(empty, "");
    const auto big = v.dir / "big.pdf";
    writeFile(big, syntheticPdf(2 * 1024 * 1024 + 1));

    auto refuse = [&](const std::filesystem::path& file, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{code, file.string(), "--category", "identity_document", "--json"};
        args.insert(args.end(), extra.begin(), extra.end());
        auto result = v.asWorker({"attach", "add"}, args);
        CHECK(result.exitCode == 1);
        CHECK(result.out.find("Testquokka") == std::string::npos);
        CHECK(result.err.find("Testquokka") == std::string::npos);
        return Json::parse(result.out)["error"].get<std::string>();
    };
    CHECK(refuse(fakeName) == "attachment_executable");
    CHECK(refuse(empty) == "attachment_empty");
    CHECK(refuse(big, {"--max-mib", "2"}) == "attachment_too_large");
    CHECK(refuse(v.dir / "missing.pdf") == "attachment_unreadable");
    CHECK(refuse(v.dir.path()) == "attachment_unreadable");

    // Text output: one line on stderr, no path.
    auto text = v.asWorker({"attach", "add"}, {code, fakeName.string(), "--category", "other"});
    CHECK(text.exitCode == 1);
    CHECK(text.err.find("program or a script") != std::string::npos);
    CHECK(text.err.find("Testquokka") == std::string::npos);

    // Usage errors before any unlock.
    CHECK(v.asWorker({"attach", "add"}, {code, fakeName.string(), "--category", "passport"}).exitCode == 2);
    CHECK(v.asWorker({"attach", "add"}, {code, fakeName.string()}).exitCode == 2);

    auto list = v.asWorker({"attach", "list"}, {code, "--format", "json", "--removed"});
    REQUIRE(list.exitCode == 0);
    CHECK(Json::parse(list.out)["attachments"].empty());
}

TEST_CASE("abri-cli attach supersedes, and a supervisor removes with the content purged", "[cli][attach]") {
    CliVault v;
    writeSecret(v.dir / "super.pw", std::string(kSupervisorPassword) + "\n");
    v.addUser("testsuper", "supervisor", v.dir / "super.pw");
    const std::string code = addCaseCode(v);
    const auto first = v.dir / "first.pdf";
    const auto second = v.dir / "second.pdf";
    writeFile(first, syntheticPdf(1000));
    writeFile(second, syntheticPdf(2000));
    auto add = v.asWorker({"attach", "add"}, {code, first.string(), "--category", "legal", "--json"});
    REQUIRE(add.exitCode == 0);
    const std::string oldId = Json::parse(add.out)["attached"]["id"].get<std::string>();
    auto again = v.asWorker({"attach", "add"},
                            {code, second.string(), "--category", "legal", "--supersedes", oldId, "--json"});
    REQUIRE(again.exitCode == 0);
    const std::string newId = Json::parse(again.out)["attached"]["id"].get<std::string>();
    CHECK(Json::parse(again.out)["attached"]["supersedes"] == oldId);

    CHECK(v.asWorker({"attach", "remove"}, {oldId}).exitCode == 1);  // caseworkers do not purge
    auto removed = v.as("testsuper", v.dir / "super.pw", {"attach", "remove"}, {oldId});
    REQUIRE(removed.exitCode == 0);
    auto list = v.asWorker({"attach", "list"}, {code, "--format", "json"});
    const Json live = Json::parse(list.out)["attachments"];
    REQUIRE(live.size() == 1);
    CHECK(live[0]["id"] == newId);
    CHECK(v.asWorker({"attach", "export"}, {oldId, (v.dir / "gone.pdf").string()}).exitCode == 1);
}

TEST_CASE("abri-cli attach --help names every option", "[cli][attach]") {
    CliVault v;
    auto help = v.cli({"attach", "add", "--help"});
    CHECK(help.exitCode == 0);
    for (const char* option : {"--category", "--item", "--name", "--max-mib", "--supersedes", "--password-file"})
        CHECK(help.out.find(option) != std::string::npos);
    auto overview = v.cli({"--help"});
    CHECK(overview.out.find("attach export") != std::string::npos);
}
