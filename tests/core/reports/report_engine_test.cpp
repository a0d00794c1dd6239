// The report engine against a vault of known synthetic cases: every expected count below is worked out by hand
// from the cases the fixture creates.
#include <catch2/catch.hpp>

#include "../cases/repository_fixture.h"
#include "cases/case_store.h"
#include "common/error.h"
#include "reports/builtin_reports.h"
#include "reports/report_engine.h"
#include "reports/report_settings.h"
#include "reports/saved_reports.h"
#include "storage/database.h"
#include "storage/meta.h"

using namespace abri;
using Json = nlohmann::json;
using reports::Dimension;

namespace {

struct KnownCases : test::RepositoryFixture {
    std::string deletedId;

    // gender/citizenship "" = not recorded; age < 0 = unknown.
    std::string add(const std::string& gender, int age, const std::string& citizenship, const Json& types,
                    const std::string& exploitationCountry, const std::string& registeredOn, const Json& items = Json::array()) {
        Json doc = {{"registered_on", registeredOn}, {"person", Json::object()}, {"items", items}};
        if (!gender.empty()) doc["person"]["gender"] = gender;
        if (age >= 0) doc["person"]["estimated_age"] = age;
        if (!citizenship.empty()) doc["person"]["citizenship"] = citizenship;
        if (!types.empty()) doc["situation"] = {{"exploitation_types", types}};
        if (!exploitationCountry.empty())
            doc["items"].push_back({{"kind", "event"}, {"type", "exploitation"}, {"country", exploitationCountry}});
        return repo().createCase(doc);
    }

    KnownCases() {
        const Json medicalDone = {{{"kind", "service"}, {"type", "medical"}, {"status", "completed"}}};
        const Json twoServices = {{{"kind", "service"}, {"type", "medical"}, {"status", "ongoing"}},
                                  {{"kind", "service"}, {"type", "legal"}, {"status", "planned"}}};
        for (int i = 0; i < 5; ++i) add("female", 25, "NG", {"sexual_exploitation"}, "FR", "2025-03-10", medicalDone);
        for (int i = 0; i < 3; ++i) add("male", 30, "NG", {"forced_labour"}, "NG", "2026-01-15");
        for (int i = 0; i < 2; ++i)
            add("female", 15, "TN", {"sexual_exploitation", "forced_labour"}, "LY", "2026-02-01", twoServices);
        add("", -1, "", Json::array(), "", "2026-04-01");
        login("super", test::kSupervisorPassword);
        deletedId = add("male", 40, "NG", {"forced_labour"}, "NG", "2026-01-20");
        repo().deleteCase(deletedId);
    }

    reports::RawTable raw(Dimension rows, std::optional<Dimension> columns = {}) {
        reports::ReportDefinition d;
        d.rows = rows;
        d.columns = columns;
        return reports::countReport(vault->db(), d);
    }
};

std::int64_t rowCount(const reports::RawTable& t, const std::string& key) {
    for (std::size_t i = 0; i < t.rowKeys.size(); ++i)
        if (t.rowKeys[i] == key) return t.rowTotals[i];
    FAIL("no row " << key);
    return -1;
}

std::int64_t cell(const reports::RawTable& t, const std::string& row, const std::string& column) {
    for (std::size_t r = 0; r < t.rowKeys.size(); ++r)
        for (std::size_t c = 0; c < t.columnKeys.size(); ++c)
            if (t.rowKeys[r] == row && t.columnKeys[c] == column) return t.cells[r][c];
    FAIL("no cell " << row << "/" << column);
    return -1;
}

}  // namespace

TEST_CASE("one-way tables count persons exactly, and a deleted case is not counted", "[reports]") {
    KnownCases v;
    const auto bySex = v.raw(Dimension::Gender);
    CHECK(bySex.grandTotal == 11);
    CHECK(rowCount(bySex, "female") == 7);
    CHECK(rowCount(bySex, "male") == 3);
    CHECK(rowCount(bySex, "transgender_nonconforming") == 0);
    CHECK(rowCount(bySex, "unknown") == 1);
    CHECK_FALSE(bySex.multiValued);

    const auto byAge = v.raw(Dimension::AgeBand);
    CHECK(byAge.rowKeys == cases::ageBands());
    CHECK(rowCount(byAge, "24-26") == 5);
    CHECK(rowCount(byAge, "30-38") == 3);
    CHECK(rowCount(byAge, "9-17") == 2);
    CHECK(rowCount(byAge, "unknown") == 1);
    CHECK(rowCount(byAge, "39-47") == 0);  // the deleted case was 40

    const auto minors = v.raw(Dimension::MinorStatus);
    CHECK(rowCount(minors, "minor") == 2);
    CHECK(rowCount(minors, "adult") == 8);
    CHECK(rowCount(minors, "unknown") == 1);

    const auto international = v.raw(Dimension::International);
    CHECK(rowCount(international, "international") == 7);
    CHECK(rowCount(international, "internal") == 3);
    CHECK(rowCount(international, "unknown") == 1);

    const auto byYear = v.raw(Dimension::RegistrationYear);
    CHECK(byYear.rowKeys == std::vector<std::string>{"2025", "2026"});
    CHECK(rowCount(byYear, "2025") == 5);
    CHECK(rowCount(byYear, "2026") == 6);
}

