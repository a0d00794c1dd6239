#pragma once
// Calendar dates ("YYYY-MM-DD") used by the case model. Internal to core/model; the public helpers
// isValidDate() and dateFromMs() are declared in case_rules.h.
#include <optional>
#include <string_view>

namespace abri::model::dates {

struct CivilDate {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
};

// Strict "YYYY-MM-DD" (years 0001-9999) naming a real calendar day; nullopt otherwise.
std::optional<CivilDate> parse(std::string_view text);

// Completed years from `from` to `to` (negative when `to` is earlier). A 29 February birthday is reached on
// 1 March in common years, the rule most civil registries apply.
int wholeYearsBetween(const CivilDate& from, const CivilDate& to);

}  // namespace abri::model::dates
