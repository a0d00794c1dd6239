#pragma once
// Where abri-hub gets the passphrase of its store, first found wins:
//   1. --passphrase-file FILE (its first line; "-" for standard input);
//   2. $CREDENTIALS_DIRECTORY/passphrase: systemd's LoadCredential=passphrase:... (abri-hub.service), so the
//      service never needs the file readable by its own user;
//   3. ABRI_HUB_PASSPHRASE: a fallback for tests and throw-away trials only (an environment is readable by the
//      same user's processes and is inherited by children);
//   4. a prompt on the terminal, echo off, when standard input is one (asked twice when creating a store).
// Never from the command line: argv is visible to every local user.
#include <optional>
#include <string>

namespace abri::sync::hub {

struct PassphraseSources {
    std::optional<std::string> file;         // --passphrase-file
    std::optional<std::string> credentials;  // $CREDENTIALS_DIRECTORY
    std::optional<std::string> environment; // ABRI_HUB_PASSPHRASE
    bool terminalPrompt = true;              // ask when standard input is a terminal
};

// The sources of this process: its environment and whether standard input is a terminal.
PassphraseSources passphraseSourcesFromEnvironment(std::optional<std::string> file);

// The passphrase from the first source that has one; `confirm` asks twice on a terminal (a new store).
// Throws abri::Error(InvalidValue, "passphrase", why) when no source has one or a file's first line is empty.
std::string readPassphrase(const PassphraseSources& sources, bool confirm);

}  // namespace abri::sync::hub
