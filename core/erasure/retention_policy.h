#pragma once
// Retention: how long a closed case is kept. Default off (nothing is ever purged by time); an administrator may set
// a number of years, after which a case closed that long ago is purged (case_purge.h) the next time the policy is
// applied (the app at unlock, `abri-cli retention apply`). A purge by retention is local to this vault: nothing is
// sent. The hub has its own policy (`abri-hub retention`); offices and hub set the same one (docs/erasure.md).
#include <optional>
#include <string>

namespace abri::vault {
class Vault;
}
namespace abri::storage {
class Database;
}

namespace abri::erasure {

// The floor: a case must stay at least this long after closing (follow-up, appeals, a person coming back).
constexpr int kMinRetentionYears = 1;
constexpr int kMaxRetentionYears = 100;

// Error(ValueOutOfRange, "retention_years") outside [kMinRetentionYears, kMaxRetentionYears] (vault and hub alike).
void checkRetentionYears(int years);
// The latest closing date (YYYY-MM-DD) a case may have to be purged on `today`: `years` before it, same month and
// day. Error(Internal) for a `today` that is not a date.
std::string retentionCutoff(const std::string& today, int years);

// nullopt: off.
std::optional<int> retentionYears(storage::Database& db);
// Needs Permission::ConfigureRetention. Error(ValueOutOfRange, "retention_years") outside
// [kMinRetentionYears, kMaxRetentionYears]; nothing changed then. Audited (retention_policy_changed).
void setRetentionYears(vault::Vault& vault, std::optional<int> years);

struct RetentionRun {
    int purged = 0;         // cases purged now
    bool scrubbed = true;   // false: the log could not be truncated yet (another reader); scrubAfterPurge later
};
// Purges every closed case whose closing date is the policy's years or more before today. Nothing when off.
RetentionRun applyRetention(vault::Vault& vault);

}  // namespace abri::erasure
