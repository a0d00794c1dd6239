#pragma once
// The format of list columns that hold several codes (cases.exploitation_types): codes joined by commas.
// Codes are snake_case ASCII, so a comma never occurs inside one.
#include <string>
#include <vector>

namespace abri::cases {

std::string joinCodeColumn(const std::vector<std::string>& codes);
std::vector<std::string> splitCodeColumn(const std::string& column);

}  // namespace abri::cases
