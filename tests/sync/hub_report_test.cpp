// `abri-hub report` with real processes on 127.0.0.1: a hub (abri-hub serve), laptops of two offices enrolled with
// tokens and synced by abri-syncd, then the report command run as its own abri-hub process. The region's table
// counts every office's cases, --office one office's, with the same disclosure control as the vaults (k = 11 by
// default: office B's 9 cases print as "<11"), and never a name or a case code. Bad options are errors that name the
// field and print no table.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

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

// `n` cases of obviously fake persons, named after the laptop.
void registerCases(Laptop& laptop, int n) {
    for (int i = 0; i < n; ++i)
        laptop.registerCase(R"({"person": {"given_name": "Testname )" + laptop.name + std::to_string(i) +
                            R"(", "family_name": "Fakeperson", "gender": "female"}})");
}

struct Run {
    int exitCode = -1;
    std::string out;
    std::string err;  // abri-hub's standard error (its own log file)
};

// `abri-hub report DIR ARGS...` as its own process.
Run report(const test::HubProcess& hub, const std::vector<std::string>& args) {
    static int runs = 0;
    const fs::path log = hub.dir.parent_path() / ("report-" + std::to_string(++runs) + ".log");
    std::vector<std::string> all{"report", hub.dir.string()};
    all.insert(all.end(), args.begin(), args.end());
    Run run;
    run.exitCode = test::runToEnd(hub.binary, all, log, 60s, &run.out);
    run.err = test::readText(log);
    return run;
}

// The value on the table's "total" line.
std::string totalOf(const std::string& table) {
    std::istringstream lines(table);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("total ", 0) != 0) continue;
        std::istringstream words(line.substr(6));
        std::string value;
        words >> value;
        return value;
    }
    return "(no total line)";
}

}  // namespace

TEST_CASE("abri-hub report counts every office's merged cases with the offices' disclosure control",
          "[sync][hub][reports]") {
    test::TempDir tmp;
    test::HubProcess hub(tmp.path(), kHubBin);
    hub.start();
    Laptop a(tmp.path(), "a1", "TST-AAA");
    Laptop b(tmp.path(), "b1", "TST-BBB");
    a.enrol(hub);
    b.enrol(hub);
    registerCases(a, 12);
    registerCases(b, 9);
    a.sync(kSyncdBin);
    b.sync(kSyncdBin);

    // The region: 21 women; a table with its total, codes only.
    const auto region = report(hub, {"--report", "persons_by_sex"});
    INFO(region.err);
    REQUIRE(region.exitCode == 0);
    CHECK(totalOf(region.out) == "21");
    CHECK(contains(region.out, "Persons assisted by sex [persons_by_sex]\n"));
    CHECK(contains(region.out, "Scope: every office of the region\n"));
    CHECK(contains(region.out, "\nfemale "));
    for (const char* identity : {"Testname", "Fakeperson", "TST-AAA-", "TST-BBB-"}) {
        CHECK_FALSE(contains(region.out, identity));
        CHECK_FALSE(contains(region.err, identity));
    }

    // One office: its own cases; office B's 9 are below k and print as "<11", never as 9.
    const auto officeA = report(hub, {"--report", "persons_by_sex", "--office", "TST-AAA"});
    REQUIRE(officeA.exitCode == 0);
    CHECK(totalOf(officeA.out) == "12");
    CHECK(contains(officeA.out, "Scope: office TST-AAA\n"));
    const auto officeB = report(hub, {"--report", "persons_by_sex", "--office", "TST-BBB"});
    REQUIRE(officeB.exitCode == 0);
    CHECK(totalOf(officeB.out) == "<11");
    CHECK_FALSE(contains(officeB.out, " 9\n"));
    CHECK_FALSE(contains(officeB.out, " 9 "));
    // A smaller k, never below the floor, shows them.
    CHECK(totalOf(report(hub, {"--report", "persons_by_sex", "--office", "TST-BBB", "--min-cell-size", "5"}).out) ==
          "9");

    // JSON and CSV carry the same protected values.
    const auto json = report(hub, {"--report", "persons_by_sex", "--format", "json"});
    REQUIRE(json.exitCode == 0);
    const auto parsed = nlohmann::json::parse(json.out);
    CHECK(parsed["total"] == 21);
    CHECK(parsed["office"].is_null());
    CHECK(parsed["minimum_cell_size"] == 11);
    const auto csv = report(hub, {"--report", "persons_by_sex", "--format", "csv", "--office", "TST-BBB"});
    REQUIRE(csv.exitCode == 0);
    CHECK(contains(csv.out, "\ntotal,<11\r\n"));

    // A period with nothing in it is an empty table, not an error.
    const auto past = report(hub, {"--report", "persons_by_sex", "--to", "2020-12-31"});
    REQUIRE(past.exitCode == 0);
    CHECK(totalOf(past.out) == "0");

    const auto list = report(hub, {"--list"});
    REQUIRE(list.exitCode == 0);
    CHECK(contains(list.out, "persons_by_age_band  Persons assisted by age\n"));
    CHECK(contains(list.out, "exploitation_by_sex  "));
}

TEST_CASE("abri-hub report refuses a bad report id, a bad date or a cell size below 5, printing no table",
          "[sync][hub][reports]") {
    test::TempDir tmp;
    test::HubProcess hub(tmp.path(), kHubBin);  // a store, no server needed
    auto expectError = [&](const std::vector<std::string>& args, int exitCode, const std::string& named) {
        const auto run = report(hub, args);
        INFO(run.err);
        CHECK(run.exitCode == exitCode);
        CHECK(contains(run.err, named));
        CHECK(run.out.empty());
    };
    expectError({"--report", "no_such_report"}, 1, "invalid value: report");
    expectError({"--office", "TST-AAA"}, 1, "required field missing: report");
    expectError({"--report", "persons_by_sex", "--from", "2025-02-30"}, 1, "invalid date (expected YYYY-MM-DD): from");
    expectError({"--report", "persons_by_sex", "--to", "yesterday"}, 1, "invalid date (expected YYYY-MM-DD): to");
    expectError({"--report", "persons_by_sex", "--from", "2026-01-01", "--to", "2025-01-01"}, 1,
                "invalid value: period");
    expectError({"--report", "persons_by_sex", "--min-cell-size", "3"}, 1, "value out of range: min-cell-size");
    expectError({"--report", "persons_by_sex", "--min-cell-size", "three"}, 1, "invalid value: min-cell-size");
    expectError({"--report", "persons_by_sex", "--office", "not an office"}, 1, "invalid value: office");
    expectError({"--report", "persons_by_sex", "--format", "pdf"}, 1, "invalid value: format");
}
