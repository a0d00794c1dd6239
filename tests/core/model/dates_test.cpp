#include <catch2/catch.hpp>

#include <cstdint>

#include "model_test_support.h"

using namespace abri;
using namespace abri::model;
using model::test::requireError;

namespace {
constexpr std::int64_t kDayMs = 86'400'000;
}

TEST_CASE("isValidDate accepts real calendar days in strict form only", "[model][dates]") {
    for (const char* good : {"2024-02-29", "2000-02-29", "1900-01-01", "0001-01-01", "9999-12-31", "2023-12-31"}) {
        INFO(good);
        CHECK(isValidDate(good));
    }
    for (const char* bad : {"2023-02-29", "1900-02-29", "2024-04-31", "2024-00-01", "2024-01-00", "0000-06-01",
                            "2024-1-01", "2024-01-1", "20240101", "2024-01-01 ", "+024-01-01", "2024-0a-01", ""}) {
        INFO(bad);
        CHECK_FALSE(isValidDate(bad));
    }
}

TEST_CASE("dateFromMs gives the UTC calendar day", "[model][dates]") {
    CHECK(dateFromMs(0) == "1970-01-01");
    CHECK(dateFromMs(kDayMs - 1) == "1970-01-01");
    CHECK(dateFromMs(-1) == "1969-12-31");
    CHECK(dateFromMs(951'782'400'000) == "2000-02-29");
    CHECK(dateFromMs(1'709'251'199'999) == "2024-02-29");  // last millisecond of the leap day
    CHECK(dateFromMs(1'709'251'200'000) == "2024-03-01");
    CHECK(dateFromMs(-62'135'596'800'000) == "0001-01-01");
    CHECK(dateFromMs(253'402'300'799'999) == "9999-12-31");
    requireError([] { dateFromMs(253'402'300'800'000); }, ErrorCode::InvalidValue, "time");
    requireError([] { dateFromMs(-62'135'596'800'001); }, ErrorCode::InvalidValue, "time");
}

TEST_CASE("consecutive days from dateFromMs are valid and strictly increasing", "[model][dates]") {
    std::string previous = dateFromMs(946'684'800'000 - kDayMs);  // 1999-12-31
    for (std::int64_t day = 0; day < 3 * 366 + 400; ++day) {
        const std::string date = dateFromMs(946'684'800'000 + day * kDayMs);
        INFO(date);
        REQUIRE(isValidDate(date));
        REQUIRE(previous < date);
        previous = date;
    }
    CHECK(previous == "2004-02-06");  // no day skipped or repeated on the way
}
