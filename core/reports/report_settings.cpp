#include "reports/report_settings.h"

#include "audit/audit_log.h"
#include "common/decimal.h"
#include "common/error.h"
#include "reports/report_engine.h"
#include "storage/meta.h"
#include "vault/vault.h"

namespace abri::reports {

namespace {
constexpr const char* kMetaKey = "report_minimum_cell_size";
constexpr int kCeiling = 1000;
}  // namespace

int minimumCellSize(vault::Vault& vault) {
    const auto text = storage::readMeta(vault.db(), kMetaKey);
    const auto k = text ? parseNonNegativeDecimal(*text) : std::nullopt;
    // A missing or damaged value never weakens protection.
    if (!k || *k < kMinimumCellSizeFloor || *k > kCeiling) return kDefaultMinimumCellSize;
    return static_cast<int>(*k);
}

void setMinimumCellSize(vault::Vault& vault, int k) {
    vault.require(vault::Permission::ConfigureStatistics);
    if (k < kMinimumCellSizeFloor || k > kCeiling)
        throw Error(ErrorCode::ValueOutOfRange, "minimum_cell_size", "5 to 1000");
    storage::Transaction tx(vault.db());
    storage::writeMeta(vault.db(), kMetaKey, std::to_string(k));
    vault.audit().append(vault.nowMs(), vault.currentUser().id, audit::Action::StatisticsSettingsChanged, "",
                         "minimum_cell_size", std::to_string(k));
    tx.commit();
}

}  // namespace abri::reports
