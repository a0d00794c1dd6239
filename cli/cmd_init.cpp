// abri-cli init: a new vault and its first administrator; prints the recovery key once.
#include <ostream>

#include "command.h"
#include "password_input.h"
#include "vault/vault.h"

namespace abri::cli {

namespace {

constexpr std::string_view kRecoveryAdvice =
    "Write the recovery key down on paper now and keep it locked away, apart from this computer.\n"
    "It is shown only this once and is stored nowhere. Whoever holds it can reset every password,\n"
    "so never keep it in a file, an e-mail or a photo on the same device.\n";

int runInit(const ParsedArgs& args, Io& io) {
    PasswordInput input(args);
    const std::string admin = args.valueOr("admin", "");
    auto password = input.fresh("New password for administrator " + admin + ": ", true);

    crypto::SecureBuffer recoveryKey;
    vault::CreateOptions options;
    options.path = args.positional(0);
    options.office = args.valueOr("office", "");
    options.adminUsername = admin;
    options.adminDisplayName = args.valueOr("display-name", admin);
    options.adminPassword = password.view();
    options.kdf = kdfFromArgs(args);
    auto created = vault::Vault::create(options, recoveryKey);

    if (io.json) {
        io.out << jsonText({{"vault", created->path().string()},
                            {"key_slots", vault::keySlotPath(created->path()).string()},
                            {"office", created->office()},
                            {"administrator", admin},
                            {"recovery_key", std::string(recoveryKey.view())}})
               << "\n";
    } else {
        io.out << "Created vault " << created->path().string() << " (office " << created->office()
               << ", administrator " << admin << ").\n"
               << "Key slots: " << vault::keySlotPath(created->path()).string() << "\n\n"
               << "RECOVERY KEY: " << recoveryKey.view() << "\n\n"
               << kRecoveryAdvice;
    }
    created->lock();
    return 0;
}

}  // namespace

std::vector<Command> initCommands() {
    return {{
        .spec = {.name = "init",
                 .summary = "Create a new vault and its first administrator",
                 .positionals = {{"VAULT", "Path of the new vault file (its key slots go to VAULT.keys)"}},
                 .options = {{.name = "office", .valueName = "CODE", .help = "Office code, e.g. TUN-SFX",
                              .required = true},
                             {.name = "admin", .valueName = "NAME", .help = "User name of the first administrator",
                              .required = true},
                             {.name = "display-name", .valueName = "TEXT",
                              .help = "Administrator's display name (default: the user name)"},
                             {.name = "password-file", .valueName = "FILE",
                              .help = "Read the administrator's new password from the first line of FILE"},
                             {.name = "password-stdin",
                              .help = "Read the administrator's new password from standard input"},
                             kdfOption(),
                             jsonOption()},
                 .details = "Without --password-file or --password-stdin the password is asked twice on the "
                            "terminal.\nThe recovery key is printed once: write it down and keep it safe.",
                 .example = "abri-cli init office.abri --office TUN-SFX --admin amina"},
        .run = runInit,
    }};
}

}  // namespace abri::cli
