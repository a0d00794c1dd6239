#pragma once
// Where abri-cli gets passwords from. Never from the command line (argv is visible to every local user):
//   - a terminal: read with echo off; new passwords are asked twice;
//   - --password-file F: the first line of F is the acting user's password (for `init`, the new
//     administrator's password); --new-password-file F: the first line is the new password (user add/passwd);
//   - --password-stdin: lines from standard input, in order: the acting user's password, then the new one.
// Passwords go straight into locked memory (SecureBuffer); line ends are stripped.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/secure_buffer.h"

namespace abri {
class ParsedArgs;
}

namespace abri::cli {

class PasswordInput {
public:
    // Reads the source options of `args` (--password-file, --new-password-file, --password-stdin).
    explicit PasswordInput(const ParsedArgs& args);

    // The acting user's password (or recovery key). `prompt` is shown on a terminal only.
    crypto::SecureBuffer current(std::string_view prompt);
    // A new password: from --new-password-file, else the next stdin line, else asked twice on a terminal.
    // `fallBackToPasswordFile`: init has no "current" password, so its --password-file holds the new one.
    crypto::SecureBuffer fresh(std::string_view prompt, bool fallBackToPasswordFile = false);

private:
    std::optional<std::filesystem::path> passwordFile_;
    std::optional<std::filesystem::path> newPasswordFile_;
    bool fromStdin_ = false;
};

// Low-level readers, exposed for tests. One line, without its "\n" or "\r\n"; at most 4096 bytes.
// Throws abri::Error(IoError, path) when the file cannot be read.
crypto::SecureBuffer readFirstLine(const std::filesystem::path& file);
// Reads one line from a file descriptor byte by byte, so nothing after the line is consumed (stdin may carry a
// JSON document after the password). Returns nullopt at end of input before any byte.
std::optional<crypto::SecureBuffer> readLineFromFd(int fd);

}  // namespace abri::cli
