// `abri-hub duplicates` with real processes on 127.0.0.1: a hub (abri-hub serve), a laptop of office A and one of
// office B enrolled with tokens and synced by abri-syncd. The same (obviously fake) person is registered at both
// offices, once in Latin script and once in Arabic script with the names the other way round and the passport
// number typed with spaces. The hub lists the pair by case codes, offices, score and the fields that agree, never a
// name, a date or a number; a dismissal hides it for good; bad dismissals are typed refusals that change nothing;
// --limit shows the highest-scoring pairs.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <regex>

#include "child_process.h"
#include "office_laptop.h"
#include "support/temp_dir.h"
#include "sync_test_support.h"

using namespace abri;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const fs::path kHubBin = ABRI_HUB_BIN;
const fs::path kSyncdBin = ABRI_SYNCD_BIN;
using test::kAdminPassword;
using test::kWorkerPassword;

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

using Laptop = test::OfficeLaptop;

using Run = test::HubProcess::Outcome;

// `abri-hub ARGS...` (the sub-command and DIR included by the caller) as its own process.
Run hubRun(const test::HubProcess& hub, const std::vector<std::string>& args) { return hub.run(args); }

Run list(const test::HubProcess& hub) { return hubRun(hub, {"duplicates", hub.dir.string()}); }
Run dismiss(const test::HubProcess& hub, const std::string& a, const std::string& b) {
    return hubRun(hub, {"duplicates", "dismiss", hub.dir.string(), a, b});
}

// Nothing that identifies the person, in any form the offices wrote it.
const std::vector<std::string> kIdentities = {"Kamarafake", "kamarafake", "Mohamed", "محمد", "كامارافيك",
                                              "1234567", "1991", "Testname", "Fakeperson"};

}  // namespace

TEST_CASE("abri-hub duplicates finds a person registered at two offices, and a dismissal hides the pair",
          "[sync][hub][duplicates]") {
    test::TempDir tmp;
    test::HubProcess hub(tmp.path(), kHubBin);
    hub.start();
    Laptop a(tmp.path(), "a1", "TST-AAA");
    Laptop b(tmp.path(), "b1", "TST-BBB");
    a.enrol(hub);
    b.enrol(hub);
    a.registerCase(R"({"person": {"given_name": "Mohamed", "family_name": "Kamarafake", "gender": "male",
        "date_of_birth": "1991-04-05", "citizenship": "EG",
        "identity_documents": [{"type": "passport", "number": "FK1234567", "country": "EG"}]}})");
    // Office B: Arabic script, family name first, the passport number with spaces.
    b.registerCase(R"({"person": {"given_name": "كامارافيك", "family_name": "محمد", "gender": "male",
        "date_of_birth": "1991-04-05", "citizenship": "EG",
        "identity_documents": [{"type": "passport", "number": "FK 123 4567", "country": "EG"}]}})");
    // Other people, at both offices: a relative of the same family name, and unrelated persons.
    a.registerCase(R"({"person": {"given_name": "Salma", "family_name": "Kamarafake", "gender": "female",
        "date_of_birth": "1994-09-30", "citizenship": "EG"}})");
    a.registerCase(R"({"person": {"given_name": "Testname", "family_name": "Fakeperson", "gender": "female",
        "estimated_age": 30}})");
    b.registerCase(R"({"person": {"given_name": "Grace", "family_name": "Rilubafake", "gender": "female",
        "estimated_age": 24, "citizenship": "NG"}})");
    a.sync(kSyncdBin);
    b.sync(kSyncdBin);

    const auto listed = list(hub);
    INFO(listed.out << listed.err);
    REQUIRE(listed.exitCode == 0);
    const std::regex line(
        R"(score=(\S+) case_a=(TST-AAA-\S+) office_a=TST-AAA case_b=(TST-BBB-\S+) office_b=TST-BBB agree=(\S+)\n)");
    std::smatch found;
    REQUIRE(std::regex_search(listed.out, found, line));
    CHECK(std::stod(found[1].str()) > 0.9);
    CHECK(found[4].str() == "name,date_of_birth,sex,citizenship,identity_document");
    CHECK(contains(listed.out, "candidates 1 cases 5 "));
    CHECK(contains(listed.out, " dismissed_not_shown 0\n"));
    for (const auto& identity : kIdentities) {
        CHECK_FALSE(contains(listed.out, identity));
        CHECK_FALSE(contains(listed.err, identity));
    }
    const std::string codeA = found[2].str();
    const std::string codeB = found[3].str();

    // JSON: the same pair, with the case ids.
    const auto json = hubRun(hub, {"duplicates", hub.dir.string(), "--json"});
    REQUIRE(json.exitCode == 0);
    const auto parsed = nlohmann::json::parse(json.out);
    REQUIRE(parsed["candidates"].size() == 1);
    CHECK(parsed["candidates"][0]["case_a"]["code"] == codeA);
    CHECK(parsed["candidates"][0]["case_b"]["office"] == "TST-BBB");
    CHECK(parsed["candidates"][0]["agree"].size() == 5);
    CHECK(parsed["cases"] == 5);

    // Typed refusals: nothing is recorded.
    auto refused = [&](const std::string& x, const std::string& y, const std::string& code) {
        const auto run = dismiss(hub, x, y);
        INFO(run.err);
        CHECK(run.exitCode == 4);
        CHECK(contains(run.err, "refused: " + code));
        CHECK(contains(run.err, "nothing changed"));
        CHECK(run.out.empty());
    };
    refused(codeA, codeA, "same_case");
    refused(codeA, "TST-CCC-26-ZZZZZZ", "unknown_case: TST-CCC-26-ZZZZZZ");
    const auto badCode = dismiss(hub, codeA, "not a code");
    CHECK(badCode.exitCode == 1);
    CHECK(contains(badCode.err, "invalid value: CODE_B"));
    CHECK(contains(list(hub).out, "candidates 1 "));

    // The dismissal: the pair is no longer listed, in either order, and cannot be dismissed twice.
    const auto dismissed = dismiss(hub, codeB, codeA);
    INFO(dismissed.err);
    REQUIRE(dismissed.exitCode == 0);
    CHECK(dismissed.out == "dismissed " + codeB + " " + codeA + "\n");
    const auto after = list(hub);
    REQUIRE(after.exitCode == 0);
    CHECK(after.out == "candidates 0 cases 5 comparisons " +
                           std::regex_replace(listed.out, std::regex(R"([\s\S]*comparisons (\d+)[\s\S]*)"), "$1") +
                           " dismissed_not_shown 1\n");
    refused(codeA, codeB, "already_dismissed");
    refused(codeB, codeA, "already_dismissed");
}

