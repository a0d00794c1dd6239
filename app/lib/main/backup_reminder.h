#pragma once
// When to remind the person to back up: the last backup's time is in the vault (meta.last_backup_ms, written by
// vault::backupVault), so it travels with the vault and never sits in plain settings; a vault never backed up
// counts from its creation, so a new vault is not nagged on its first day.
#include <cstdint>
#include <optional>

namespace abri::vault {
class Vault;
}

namespace abri::app {

struct BackupAge {
    bool everBackedUp = false;
    std::int64_t days = 0;  // whole days since the last backup (or since the vault was created)
};

BackupAge backupAge(vault::Vault& vault);
// True when `age` is at least `reminderDays` days.
bool backupOverdue(const BackupAge& age, int reminderDays);

}  // namespace abri::app
