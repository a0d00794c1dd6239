#pragma once
// Reports at the hub (`abri-hub report`): the same engine and the same disclosure control as in the offices'
// vaults, run over the merged cases of every office of the region, or of one office. The hub reads each case's
// stored merge state (case_state.h) into an in-memory database of facts
// (reports::MergedFacts); only published (protected) tables leave this module: never a raw count, a name or a
// case code.
#include <optional>
#include <string>

#include "hub_store.h"
#include "reports/report_engine.h"

namespace abri::sync::hub {

// Runs `definition` over the merged live cases whose document's office is `office` (every office when empty).
reports::PublishedTable runHubReport(HubStore& store, const reports::ReportDefinition& definition,
                                     const std::optional<std::string>& office, const reports::DisclosurePolicy& policy);

// The table for a terminal: title, scope, period, the counts with their totals (suppressed values as "<k") and the
// notes a reader needs (multi-valued rows, suppression, rounding). Codes only, never labels from the data.
std::string reportText(const reports::PublishedTable& table, const std::optional<std::string>& office);

}  // namespace abri::sync::hub
