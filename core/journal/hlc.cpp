#include "journal/hlc.h"

#include <algorithm>

namespace abri::journal {

HybridLogicalClock::HybridLogicalClock(std::function<std::int64_t()> wallMs, Hlc last)
    : wallMs_(std::move(wallMs)), last_(last) {}

Hlc HybridLogicalClock::now() {
    const auto wall = static_cast<std::uint64_t>(std::max<std::int64_t>(0, wallMs_()));
    const std::uint64_t lastPhysical = hlcPhysicalMs(last_);
    if (wall > lastPhysical) {
        last_ = makeHlc(wall, 0);
    } else if (hlcLogical(last_) < 0xffff) {
        last_ += 1;  // same or earlier wall time: advance the logical counter
    } else {
        last_ = makeHlc(lastPhysical + 1, 0);  // counter exhausted: borrow the next millisecond
    }
    return last_;
}

void HybridLogicalClock::observe(Hlc remote) {
    if (remote > last_) last_ = remote;
}

bool isNewer(const Version& a, const Version& b) {
    if (a.hlc != b.hlc) return a.hlc > b.hlc;
    return a.device > b.device;
}

}  // namespace abri::journal
