#pragma once
// Runs reports over a vault: counts persons with GROUP BY over the statistics facts (cases::CaseStore), then
// applies disclosure control (disclosure_control.h) before anything is returned. Who may run what follows roles:
// every role may run reports (all see only protected aggregates); breakdowns by office or caseworker need
// Permission::ViewInternalStatistics; exports need ExportData and are audited.
#include <functional>
#include <string>
#include <vector>

#include "reports/report_definition.h"
#include "reports/report_table.h"

namespace abri::storage {
class Database;
}
namespace abri::vault {
class Vault;
}

namespace abri::reports {

struct DisclosurePolicy {
    int minimumCellSize = 11;  // never below kMinimumCellSizeFloor
    bool roundToBase5 = false;
};
inline constexpr int kDefaultMinimumCellSize = 11;
inline constexpr int kMinimumCellSizeFloor = 5;

// Raw counts before disclosure control. Inside the core only (tests, the hub's cross-check): never shown.
struct RawTable {
    std::vector<std::string> rowKeys;
    std::vector<std::string> columnKeys;
    std::vector<std::vector<std::int64_t>> cells;
    std::vector<std::int64_t> rowTotals;
    std::vector<std::int64_t> columnTotals;
    std::int64_t grandTotal = 0;
    bool multiValued = false;
};

// Over any database holding the case tables (a vault's, or the hub's in-memory one of merged cases).
RawTable countReport(storage::Database& db, const ReportDefinition& definition);
PublishedTable publish(const ReportDefinition& definition, const RawTable& raw, const DisclosurePolicy& policy);

class ReportEngine {
public:
    // Checks Permission::ViewStatistics; brings stale facts up to date (a vault from before reports existed).
    explicit ReportEngine(vault::Vault& vault);

    // The vault's policy (report_settings.h), with optional rounding.
    PublishedTable run(const ReportDefinition& definition, bool roundToBase5 = false);
    // Runs several reports, calling progress(done, total) between them; progress returning false cancels
    // (the reports done so far are returned).
    std::vector<PublishedTable> runAll(const std::vector<ReportDefinition>& definitions, bool roundToBase5,
                                       const std::function<bool(std::size_t, std::size_t)>& progress = {});
    // Records an export of a report (CSV, PDF, JSON) in the audit log: Permission::ExportData.
    void recordExport(const ReportDefinition& definition, const std::string& format);

private:
    vault::Vault& vault_;
};

}  // namespace abri::reports
