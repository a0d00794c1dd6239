#include "token_bucket.h"

#include <algorithm>

namespace abri::sync {

TokenBucket::TokenBucket(std::uint64_t bytesPerSecond, std::uint64_t burstBytes, Clock::time_point now)
    : rate_(bytesPerSecond), burst_(static_cast<double>(std::max<std::uint64_t>(burstBytes, 1))),
      tokens_(burst_), last_(now) {}

void TokenBucket::refill(Clock::time_point now) {
    if (now <= last_) return;
    const double elapsedS = std::chrono::duration<double>(now - last_).count();
    tokens_ = std::min(burst_, tokens_ + elapsedS * static_cast<double>(rate_));
    last_ = now;
}

std::chrono::nanoseconds TokenBucket::reserve(std::uint64_t bytes, Clock::time_point now) {
    if (rate_ == 0) return std::chrono::nanoseconds(0);
    refill(now);
    tokens_ -= static_cast<double>(bytes);
    if (tokens_ >= 0) return std::chrono::nanoseconds(0);
    const double waitS = -tokens_ / static_cast<double>(rate_);
    return std::chrono::nanoseconds(static_cast<std::int64_t>(waitS * 1e9));
}

}  // namespace abri::sync
