#pragma once
// What the full-text index holds for a case, and how user input becomes a safe FTS4 MATCH expression.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace abri::cases {

// Case code, names, aliases and note texts, space separated.
std::string searchBody(const nlohmann::json& caseDoc, const std::vector<std::string>& noteTexts);
// True when changing this case field changes searchBody().
bool affectsSearch(std::string_view fieldPath);
// Each word of the user's text becomes a quoted prefix term ("word*"), all required. FTS operators and quotes in
// the input lose their meaning, so no input can make the query fail. Empty when the text has no word.
std::string ftsMatchQuery(std::string_view userText);

}  // namespace abri::cases
