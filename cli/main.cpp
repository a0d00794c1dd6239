// abri-cli: administration and scripting tool for Abri vaults (like keepassxc-cli). No Qt.
// Exit codes: 0 success, 1 an error reported by the core (or the audit chain is broken), 2 a usage error.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "attachments/attachment_error.h"
#include "wire/sync_error.h"
#include "command.h"
#include "common/error.h"

#ifndef ABRI_VERSION
#define ABRI_VERSION "unknown"
#endif

namespace {

using namespace abri::cli;
using abri::ParsedArgs;
using abri::UsageError;

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

std::string overview() {
    std::string out =
        "Usage: abri-cli COMMAND VAULT [options]\n\n"
        "Administer and script Abri case vaults. Passwords are read without echo from the terminal, or from\n"
        "--password-file FILE / --password-stdin; never from the command line.\n\nCommands:\n";
    std::size_t width = 0;
    for (const auto& command : allCommands()) width = std::max(width, command.spec.name.size());
    for (const auto& command : allCommands()) {
        out += "  " + std::string(command.spec.name) + std::string(width - command.spec.name.size() + 2, ' ') +
               std::string(command.spec.summary) + "\n";
    }
    out +=
        "\nRun 'abri-cli COMMAND --help' for a command's options.\n"
        "Exit codes: 0 success, 1 error (wrong password, damaged file, invalid field ...), 2 usage error.\n";
    return out;
}

// The longest command name matching the first words ("case list" before "case").
const Command* findCommand(const std::vector<std::string>& words, std::size_t& used) {
    for (std::size_t n : {2U, 1U}) {
        if (words.size() < n) continue;
        std::string name = words[0];
        for (std::size_t i = 1; i < n; ++i) name += " " + words[i];
        for (const auto& command : allCommands()) {
            if (command.spec.name == name) {
                used = n;
                return &command;
            }
        }
    }
    return nullptr;
}

void reportUsage(Io& io, const std::string& message, std::string_view commandName) {
    if (io.json) {
        io.out << jsonText({{"error", "usage"}, {"message", message}}) << "\n";
        return;
    }
    io.err << "abri-cli: " << message << "\n";
    if (commandName.empty()) {
        io.err << "Run 'abri-cli --help' for the list of commands.\n";
    } else {
        io.err << "Run 'abri-cli " << commandName << " --help' for its options.\n";
    }
}

void reportError(Io& io, const abri::Error& error) {
    if (io.json) {
        io.out << jsonText({{"error", abri::errorCodeName(error.code())},
                            {"message", error.what()},
                            {"subject", error.subject()},
                            {"detail", error.detail()}})
               << "\n";
        return;
    }
    io.err << "abri-cli: " << error.what() << "\n";
}

// Sync refusals (enroll, sync, bundles) carry a protocol code (sync/PROTOCOL.md §9) and a non-personal subject.
void reportSyncError(Io& io, const abri::wire::SyncError& error) {
    if (io.json) {
        io.out << jsonText({{"error", error.name()},
                            {"message", error.what()},
                            {"subject", error.subject()},
                            {"detail", error.ref() == 0 ? std::string() : std::to_string(error.ref())}})
               << "\n";
        return;
    }
    io.err << "abri-cli: sync: " << error.what() << "\n";
}

// Attachment refusals (core/attachments): a code, the subject "file" or an attachment id, sizes; never a path.
void reportAttachmentError(Io& io, const abri::attachments::AttachmentError& error) {
    if (io.json) {
        io.out << jsonText({{"error", error.name()},
                            {"message", error.what()},
                            {"subject", error.subject()},
                            {"detail", error.detail()}})
               << "\n";
        return;
    }
    io.err << "abri-cli: " << error.what() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> words(argv + 1, argv + argc);
    const bool json = std::find(words.begin(), words.end(), "--json") != words.end();
    Io io{json, std::cout, std::cerr};

    if (words.empty()) {
        std::cerr << overview();
        return kExitUsage;
    }
    if (words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
        if (words.size() > 1) {
            std::size_t used = 0;
            std::vector<std::string> rest(words.begin() + 1, words.end());
            if (const Command* command = findCommand(rest, used)) {
                std::cout << helpText("abri-cli", command->spec);
                return kExitOk;
            }
        }
        std::cout << overview();
        return kExitOk;
    }
    if (words[0] == "--version") {
        std::cout << "abri-cli " << ABRI_VERSION << "\n";
        return kExitOk;
    }

    std::size_t used = 0;
    const Command* command = findCommand(words, used);
    if (command == nullptr) {
        // "abri-cli case" alone: list the sub-commands of the group.
        const std::string group = words[0];
        std::string subCommands;
        for (const auto& c : allCommands()) {
            if (c.spec.name.starts_with(group + " ")) {
                subCommands += (subCommands.empty() ? "" : ", ") + std::string(c.spec.name.substr(group.size() + 1));
            }
        }
        reportUsage(io,
                    subCommands.empty() ? "unknown command '" + group + "'"
                                        : "'" + group + "' needs a sub-command: " + subCommands,
                    "");
        return kExitUsage;
    }

    std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(used), words.end());
    try {
        ParsedArgs args = parseArguments(command->spec, rest);
        if (args.helpRequested) {
            std::cout << helpText("abri-cli", command->spec);
            return kExitOk;
        }
        return command->run(args, io);
    } catch (const UsageError& error) {
        reportUsage(io, error.what(), command->spec.name);
        return kExitUsage;
    } catch (const abri::Error& error) {
        reportError(io, error);
        return kExitError;
    } catch (const abri::wire::SyncError& error) {
        reportSyncError(io, error);
        return kExitError;
    } catch (const abri::attachments::AttachmentError& error) {
        reportAttachmentError(io, error);
        return kExitError;
    } catch (const std::bad_alloc&) {
        reportError(io, abri::Error(abri::ErrorCode::Internal, "", "out of memory"));
        return kExitError;
    } catch (const std::exception&) {
        // Library exceptions may quote input (nlohmann's "last read: ..."): never echo their text.
        reportError(io, abri::Error(abri::ErrorCode::Internal));
        return kExitError;
    }
}
