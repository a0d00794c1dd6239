#pragma once
// When synthetic cases are registered: the 48 months up to today, with more cases in later months (programmes
// grow) and in the summer (seasonal work and migration), so reports by year, quarter and month show a shape.
// Internal to core/demo.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "demo/demo_random.h"

namespace abri::demo {

class RegistrationCalendar {
public:
    static constexpr std::size_t kMonths = 48;

    // `todayDays`: days since 1970-01-01. The window starts on the first day of the month 47 months back.
    explicit RegistrationCalendar(std::int64_t todayDays);

    // A registration day (days since 1970-01-01) in month `firstMonth` (0 = the oldest) or later, never after
    // today. Offices that opened later in the window pass their opening month.
    std::int64_t draw(Rng& rng, std::size_t firstMonth = 0) const;
    std::int64_t firstDay() const { return months_.front().first; }

private:
    struct Month {
        std::int64_t first;        // first day in the window
        std::int64_t last;         // last day in the window (today for the current month)
        std::uint64_t cumulative;  // running sum of the month weights up to and including this month
    };
    std::vector<Month> months_;
};

}  // namespace abri::demo