TEST_CASE("multi-valued dimensions count a person once in each value, totals once per person", "[reports]") {
    KnownCases v;
    const auto byType = v.raw(Dimension::ExploitationType);
    CHECK(byType.multiValued);
    CHECK(rowCount(byType, "sexual_exploitation") == 7);
    CHECK(rowCount(byType, "forced_labour") == 5);
    CHECK(rowCount(byType, "unknown") == 1);
    CHECK(byType.grandTotal == 11);  // not 13: the two persons with both types are one person each

    const auto bySex = v.raw(Dimension::ExploitationType, Dimension::Gender);
    CHECK(cell(bySex, "sexual_exploitation", "female") == 7);
    CHECK(cell(bySex, "forced_labour", "female") == 2);
    CHECK(cell(bySex, "forced_labour", "male") == 3);
    CHECK(cell(bySex, "sexual_exploitation", "male") == 0);
    CHECK(cell(bySex, "unknown", "unknown") == 1);
    CHECK(bySex.columnTotals[0] == 7);  // female
    CHECK(bySex.grandTotal == 11);

    const auto countries = v.raw(Dimension::CountryOfExploitation);
    CHECK(rowCount(countries, "FR") == 5);
    CHECK(rowCount(countries, "NG") == 3);
    CHECK(rowCount(countries, "LY") == 2);
    CHECK(rowCount(countries, "unknown") == 1);
}

TEST_CASE("services pair each service's type with its own status", "[reports]") {
    KnownCases v;
    const auto services = v.raw(Dimension::ServiceType, Dimension::ServiceStatus);
    CHECK(cell(services, "medical", "completed") == 5);
    CHECK(cell(services, "medical", "ongoing") == 2);
    CHECK(cell(services, "legal", "planned") == 2);
    CHECK(cell(services, "legal", "ongoing") == 0);  // the two persons' legal service is planned, not ongoing
    CHECK(cell(services, "none", "none") == 4);
    CHECK(rowCount(services, "medical") == 7);
    CHECK(services.grandTotal == 11);
}

TEST_CASE("filters and the period narrow the persons counted", "[reports]") {
    KnownCases v;
    reports::ReportDefinition d;
    d.rows = Dimension::AgeBand;
    d.filters = {{Dimension::Gender, {"female"}}};
    d.from = "2026-01-01";
    auto t = reports::countReport(v.vault->db(), d);
    CHECK(t.grandTotal == 2);
    CHECK(rowCount(t, "9-17") == 2);
    d.filters = {{Dimension::ExploitationType, {"forced_labour"}}, {Dimension::International, {"internal"}}};
    d.from.reset();
    t = reports::countReport(v.vault->db(), d);
    CHECK(t.grandTotal == 3);
    d.filters = {{Dimension::ServiceType, {"legal", "medical"}}};
    CHECK(reports::countReport(v.vault->db(), d).grandTotal == 7);
}

TEST_CASE("published tables suppress small cells and never carry their value", "[reports]") {
    KnownCases v;
    reports::setMinimumCellSize(*v.vault, 5);
    reports::ReportEngine engine(*v.vault);
    const auto table = engine.run(*reports::findBuiltinReport("persons_by_sex"));
    REQUIRE(table.rowKeys[0] == "female");
    CHECK(table.cells[0][0] == 7);
    CHECK(table.minimumCellSize == 5);
    for (std::size_t r = 0; r < table.rowKeys.size(); ++r) {
        if (table.rowKeys[r] == "transgender_nonconforming") CHECK(table.cells[r][0] == 0);  // a true zero is shown
        if (table.rowKeys[r] == "male" || table.rowKeys[r] == "unknown") {
            CHECK_FALSE(table.cells[r][0].has_value());
            CHECK(reports::formatValue(table, table.cells[r][0]) == "<5");
        }
        if (table.cells[r][0] && *table.cells[r][0] != 0) CHECK(*table.cells[r][0] >= 5);
    }
    const std::string csv = reports::toCsv(table);
    CHECK(csv.find("male,<5") != std::string::npos);
    CHECK(csv.find(",3\r") == std::string::npos);
    const auto json = reports::toJson(table);
    CHECK(json["cells"][1][0] == "<5");

    // The vault default is 11: at that k nothing of these 11 persons is shown but zeros and suppressed cells.
    v.login("admin", test::kAdminPassword);
    CHECK(reports::minimumCellSize(*v.vault) == 5);
}

