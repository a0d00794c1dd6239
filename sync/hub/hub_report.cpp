#include "hub_report.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "case_state.h"
#include "reports/merged_facts.h"

namespace abri::sync::hub {

namespace {

using reports::PublishedTable;

std::string periodText(const reports::ReportDefinition& d) {
    if (d.from && d.to) return "registered " + *d.from + " to " + *d.to;
    if (d.from) return "registered from " + *d.from;
    if (d.to) return "registered until " + *d.to;
    return "all registrations";
}

std::string percentText(const PublishedTable& t, std::size_t row) {
    const auto p = t.percent(row, 0);
    if (!p) return "";
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", *p);
    return text;
}

// Columns padded to their widest cell: the first (the categories) to the left, the counts to the right.
std::string render(const std::vector<std::vector<std::string>>& grid) {
    std::vector<std::size_t> widths;
    for (const auto& row : grid) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
    }
    std::string out;
    for (std::size_t r = 0; r < grid.size(); ++r) {
        std::string line;
        for (std::size_t c = 0; c < grid[r].size(); ++c) {
            const std::string pad(widths[c] - grid[r][c].size(), ' ');
            line += c == 0 ? grid[r][c] + pad : "  " + pad + grid[r][c];
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
        if (r == 0) {
            std::size_t rule = 0;
            for (std::size_t c = 0; c < widths.size(); ++c) rule += widths[c] + (c == 0 ? 0 : 2);
            out += std::string(rule, '-') + "\n";
        }
    }
    return out;
}

}  // namespace

PublishedTable runHubReport(HubStore& store, const reports::ReportDefinition& definition,
                            const std::optional<std::string>& office, const reports::DisclosurePolicy& policy) {
    reports::validate(definition);
    // One case's merge state at a time: the region's documents are never all held at once.
    reports::MergedFacts facts(office);
    forEachCaseState(store.db(), std::nullopt, false,
                     [&facts](const wire::Id16&, const merge::MergeState& state) { facts.add(state); });
    return reports::publish(definition, reports::countReport(facts.db(), definition), policy);
}

std::string reportText(const PublishedTable& t, const std::optional<std::string>& office) {
    const auto& d = t.definition;
    std::string out = d.title.empty() ? std::string("Report") : d.title;
    out += (d.id.empty() ? "" : " [" + d.id + "]") + std::string("\n");
    out += "Scope: " + (office ? "office " + *office : std::string("every office of the region")) + "\n";
    out += "Period: " + periodText(d) + "\n";
    for (const auto& f : d.filters) {
        std::string codes;
        for (const auto& c : f.codes) codes += (codes.empty() ? "" : ",") + c;
        out += "Filter: " + std::string(reports::dimensionCode(f.dimension)) + "=" + codes + "\n";
    }
    out += "\n";

    std::vector<std::vector<std::string>> grid;
    const std::string rowsCode(reports::dimensionCode(d.rows));
    if (t.columnKeys.empty()) {
        grid.push_back({rowsCode, "persons", "%"});
        for (std::size_t r = 0; r < t.rowKeys.size(); ++r)
            grid.push_back({t.rowKeys[r], reports::formatValue(t, t.cells[r][0]), percentText(t, r)});
        grid.push_back({"total", reports::formatValue(t, t.grandTotal), ""});
    } else {
        std::vector<std::string> header{rowsCode + " \\ " + std::string(reports::dimensionCode(*d.columns))};
        header.insert(header.end(), t.columnKeys.begin(), t.columnKeys.end());
        header.push_back("total");
        grid.push_back(std::move(header));
        for (std::size_t r = 0; r < t.rowKeys.size(); ++r) {
            std::vector<std::string> row{t.rowKeys[r]};
            for (const auto& v : t.cells[r]) row.push_back(reports::formatValue(t, v));
            row.push_back(reports::formatValue(t, t.rowTotals[r]));
            grid.push_back(std::move(row));
        }
        std::vector<std::string> totals{"total"};
        for (const auto& v : t.columnTotals) totals.push_back(reports::formatValue(t, v));
        totals.push_back(reports::formatValue(t, t.grandTotal));
        grid.push_back(std::move(totals));
    }
    out += render(grid) + "\n";

    const std::string k = std::to_string(t.minimumCellSize);
    out += "Persons. Counts from 1 to " + std::to_string(t.minimumCellSize - 1) + " show as <" + k +
           ", and further values where one could be worked out from the totals (" +
           std::to_string(t.suppressedCount) + " suppressed).\n";
    if (t.multiValued) out += "A person may count in several rows or columns; totals count each person once.\n";
    if (t.rounded) out += "Values are rounded to base 5.\n";
    if (t.internalOnly) out += "Internal: broken down by office or caseworker, not for publication.\n";
    return out;
}

}  // namespace abri::sync::hub
