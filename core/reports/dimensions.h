#pragma once
// The dimensions a report can break persons down by, with their stable codes ("age_band", "gender", ...) and
// their categories. The SQL behind each lives with the case tables' owner (cases/case_statistics.h).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/case_statistics.h"

namespace abri::reports {

using Dimension = cases::FactDimension;

const std::vector<Dimension>& allDimensions();
std::string_view dimensionCode(Dimension dimension);               // "age_band", "exploitation_type", ...
std::optional<Dimension> dimensionFromCode(std::string_view code);
// A person may hold several values (exploitation types, means of control, services...): they count in each.
using cases::isMultiValued;
// Breakdowns by office or caseworker name the organisation's own staff and offices: internal, not for publication.
bool isInternal(Dimension dimension);
// The known categories of a dimension in display order, including its "unknown"/"none" category; empty for open
// ones (registration year/quarter/month, office, caseworker), whose categories come from the data.
std::vector<std::string> categoriesOf(Dimension dimension);
// Throws Error(InvalidCode, subject, dimension code) when `code` is no category of `dimension` (open dimensions
// check the shape: "2026", "2026-Q3", "2026-07"; offices and caseworkers any non-empty text).
void checkCategory(Dimension dimension, std::string_view code, const std::string& subject);

}  // namespace abri::reports
