#include "reports/report_engine.h"

#include <algorithm>
#include <map>

#include "audit/audit_log.h"
#include "cases/case_store.h"
#include "common/error.h"
#include "reports/disclosure_control.h"
#include "reports/report_settings.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::reports {

namespace {

// Categories to show: the dimension's known ones in their order, then any others the data holds, sorted.
std::vector<std::string> keysFor(Dimension dimension, const std::vector<cases::FactCount>& counts, std::size_t at) {
    std::vector<std::string> keys = categoriesOf(dimension);
    std::vector<std::string> extra;
    for (const auto& c : counts)
        if (std::find(keys.begin(), keys.end(), c.keys[at]) == keys.end()) extra.push_back(c.keys[at]);
    std::sort(extra.begin(), extra.end());
    extra.erase(std::unique(extra.begin(), extra.end()), extra.end());
    keys.insert(keys.end(), extra.begin(), extra.end());
    return keys;
}

std::size_t indexIn(const std::vector<std::string>& keys, const std::string& key) {
    return static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
}

cases::FactQuery queryFor(const ReportDefinition& definition, std::vector<Dimension> groupBy) {
    cases::FactQuery q;
    q.groupBy = std::move(groupBy);
    for (const auto& f : definition.filters) q.filters.push_back({f.dimension, f.codes});
    q.registeredFrom = definition.from;
    q.registeredTo = definition.to;
    return q;
}

}  // namespace

RawTable countReport(storage::Database& db, const ReportDefinition& definition) {
    validate(definition);
    cases::CaseStore store(db);
    RawTable raw;
    raw.multiValued = isMultiValued(definition.rows) || (definition.columns && isMultiValued(*definition.columns));
    const auto byRow = store.countPersons(queryFor(definition, {definition.rows}));
    const auto total = store.countPersons(queryFor(definition, {}));
    raw.grandTotal = total.empty() ? 0 : total.front().persons;
    raw.rowKeys = keysFor(definition.rows, byRow, 0);
    raw.rowTotals.assign(raw.rowKeys.size(), 0);
    for (const auto& c : byRow) raw.rowTotals[indexIn(raw.rowKeys, c.keys[0])] = c.persons;
    if (!definition.columns) {
        for (const auto n : raw.rowTotals) raw.cells.push_back({n});
        return raw;
    }
    const auto byColumn = store.countPersons(queryFor(definition, {*definition.columns}));
    const auto byCell = store.countPersons(queryFor(definition, {definition.rows, *definition.columns}));
    raw.columnKeys = keysFor(*definition.columns, byColumn, 0);
    raw.columnTotals.assign(raw.columnKeys.size(), 0);
    for (const auto& c : byColumn) raw.columnTotals[indexIn(raw.columnKeys, c.keys[0])] = c.persons;
    raw.cells.assign(raw.rowKeys.size(), std::vector<std::int64_t>(raw.columnKeys.size(), 0));
    for (const auto& c : byCell) raw.cells[indexIn(raw.rowKeys, c.keys[0])][indexIn(raw.columnKeys, c.keys[1])] = c.persons;
    return raw;
}

PublishedTable publish(const ReportDefinition& definition, const RawTable& raw, const DisclosurePolicy& policy) {
    CountTable counts;
    counts.cells = raw.cells;
    counts.rowTotals = raw.rowTotals;
    counts.columnTotals = raw.columnTotals;
    counts.grandTotal = raw.grandTotal;
    counts.additive = !raw.multiValued;
    const ProtectedTable safe = protectTable(counts, policy.minimumCellSize, policy.roundToBase5);
    PublishedTable t;
    t.definition = definition;
    t.rowKeys = raw.rowKeys;
    t.columnKeys = raw.columnKeys;
    t.cells = safe.cells;
    t.rowTotals = safe.rowTotals;
    t.columnTotals = safe.columnTotals;
    t.grandTotal = safe.grandTotal;
    t.multiValued = raw.multiValued;
    t.internalOnly = isInternal(definition.rows) || (definition.columns && isInternal(*definition.columns));
    t.minimumCellSize = policy.minimumCellSize;
    t.rounded = policy.roundToBase5;
    t.suppressedCount = safe.suppressed;
    return t;
}

ReportEngine::ReportEngine(vault::Vault& vault) : vault_(vault) {
    vault_.require(vault::Permission::ViewStatistics);
    cases::CaseStore(vault_.db()).refreshFactsIfStale();
}

PublishedTable ReportEngine::run(const ReportDefinition& definition, bool roundToBase5) {
    validate(definition);
    if (isInternal(definition.rows) || (definition.columns && isInternal(*definition.columns)))
        vault_.require(vault::Permission::ViewInternalStatistics);
    const DisclosurePolicy policy{minimumCellSize(vault_), roundToBase5};
    return publish(definition, countReport(vault_.db(), definition), policy);
}

std::vector<PublishedTable> ReportEngine::runAll(const std::vector<ReportDefinition>& definitions, bool roundToBase5,
                                                 const std::function<bool(std::size_t, std::size_t)>& progress) {
    std::vector<PublishedTable> out;
    for (std::size_t i = 0; i < definitions.size(); ++i) {
        if (progress && !progress(i, definitions.size())) break;
        out.push_back(run(definitions[i], roundToBase5));
    }
    if (progress) progress(out.size(), definitions.size());
    return out;
}

void ReportEngine::recordExport(const ReportDefinition& definition, const std::string& format) {
    vault_.require(vault::Permission::ExportData);
    vault_.audit().append(vault_.nowMs(), vault_.currentUser().id, audit::Action::Exported, "", "report",
                          (definition.id.empty() ? std::string(dimensionCode(definition.rows)) : definition.id) + " " +
                              format);
}

}  // namespace abri::reports
