#include "demo/registration_calendar.h"

#include <algorithm>
#include <array>
#include <string>

#include "demo/synthetic_cases.h"

namespace abri::demo {

namespace {

// Relative registrations per calendar month (January first), in percent: a summer peak, a December low.
constexpr std::array<std::uint64_t, 12> kSeasonPercent = {80, 80, 95, 100, 110, 120, 125, 120, 110, 100, 90, 75};
// Registrations per day grow linearly from 100% in the oldest month to this in the newest.
constexpr std::uint64_t kNewestGrowthPercent = 220;

std::int64_t firstOfMonth(int year, int month) {
    std::string text = std::to_string(year);
    text.insert(0, text.size() < 4 ? 4 - text.size() : 0, '0');
    text += month < 10 ? "-0" : "-";
    text += std::to_string(month) + "-01";
    return daysFromDate(text);
}

}  // namespace

RegistrationCalendar::RegistrationCalendar(std::int64_t todayDays) {
    const std::string today = dateFromDays(todayDays);
    const int todayYear = std::stoi(today.substr(0, 4));
    const int todayMonth = std::stoi(today.substr(5, 2));
    // Month number counted from year 0, so stepping back and forth across years is plain arithmetic.
    const int newest = todayYear * 12 + (todayMonth - 1);
    std::uint64_t total = 0;
    for (std::size_t k = 0; k < kMonths; ++k) {
        const int index = newest - static_cast<int>(kMonths - 1 - k);
        const int year = index / 12;
        const int month = index % 12 + 1;
        const std::int64_t first = firstOfMonth(year, month);
        const std::int64_t last =
            k + 1 == kMonths ? todayDays : firstOfMonth((index + 1) / 12, (index + 1) % 12 + 1) - 1;
        const std::uint64_t growth = 100 + (kNewestGrowthPercent - 100) * k / (kMonths - 1);
        const auto days = static_cast<std::uint64_t>(last - first + 1);
        total += growth * kSeasonPercent[static_cast<std::size_t>(month - 1)] * days;
        months_.push_back({first, last, total});
    }
}

std::int64_t RegistrationCalendar::draw(Rng& rng, std::size_t firstMonth) const {
    firstMonth = std::min(firstMonth, kMonths - 1);
    const std::uint64_t before = firstMonth == 0 ? 0 : months_[firstMonth - 1].cumulative;
    const std::uint64_t roll = before + rng.next() % (months_.back().cumulative - before);
    const auto found = std::upper_bound(months_.begin(), months_.end(), roll,
                                        [](std::uint64_t value, const Month& month) { return value < month.cumulative; });
    return rng.between(found->first, found->last);
}

}  // namespace abri::demo
