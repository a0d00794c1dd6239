// Reports at the hub (core/reports/merged_facts.h): laptops of two offices register synthetic cases, edit them and
// sync through the simulated hub (tests/core/merge/sim); the hub's merged facts must count exactly what the
// offices' vaults count: the region's raw table is the sum of the offices' raw tables, cell by cell, and an office
// filter gives that office's own table.
#include <catch2/catch.hpp>

#include <map>
#include <utility>

#include "cases/case_repository.h"
#include "demo/synthetic_cases.h"
#include "merge/vault_applier.h"
#include "reports/builtin_reports.h"
#include "reports/merged_facts.h"
#include "reports/report_engine.h"
#include "sim/sim_device.h"
#include "support/temp_dir.h"

using namespace abri;
using Json = nlohmann::json;

namespace {

constexpr const char* kOfficeA = "TST-AAA";
constexpr const char* kOfficeB = "TST-BBB";

// Two laptops of office A, one of office B, and the simulated hub between them.
struct Region {
    test::TempDir dir;
    std::int64_t nowMs = 1'781'604'000'000;  // 2026-06-16T10:00Z
    test::SimHub hub{{kOfficeA, kOfficeB}};
    std::unique_ptr<test::SimDevice> a1, a2, b1;
    std::mt19937_64 rng{7};

    Region() {
        for (const char* name : {"a1", "a2", "b1"}) std::filesystem::create_directories(dir / name);
        a1 = std::make_unique<test::SimDevice>(dir / "a1", kOfficeA, nowMs);
        a2 = std::make_unique<test::SimDevice>(dir / "a2", kOfficeA, nowMs);
        b1 = std::make_unique<test::SimDevice>(dir / "b1", kOfficeB, nowMs);
        for (auto* d : devices()) hub.enrol(d->deviceId(), d->office(), merge::CertificateRole::Supervisor);
    }
    std::vector<test::SimDevice*> devices() { return {a1.get(), a2.get(), b1.get()}; }

    void sync() {
        for (int round = 0; round < 3; ++round) {
            for (auto* d : devices()) {
                d->pack(32);
                d->upload(hub, rng, false);
            }
            nowMs += 1000;
            for (auto* d : devices()) d->download(hub, rng, false);
        }
        for (auto* d : devices()) REQUIRE(d->idle(hub));
    }

    // `n` synthetic cases of the device's office with their events, consents, services and notes.
    static std::vector<std::string> registerCases(test::SimDevice& device, std::size_t n, std::uint64_t seed) {
        const std::string today = device.vault().today();
        auto docs = demo::makeSyntheticCases(n, seed, device.office(), today);
        for (std::size_t i = 0; i < docs.size(); ++i) {
            Json items = Json::array();
            for (auto& item : demo::makeSyntheticItems(docs[i], seed + i, today)) {
                item.doc["kind"] = model::entityCode(item.kind);
                items.push_back(std::move(item.doc));
            }
            docs[i]["items"] = std::move(items);
        }
        cases::CaseRepository repository(device.vault());
        return repository.importCases(docs);
    }
};

// Every cross-section of a raw table by its keys: cells, row totals, column totals and the grand total. Zero
// counts are left out, so tables whose key lists differ (categories found in the data) compare by value.
using Figures = std::map<std::string, std::int64_t>;

Figures figuresOf(const reports::RawTable& raw) {
    Figures out;
    auto put = [&](const std::string& key, std::int64_t n) {
        if (n != 0) out[key] += n;
    };
    for (std::size_t r = 0; r < raw.rowKeys.size(); ++r) {
        put("row " + raw.rowKeys[r], raw.rowTotals[r]);
        for (std::size_t c = 0; c < raw.cells[r].size(); ++c)
            put("cell " + raw.rowKeys[r] + " | " + (raw.columnKeys.empty() ? "" : raw.columnKeys[c]), raw.cells[r][c]);
    }
    for (std::size_t c = 0; c < raw.columnKeys.size(); ++c) put("column " + raw.columnKeys[c], raw.columnTotals[c]);
    put("total", raw.grandTotal);
    return out;
}

Figures sum(const Figures& a, const Figures& b) {
    Figures out = a;
    for (const auto& [key, n] : b) out[key] += n;
    return out;
}

// The built-in reports, a cross-tab of two scalar dimensions, and a filtered cross-tab over a period.
std::vector<reports::ReportDefinition> reportsToCompare() {
    auto all = reports::builtinReports();
    reports::ReportDefinition crossTab;
    crossTab.rows = reports::Dimension::Citizenship;
    crossTab.columns = reports::Dimension::AgeBand;
    all.push_back(crossTab);
    reports::ReportDefinition filtered;
    filtered.rows = reports::Dimension::Gender;
    filtered.columns = reports::Dimension::International;
    filtered.filters.push_back({reports::Dimension::ExploitationType, {"sexual_exploitation", "forced_labour"}});
    filtered.from = "2024-01-01";
    filtered.to = "2025-12-31";
    all.push_back(filtered);
    reports::ReportDefinition countries;
    countries.rows = reports::Dimension::CountryOfExploitation;
    countries.columns = reports::Dimension::International;
    all.push_back(countries);
    reports::ReportDefinition byOffice;
    byOffice.rows = reports::Dimension::Office;
    byOffice.columns = reports::Dimension::ControlMeans;
    all.push_back(byOffice);
    return all;
}

std::string nameOf(const reports::ReportDefinition& d) {
    return d.id.empty() ? std::string(reports::dimensionCode(d.rows)) + " x " +
                              std::string(d.columns ? reports::dimensionCode(*d.columns) : "-")
                        : d.id;
}

}  // namespace

