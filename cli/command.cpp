#include "command.h"

#include <array>

#include "password_input.h"
#include "vault/vault.h"

namespace abri::cli {

const std::vector<Command>& allCommands() {
    static const std::vector<Command> all = [] {
        std::vector<Command> out;
        for (auto group : {initCommands, userCommands, caseCommands, erasureCommands, attachCommands, searchCommands,
                           auditCommands, demoCommands, syncCommands, conflictCommands, reportCommands,
                           backupCommands}) {
            for (auto& command : group()) out.push_back(std::move(command));
        }
        return out;
    }();
    return all;
}

std::vector<OptionSpec> unlockOptions() {
    return {
        {.name = "user", .valueName = "NAME", .help = "Your user name in the vault", .required = true},
        {.name = "password-file", .valueName = "FILE", .help = "Read your password from the first line of FILE"},
        {.name = "password-stdin", .help = "Read your password from the first line of standard input"},
        jsonOption(),
    };
}

OptionSpec jsonOption() {
    return {.name = "json", .help = "Print the result, or the error, as JSON on standard output"};
}

OptionSpec formatOption() {
    return {.name = "format", .valueName = "table|json", .help = "Output format (default: table)"};
}

OptionSpec kdfOption() {
    // Hidden: only tests and scripts that create many throw-away vaults want a cheaper Argon2id.
    return {.name = "kdf", .valueName = "moderate|interactive|minimum", .help = "Argon2id cost", .hidden = true};
}

std::unique_ptr<vault::Vault> unlockFromArgs(const ParsedArgs& args) {
    PasswordInput input(args);
    const std::string user = args.valueOr("user", "");
    auto password = input.current("Password for " + user + ": ");
    return vault::Vault::unlock(args.positional(0), user, password.view());
}

crypto::KdfParams kdfFromArgs(const ParsedArgs& args) {
    static constexpr std::array<std::string_view, 3> kChoices = {"moderate", "interactive", "minimum"};
    const auto choice = args.choice("kdf", kChoices).value_or("moderate");
    if (choice == "interactive") return crypto::KdfParams::interactive();
    if (choice == "minimum") return crypto::KdfParams::minimum();
    return crypto::KdfParams::moderate();
}

bool wantsJson(const ParsedArgs& args, const Io& io) {
    static constexpr std::array<std::string_view, 2> kFormats = {"table", "json"};
    if (io.json) return true;
    return args.choice("format", kFormats).value_or("table") == "json";
}

std::string jsonText(const nlohmann::json& value) {
    return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace abri::cli
