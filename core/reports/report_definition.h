#pragma once
// What a report asks for: rows (one dimension), optional columns (a second), filters and a registration period.
// Built-in reports and users' saved cross-tabs are both definitions; definitions travel as JSON (saved reports,
// abri-cli report run --definition FILE).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "reports/dimensions.h"

namespace abri::reports {

struct ReportFilter {
    Dimension dimension = Dimension::Gender;
    std::vector<std::string> codes;  // a person matches when any of their values is one of these
    bool operator==(const ReportFilter&) const = default;
};

struct ReportDefinition {
    std::string id;     // built-ins: "persons_by_age_band", ...; saved reports: their id; ad hoc: empty
    std::string title;  // built-ins: English title (the app translates by id); saved reports: the user's name
    Dimension rows = Dimension::Gender;
    std::optional<Dimension> columns;
    std::vector<ReportFilter> filters;
    std::optional<std::string> from;  // registration period, inclusive YYYY-MM-DD
    std::optional<std::string> to;
    bool operator==(const ReportDefinition&) const = default;
};

// Checks everything: rows/columns distinct, filter codes valid, dates valid, from <= to. Throws abri::Error naming
// the field: UnknownField ("rows"), InvalidCode ("filters[0].codes[1]"), InvalidDate ("from"), InvalidValue
// ("period": from after to; "columns": same as rows).
void validate(const ReportDefinition& definition);

// {"id","title","rows":"age_band","columns":"gender","filters":[{"dimension":"gender","codes":["female"]}],
//  "from":"2025-01-01","to":"2025-12-31"}. fromJson validates and throws like validate (InvalidJson for shape).
nlohmann::json toJson(const ReportDefinition& definition);
ReportDefinition definitionFromJson(const nlohmann::json& json);

}  // namespace abri::reports
