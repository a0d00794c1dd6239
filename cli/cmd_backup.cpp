// abri-cli backup / restore: one encrypted backup file of a vault (core/vault/vault_backup.h), and the restore
// that verifies it before replacing anything; a restored, enrolled vault re-syncs from the hub
// (core/devicesync/restored_vault.h, sync/PROTOCOL.md §7.7).
#include <ostream>

#include "client/sync_folder.h"
#include "command.h"
#include "common/error.h"
#include "devicesync/restored_vault.h"
#include "password_input.h"
#include "vault/vault.h"
#include "vault/vault_backup.h"

namespace abri::cli {

namespace {

int runBackup(const ParsedArgs& args, Io& io) {
    auto session = unlockFromArgs(args);
    // A vault enrolled before the transport key was kept in it takes it in now, so the backup restores anywhere.
    sync::client::repairSyncFolder(*session, args.positional(0));
    const auto info = vault::backupVault(*session, args.positional(1));
    if (io.json) {
        io.out << jsonText({{"backup", args.positional(1)}, {"vault_id", info.vaultId}, {"taken_ms", info.takenMs},
                            {"bytes", info.bytes}})
               << "\n";
    } else {
        io.out << "Backed up the vault to " << args.positional(1) << " (" << info.bytes
               << " bytes, encrypted like the vault).\n";
    }
    return 0;
}

int runRestore(const ParsedArgs& args, Io& io) {
    PasswordInput input(args);
    const std::string user = args.valueOr("user", "");
    auto password = input.current("Password for " + user + " (as it was when the backup was taken): ");
    vault::RestoreOptions options;
    options.backup = args.positional(0);
    options.vaultPath = args.positional(1);
    options.username = user;
    options.password = password.view();
    // Replacing a vault is an administrator's decision, as the backup's users saw it.
    options.prepare = [](vault::Vault& staged) { staged.require(vault::Permission::ManageUsers); };
    const auto info = devicesync::restoreLaptopVault(std::move(options));
    // On another computer the sync folder is missing: rebuilt from the vault (sync/client/sync_folder.h).
    const auto repair = sync::client::repairSyncFolder(*vault::Vault::unlock(args.positional(1), user, password.view()),
                                                       args.positional(1));
    if (io.json) {
        io.out << jsonText({{"vault", args.positional(1)},
                            {"vault_id", info.vaultId},
                            {"backup_taken_ms", info.takenMs},
                            {"sync_folder_rebuilt", repair.written},
                            {"must_enrol_again", repair.transportKeyMissing}})
               << "\n";
    } else {
        io.out << "Restored " << args.positional(1) << " from the backup; the next sync brings back what the hub "
               << "holds from after it.\n";
        if (!repair.written.empty()) io.out << "Rebuilt the sync folder from the vault.\n";
        if (repair.transportKeyMissing) {
            io.out << "This vault was enrolled before backups kept its transport key, and its sync folder is not "
                   << "here: copy the old computer's " << args.positional(1) << ".sync folder beside it, or enrol "
                   << "this laptop again.\n";
        }
    }
    return 0;
}

}  // namespace

std::vector<Command> backupCommands() {
    return {
        {.spec = {.name = "backup",
                  .summary = "Write an encrypted backup of a vault to a new file",
                  .positionals = {{"VAULT", "The vault file"}, {"DEST", "The backup file to create (must not exist)"}},
                  .options = unlockOptions(),
                  .details = "Works while the app has the vault open. The backup is one file, encrypted like the "
                             "vault, that opens with the same passwords or recovery key. An existing DEST is never "
                             "overwritten.",
                  .example = "abri-cli backup office.abri /media/usb/office-2026-12-05.abribackup --user amina"},
         .run = runBackup},
        {.spec = {.name = "restore",
                  .summary = "Replace a vault with a backup, after checking the backup",
                  .positionals = {{"BACKUP", "The backup file"}, {"VAULT", "The vault to replace (or create)"}},
                  .options = unlockOptions(),
                  .details = "--user must be an administrator in the backup, with the password it had then. The "
                             "backup is checked (damage, password, integrity, same vault) before anything is "
                             "replaced; close the app and stop abri-syncd first. An enrolled vault then gets back "
                             "from the hub what was synced after the backup.",
                  .example = "abri-cli restore /media/usb/office-2026-12-05.abribackup office.abri --user amina"},
         .run = runRestore},
    };
}

}  // namespace abri::cli
