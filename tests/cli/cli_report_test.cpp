// End-to-end tests of `abri-cli report`: the real binary on a vault holding 30 known synthetic cases, so every
// expected count below is worked out by hand:
//   14 women, born 2000-01-01, registered 2025-06-01 (age 25: band 24-26), NG, sexual exploitation, each with a
//      consent to research;
//   12 men,   born 1990-01-01, registered 2024-06-01 (age 34: band 30-38), NG, forced labour;
//    4 girls, born 2010-01-01, registered 2025-06-01 (age 15: band 9-17, minors), TN, both types.
// With the default minimum cell size 11, the 4 girls are a small cell: it must print as "<11", never as 4.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "audit/audit_log.h"
#include "cli_vault.h"
#include "vault/vault.h"

using namespace abri::test;
using Json = nlohmann::json;

namespace {

constexpr const char* kSuperPassword = "Super-Fake-Password-33";

Json personCase(const char* gender, const char* born, const char* registered, const char* citizenship,
                const std::vector<std::string>& types, bool researchConsent) {
    Json doc = {{"registered_on", registered},
                {"person", {{"gender", gender}, {"date_of_birth", born}, {"citizenship", citizenship}}},
                {"situation", {{"exploitation_types", types}}}};
    if (researchConsent) {
        doc["items"] = Json::array(
            {{{"kind", "consent"}, {"scope", "research"}, {"given", true}, {"recorded_on", registered}}});
    }
    return doc;
}

struct ReportVault : CliVault {
    ReportVault() {
        Json cases = Json::array();
        for (int i = 0; i < 14; ++i)
            cases.push_back(personCase("female", "2000-01-01", "2025-06-01", "NG", {"sexual_exploitation"}, true));
        for (int i = 0; i < 12; ++i)
            cases.push_back(personCase("male", "1990-01-01", "2024-06-01", "NG", {"forced_labour"}, false));
        for (int i = 0; i < 4; ++i) {
            cases.push_back(personCase("female", "2010-01-01", "2025-06-01", "TN",
                                       {"sexual_exploitation", "forced_labour"}, false));
        }
        writeFile(dir / "cases.json", cases.dump());
        REQUIRE(asWorker({"case", "add"}, {(dir / "cases.json").string()}).exitCode == 0);
        writeSecret(superPw(), std::string(kSuperPassword) + "\n");
        addUser("testsuper", "supervisor", superPw());
    }
    std::filesystem::path superPw() const { return dir / "super.pw"; }

