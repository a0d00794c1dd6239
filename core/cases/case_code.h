#pragma once
// Pseudonymous case codes: "<OFFICE>-<YY>-<6 random Crockford base32>", e.g. "TUN-SFX-26-K7Q3M2".
// A code says where and when a case was registered, and nothing about the person.
#include <string>
#include <string_view>

namespace abri::cases {

std::string generateCaseCode(std::string_view office, std::string_view registeredOn);

}  // namespace abri::cases
