#include <catch2/catch.hpp>

#include "journal/hlc.h"

using namespace abri::journal;

TEST_CASE("HLC is monotonic when the wall clock stands still or steps back", "[hlc]") {
    std::int64_t wall = 1'700'000'000'000;
    HybridLogicalClock clock([&] { return wall; });
    Hlc a = clock.now();
    Hlc b = clock.now();
    CHECK(b > a);
    CHECK(hlcPhysicalMs(b) == static_cast<std::uint64_t>(wall));
    CHECK(hlcLogical(b) == 1);
    wall -= 60'000;  // the laptop's clock is set back a minute
    Hlc c = clock.now();
    CHECK(c > b);
    wall += 120'000;
    Hlc d = clock.now();
    CHECK(hlcPhysicalMs(d) == static_cast<std::uint64_t>(wall));
    CHECK(hlcLogical(d) == 0);
}

TEST_CASE("HLC orders local events after observed remote ones", "[hlc]") {
    std::int64_t wall = 1'700'000'000'000;
    HybridLogicalClock clock([&] { return wall; });
    Hlc remote = makeHlc(static_cast<std::uint64_t>(wall) + 5'000, 7);
    clock.observe(remote);
    CHECK(clock.now() > remote);
    // Restored from a persisted value after a restart, even if the wall clock is behind it.
    HybridLogicalClock restarted([&] { return wall - 10'000; }, clock.last());
    CHECK(restarted.now() > clock.last());
}

TEST_CASE("HLC logical counter overflow borrows the next millisecond", "[hlc]") {
    HybridLogicalClock clock([] { return std::int64_t{1000}; }, makeHlc(1000, 0xffff));
    Hlc next = clock.now();
    CHECK(hlcPhysicalMs(next) == 1001);
    CHECK(hlcLogical(next) == 0);
}

TEST_CASE("versions are totally ordered by HLC then device", "[hlc]") {
    Version a{makeHlc(10, 0), "aaaa"};
    Version b{makeHlc(10, 0), "bbbb"};
    Version c{makeHlc(11, 0), "aaaa"};
    CHECK(isNewer(b, a));
    CHECK_FALSE(isNewer(a, b));
    CHECK(isNewer(c, b));
    CHECK_FALSE(isNewer(a, a));
}
