#pragma once
// Limits on the partial uploads a device leaves on the hub's disk (PROTOCOL.md §4.6): files cut mid-transfer stay
// as `<hub>/partial/<device>/<file id>.part` so an upload can resume, but a device (or a stolen key) must not be
// able to fill the disk with them. Oldest first, a device keeps at most 4 partial files and 64 MiB, none older
// than 7 days.
#include <chrono>
#include <cstdint>
#include <filesystem>

namespace abri::sync::hub {

struct PartialUploadLimits {
    std::size_t maxFiles = 4;
    std::uintmax_t maxBytes = 64ULL * 1024 * 1024;
    std::chrono::hours maxAge{7 * 24};
};

// Removes partial files of one device's folder until the limits hold, counting room for the upload about to
// (re)start: `keep` (its file name) is never removed. Returns how many files were removed.
std::size_t prunePartialUploads(const std::filesystem::path& deviceFolder, const std::filesystem::path& keep,
                                const PartialUploadLimits& limits = {});

}  // namespace abri::sync::hub
