#pragma once
// `abri-bench vault`: the vault workload of the foundation issue, measured in one run on
//   (1) an Abri vault through CaseRepository (what the app and the CLI do),
//   (2) the equivalent SQL on an encrypted storage::Database (same key form as the vault),
//   (3) the same SQL on a plain, unencrypted database (same SQLCipher library, no key),
// and the ratios (2)/(3). Prints figures with PASS/MISS against the targets; never fails on a miss.
#include <cstdint>
#include <filesystem>
#include <string>

namespace abri::bench {

struct VaultBenchOptions {
    std::size_t cases = 100'000;
    std::filesystem::path dir;  // where the throw-away vault files go (default: the system temp folder)
    int runs = 50;              // timed runs per query, after one cold run
    std::string items = "note"; // none | note | full: child records imported with each case
    std::uint64_t seed = 1;
    bool keepFiles = false;
    // Experiment knob, off by default: PRAGMA cache_size on every connection (the core keeps SQLite's default).
    int cacheMiB = 0;
};

int runVaultBench(const VaultBenchOptions& options);

}  // namespace abri::bench
