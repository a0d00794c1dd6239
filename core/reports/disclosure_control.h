#pragma once
// Disclosure control of a count table: nothing published lets anyone learn a count below k, exactly.
//
// The table is cells (R x C; a one-way table has C = 1 and its cells are its row totals), row totals, column totals
// (cross-tabs) and a grand total. In an additive table the cells of a row sum to its total, and so on; tables over
// a multi-valued dimension are not additive (a person counts in several rows, totals count persons once).
//
// 1. Primary suppression: every non-zero value below k, cell or total. Zeros are published: a true zero says
//    nothing about a person.
// 2. Complementary suppression: in every relation of the table (a row with its total, a column with its total, the
//    totals with the grand total) holding exactly one suppressed value, suppress one more: the smallest non-zero
//    published cell of the relation, else its total, else (last resort) a published zero. Repeat to a fixed point.
// 3. Audit (additive tables): an attacker knows every published value, the relations, that a value is >= 0 and
//    that a suppressed non-zero value is >= 1. Interval propagation over the relations gives each suppressed value
//    the range the attacker can narrow it to; a value whose range is a single number is recoverable, so one more
//    value of one of its relations is suppressed and the audit runs again.
//    Non-additive tables get steps 1 and 2 only (their relations are inequalities, which step 2 covers
//    conservatively).
// 4. Optional rounding of published values to base 5, cells and totals independently (zeros stay zeros).
//
// Not protected (docs/disclosure-control.md): differencing two reports whose filters or periods differ by a few
// persons, and what someone knows from outside the vault.
#include <cstdint>
#include <optional>
#include <vector>

namespace abri::reports {

struct CountTable {
    std::vector<std::vector<std::int64_t>> cells;  // [row][column]
    std::vector<std::int64_t> rowTotals;
    std::vector<std::int64_t> columnTotals;        // empty for a one-way table
    std::int64_t grandTotal = 0;
    bool additive = true;
};

struct ProtectedTable {
    std::vector<std::vector<std::optional<std::int64_t>>> cells;  // nullopt = suppressed
    std::vector<std::optional<std::int64_t>> rowTotals;
    std::vector<std::optional<std::int64_t>> columnTotals;
    std::optional<std::int64_t> grandTotal;
    int suppressed = 0;  // values suppressed (a one-way table's row totals are its cells: counted once)
};

// k must be at least 5 (Error ValueOutOfRange "minimum_cell_size" otherwise). A one-way table's row totals are
// published exactly as its cells.
ProtectedTable protectTable(const CountTable& table, int k, bool roundToBase5);

}  // namespace abri::reports
