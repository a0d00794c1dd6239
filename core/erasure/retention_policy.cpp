#include "erasure/retention_policy.h"

#include <string>

#include "audit/audit_log.h"
#include "cases/case_store.h"
#include "common/decimal.h"
#include "common/error.h"
#include "erasure/case_purge.h"
#include "storage/database.h"
#include "storage/meta.h"
#include "vault/roles.h"
#include "vault/vault.h"

namespace abri::erasure {

namespace {

constexpr std::string_view kMetaKey = "retention_closed_years";

}  // namespace

// Dates are ISO text, so a 29 February cut-off in a common year still compares right.
std::string retentionCutoff(const std::string& today, int years) {
    const auto year = parseNonNegativeDecimal(std::string_view(today).substr(0, 4));
    if (!year || today.size() != 10) throw Error(ErrorCode::Internal, "today");
    std::string y = std::to_string(*year - years);
    while (y.size() < 4) y.insert(y.begin(), '0');
    return y + today.substr(4);
}

void checkRetentionYears(int years) {
    if (years < kMinRetentionYears || years > kMaxRetentionYears)
        throw Error(ErrorCode::ValueOutOfRange, "retention_years",
                    std::to_string(kMinRetentionYears) + ".." + std::to_string(kMaxRetentionYears));
}

std::optional<int> retentionYears(storage::Database& db) {
    const auto stored = storage::readMeta(db, kMetaKey);
    if (!stored) return std::nullopt;
    const auto years = parseNonNegativeDecimal(*stored);
    if (!years || *years < kMinRetentionYears || *years > kMaxRetentionYears)
        throw Error(ErrorCode::VaultCorrupted, "meta.retention_closed_years");
    return static_cast<int>(*years);
}

void setRetentionYears(vault::Vault& vault, std::optional<int> years) {
    vault.require(vault::Permission::ConfigureRetention);
    if (years) checkRetentionYears(*years);
    auto& db = vault.db();
    storage::Transaction tx(db);
    if (years) {
        storage::writeMeta(db, kMetaKey, std::to_string(*years));
    } else {
        db.cached("DELETE FROM meta WHERE key = ?").bind(1, kMetaKey).run();
    }
    vault.audit().append(vault.nowMs(), vault.currentUser().id, audit::Action::RetentionPolicyChanged, "", "",
                         years ? "years=" + std::to_string(*years) : std::string("off"));
    tx.commit();
}

RetentionRun applyRetention(vault::Vault& vault) {
    RetentionRun run;
    auto& db = vault.db();
    const auto years = retentionYears(db);
    if (!years) return run;
    const auto due = cases::CaseStore(db).closedOnOrBefore(retentionCutoff(vault.today(), *years));
    if (due.empty()) return run;
    {
        storage::Transaction tx(db);
        const std::string detail = "years=" + std::to_string(*years);
        for (const auto& caseId : due) {
            if (!purgeCase(vault, caseId, PurgeReason::Retention)) continue;
            vault.audit().append(vault.nowMs(), vault.currentUser().id, audit::Action::CasePurgedByRetention, caseId,
                                 "", detail);
            ++run.purged;
        }
        tx.commit();
    }
    run.scrubbed = scrubAfterPurge(vault);
    return run;
}

}  // namespace abri::erasure
