#pragma once
// A report's published table: counts after disclosure control. A suppressed value is absent (std::nullopt): the
// number itself never leaves the engine, so no caller can show it by accident.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "reports/report_definition.h"

namespace abri::reports {

using PublishedValue = std::optional<std::int64_t>;  // nullopt = suppressed

struct PublishedTable {
    ReportDefinition definition;
    std::vector<std::string> rowKeys;     // categories in display order
    std::vector<std::string> columnKeys;  // empty for a one-way table (then cells have one column)
    std::vector<std::vector<PublishedValue>> cells;  // [row][column]
    std::vector<PublishedValue> rowTotals;           // persons per row (one-way: equal to the cell)
    std::vector<PublishedValue> columnTotals;        // persons per column (cross-tabs only)
    PublishedValue grandTotal;                       // persons in the report
    bool multiValued = false;   // a person may count in several rows or columns: totals count persons once
    bool internalOnly = false;  // broken down by office or caseworker: not for publication
    int minimumCellSize = 11;   // k: non-zero counts below k are suppressed
    bool rounded = false;       // published values rounded to base 5
    int suppressedCount = 0;    // cells and totals suppressed

    std::size_t columnCount() const { return columnKeys.empty() ? 1 : columnKeys.size(); }
    bool empty() const { return rowKeys.empty(); }
    // Percentage of a cell in its row (cross-tabs) or in the grand total (one-way tables); nullopt when either
    // value is suppressed or the denominator is zero.
    std::optional<double> percent(std::size_t row, std::size_t column) const;
};

// "<11" for a suppressed value (the table's k), else the number.
std::string formatValue(const PublishedTable& table, const PublishedValue& value);

// Codes, not labels: {"report": definition, "rows": [...], "columns": [...], "cells": [[n|"<11"]], "row_totals",
// "column_totals", "total", "multi_valued", "internal_only", "minimum_cell_size", "rounded"}.
nlohmann::json toJson(const PublishedTable& table);
// CSV with codes as labels, one header line, suppressed values as "<k"; a comment line first says when the
// table is multi-valued or internal. RFC 4180 quoting.
std::string toCsv(const PublishedTable& table);

}  // namespace abri::reports
