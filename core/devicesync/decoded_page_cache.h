#pragma once
// A page opened and verified by one apply step, kept for the next steps of the same page (sync/PROTOCOL.md §7.3
// A4′). A first sync's page holds about 1,000 entries (several MB once inflated) and a 50 ms step applies a few
// dozen of them: opening, inflating and checking the whole page again at every step cost as much as applying.
// The caller that steps (the app's SyncController, the benchmarks) owns one; it holds one page at a time and drops
// it when that page is done, set aside or replaced on disk.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>

#include "wire/page.h"

namespace abri::devicesync {

class DecodedPageCache {
public:
    // The page decoded from `file` if the file is still the one it was decoded from (same size and time).
    const wire::Page* find(const std::filesystem::path& file) const {
        if (!page_ || file != file_) return nullptr;
        return stampOf(file) == stamp_ ? &*page_ : nullptr;
    }
    const wire::Page& keep(const std::filesystem::path& file, wire::Page page) {
        file_ = file;
        stamp_ = stampOf(file);
        page_ = std::move(page);
        return *page_;
    }
    void clear() noexcept {
        page_.reset();
        file_.clear();
    }

private:
    struct Stamp {
        std::uintmax_t size = 0;
        std::filesystem::file_time_type modified{};
        bool operator==(const Stamp&) const = default;
    };
    static std::optional<Stamp> stampOf(const std::filesystem::path& file) {
        std::error_code ec;
        Stamp s;
        s.size = std::filesystem::file_size(file, ec);
        if (ec) return std::nullopt;
        s.modified = std::filesystem::last_write_time(file, ec);
        if (ec) return std::nullopt;
        return s;
    }

    std::filesystem::path file_;
    std::optional<Stamp> stamp_;
    std::optional<wire::Page> page_;
};

}  // namespace abri::devicesync
