#pragma once
// The throw-away folder a benchmark writes its vaults, hub and files into, and today's date for the generated data.
#include <chrono>
#include <filesystem>
#include <string>
#include <system_error>

#include "crypto/primitives.h"
#include "model/case_rules.h"

namespace abri::bench {

// A fresh folder under `base` (the system temp folder when empty), removed however the run ends unless `keep`
// (a core error is reported by main()).
class WorkFolder {
public:
    WorkFolder(const std::filesystem::path& base, const std::string& prefix, bool keep)
        : path_((base.empty() ? std::filesystem::temp_directory_path() : base) /
                (prefix + crypto::randomId().substr(0, 8))),
          keep_(keep) {
        std::filesystem::create_directories(path_);
    }
    ~WorkFolder() {
        std::error_code ec;
        if (!keep_) std::filesystem::remove_all(path_, ec);
    }
    WorkFolder(const WorkFolder&) = delete;
    WorkFolder& operator=(const WorkFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    bool keep_;
};

// YYYY-MM-DD (UTC) of the wall clock.
inline std::string todayUtc() {
    return model::dateFromMs(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
}

}  // namespace abri::bench
