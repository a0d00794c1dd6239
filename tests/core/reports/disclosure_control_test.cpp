// Disclosure control and k-anonymity, attacked the way an outsider would: from the published values alone.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <set>

#include "common/error.h"
#include "reports/disclosure_control.h"
#include "reports/k_anonymity.h"

using namespace abri;
using reports::CountTable;
using reports::ProtectedTable;

namespace {

CountTable crossTab(const std::vector<std::vector<std::int64_t>>& cells) {
    CountTable t;
    t.cells = cells;
    t.columnTotals.assign(cells.at(0).size(), 0);
    for (const auto& row : cells) {
        std::int64_t sum = 0;
        for (std::size_t c = 0; c < row.size(); ++c) {
            sum += row[c];
            t.columnTotals[c] += row[c];
        }
        t.rowTotals.push_back(sum);
        t.grandTotal += sum;
    }
    return t;
}

CountTable oneWay(const std::vector<std::int64_t>& counts) {
    CountTable t;
    for (const auto n : counts) {
        t.cells.push_back({n});
        t.rowTotals.push_back(n);
        t.grandTotal += n;
    }
    return t;
}

// The attack: every published value and the table's sums; unknowns are the suppressed values. Repeated
// elimination (a sum with one unknown gives it) plus interval bounds (each unknown >= 0, and >= 1 if the attacker
// assumes small cells are non-zero). Returns the number of suppressed values the attacker pins down exactly.
int recovered(const CountTable& truth, const ProtectedTable& published) {
    struct Unknown {
        std::int64_t lo = 0, hi = 1'000'000'000, truth = 0;
    };
    std::map<std::string, Unknown> unknowns;
    struct Sum {
        std::vector<std::string> parts;
        std::string whole;
    };
    std::map<std::string, std::int64_t> known;
    auto put = [&](const std::string& name, const std::optional<std::int64_t>& value, std::int64_t real) {
        if (value) known[name] = *value;
        else unknowns[name] = {real > 0 ? 1 : 0, 1'000'000'000, real};
    };
    const bool one = truth.columnTotals.empty();
    const std::size_t cols = one ? 1 : truth.columnTotals.size();
    std::vector<Sum> sums;
    for (std::size_t r = 0; r < truth.cells.size(); ++r)
        for (std::size_t c = 0; c < cols; ++c)
            put("c" + std::to_string(r) + "_" + std::to_string(c), published.cells[r][c], truth.cells[r][c]);
    put("g", published.grandTotal, truth.grandTotal);
    if (one) {
        Sum s{{}, "g"};
        for (std::size_t r = 0; r < truth.cells.size(); ++r) s.parts.push_back("c" + std::to_string(r) + "_0");
        sums.push_back(s);
    } else {
        Sum rows{{}, "g"}, columns{{}, "g"};
        for (std::size_t r = 0; r < truth.cells.size(); ++r) {
            put("r" + std::to_string(r), published.rowTotals[r], truth.rowTotals[r]);
            Sum s{{}, "r" + std::to_string(r)};
            for (std::size_t c = 0; c < cols; ++c) s.parts.push_back("c" + std::to_string(r) + "_" + std::to_string(c));
            sums.push_back(s);
            rows.parts.push_back("r" + std::to_string(r));
        }
        for (std::size_t c = 0; c < cols; ++c) {
            put("k" + std::to_string(c), published.columnTotals[c], truth.columnTotals[c]);
            Sum s{{}, "k" + std::to_string(c)};
            for (std::size_t r = 0; r < truth.cells.size(); ++r) s.parts.push_back("c" + std::to_string(r) + "_" + std::to_string(c));
            sums.push_back(s);
            columns.parts.push_back("k" + std::to_string(c));
        }
        sums.push_back(rows);
        sums.push_back(columns);
    }
    auto lo = [&](const std::string& n) { return known.count(n) ? known[n] : unknowns[n].lo; };
    auto hi = [&](const std::string& n) { return known.count(n) ? known[n] : unknowns[n].hi; };
    for (int pass = 0; pass < 100; ++pass) {
        bool changed = false;
        for (const auto& s : sums) {
            std::int64_t loSum = 0, hiSum = 0;
            for (const auto& p : s.parts) {
                loSum += lo(p);
                hiSum = std::min<std::int64_t>(hiSum + hi(p), 1'000'000'000);
            }
            if (unknowns.count(s.whole)) {
                auto& u = unknowns[s.whole];
                if (loSum > u.lo) u.lo = loSum, changed = true;
                if (hiSum < u.hi) u.hi = hiSum, changed = true;
            }
            for (const auto& p : s.parts) {
                if (!unknowns.count(p)) continue;
                auto& u = unknowns[p];
                const std::int64_t othersLo = loSum - u.lo;
                const std::int64_t othersHi = hiSum >= 1'000'000'000 ? 1'000'000'000 : hiSum - u.hi;
                const std::int64_t newLo = othersHi >= 1'000'000'000 ? 0 : lo(s.whole) - othersHi;
                const std::int64_t newHi = hi(s.whole) - othersLo;
                if (newLo > u.lo) u.lo = newLo, changed = true;
                if (newHi < u.hi) u.hi = newHi, changed = true;
            }
        }
        if (!changed) break;
    }
    int exact = 0;
    for (const auto& [name, u] : unknowns) {
        REQUIRE(u.lo <= u.truth);  // the attack is sound: the truth stays inside its range
        REQUIRE(u.truth <= u.hi);
        if (u.lo == u.hi && u.truth > 0) ++exact;
    }
    return exact;
}

void requireSafe(const CountTable& truth, const ProtectedTable& published, int k) {
    for (std::size_t r = 0; r < published.cells.size(); ++r)
        for (const auto& v : published.cells[r])
            if (v && *v != 0) REQUIRE(*v >= k);
    for (const auto& v : published.rowTotals)
        if (v && *v != 0) REQUIRE(*v >= k);
    for (const auto& v : published.columnTotals)
        if (v && *v != 0) REQUIRE(*v >= k);
    if (published.grandTotal && *published.grandTotal != 0) REQUIRE(*published.grandTotal >= k);
    REQUIRE(recovered(truth, published) == 0);
}

}  // namespace

TEST_CASE("a one-way table with one small cell hides a second one", "[reports][disclosure]") {
    const auto truth = oneWay({40, 3, 25, 0});
    const auto published = reports::protectTable(truth, 11, false);
    CHECK(published.cells[0][0] == 40);
    CHECK_FALSE(published.cells[1][0]);
    CHECK_FALSE(published.cells[2][0]);  // 25 is the smallest other non-zero value: 68 - 40 - 0 would give 3
    CHECK(published.cells[3][0] == 0);   // a true zero is published
    CHECK(published.grandTotal == 68);
    CHECK(published.rowTotals == std::vector<std::optional<std::int64_t>>{40, std::nullopt, std::nullopt, 0});
    requireSafe(truth, published, 11);
}

TEST_CASE("a cross-tab suppresses a rectangle, not a lone cell", "[reports][disclosure]") {
    const auto truth = crossTab({{20, 4, 30}, {15, 25, 12}, {40, 18, 22}});
    const auto published = reports::protectTable(truth, 11, false);
    CHECK_FALSE(published.cells[0][1]);
    int hiddenInRow0 = 0, hiddenInColumn1 = 0;
    for (const auto& v : published.cells[0]) hiddenInRow0 += v ? 0 : 1;
    for (const auto& row : published.cells) hiddenInColumn1 += row[1] ? 0 : 1;
    CHECK(hiddenInRow0 >= 2);
    CHECK(hiddenInColumn1 >= 2);
    requireSafe(truth, published, 11);
}

TEST_CASE("small totals are suppressed with their partners", "[reports][disclosure]") {
    const auto truth = crossTab({{3, 2}, {30, 40}, {25, 12}});
    const auto published = reports::protectTable(truth, 11, false);
    CHECK_FALSE(published.rowTotals[0]);
    requireSafe(truth, published, 11);
}

TEST_CASE("rounding publishes multiples of five, k below five is refused, zeros stay zeros", "[reports][disclosure]") {
    const auto truth = crossTab({{23, 41}, {17, 0}});
    const auto published = reports::protectTable(truth, 11, true);
    for (const auto& row : published.cells)
        for (const auto& v : row)
            if (v) CHECK(*v % 5 == 0);
    CHECK(published.cells[1][1] == 0);
    CHECK(published.grandTotal == 80);  // 81 rounds to 80
    try {
        reports::protectTable(truth, 4, false);
        FAIL("k = 4 accepted");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::ValueOutOfRange);
        CHECK(e.subject() == "minimum_cell_size");
    }
    const auto zeros = reports::protectTable(crossTab({{0, 0}, {0, 0}}), 11, false);
    CHECK(zeros.grandTotal == 0);
    CHECK(zeros.suppressed == 0);
}

TEST_CASE("no suppressed cell of 600 random tables can be recovered from what is published", "[reports][disclosure]") {
    std::mt19937_64 rng(20261205);
    for (int round = 0; round < 600; ++round) {
        const std::size_t rows = 1 + rng() % 8, columns = rng() % 8;
        const int k = round % 3 == 0 ? 5 : 11;
        auto value = [&] {
            switch (rng() % 4) {
            case 0: return std::int64_t{0};
            case 1: return static_cast<std::int64_t>(1 + rng() % 10);  // small: to be suppressed
            default: return static_cast<std::int64_t>(rng() % 60);
            }
        };
        CountTable truth;
        if (columns < 2) {
            std::vector<std::int64_t> counts;
            for (std::size_t r = 0; r < rows; ++r) counts.push_back(value());
            truth = oneWay(counts);
        } else {
            std::vector<std::vector<std::int64_t>> cells(rows, std::vector<std::int64_t>(columns));
            for (auto& row : cells)
                for (auto& v : row) v = value();
            truth = crossTab(cells);
        }
        INFO("round " << round);
        requireSafe(truth, reports::protectTable(truth, k, false), k);
    }
}

TEST_CASE("k-anonymity: every published combination occurs at least k times", "[reports][kanonymity]") {
    std::mt19937_64 rng(7);
    const std::vector<std::string> countries = {"NG", "TN", "FR", "LY", "MA", "SN", "ML", "DZ", "ER", "SD"};
    const std::vector<std::string> bands = {"9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "48+", "Unknown"};
    std::vector<reports::QuasiRecord> records;
    for (int i = 0; i < 3000; ++i) {
        // Skewed, like real caseloads: a few common combinations and a long tail.
        const bool common = rng() % 4 != 0;
        records.push_back({std::to_string(2022 + static_cast<int>(rng() % 4)), common || rng() % 2 ? "Female" : "Male",
                           bands[common ? 3 : rng() % bands.size()], countries[common ? 0 : rng() % countries.size()],
                           countries[common ? 2 : rng() % countries.size()]});
    }
    for (const int k : {5, 11, 25}) {
        const auto out = reports::anonymise(records, k);
        std::map<reports::QuasiRecord, int> classes;
        for (const auto& row : out.rows) ++classes[row.values];
        for (const auto& [combination, size] : classes) REQUIRE(size >= k);  // the re-identification check
        CHECK(out.rows.size() + out.withheld == records.size());
        std::set<std::size_t> sources;
        for (const auto& row : out.rows) sources.insert(row.source);
        CHECK(sources.size() == out.rows.size());
    }
}

TEST_CASE("k-anonymity leaves a k-anonymous dataset alone and refuses k below five", "[reports][kanonymity]") {
    std::vector<reports::QuasiRecord> records;
    for (int i = 0; i < 24; ++i) records.push_back({"2026", i % 2 ? "Female" : "Male", "24--26", "NG", "FR"});
    const auto out = reports::anonymise(records, 11);
    CHECK(out.withheld == 0);
    CHECK(out.generalised.empty());
    CHECK(out.rows.size() == 24);
    CHECK(out.rows[0].values == records[0]);
    CHECK(reports::anonymise({}, 11).rows.empty());
    // One person alone: withheld, never published.
    records.push_back({"2026", "Male", "48+", "ER", "LY"});
    const auto withOne = reports::anonymise(records, 11);
    CHECK(withOne.rows.size() == 24);
    CHECK(withOne.withheld == 1);
    CHECK_THROWS_AS(reports::anonymise(records, 3), Error);
}
