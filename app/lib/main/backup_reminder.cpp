#include "main/backup_reminder.h"

#include <algorithm>
#include <string>

#include "storage/meta.h"
#include "vault/vault.h"
#include "vault/vault_backup.h"

namespace abri::app {

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

std::optional<std::int64_t> metaMs(vault::Vault& vault, std::string_view key) {
    const auto text = storage::readMeta(vault.db(), key);
    if (!text || text->empty()) return std::nullopt;
    try {
        return std::stoll(*text);
    } catch (const std::exception&) {
        return std::nullopt;  // a damaged value reads as "never": the reminder errs on the side of a backup
    }
}

}  // namespace

BackupAge backupAge(vault::Vault& vault) {
    BackupAge age;
    auto since = metaMs(vault, vault::kLastBackupMetaKey);
    age.everBackedUp = since.has_value();
    if (!since) since = metaMs(vault, "created_ms");
    age.days = std::max<std::int64_t>(0, (vault.nowMs() - since.value_or(0)) / kDayMs);
    return age;
}

bool backupOverdue(const BackupAge& age, int reminderDays) { return age.days >= reminderDays; }

}  // namespace abri::app