    // `report run --report ID --format json EXTRA...` as the caseworker; the parsed table.
    Json runJson(const std::string& report, const std::vector<std::string>& extra = {}) const {
        std::vector<std::string> args{"--report", report, "--format", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        auto result = asWorker({"report", "run"}, args);
        INFO(result.err);
        REQUIRE(result.exitCode == 0);
        return Json::parse(result.out);
    }
    ProcessResult asSuper(const std::vector<std::string>& words, const std::vector<std::string>& extra) const {
        return as("testsuper", superPw(), words, extra);
    }
};

// The published value of a one-way table's row, or of a cross-tab's cell.
Json cell(const Json& table, const std::string& row, const std::string& column = {}) {
    const auto& rows = table["rows"];
    const auto r = std::find(rows.begin(), rows.end(), row) - rows.begin();
    REQUIRE(r < static_cast<std::ptrdiff_t>(rows.size()));
    std::ptrdiff_t c = 0;
    if (!column.empty()) {
        const auto& columns = table["columns"];
        c = std::find(columns.begin(), columns.end(), column) - columns.begin();
        REQUIRE(c < static_cast<std::ptrdiff_t>(columns.size()));
    }
    return table["cells"][static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
}

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("report run prints exact counts of persons by sex, type, period and filter", "[cli][reports]") {
    ReportVault v;

    const Json bySex = v.runJson("persons_by_sex");
    CHECK(cell(bySex, "female") == 18);
    CHECK(cell(bySex, "male") == 12);
    CHECK(cell(bySex, "unknown") == 0);
    CHECK(bySex["total"] == 30);
    CHECK(bySex["suppressed"] == 0);
    CHECK(bySex["multi_valued"] == false);
    CHECK(bySex["minimum_cell_size"] == 11);

    // Multi-valued: the 4 girls count under both types, once in the total.
    const Json byType = v.runJson("persons_by_exploitation_type");
    CHECK(cell(byType, "sexual_exploitation") == 18);
    CHECK(cell(byType, "forced_labour") == 16);
    CHECK(byType["total"] == 30);
    CHECK(byType["multi_valued"] == true);

    // The period: registered in 2025 (the men were registered in 2024).
    const Json in2025 = v.runJson("persons_by_sex", {"--from", "2025-01-01", "--to", "2025-12-31"});
    CHECK(cell(in2025, "female") == 18);
    CHECK(cell(in2025, "male") == 0);
    CHECK(in2025["total"] == 18);
    CHECK(in2025["report"]["from"] == "2025-01-01");

    // Filters, repeated: all must hold.
    const Json menInForcedLabour =
        v.runJson("persons_by_age_band", {"--filter", "exploitation_type=forced_labour", "--filter", "gender=male"});
    CHECK(cell(menInForcedLabour, "30-38") == 12);
    CHECK(menInForcedLabour["total"] == 12);
    const Json eitherCitizenship = v.runJson("persons_by_sex", {"--filter", "citizenship=TN,NG"});
    CHECK(eitherCitizenship["total"] == 30);

    // The table: a header, a rule, one line per category, the total, and the note on suppression.
    auto table = v.asWorker({"report", "run"}, {"--report", "persons_by_sex"});
    REQUIRE(table.exitCode == 0);
    CHECK(contains(table.out, "Persons assisted by sex [persons_by_sex]\n"));
    CHECK(contains(table.out, "gender"));
    CHECK(contains(table.out, "\nfemale  "));
    CHECK(contains(table.out, "18       60.0\n"));
    CHECK(contains(table.out, "\nmale  "));
    CHECK(contains(table.out, "12       40.0\n"));
    CHECK(contains(table.out, "\ntotal  "));
    CHECK(contains(table.out, "show as <11"));
}

TEST_CASE("report run suppresses small cells as <11 in every format and never prints them", "[cli][reports]") {
    ReportVault v;
    // The 4 girls (TN) alone: every non-zero value is below 11.
    const Json girls = v.runJson("persons_by_sex", {"--filter", "citizenship=TN"});
    CHECK(cell(girls, "female") == "<11");
    CHECK(girls["total"] == "<11");
    CHECK(girls.dump().find(":4") == std::string::npos);
    CHECK(girls.dump().find(",4") == std::string::npos);
    CHECK(girls.dump().find("[4") == std::string::npos);

    auto table = v.asWorker({"report", "run"}, {"--report", "persons_by_sex", "--filter", "citizenship=TN"});
    REQUIRE(table.exitCode == 0);
    CHECK(contains(table.out, "<11"));
    CHECK_FALSE(contains(table.out, "  4\n"));
    CHECK_FALSE(contains(table.out, "  4  "));

    auto csv = v.asWorker({"report", "run"},
                          {"--report", "persons_by_sex", "--filter", "citizenship=TN", "--format", "csv"});
    REQUIRE(csv.exitCode == 0);
    CHECK(contains(csv.out, "gender,persons\r\n"));
    CHECK(contains(csv.out, "\nfemale,<11\r\n"));
    CHECK(contains(csv.out, "\ntotal,<11\r\n"));
    CHECK_FALSE(contains(csv.out, ",4\r"));

    // A cross-tab: the girls' cell in the 9-17 band is primary-suppressed; the large cells stay exact unless
    // complementary suppression needs them, and no suppressed value appears anywhere.
    writeFile(v.dir / "age-by-sex.json", R"({"rows": "age_band", "columns": "gender"})");
    auto cross = v.asWorker({"report", "run"}, {"--definition", (v.dir / "age-by-sex.json").string(), "--json"});
    REQUIRE(cross.exitCode == 0);
    const Json crossTab = Json::parse(cross.out);
    CHECK(cell(crossTab, "9-17", "female") == "<11");
    for (const char* key : {"report", "rows", "columns", "cells", "row_totals", "column_totals", "total",
                            "multi_valued", "internal_only", "minimum_cell_size", "rounded", "suppressed"}) {
        CHECK(crossTab.contains(key));
    }
    CHECK(crossTab["rows"].size() == crossTab["cells"].size());
    CHECK(crossTab["columns"].size() == crossTab["cells"][0].size());
    CHECK(crossTab["row_totals"].size() == crossTab["rows"].size());
    CHECK(crossTab["column_totals"].size() == crossTab["columns"].size());
    CHECK(crossTab["suppressed"].get<int>() >= 2);  // the small cell and at least one that would give it away
    const auto published = crossTab["cells"].dump() + crossTab["row_totals"].dump() + crossTab["column_totals"].dump();
    CHECK(published.find(",4,") == std::string::npos);
    CHECK(published.find("[4,") == std::string::npos);
    CHECK(published.find(",4]") == std::string::npos);

    // A larger k set for the vault: the 12 men fall under it.
    REQUIRE(v.asAdmin({"report", "settings"}, {"--min-cell-size", "15"}).exitCode == 0);
    auto settings = v.asWorker({"report", "settings"}, {"--json"});
    REQUIRE(settings.exitCode == 0);
    CHECK(Json::parse(settings.out)["minimum_cell_size"] == 15);
    const Json strict = v.runJson("persons_by_sex");
    CHECK(cell(strict, "male") == "<15");
    CHECK(strict["minimum_cell_size"] == 15);
}

TEST_CASE("report list shows built-in and saved reports, and a saved report runs by its id", "[cli][reports]") {
    ReportVault v;
    auto list = v.asWorker({"report", "list"});
    REQUIRE(list.exitCode == 0);
    CHECK(contains(list.out, "persons_by_age_band"));
    CHECK(contains(list.out, "exploitation_by_sex"));
    CHECK(contains(list.out, "0 saved report(s)"));

    writeFile(v.dir / "saved.json",
              R"({"title": "Minors by type", "rows": "exploitation_type",
                  "filters": [{"dimension": "minor_status", "codes": ["minor"]}]})");
    auto save = v.asWorker({"report", "save"}, {"--definition", (v.dir / "saved.json").string(), "--json"});
    REQUIRE(save.exitCode == 0);
    const std::string id = Json::parse(save.out)["saved"]["id"].get<std::string>();

    auto listed = v.asWorker({"report", "list"}, {"--format", "json"});
    REQUIRE(listed.exitCode == 0);
    const Json reports = Json::parse(listed.out)["reports"];
    const auto saved = std::find_if(reports.begin(), reports.end(), [](const Json& r) { return r["kind"] == "saved"; });
    REQUIRE(saved != reports.end());
    CHECK((*saved)["id"] == id);
    CHECK((*saved)["title"] == "Minors by type");
    CHECK((*saved)["definition"]["rows"] == "exploitation_type");
    CHECK(std::count_if(reports.begin(), reports.end(), [](const Json& r) { return r["kind"] == "builtin"; }) == 10);

    const Json minors = v.runJson(id);
    CHECK(cell(minors, "sexual_exploitation") == "<11");
    CHECK(cell(minors, "forced_labour") == "<11");
    CHECK(minors["report"]["title"] == "Minors by type");
}

TEST_CASE("report export-anonymised writes the research CSV with its summary, audited", "[cli][reports]") {
    ReportVault v;
    const auto output = v.dir / "research.csv";
    auto exported = v.asSuper({"report", "export-anonymised"}, {"--output", output.string(), "--json"});
    INFO(exported.err << exported.out);
    REQUIRE(exported.exitCode == 0);
    const Json summary = Json::parse(exported.out);
    CHECK(summary["consenting"] == 14);  // only the women consented to research
    CHECK(summary["exported"].get<int>() + summary["withheld"].get<int>() == 14);
    CHECK(summary["k"] == 11);
    REQUIRE(std::filesystem::exists(output));
    CHECK(contains(bytesOf(output), "yearOfRegistration"));

    // 14 identical quasi-identifier combinations cannot reach k = 20: all withheld, said so.
    auto strict =
        v.asSuper({"report", "export-anonymised"}, {"--output", (v.dir / "strict.csv").string(), "--k", "20"});
    REQUIRE(strict.exitCode == 0);
    CHECK(contains(strict.out, "consenting: 14"));
    CHECK(contains(strict.out, "exported:   0"));
    CHECK(contains(strict.out, "withheld:   14"));

    // Caseworkers may not export record-level data.
    auto refused = v.asWorker({"report", "export-anonymised"}, {"--output", (v.dir / "refused.csv").string()});
    CHECK(refused.exitCode == 1);
    CHECK(contains(refused.err, "permission denied"));
    CHECK_FALSE(std::filesystem::exists(v.dir / "refused.csv"));

    // Recorded in the audit log: who exported how many records (no content).
    auto admin = abri::vault::Vault::unlock(v.vault(), "testadmin", kAdminPassword);
    std::size_t exports = 0;
    for (const auto& entry : admin->audit().page(0, 50))
        exports += entry.action == abri::audit::Action::Exported && entry.field == "anonymised";
    CHECK(exports == 2);
}

TEST_CASE("report input errors name the field, exit non-zero and write nothing", "[cli][reports]") {
    ReportVault v;
    auto expectError = [&](const ProcessResult& result, const std::string& named) {
        INFO(result.err);
        CHECK(result.exitCode == 1);
        CHECK(contains(result.err, named));
        CHECK(result.out.empty());
    };
    auto run = [&](const std::vector<std::string>& extra) {
        std::vector<std::string> args{"--report", "persons_by_sex"};
        args.insert(args.end(), extra.begin(), extra.end());
        return v.asWorker({"report", "run"}, args);
    };
    expectError(run({"--filter", "colour=red"}), "unknown field: --filter colour");
    expectError(run({"--filter", "gender=purple"}), "not a known code: --filter gender");
    expectError(run({"--filter", "exploitation_type=unknown"}), "not a known code: filters[0].codes[0]");
    expectError(run({"--from", "2025-12-31", "--to", "2025-01-01"}), "invalid value: period");
    expectError(run({"--from", "2025-13-01"}), "invalid date (expected YYYY-MM-DD): from");
    expectError(v.asWorker({"report", "run"}, {"--report", "no_such_report"}), "invalid value: report");
    writeFile(v.dir / "bad.json", R"({"rows": "colour"})");
    expectError(v.asWorker({"report", "run"}, {"--definition", (v.dir / "bad.json").string()}), "unknown field: rows");
    writeFile(v.dir / "broken.json", "{\"rows\": ");
    expectError(v.asWorker({"report", "save"}, {"--definition", (v.dir / "broken.json").string()}), "invalid JSON");
    writeFile(v.dir / "untitled.json", R"({"rows": "gender"})");
    expectError(v.asWorker({"report", "save"}, {"--definition", (v.dir / "untitled.json").string()}),
                "required field missing: title");

    // k below the floor, for the vault setting and for the export.
    expectError(v.asAdmin({"report", "settings"}, {"--min-cell-size", "3"}), "value out of range: minimum_cell_size");
    CHECK(Json::parse(v.asWorker({"report", "settings"}, {"--json"}).out)["minimum_cell_size"] == 11);
    const auto lowK = v.dir / "low-k.csv";
    expectError(v.asSuper({"report", "export-anonymised"}, {"--output", lowK.string(), "--k", "3"}),
                "value out of range: k");
    CHECK_FALSE(std::filesystem::exists(lowK));

    // An output path that cannot be written: an error, and no file (nor a temporary one) left behind.
    const auto missingFolder = v.dir / "no-such-folder" / "out.csv";
    auto unwritable = v.asSuper({"report", "export-anonymised"}, {"--output", missingFolder.string()});
    CHECK(unwritable.exitCode == 1);
    CHECK(contains(unwritable.err, "input/output error"));
    CHECK_FALSE(std::filesystem::exists(missingFolder.parent_path()));

    // Errors as JSON for scripts.
    auto json = run({"--filter", "gender=purple", "--json"});
    CHECK(json.exitCode == 1);
    const Json error = Json::parse(json.out);
    CHECK(error["error"] == "invalid_code");
    CHECK(error["subject"] == "--filter gender");
}
