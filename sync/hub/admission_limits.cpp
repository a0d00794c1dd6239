#include "admission_limits.h"

#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "common/error.h"

namespace abri::sync::hub {

AdmissionLimits fitToFileLimit(AdmissionLimits wanted, std::uint64_t fileLimit, std::size_t openAtStart) {
    const std::uint64_t used = std::uint64_t{openAtStart} + kFileDescriptorReserve;
    const std::uint64_t room = fileLimit > used ? fileLimit - used : 0;
    if (room < 16) throw Error(ErrorCode::InvalidValue, "RLIMIT_NOFILE", "too few open files allowed for the hub");
    AdmissionLimits fit = wanted;
    fit.maxConnections = static_cast<std::size_t>(std::min<std::uint64_t>(wanted.maxConnections, room));
    fit.maxConnections = std::max<std::size_t>(fit.maxConnections, 16);
    fit.maxAnonymous = std::clamp<std::size_t>(wanted.maxAnonymous, 4, std::max<std::size_t>(fit.maxConnections / 4, 4));
    fit.maxHandshakes = std::clamp<std::size_t>(wanted.maxHandshakes, 2, std::max<std::size_t>(fit.maxAnonymous / 2, 2));
    fit.maxEnrolSessions = std::clamp<std::size_t>(wanted.maxEnrolSessions, 1, std::max<std::size_t>(fit.maxAnonymous / 4, 1));
    fit.maxAnonymousPerAddress = std::clamp<std::size_t>(wanted.maxAnonymousPerAddress, 2, fit.maxAnonymous);
    // Below the per-address anonymous cap, so an address always has a handshake to give up for a newcomer.
    fit.maxEnrolPerAddress = std::clamp<std::size_t>(wanted.maxEnrolPerAddress, 1,
                                                     std::min(fit.maxEnrolSessions, fit.maxAnonymousPerAddress - 1));
    return fit;
}

std::uint64_t softFileLimit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0) {
        return limit.rlim_cur == RLIM_INFINITY ? UINT64_MAX : static_cast<std::uint64_t>(limit.rlim_cur);
    }
    // A seccomp filter may refuse prlimit64 (glibc's getrlimit): the kernel also states the limit here.
    std::ifstream in("/proc/self/limits");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("Max open files", 0) != 0) continue;
        std::istringstream fields(line.substr(14));
        std::uint64_t soft = 0;
        if (fields >> soft) return soft;
    }
    return 1024;  // the kernel's default soft limit: never assume more than that
}

std::size_t openFileDescriptors() {
    std::error_code ec;
    std::size_t n = 0;
    for (std::filesystem::directory_iterator it("/proc/self/fd", ec), end; !ec && it != end; it.increment(ec)) ++n;
    return n;  // counts the iterator's own descriptor too: one spare
}

std::string describe(const AdmissionLimits& limits, std::uint64_t fileLimit) {
    return "limits connections=" + std::to_string(limits.maxConnections) +
           " device_slots=" + std::to_string(limits.deviceSlots()) + " anonymous=" + std::to_string(limits.maxAnonymous) +
           " handshakes=" + std::to_string(limits.maxHandshakes) +
           " anonymous_per_address=" + std::to_string(limits.maxAnonymousPerAddress) +
           " enrol=" + std::to_string(limits.maxEnrolSessions) +
           " enrol_per_address=" + std::to_string(limits.maxEnrolPerAddress) +
           " nofile=" + (fileLimit == UINT64_MAX ? std::string("unlimited") : std::to_string(fileLimit));
}

}  // namespace abri::sync::hub
