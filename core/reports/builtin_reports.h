#pragma once
// The built-in report set: the statistical annex of a country office fact sheet (persons assisted by age, sex,
// international or internal, type of exploitation), assistance given, referrals, case flow, and exploitation type
// by sex and by age band.
#include <optional>
#include <string_view>
#include <vector>

#include "reports/report_definition.h"

namespace abri::reports {

const std::vector<ReportDefinition>& builtinReports();
std::optional<ReportDefinition> findBuiltinReport(std::string_view id);

}  // namespace abri::reports
