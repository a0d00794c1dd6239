#pragma once
// Printing a page of the case list (used by `case list` and `search`). Summaries hold no sensitive field.
#include <cstdint>
#include <vector>

#include "cases/case_query.h"
#include "command.h"

namespace abri::cli {

// Caseworkers are stored as user ids; show user names when the session may read the user list.
void printCaseList(vault::Vault& vault, const std::vector<cases::CaseSummary>& page, std::int64_t total,
                   const cases::CaseQuery& query, bool json, Io& io);

nlohmann::json summaryToJson(const cases::CaseSummary& summary);

}  // namespace abri::cli
