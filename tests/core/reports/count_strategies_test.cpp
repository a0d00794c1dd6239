// CaseStore counts persons in the fastest way the dimensions allow (stored columns mapped to categories, one
// multi-valued source counted from its own table, persons without a value from their valued_facets bit). Each of
// those must count exactly what joining every person to every source counts: checked here for every dimension and
// every pair of dimensions, on synthetic cases with the demo generator's realistic mix, with and without filters.
#include <catch2/catch.hpp>

#include "../cases/repository_fixture.h"
#include "cases/case_store.h"
#include "demo/synthetic_cases.h"
#include "model/duplicate_links.h"
#include "model/fields.h"
#include "reports/dimensions.h"
#include "reports/report_engine.h"

using namespace abri;
using Json = nlohmann::json;
using cases::FactDimension;

namespace {

constexpr const char* kToday = "2026-05-28";

struct DemoVault : test::RepositoryFixture {
    std::int64_t persons = 0;  // cases not closed as duplicates (those count through the person's other case)

    DemoVault() {
        login("super", test::kSupervisorPassword);
        auto docs = demo::makeSyntheticCases(300, 7, "TST-01", kToday);
        for (std::size_t i = 0; i < docs.size(); ++i) {
            if (!model::isRetiredDuplicate(docs[i])) ++persons;
            Json items = Json::array();
            for (auto& item : demo::makeSyntheticItems(docs[i], 7 + i, kToday)) {
                item.doc["kind"] = model::entityCode(item.kind);
                items.push_back(std::move(item.doc));
            }
            // Some persons with nothing recorded in one source or all: the "unknown"/"none" categories.
            if (i % 10 == 0) docs[i].erase("situation");
            docs[i]["items"] = i % 15 == 0 ? Json::array() : std::move(items);
        }
        repo().importCases(docs);
    }
};

// The query variants a report can ask: everything, a period, a filter on a multi-valued and on a single-valued
// dimension, research consent only.
std::vector<cases::FactQuery> variantsOf(const std::vector<FactDimension>& groupBy) {
    std::vector<cases::FactQuery> out(5);
    for (auto& q : out) q.groupBy = groupBy;
    out[1].registeredFrom = "2024-01-01";
    out[1].registeredTo = "2025-06-30";
    out[2].filters.push_back({FactDimension::ExploitationType, {"forced_labour", "sexual_exploitation"}});
    out[3].filters.push_back({FactDimension::AgeBand, {"18-20", "21-23", "unknown"}});
    out[4].researchConsentOnly = true;
    return out;
}

std::int64_t personsIn(const std::vector<cases::FactCount>& counts) {
    std::int64_t n = 0;
    for (const auto& c : counts) n += c.persons;
    return n;
}

}  // namespace

TEST_CASE("every way of counting persons agrees with the join of every source", "[reports][statistics]") {
    DemoVault v;
    cases::CaseStore store(v.vault->db());
    const auto& dimensions = reports::allDimensions();
    std::vector<std::vector<FactDimension>> groupings = {{}};
    for (const auto rows : dimensions) {
        groupings.push_back({rows});
        for (const auto columns : dimensions)
            if (columns != rows) groupings.push_back({rows, columns});
    }
    std::size_t compared = 0;
    for (const auto& groupBy : groupings) {
        for (auto query : variantsOf(groupBy)) {
            const auto fast = store.countPersons(query);
            query.countByJoin = true;
            const auto reference = store.countPersons(query);
            INFO("dimensions " << groupBy.size() << ": "
                               << (groupBy.empty() ? "" : std::string(reports::dimensionCode(groupBy[0]))) << " "
                               << (groupBy.size() < 2 ? "" : std::string(reports::dimensionCode(groupBy[1]))));
            REQUIRE(fast == reference);
            ++compared;
        }
    }
    CHECK(compared == groupings.size() * 5);

    // The data is varied enough for the comparison to mean something: every multi-valued dimension has persons
    // with a value and persons without one ("unknown"/"none"); a single-valued one counts every person once.
    CHECK(v.persons < 300);  // the generator closes some cases as duplicates: they are not counted again
    CHECK(v.persons > 280);
    for (const auto d : dimensions) {
        cases::FactQuery q;
        q.groupBy = {d};
        const auto counts = store.countPersons(q);
        if (!cases::isMultiValued(d)) {
            CHECK(personsIn(counts) == v.persons);
            continue;
        }
        const auto missing = std::count_if(counts.begin(), counts.end(), [](const cases::FactCount& c) {
            return c.keys[0] == "unknown" || c.keys[0] == "none";
        });
        INFO(reports::dimensionCode(d));
        CHECK(counts.size() >= 2);
        CHECK(personsIn(counts) >= v.persons);
        CHECK(missing == 1);
    }
}

TEST_CASE("report margins taken from cells equal margins counted on their own", "[reports][statistics]") {
    DemoVault v;
    cases::CaseStore store(v.vault->db());
    for (const auto rows : reports::allDimensions()) {
        for (const auto columns : reports::allDimensions()) {
            if (rows == columns) continue;
            reports::ReportDefinition d;
            d.rows = rows;
            d.columns = columns;
            const auto table = reports::countReport(v.vault->db(), d);
            INFO(reports::dimensionCode(rows) << " x " << reports::dimensionCode(columns));
            cases::FactQuery total;
            CHECK(table.grandTotal == store.countPersons(total).front().persons);
            cases::FactQuery byRow;
            byRow.groupBy = {rows};
            for (const auto& c : store.countPersons(byRow)) {
                const auto at = std::find(table.rowKeys.begin(), table.rowKeys.end(), c.keys[0]) - table.rowKeys.begin();
                REQUIRE(static_cast<std::size_t>(at) < table.rowKeys.size());
                CHECK(table.rowTotals[static_cast<std::size_t>(at)] == c.persons);
            }
            cases::FactQuery byColumn;
            byColumn.groupBy = {columns};
            for (const auto& c : store.countPersons(byColumn)) {
                const auto at =
                    std::find(table.columnKeys.begin(), table.columnKeys.end(), c.keys[0]) - table.columnKeys.begin();
                REQUIRE(static_cast<std::size_t>(at) < table.columnKeys.size());
                CHECK(table.columnTotals[static_cast<std::size_t>(at)] == c.persons);
            }
        }
    }
}
