#pragma once
// Hybrid logical clock (Kulkarni et al.): 48 bits of wall-clock milliseconds + 16 bits of logical counter in one
// 64-bit value. Monotonic even if the wall clock steps back; comparable across devices; close to real time.
#include <compare>
#include <cstdint>
#include <functional>
#include <string>

namespace abri::journal {

using Hlc = std::uint64_t;

constexpr Hlc makeHlc(std::uint64_t physicalMs, std::uint16_t logical) { return (physicalMs << 16) | logical; }
constexpr std::uint64_t hlcPhysicalMs(Hlc h) { return h >> 16; }
constexpr std::uint16_t hlcLogical(Hlc h) { return static_cast<std::uint16_t>(h & 0xffff); }

class HybridLogicalClock {
public:
    // wallMs: milliseconds since the epoch. `last` restores the clock after a restart (persisted by the vault).
    explicit HybridLogicalClock(std::function<std::int64_t()> wallMs, Hlc last = 0);

    // A new timestamp for a local event: strictly greater than every timestamp issued or observed before.
    Hlc now();
    // Merges a timestamp received from another device (sync), so later local events order after it.
    void observe(Hlc remote);
    Hlc last() const noexcept { return last_; }
    // Sets the clock back or forth to `value` (re-stamping after a refused clock, sync/PROTOCOL.md §7.5 only).
    void resetTo(Hlc value) noexcept { last_ = value; }

private:
    std::function<std::int64_t()> wallMs_;
    Hlc last_;
};

// The identity of an op: the HLC it was written with and its device (sync/PROTOCOL.md §5.1).
// Ordered by (hlc, device). Which of two concurrent edits wins is decided by merge's order key (core/merge),
// which also takes the hub's clamping into account.
struct Version {
    Hlc hlc = 0;
    std::string device;
    friend bool operator==(const Version&, const Version&) = default;
    friend auto operator<=>(const Version&, const Version&) = default;
};
bool isNewer(const Version& a, const Version& b);  // a > b by (hlc, device): the order of unclamped identities

}  // namespace abri::journal
