#pragma once
// How abri-cli prints field values in tables and one-line messages (`case show`, `conflicts`): lists joined with
// "; ", booleans as yes/no, and the one marker for a sensitive value that was not revealed.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace abri::cli {

// Shown in place of a sensitive value (names, contacts, documents, note texts) that was not revealed.
inline constexpr std::string_view kHiddenValue = "[hidden]";

// A field value as plain text: strings as they are, booleans yes/no, null as "", lists joined with "; " (objects in
// a list as key=value pairs). Not sanitised: tables sanitise on render, other callers use sanitizeForTerminal.
std::string plainValue(const nlohmann::json& value);

}  // namespace abri::cli
