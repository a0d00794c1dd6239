#pragma once
// Token-bucket bandwidth limiter (PROTOCOL.md §4.6: the daemon's cap applies to its socket reads and writes).
// Pure arithmetic on an injected clock, so it is testable without sleeping.
#include <chrono>
#include <cstdint>

namespace abri::sync {

class TokenBucket {
public:
    using Clock = std::chrono::steady_clock;
    // bytesPerSecond == 0 means unlimited. burstBytes is the bucket size (the most sent without waiting).
    TokenBucket(std::uint64_t bytesPerSecond, std::uint64_t burstBytes, Clock::time_point now = Clock::now());

    // Takes `bytes` tokens (going into debt if needed) and returns how long the caller must wait before
    // moving those bytes so the average rate stays within the cap.
    std::chrono::nanoseconds reserve(std::uint64_t bytes, Clock::time_point now = Clock::now());
    bool unlimited() const noexcept { return rate_ == 0; }
    std::uint64_t bytesPerSecond() const noexcept { return rate_; }

private:
    void refill(Clock::time_point now);
    std::uint64_t rate_;
    double burst_;
    double tokens_;
    Clock::time_point last_;
};

}  // namespace abri::sync
