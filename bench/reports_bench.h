#pragma once
// `abri-bench reports`: the report engine over N synthetic cases (default 100,000), measured in one run on
//   (1) an Abri vault through reports::ReportEngine (counts and disclosure control: what the app and the CLI do),
//   (2) the same counts (reports::countReport) on that encrypted vault's database,
//   (3) the same counts on a plain, unencrypted database holding the same cases (storage::Database::openPlain,
//       filled through the same cases::CaseStore by bench/sql_workload),
// with the ratio (2)/(3), and the anonymised record-level export of the vault (reports::exportAnonymised).
// Prints figures with PASS/MISS against the targets; never fails on a miss.
#include <cstdint>
#include <filesystem>

namespace abri::bench {

struct ReportsBenchOptions {
    std::size_t cases = 100'000;
    std::filesystem::path dir;  // where the throw-away databases go (default: the system temp folder)
    int runs = 20;              // timed runs per report, after one cold run
    int exportRuns = 3;         // timed exports, after one cold run
    std::uint64_t seed = 1;
    bool keepFiles = false;
};

int runReportsBench(const ReportsBenchOptions& options);

}  // namespace abri::bench
