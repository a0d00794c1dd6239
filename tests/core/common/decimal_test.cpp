#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>

#include "common/decimal.h"

using abri::parseNonNegativeDecimal;

TEST_CASE("decimal text parses to its value", "[common][decimal]") {
    CHECK(parseNonNegativeDecimal("0") == 0);
    CHECK(parseNonNegativeDecimal("7") == 7);
    CHECK(parseNonNegativeDecimal("1234567890") == 1234567890);
    CHECK(parseNonNegativeDecimal("000042") == 42);
    CHECK(parseNonNegativeDecimal("9223372036854775807") == std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("empty text is not a number", "[common][decimal]") {
    CHECK_FALSE(parseNonNegativeDecimal(""));
}

TEST_CASE("junk around or inside the digits is refused", "[common][decimal]") {
    for (const std::string junk : {"-1", "+1", " 1", "1 ", "1\n", "12abc", "abc", "1.5", "1e3", "0x10", "١٢"}) {
        INFO(junk);
        CHECK_FALSE(parseNonNegativeDecimal(junk));
    }
    CHECK_FALSE(parseNonNegativeDecimal(std::string("1\0", 2)));
}

TEST_CASE("values beyond int64 are refused, not wrapped", "[common][decimal]") {
    CHECK_FALSE(parseNonNegativeDecimal("9223372036854775808"));   // INT64_MAX + 1
    CHECK_FALSE(parseNonNegativeDecimal("18446744073709551615"));  // UINT64_MAX
    CHECK_FALSE(parseNonNegativeDecimal("99999999999999999999999"));
}
