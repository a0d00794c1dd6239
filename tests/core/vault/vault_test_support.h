#pragma once
// Shared helpers for the vault tests: a fixed clock, standard creation options, file fingerprints, error capture.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.h"
#include "crypto/primitives.h"
#include "support/temp_dir.h"
#include "vault/vault.h"

namespace abri::test {

// 2024-03-05 23:59:59 UTC: a fixed "now" close to a date boundary, to catch time-zone mistakes in today().
constexpr std::int64_t kFixedNowMs = 1709683199000;

constexpr std::string_view kAdminName = "admin.alpha";
constexpr std::string_view kAdminPassword = "Testpass-Alpha-4417";

// A wall clock the test can move.
struct TestClock {
    std::shared_ptr<std::int64_t> ms = std::make_shared<std::int64_t>(kFixedNowMs);
    vault::WallClock fn() const {
        auto p = ms;
        return [p] { return *p; };
    }
};

inline vault::CreateOptions createOptions(const std::filesystem::path& path, const TestClock& clock) {
    vault::CreateOptions o;
    o.path = path;
    o.office = "TST-ONE";
    o.adminUsername = std::string(kAdminName);
    o.adminDisplayName = "Testname Alpha";
    o.adminPassword = kAdminPassword;
    o.kdf = crypto::KdfParams::minimum();
    o.clock = clock.fn();
    return o;
}

inline vault::UnlockOptions unlockOptions(const TestClock& clock) { return vault::UnlockOptions{clock.fn()}; }

// BLAKE2b of a file's bytes as hex ("" for a missing file): "unchanged" means same hash.
inline std::string fileHash(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file)) return "";
    const auto bytes = readFileBytes(file);
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    return crypto::toHex(crypto::blake2b({std::span<const std::uint8_t>(data, bytes.size())}));
}

// Runs f and returns the abri::Error it threw (nullopt if it did not throw).
template <class F>
std::optional<Error> errorOf(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}

inline bool hasCode(const std::optional<Error>& e, ErrorCode code) { return e.has_value() && e->code() == code; }

}  // namespace abri::test
