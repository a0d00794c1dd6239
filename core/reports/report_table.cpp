#include "reports/report_table.h"

namespace abri::reports {

namespace {

using Json = nlohmann::json;

Json valueJson(const PublishedTable& t, const PublishedValue& v) {
    if (v) return *v;
    return formatValue(t, v);
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::optional<double> PublishedTable::percent(std::size_t row, std::size_t column) const {
    const PublishedValue& cell = cells.at(row).at(column);
    const PublishedValue& denominator = columnKeys.empty() ? grandTotal : rowTotals.at(row);
    if (!cell || !denominator || *denominator == 0) return std::nullopt;
    return 100.0 * static_cast<double>(*cell) / static_cast<double>(*denominator);
}

std::string formatValue(const PublishedTable& table, const PublishedValue& value) {
    if (value) return std::to_string(*value);
    return "<" + std::to_string(table.minimumCellSize);
}

Json toJson(const PublishedTable& t) {
    Json cells = Json::array();
    for (const auto& row : t.cells) {
        Json r = Json::array();
        for (const auto& v : row) r.push_back(valueJson(t, v));
        cells.push_back(r);
    }
    Json rowTotals = Json::array();
    for (const auto& v : t.rowTotals) rowTotals.push_back(valueJson(t, v));
    Json columnTotals = Json::array();
    for (const auto& v : t.columnTotals) columnTotals.push_back(valueJson(t, v));
    return {{"report", toJson(t.definition)},
            {"rows", t.rowKeys},
            {"columns", t.columnKeys},
            {"cells", cells},
            {"row_totals", rowTotals},
            {"column_totals", columnTotals},
            {"total", valueJson(t, t.grandTotal)},
            {"multi_valued", t.multiValued},
            {"internal_only", t.internalOnly},
            {"minimum_cell_size", t.minimumCellSize},
            {"rounded", t.rounded},
            {"suppressed", t.suppressedCount}};
}

std::string toCsv(const PublishedTable& t) {
    std::string out;
    if (t.internalOnly) out += "# internal: broken down by office or caseworker, not for publication\n";
    if (t.multiValued) out += "# a person may count in several rows or columns; totals count each person once\n";
    out += "# values below " + std::to_string(t.minimumCellSize) + " are suppressed" +
           (t.rounded ? "; values rounded to base 5\n" : "\n");
    out += csvField(std::string(dimensionCode(t.definition.rows)));
    if (t.columnKeys.empty()) {
        out += ",persons";
    } else {
        for (const auto& c : t.columnKeys) out += "," + csvField(c);
        out += ",total";
    }
    out += "\r\n";
    for (std::size_t r = 0; r < t.rowKeys.size(); ++r) {
        out += csvField(t.rowKeys[r]);
        for (const auto& v : t.cells[r]) out += "," + formatValue(t, v);
        if (!t.columnKeys.empty()) out += "," + formatValue(t, t.rowTotals[r]);
        out += "\r\n";
    }
    out += "total";
    for (const auto& v : t.columnTotals) out += "," + formatValue(t, v);
    out += "," + formatValue(t, t.grandTotal) + "\r\n";
    return out;
}

}  // namespace abri::reports
