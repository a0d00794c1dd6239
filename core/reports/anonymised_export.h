#pragma once
// The anonymised record-level export for researchers: one CSV row per person, laid out like the Counter
// Trafficking Data Collaborative's global dataset (docs/reports.md lists the columns and codes). No names, case
// codes, dates finer than the year, places or free text; only persons whose active consent covers research; and
// k-anonymous over the quasi-identifiers (year, gender, age band, citizenship, country of exploitation) by
// generalisation and withholding (k_anonymity.h). Written atomically: a failed export leaves no file behind.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace abri::vault {
class Vault;
}

namespace abri::reports {

struct ExportOptions {
    int k = 11;                      // never below 5
    std::optional<std::string> from;  // registration period, inclusive YYYY-MM-DD
    std::optional<std::string> to;
};

struct ExportSummary {
    std::int64_t consenting = 0;     // persons in the period whose consent covers research
    std::int64_t exported = 0;       // rows written
    std::int64_t withheld = 0;       // consenting persons left out to keep every combination at least k times
    std::vector<std::string> generalised;  // quasi-identifiers coarsened, e.g. "age_band->ageBroad", "citizenship->region"
};

// Permission::ExportResearchData (supervisors); audited. Throws IoError (nothing left behind) when the path
// cannot be written, ValueOutOfRange ("k") below 5.
ExportSummary exportAnonymised(vault::Vault& vault, const std::filesystem::path& csvPath, const ExportOptions& options);

// The CSV header, in column order (docs/reports.md).
const std::vector<std::string>& anonymisedColumns();

}  // namespace abri::reports