TEST_CASE("the hub's report equals the sum of the offices' reports before suppression, cell by cell",
          "[reports][hub]") {
    Region region;
    const auto casesA1 = Region::registerCases(*region.a1, 40, 11);
    const auto casesA2 = Region::registerCases(*region.a2, 25, 12);
    const auto casesB = Region::registerCases(*region.b1, 30, 13);
    region.sync();

    // Edits after the first sync: another laptop of the office edits, corrects a service, deletes a case and an
    // event; the hub must follow every one of them as the vaults do.
    {
        cases::CaseRepository repoA2(region.a2->vault());
        for (std::size_t i = 0; i < 6; ++i) repoA2.updateField(casesA1[i], "person.gender", i % 2 ? "male" : "female");
        repoA2.updateField(casesA1[6], "person.estimated_age", 15);
        repoA2.deleteCase(casesA1[7]);
        cases::CaseRepository repoB(region.b1->vault());
        bool corrected = false;
        std::size_t casesWithoutExploitationEvents = 0;
        for (std::size_t i = 1; i < casesB.size(); ++i) {
            const auto view = repoB.load(casesB[i]);
            REQUIRE(view);
            bool deletedHere = false;
            for (const auto& item : view->items) {
                if (!corrected && item.kind == model::Entity::Service && !item.superseded) {
                    Json doc = item.doc;
                    doc["status"] = doc.value("status", "") == "cancelled" ? "completed" : "cancelled";
                    repoB.correctItem(item.id, doc);
                    corrected = true;
                } else if (casesWithoutExploitationEvents < 3 && item.kind == model::Entity::Event &&
                           item.doc.value("type", "") == "exploitation") {
                    // The country of exploitation (and maybe international/internal) leaves the counts: a hub that
                    // still counted deleted items would differ from the vaults.
                    repoB.deleteItem(item.id);
                    deletedHere = true;
                }
            }
            casesWithoutExploitationEvents += deletedHere ? 1 : 0;
        }
        REQUIRE(corrected);
        REQUIRE(casesWithoutExploitationEvents == 3);
        repoB.deleteCase(casesB[0]);
    }
    region.sync();
    REQUIRE(merge::vaultStateHash(region.a1->vault()) == merge::vaultStateHash(region.a2->vault()));

    reports::MergedFacts regionAll;
    reports::MergedFacts officeA(std::string{kOfficeA});
    reports::MergedFacts officeB(std::string{kOfficeB});
    CHECK(regionAll.add(region.hub.state()) == 40 + 25 + 30 - 2);
    CHECK(officeA.add(region.hub.state()) == 40 + 25 - 1);
    CHECK(officeB.add(region.hub.state()) == 30 - 1);
    CHECK(regionAll.add(region.hub.state()) == 0);  // cases already taken in stay as they are
    CHECK(regionAll.caseCount() == 93);

    for (const auto& definition : reportsToCompare()) {
        INFO("report " << nameOf(definition));
        const Figures inA = figuresOf(reports::countReport(region.a1->vault().db(), definition));
        const Figures inA2 = figuresOf(reports::countReport(region.a2->vault().db(), definition));
        const Figures inB = figuresOf(reports::countReport(region.b1->vault().db(), definition));
        CHECK(inA == inA2);
        CHECK(figuresOf(reports::countReport(regionAll.db(), definition)) == sum(inA, inB));
        CHECK(figuresOf(reports::countReport(officeA.db(), definition)) == inA);
        CHECK(figuresOf(reports::countReport(officeB.db(), definition)) == inB);
        CHECK_FALSE(inA.empty());
    }
    // The comparison is not empty: the edits above show in the counts.
    reports::ReportDefinition total;
    total.rows = reports::Dimension::Office;
    const auto byOffice = reports::countReport(regionAll.db(), total);
    CHECK(byOffice.grandTotal == 93);
    CHECK(figuresOf(byOffice) == Figures{{"row TST-AAA", 64},
                                         {"row TST-BBB", 29},
                                         {"cell TST-AAA | ", 64},
                                         {"cell TST-BBB | ", 29},
                                         {"total", 93}});
}

TEST_CASE("merged facts of an empty state or an office without cases give an empty report", "[reports][hub]") {
    reports::MergedFacts nothing;
    CHECK(nothing.add(merge::MergeState{}) == 0);
    const auto raw = reports::countReport(nothing.db(), *reports::findBuiltinReport("persons_by_sex"));
    CHECK(raw.grandTotal == 0);
    for (const auto n : raw.rowTotals) CHECK(n == 0);
}