// `--limit N` lists the N highest-scoring pairs and counts the rest; a dismissal naming a code that two live cases
// carry (each office's laptop wrote the same code into its case's create, which the hub keeps as written) is refused
// as ambiguous and changes nothing.
TEST_CASE("abri-hub duplicates --limit shows the highest-scoring pairs, and an ambiguous code is refused",
          "[sync][hub][duplicates]") {
    test::TempDir tmp;
    test::HubProcess hub(tmp.path(), kHubBin);
    hub.start();
    Laptop a(tmp.path(), "a1", "TST-AAA");
    Laptop b(tmp.path(), "b1", "TST-BBB");
    a.enrol(hub);
    b.enrol(hub);
    // Three persons registered at both offices, with less and less in common.
    a.registerCase(R"({"person": {"given_name": "Mohamed", "family_name": "Kamarafake", "gender": "male",
        "date_of_birth": "1991-04-05", "citizenship": "EG",
        "identity_documents": [{"type": "passport", "number": "FK1234567", "country": "EG"}]}})");
    b.registerCase(R"({"person": {"given_name": "Muhammad", "family_name": "Kamarafake", "gender": "male",
        "date_of_birth": "1991-04-05", "citizenship": "EG",
        "identity_documents": [{"type": "passport", "number": "FK 123 4567", "country": "EG"}]}})");
    a.registerCase(R"({"person": {"given_name": "Grace", "family_name": "Rilubafake", "gender": "female",
        "date_of_birth": "1995-03-02", "citizenship": "NG"}})");
    b.registerCase(R"({"person": {"given_name": "Grace", "family_name": "Rilubafake", "gender": "female",
        "date_of_birth": "1995-03-02"}})");
    a.registerCase(R"({"person": {"given_name": "Olena", "family_name": "Sotabifake", "gender": "female",
        "estimated_age": 30, "citizenship": "UA"}})");
    b.registerCase(R"({"person": {"given_name": "Olena", "family_name": "Sotabifake", "gender": "female",
        "estimated_age": 31, "citizenship": "UA"}})");
    // Two different persons whose cases carry one code, one at each office.
    const std::string sharedCode = "TST-ZZZ-26-SAME01";
    a.registerCase(R"({"case_code": ")" + sharedCode + R"(", "person": {"given_name": "Testname",
        "family_name": "Fakeperson", "gender": "female", "estimated_age": 40}})");
    b.registerCase(R"({"case_code": ")" + sharedCode + R"(", "person": {"given_name": "Linh",
        "family_name": "Tebafake", "gender": "female", "estimated_age": 22, "citizenship": "VN"}})");
    a.sync(kSyncdBin);
    b.sync(kSyncdBin);

    const auto all = list(hub);
    INFO(all.out << all.err);
    REQUIRE(all.exitCode == 0);
    const std::regex line(R"(score=\S+ case_a=\S+ office_a=\S+ case_b=\S+ office_b=\S+ agree=\S+\n)");
    std::vector<std::string> lines;
    for (std::sregex_iterator it(all.out.begin(), all.out.end(), line), end; it != end; ++it) lines.push_back(it->str());
    REQUIRE(lines.size() == 3);
    CHECK(contains(all.out, "candidates 3 cases 8 "));
    CHECK_FALSE(contains(all.out, "limit_not_shown"));  // only with --limit

    // The two highest-scoring pairs, in the same order, and the count of the rest.
    const auto limited = hubRun(hub, {"duplicates", hub.dir.string(), "--limit", "2"});
    INFO(limited.out << limited.err);
    REQUIRE(limited.exitCode == 0);
    const std::string comparisons =
        std::regex_replace(all.out, std::regex(R"([\s\S]*comparisons (\d+)[\s\S]*)"), "$1");
    CHECK(limited.out == lines[0] + lines[1] + "candidates 3 cases 8 comparisons " + comparisons +
                             " dismissed_not_shown 0 limit_not_shown 1\n");
    const auto wide = hubRun(hub, {"duplicates", hub.dir.string(), "--limit", "50"});
    CHECK(wide.out == lines[0] + lines[1] + lines[2] + "candidates 3 cases 8 comparisons " + comparisons +
                          " dismissed_not_shown 0 limit_not_shown 0\n");
    const auto json = hubRun(hub, {"duplicates", hub.dir.string(), "--json", "--limit", "1"});
    REQUIRE(json.exitCode == 0);
    const auto parsed = nlohmann::json::parse(json.out);
    REQUIRE(parsed["candidates"].size() == 1);
    CHECK(parsed["limit"] == 1);
    CHECK(parsed["limit_not_shown"] == 2);
    CHECK(contains(lines[0], "case_a=" + parsed["candidates"][0]["case_a"]["code"].get<std::string>() + " "));
    CHECK(nlohmann::json::parse(hubRun(hub, {"duplicates", hub.dir.string(), "--json"}).out)["limit"].is_null());
    for (const std::string bad : {"0", "two", "2x", "1000000001"}) {
        const auto run = hubRun(hub, {"duplicates", hub.dir.string(), "--limit", bad});
        INFO(bad << ": " << run.err);
        CHECK(run.exitCode == 2);
        CHECK(contains(run.err, "--limit"));
        CHECK(run.out.empty());
    }
    for (const auto& run : {all, limited, wide, json}) {
        for (const auto& identity : kIdentities) CHECK_FALSE(contains(run.out, identity));
    }

    // The shared code names two live cases: refused whichever side it is on, and nothing is recorded.
    const std::string other = std::regex_replace(lines[0], std::regex(R"(.*case_a=(\S+) .*\n)"), "$1");
    for (const auto& [x, y] : {std::pair{sharedCode, other}, std::pair{other, sharedCode}}) {
        const auto run = dismiss(hub, x, y);
        INFO(run.err);
        CHECK(run.exitCode == 4);
        CHECK(contains(run.err, "refused: ambiguous_case_code: " + sharedCode));
        CHECK(contains(run.err, "nothing changed"));
        CHECK(run.out.empty());
    }
    CHECK(list(hub).out == all.out);  // nothing dismissed
}
