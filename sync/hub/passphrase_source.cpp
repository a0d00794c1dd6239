#include "passphrase_source.h"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "common/error.h"

namespace abri::sync::hub {

namespace {

constexpr std::size_t kMaxPassphrase = 4096;

// The first line of `file` without its line end; an unreadable file or an empty first line is an error naming the
// source, never the content.
std::string firstLine(const std::filesystem::path& file, const std::string& source) {
    std::string line;
    if (file == "-") {  // standard input: a pipe from a file only root can read (runuser opens no path)
        std::getline(std::cin, line);
    } else {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw Error(ErrorCode::IoError, source);
        std::getline(in, line);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) throw Error(ErrorCode::InvalidValue, source, "the first line is empty");
    if (line.size() > kMaxPassphrase) throw Error(ErrorCode::InvalidValue, source, "line too long");
    return line;
}

// One line from the terminal with echo off (restored however reading ends).
std::string promptWithoutEcho(const char* prompt) {
    std::cerr << prompt << std::flush;
    termios saved{};
    const bool canQuiet = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (canQuiet) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    const bool ok = static_cast<bool>(std::getline(std::cin, line));
    if (canQuiet) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (!ok || line.empty()) throw Error(ErrorCode::InvalidValue, "passphrase", "nothing was typed");
    if (line.size() > kMaxPassphrase) throw Error(ErrorCode::InvalidValue, "passphrase", "too long");
    return line;
}

}  // namespace

PassphraseSources passphraseSourcesFromEnvironment(std::optional<std::string> file) {
    PassphraseSources sources;
    sources.file = std::move(file);
    if (const char* dir = std::getenv("CREDENTIALS_DIRECTORY"); dir != nullptr && *dir != '\0') {
        const auto credential = std::filesystem::path(dir) / "passphrase";
        if (std::filesystem::exists(credential)) sources.credentials = credential.string();
    }
    if (const char* env = std::getenv("ABRI_HUB_PASSPHRASE"); env != nullptr && *env != '\0') {
        sources.environment = env;
    }
    sources.terminalPrompt = ::isatty(STDIN_FILENO) == 1;
    return sources;
}

std::string readPassphrase(const PassphraseSources& sources, bool confirm) {
    if (sources.file) return firstLine(*sources.file, "passphrase-file");
    if (sources.credentials) return firstLine(*sources.credentials, "credential passphrase");
    if (sources.environment) return *sources.environment;
    if (sources.terminalPrompt) {
        auto passphrase = promptWithoutEcho("Hub passphrase: ");
        if (confirm && promptWithoutEcho("Again: ") != passphrase) {
            throw Error(ErrorCode::InvalidValue, "passphrase", "the two entries differ");
        }
        return passphrase;
    }
    throw Error(ErrorCode::InvalidValue, "passphrase",
                "give --passphrase-file FILE, a systemd credential named passphrase, or run on a terminal");
}

}  // namespace abri::sync::hub
