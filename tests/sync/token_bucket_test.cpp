// Token-bucket bandwidth limiter (PROTOCOL.md §4.6).
#include <catch2/catch.hpp>

#include "common/token_bucket.h"

using namespace abri::sync;

TEST_CASE("Token bucket enforces the average rate after the burst", "[sync][bandwidth]") {
    using namespace std::chrono;
    const auto t0 = TokenBucket::Clock::time_point{} + hours(1);
    TokenBucket bucket(5000, 1000, t0);  // 5 kB/s (≈ 40 kbit/s, 2G), 1 kB burst
    CHECK(bucket.reserve(1000, t0) == nanoseconds(0));
    // 5000 more bytes at once: one second of debt.
    auto wait = bucket.reserve(5000, t0);
    CHECK(duration_cast<milliseconds>(wait).count() == 1000);
    // After that second has passed, the debt is paid and the bucket has not refilled beyond it.
    CHECK(bucket.reserve(0, t0 + seconds(1)) == nanoseconds(0));
    CHECK(duration_cast<milliseconds>(bucket.reserve(500, t0 + seconds(1))).count() == 100);
    // Idle time refills at most to the burst size.
    CHECK(bucket.reserve(1000, t0 + seconds(100)) == nanoseconds(0));
    CHECK(bucket.reserve(1, t0 + seconds(100)) > nanoseconds(0));
    TokenBucket unlimited(0, 0, t0);
    CHECK(unlimited.reserve(1'000'000'000, t0) == nanoseconds(0));
}