TEST_CASE("report definitions and settings reject bad input with a typed error naming the field", "[reports]") {
    KnownCases v;
    auto code = [](const auto& call) -> std::pair<ErrorCode, std::string> {
        try {
            call();
        } catch (const Error& e) {
            return {e.code(), e.subject()};
        }
        return {ErrorCode::Internal, "no error"};
    };
    CHECK(code([] { reports::definitionFromJson({{"rows", "shoe_size"}}); }) ==
          std::pair{ErrorCode::UnknownField, std::string("rows")});
    CHECK(code([] {
              reports::definitionFromJson({{"rows", "gender"}, {"filters", {{{"dimension", "gender"}, {"codes", {"fmale"}}}}}});
          }) == std::pair{ErrorCode::InvalidCode, std::string("filters[0].codes[0]")});
    CHECK(code([] { reports::definitionFromJson({{"rows", "gender"}, {"from", "2026-05-01"}, {"to", "2026-04-01"}}); }) ==
          std::pair{ErrorCode::InvalidValue, std::string("period")});
    CHECK(code([] { reports::definitionFromJson({{"rows", "gender"}, {"from", "2026-02-30"}}); }) ==
          std::pair{ErrorCode::InvalidDate, std::string("from")});
    CHECK(code([] { reports::definitionFromJson({{"rows", "gender"}, {"columns", "gender"}}); }).second == "columns");
    CHECK(code([&] { reports::setMinimumCellSize(*v.vault, 4); }) ==
          std::pair{ErrorCode::ValueOutOfRange, std::string("minimum_cell_size")});
    CHECK(reports::minimumCellSize(*v.vault) == 11);
    // A caseworker runs reports but not breakdowns by caseworker, and cannot change k.
    v.login("worker", test::kWorkerPassword);
    reports::ReportEngine engine(*v.vault);
    reports::ReportDefinition byWorker;
    byWorker.rows = Dimension::Caseworker;
    CHECK(code([&] { engine.run(byWorker); }).first == ErrorCode::PermissionDenied);
    CHECK(code([&] { reports::setMinimumCellSize(*v.vault, 20); }).first == ErrorCode::PermissionDenied);
}

TEST_CASE("a report over an empty vault is a table of zeros", "[reports]") {
    test::RepositoryFixture empty;
    reports::ReportEngine engine(*empty.vault);
    const auto table = engine.run(*reports::findBuiltinReport("exploitation_by_sex"));
    CHECK(table.grandTotal == 0);
    for (const auto& row : table.cells)
        for (const auto& value : row) CHECK(value == 0);
    const auto flow = engine.run(*reports::findBuiltinReport("case_flow_by_month"));
    CHECK(flow.rowKeys.empty());  // months come from the data
    CHECK(flow.grandTotal == 0);
}

TEST_CASE("every built-in report runs, and saved reports round-trip", "[reports]") {
    KnownCases v;
    reports::ReportEngine engine(*v.vault);
    std::size_t progressCalls = 0;
    const auto tables = engine.runAll(reports::builtinReports(), false, [&](std::size_t, std::size_t) {
        ++progressCalls;
        return true;
    });
    CHECK(tables.size() == reports::builtinReports().size());
    CHECK(progressCalls == tables.size() + 1);
    for (const auto& t : tables) CHECK((t.grandTotal == 11 || !t.grandTotal));

    reports::ReportDefinition mine;
    mine.title = "Sector by sex, 2026";
    mine.rows = Dimension::LabourSector;
    mine.columns = Dimension::Gender;
    mine.from = "2026-01-01";
    const std::string id = reports::saveReport(*v.vault, mine);
    auto saved = reports::savedReports(*v.vault);
    REQUIRE(saved.size() == 1);
    mine.id = id;
    CHECK(saved[0] == mine);
    reports::deleteSavedReport(*v.vault, id);
    CHECK(reports::savedReports(*v.vault).empty());
}

TEST_CASE("a vault from before reports gets its statistics facts on first use", "[reports]") {
    KnownCases v;
    const auto before = v.raw(Dimension::ExploitationType, Dimension::AgeBand);
    // As schema step 5 leaves a vault that already held cases: no facts, marked stale.
    for (const char* table : {"case_facts", "case_fact_codes", "case_fact_services", "case_fact_referrals"})
        v.vault->db().exec(std::string("DELETE FROM ") + table);
    storage::writeMeta(v.vault->db(), "case_facts_stale", "1");
    CHECK(v.raw(Dimension::Gender).grandTotal == 0);
    reports::ReportEngine engine(*v.vault);
    CHECK(v.raw(Dimension::ExploitationType, Dimension::AgeBand).cells == before.cells);
    CHECK_FALSE(storage::readMeta(v.vault->db(), "case_facts_stale"));
}
