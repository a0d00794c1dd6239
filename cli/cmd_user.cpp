// abri-cli user add | passwd | list.
#include <array>
#include <ostream>

#include "command.h"
#include "common/error.h"
#include "model/case_rules.h"
#include "password_input.h"
#include "text_table.h"
#include "vault/vault.h"

namespace abri::cli {

namespace {

vault::Role roleFromArgs(const ParsedArgs& args) {
    static constexpr std::array<std::string_view, 3> kRoles = {"caseworker", "supervisor", "administrator"};
    return *vault::roleFromCode(*args.choice("role", kRoles));
}

int runUserAdd(const ParsedArgs& args, Io& io) {
    const auto role = roleFromArgs(args);  // usage errors before any password prompt
    const std::string newUser = args.valueOr("new-user", "");
    auto session = unlockFromArgs(args);
    PasswordInput input(args);
    auto password = input.fresh("New password for " + newUser + ": ");
    auto user = session->addUser(newUser, args.valueOr("display-name", newUser), role, password.view(),
                                 kdfFromArgs(args));
    if (io.json) {
        io.out << jsonText({{"id", user.id}, {"username", user.username}, {"role", vault::roleCode(user.role)}})
               << "\n";
    } else {
        io.out << "Added user " << user.username << " (" << vault::roleCode(user.role) << ").\n";
    }
    return 0;
}

int runUserPasswd(const ParsedArgs& args, Io& io) {
    PasswordInput input(args);
    const auto target = args.value("reset");
    std::unique_ptr<vault::Vault> session;
    crypto::SecureBuffer oldPassword;
    if (args.has("recovery")) {
        if (!target) throw UsageError("--recovery needs --reset USER (the user whose password to set)");
        auto recoveryKey = input.current("Recovery key: ");
        session = vault::Vault::unlockWithRecoveryKey(args.positional(0), recoveryKey.view());
    } else {
        if (!args.has("user")) throw UsageError("missing option '--user NAME'");
        const std::string user = args.valueOr("user", "");
        oldPassword = input.current("Current password for " + user + ": ");
        session = vault::Vault::unlock(args.positional(0), user, oldPassword.view());
    }
    const std::string whose = target ? *target : session->currentUser().username;
    auto fresh = input.fresh("New password for " + whose + ": ");
    if (target) {
        session->resetPassword(*target, fresh.view(), kdfFromArgs(args));
    } else {
        session->changeOwnPassword(oldPassword.view(), fresh.view(), kdfFromArgs(args));
    }
    if (io.json) {
        io.out << jsonText({{"username", whose}, {"password_changed", true}}) << "\n";
    } else {
        io.out << "Password changed for " << whose << ".\n";
    }
    return 0;
}

int runUserList(const ParsedArgs& args, Io& io) {
    auto session = unlockFromArgs(args);
    const auto users = session->users();
    if (wantsJson(args, io)) {
        auto list = nlohmann::json::array();
        for (const auto& user : users) {
            list.push_back({{"id", user.id},
                            {"username", user.username},
                            {"display_name", user.displayName},
                            {"role", vault::roleCode(user.role)},
                            {"active", user.active},
                            {"created_on", model::dateFromMs(user.createdMs)}});
        }
        io.out << jsonText(list) << "\n";
        return 0;
    }
    TextTable table({"USER", "DISPLAY NAME", "ROLE", "ACTIVE", "CREATED"});
    for (const auto& user : users) {
        table.addRow({user.username, user.displayName, std::string(vault::roleCode(user.role)),
                      user.active ? "yes" : "no", model::dateFromMs(user.createdMs)});
    }
    io.out << table.render();
    return 0;
}

}  // namespace

std::vector<Command> userCommands() {
    auto addOptions = unlockOptions();
    addOptions.insert(addOptions.end(),
                      {{.name = "new-user", .valueName = "NAME", .help = "User name to add", .required = true},
                       {.name = "role", .valueName = "caseworker|supervisor|administrator", .help = "Their role",
                        .required = true},
                       {.name = "display-name", .valueName = "TEXT", .help = "Their display name"},
                       {.name = "new-password-file", .valueName = "FILE",
                        .help = "Read the new user's password from the first line of FILE"},
                       kdfOption()});

    auto passwdOptions = unlockOptions();
    passwdOptions.front().required = false;  // not needed with --recovery
    passwdOptions.insert(passwdOptions.end(),
                         {{.name = "new-password-file", .valueName = "FILE",
                           .help = "Read the new password from the first line of FILE"},
                          {.name = "reset", .valueName = "USER",
                           .help = "Administrators: set USER's password instead of your own"},
                          {.name = "recovery",
                           .help = "Unlock with the recovery key instead of --user (needs --reset)"},
                          kdfOption()});

    auto listOptions = unlockOptions();
    listOptions.push_back(formatOption());

    return {
        {.spec = {.name = "user add",
                  .summary = "Add a user and give them a key slot (administrators)",
                  .positionals = {{"VAULT", "The vault file"}},
                  .options = addOptions,
                  .details = "Asks for your password, then twice for the new user's password. With "
                             "--password-stdin,\nthe first line is your password and the second the new user's.",
                  .example = "abri-cli user add office.abri --user amina --new-user testworker --role caseworker"},
         .run = runUserAdd},
        {.spec = {.name = "user passwd",
                  .summary = "Change your password, or reset another user's (no re-encryption needed)",
                  .positionals = {{"VAULT", "The vault file"}},
                  .options = passwdOptions,
                  .details = "With --password-stdin, the first line is your current password (or the recovery "
                             "key)\nand the second the new password.",
                  .example = "abri-cli user passwd office.abri --user testworker"},
         .run = runUserPasswd},
        {.spec = {.name = "user list",
                  .summary = "List the vault's users and roles",
                  .positionals = {{"VAULT", "The vault file"}},
                  .options = listOptions,
                  .example = "abri-cli user list office.abri --user amina"},
         .run = runUserList},
    };
}

}  // namespace abri::cli
