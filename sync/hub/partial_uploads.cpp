#include "partial_uploads.h"

#include <algorithm>
#include <vector>

namespace abri::sync::hub {

std::size_t prunePartialUploads(const std::filesystem::path& deviceFolder, const std::filesystem::path& keep,
                                const PartialUploadLimits& limits) {
    namespace fs = std::filesystem;
    struct Partial {
        fs::path path;
        fs::file_time_type written;
        std::uintmax_t bytes = 0;
    };
    std::vector<Partial> partials;
    std::uintmax_t keptBytes = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(deviceFolder, ec)) {
        if (!entry.is_regular_file(ec) || entry.path().extension() != ".part") continue;
        const auto bytes = entry.file_size(ec);
        if (entry.path().filename() == keep) {
            keptBytes = ec ? 0 : bytes;
            continue;
        }
        partials.push_back({entry.path(), entry.last_write_time(ec), ec ? 0 : bytes});
    }
    std::sort(partials.begin(), partials.end(), [](const auto& a, const auto& b) { return a.written < b.written; });
    std::uintmax_t total = keptBytes;
    for (const auto& p : partials) total += p.bytes;
    const auto now = fs::file_time_type::clock::now();
    std::size_t removed = 0;
    std::size_t remaining = partials.size();
    for (const auto& p : partials) {  // oldest first
        const bool tooOld = now - p.written > limits.maxAge;
        // The upload about to (re)start counts as one file.
        const bool tooMany = remaining + 1 > limits.maxFiles;
        const bool tooBig = total > limits.maxBytes;
        if (!tooOld && !tooMany && !tooBig) continue;
        if (fs::remove(p.path, ec)) {
            ++removed;
            --remaining;
            total -= p.bytes;
        }
    }
    return removed;
}

}  // namespace abri::sync::hub
