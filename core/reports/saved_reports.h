#pragma once
// Users' own cross-tabs, saved in the vault (table saved_reports; local to the laptop, not synced).
#include <string>
#include <string_view>
#include <vector>

#include "reports/report_definition.h"

namespace abri::vault {
class Vault;
}

namespace abri::reports {

std::vector<ReportDefinition> savedReports(vault::Vault& vault);  // by name
// Saves under `definition.title` (required, unique: an existing name is replaced). Returns the id.
std::string saveReport(vault::Vault& vault, ReportDefinition definition);
void deleteSavedReport(vault::Vault& vault, std::string_view id);  // NotFound when absent

}  // namespace abri::reports
