#pragma once
// One abri-cli command: its spec (options, --help text) and the function that runs it.
// Runners return the exit code for success paths and throw for failures: abri::Error -> exit 1,
// UsageError -> exit 2 (see main.cpp).
#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/arguments.h"
#include "crypto/primitives.h"

namespace abri::vault {
class Vault;
}

namespace abri::cli {

// Where a command writes. With --json every result (and every error) is one JSON document on stdout.
struct Io {
    bool json = false;
    std::ostream& out;
    std::ostream& err;
};

using Runner = int (*)(const ParsedArgs& args, Io& io);

struct Command {
    CommandSpec spec{};
    Runner run = nullptr;
};

// Every command, in the order of the overview.
const std::vector<Command>& allCommands();

// ---- helpers shared by the commands ----

// Options every command that opens a vault takes.
std::vector<OptionSpec> unlockOptions();
OptionSpec jsonOption();
OptionSpec formatOption();
OptionSpec kdfOption();

// Unlocks VAULT (first positional) as --user, reading the password as PasswordInput says.
std::unique_ptr<vault::Vault> unlockFromArgs(const ParsedArgs& args);
// --kdf moderate|interactive|minimum (hidden; default moderate).
crypto::KdfParams kdfFromArgs(const ParsedArgs& args);
// True when the result should be JSON (--json, or --format json).
bool wantsJson(const ParsedArgs& args, const Io& io);
// JSON text for output: two-space indent, UTF-8 kept, invalid UTF-8 replaced rather than throwing.
std::string jsonText(const nlohmann::json& value);

// The command groups (one file each) register their commands here.
std::vector<Command> initCommands();
std::vector<Command> userCommands();
std::vector<Command> caseCommands();
std::vector<Command> attachCommands();
std::vector<Command> erasureCommands();
std::vector<Command> searchCommands();
std::vector<Command> auditCommands();
std::vector<Command> demoCommands();
std::vector<Command> syncCommands();
std::vector<Command> conflictCommands();
std::vector<Command> reportCommands();
std::vector<Command> backupCommands();

}  // namespace abri::cli
