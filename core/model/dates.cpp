#include "model/dates.h"

#include <chrono>
#include <cstdint>
#include <string>

#include "common/error.h"
#include "model/case_rules.h"

namespace abri::model {

namespace dates {

namespace {
bool isDigit(char c) { return c >= '0' && c <= '9'; }

int digitsValue(std::string_view text) {
    int value = 0;
    for (char c : text) value = value * 10 + (c - '0');
    return value;
}
}  // namespace

std::optional<CivilDate> parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
        if (!isDigit(text[i])) return std::nullopt;
    }
    CivilDate date{digitsValue(text.substr(0, 4)), static_cast<unsigned>(digitsValue(text.substr(5, 2))),
                   static_cast<unsigned>(digitsValue(text.substr(8, 2)))};
    const std::chrono::year_month_day calendar{std::chrono::year{date.year}, std::chrono::month{date.month},
                                               std::chrono::day{date.day}};
    if (date.year < 1 || !calendar.ok()) return std::nullopt;
    return date;
}

int wholeYearsBetween(const CivilDate& from, const CivilDate& to) {
    int years = to.year - from.year;
    const bool beforeAnniversary = to.month < from.month || (to.month == from.month && to.day < from.day);
    const bool afterAnniversary = to.month > from.month || (to.month == from.month && to.day > from.day);
    if (years > 0 && beforeAnniversary) --years;
    if (years < 0 && afterAnniversary) ++years;
    return years;
}

}  // namespace dates

bool isValidDate(std::string_view date) { return dates::parse(date).has_value(); }

std::string dateFromMs(std::int64_t ms) {
    using namespace std::chrono;
    // Outside years 1..9999 a date has no YYYY-MM-DD form; such a clock value is a bug, not a date.
    constexpr std::int64_t kFirstDayMs = -62135596800000;  // 0001-01-01T00:00:00Z
    constexpr std::int64_t kEndMs = 253402300800000;       // 10000-01-01T00:00:00Z
    if (ms < kFirstDayMs || ms >= kEndMs) throw Error(ErrorCode::InvalidValue, "time", "outside years 1-9999");
    const year_month_day date{floor<days>(sys_time<milliseconds>{milliseconds{ms}})};
    const auto pad = [](unsigned value, std::size_t width) {
        std::string text = std::to_string(value);
        return std::string(width - text.size(), '0') + text;
    };
    return pad(static_cast<unsigned>(static_cast<int>(date.year())), 4) + '-' +
           pad(static_cast<unsigned>(date.month()), 2) + '-' + pad(static_cast<unsigned>(date.day()), 2);
}

}  // namespace abri::model
