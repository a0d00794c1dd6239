#pragma once
// The hub-only duplicate fields of a case document (sync/PROTOCOL.md §6.4): the link a merge leaves on the retired
// case (`duplicate_of`) and on the surviving one (`same_person_as`), and the operator's "possible duplicate" flag
// (`possible_duplicate_of`). They hold case codes only. Reports, the hub and the app read them through here.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace abri::model {

inline constexpr std::string_view kDuplicateOfField = "duplicate_of";
inline constexpr std::string_view kSamePersonAsField = "same_person_as";
inline constexpr std::string_view kPossibleDuplicateOfField = "possible_duplicate_of";
inline constexpr std::string_view kDuplicateClosureReason = "duplicate_case";

// A case retired by a merge: it points to the surviving case, or was closed as a duplicate. Statistics leave it
// out, so a merged person counts once (through the surviving case).
bool isRetiredDuplicate(const nlohmann::json& caseDoc);

// The case code the retired case points to; "" when none.
std::string duplicateOf(const nlohmann::json& caseDoc);
// A list field of codes (same_person_as, possible_duplicate_of); empty when absent or not a list of strings.
std::vector<std::string> codeList(const nlohmann::json& caseDoc, std::string_view field);

// A sorted, distinct list with `code` added or removed; null for an empty list (the field is cleared).
nlohmann::json withCode(std::vector<std::string> codes, const std::string& code);
nlohmann::json withoutCode(std::vector<std::string> codes, const std::string& code);

}  // namespace abri::model
