#include "password_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/arguments.h"
#include "common/error.h"
#include "vault/password_policy.h"

namespace abri::cli {

namespace {

constexpr std::size_t kMaxLine = 4096;

// Reads up to the first '\n' into locked memory. `atEnd` tells whether input ended before any byte.
crypto::SecureBuffer readLine(int fd, bool& atEnd, const std::string& sourceForErrors) {
    crypto::SecureBuffer scratch(kMaxLine);
    std::size_t used = 0;
    atEnd = true;
    while (true) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error(ErrorCode::IoError, sourceForErrors, std::strerror(errno));
        if (n == 0) break;
        atEnd = false;
        if (c == '\n') break;
        if (used == kMaxLine) throw Error(ErrorCode::InvalidValue, sourceForErrors, "line too long");
        scratch.data()[used++] = static_cast<std::uint8_t>(c);
    }
    if (used > 0 && scratch.data()[used - 1] == '\r') --used;
    return crypto::SecureBuffer::copyOf(std::span<const std::uint8_t>(scratch.data(), used));
}

// The terminal settings to restore if a signal (Ctrl-C) arrives while echo is off: without this the user's
// shell would be left not echoing what they type.
termios gSavedTerminal{};
volatile sig_atomic_t gEchoIsOff = 0;

extern "C" void restoreTerminalAndReraise(int signalNumber) {
    if (gEchoIsOff != 0) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &gSavedTerminal);
    ::signal(signalNumber, SIG_DFL);
    ::raise(signalNumber);
}

// Echo off for the lifetime of the object; restored when reading throws, and on SIGINT/SIGTERM/SIGHUP/SIGQUIT.
class EchoOff {
public:
    explicit EchoOff(int fd) : fd_(fd) {
        if (::tcgetattr(fd_, &saved_) != 0) return;
        gSavedTerminal = saved_;
        struct sigaction action {};
        action.sa_handler = restoreTerminalAndReraise;
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &action, &previous_[i]);
        handlersInstalled_ = true;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        active_ = ::tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
        gEchoIsOff = active_ ? 1 : 0;
    }
    ~EchoOff() {
        if (active_) ::tcsetattr(fd_, TCSAFLUSH, &saved_);
        gEchoIsOff = 0;
        if (!handlersInstalled_) return;
        for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &previous_[i], nullptr);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    static constexpr std::array<int, 4> kSignals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    int fd_;
    termios saved_{};
    std::array<struct sigaction, 4> previous_{};
    bool active_ = false;
    bool handlersInstalled_ = false;
};

crypto::SecureBuffer askOnTerminal(std::string_view prompt, std::string_view scriptHint) {
    if (::isatty(STDIN_FILENO) == 0) {
        throw UsageError("no terminal to ask for a password: use " + std::string(scriptHint) + " or --password-stdin");
    }
    std::fputs(std::string(prompt).c_str(), stderr);
    std::fflush(stderr);
    bool atEnd = false;
    EchoOff quiet(STDIN_FILENO);
    return readLine(STDIN_FILENO, atEnd, "terminal");
}

crypto::SecureBuffer fromStdin() {
    auto line = readLineFromFd(STDIN_FILENO);
    if (!line) throw Error(ErrorCode::IoError, "standard input", "no password line");
    return std::move(*line);
}

}  // namespace

crypto::SecureBuffer readFirstLine(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(ErrorCode::IoError, file.string(), std::strerror(errno));
    // Like ssh with its keys: say so when other local users could read the password.
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && (info.st_mode & (S_IRGRP | S_IROTH)) != 0) {
        std::fprintf(stderr, "abri-cli: warning: %s is readable by other users (chmod 600 it)\n", file.c_str());
    }
    bool atEnd = false;
    try {
        auto line = readLine(fd, atEnd, file.string());
        ::close(fd);
        return line;
    } catch (...) {
        ::close(fd);
        throw;
    }
}

std::optional<crypto::SecureBuffer> readLineFromFd(int fd) {
    bool atEnd = false;
    auto line = readLine(fd, atEnd, "standard input");
    if (atEnd) return std::nullopt;
    return line;
}

PasswordInput::PasswordInput(const ParsedArgs& args) {
    if (auto file = args.value("password-file")) passwordFile_ = *file;
    if (auto file = args.value("new-password-file")) newPasswordFile_ = *file;
    fromStdin_ = args.has("password-stdin");
    if (fromStdin_ && passwordFile_) throw UsageError("use either --password-file or --password-stdin, not both");
}

crypto::SecureBuffer PasswordInput::current(std::string_view prompt) {
    if (passwordFile_) return readFirstLine(*passwordFile_);
    if (fromStdin_) return fromStdin();
    return askOnTerminal(prompt, "--password-file FILE");
}

crypto::SecureBuffer PasswordInput::fresh(std::string_view prompt, bool fallBackToPasswordFile) {
    if (newPasswordFile_) return readFirstLine(*newPasswordFile_);
    if (fallBackToPasswordFile && passwordFile_) return readFirstLine(*passwordFile_);
    if (fromStdin_) return fromStdin();
    const std::string_view hint = fallBackToPasswordFile ? "--password-file FILE" : "--new-password-file FILE";
    auto first = askOnTerminal(prompt, hint);
    vault::checkPasswordPolicy(first.view());  // say it now rather than after the second entry
    auto again = askOnTerminal("Repeat the new password: ", hint);
    if (!first.equals(again)) throw Error(ErrorCode::InvalidValue, "password", "the two entries differ");
    return first;
}

}  // namespace abri::cli
