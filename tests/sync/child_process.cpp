#include "child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace abri::test {

ChildProcess::~ChildProcess() {
    if (pid_ > 0) kill9();
}

void ChildProcess::start(const std::filesystem::path& program, const std::vector<std::string>& args,
                         const std::filesystem::path& logFile) {
    std::vector<std::string> argvStrings{program.string()};
    argvStrings.insert(argvStrings.end(), args.begin(), args.end());
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
        const int fd = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            ::close(fd);
        }
        ::close_range(3, ~0U, 0);  // the test's own sockets (a load test holds thousands) stay in the test
        if (fileLimit_ > 0) {
            const rlimit limit{static_cast<rlim_t>(fileLimit_), static_cast<rlim_t>(fileLimit_)};
            if (::setrlimit(RLIMIT_NOFILE, &limit) != 0) ::_exit(126);
        }
        std::vector<char*> argv;
        for (auto& s : argvStrings) argv.push_back(s.data());
        argv.push_back(nullptr);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }
}

void ChildProcess::kill9() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
}

void ChildProcess::terminate() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    if (wait(std::chrono::seconds(5)) == -1) kill9();
}

void ChildProcess::sendSignal(int signal) {
    if (pid_ > 0) ::kill(pid_, signal);
}

std::optional<int> ChildProcess::tryWait() {
    if (pid_ <= 0) return -1;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) != pid_) return std::nullopt;
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
}

int ChildProcess::wait(std::chrono::milliseconds limit) {
    if (pid_ <= 0) return -1;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        int status = 0;
        const pid_t r = ::waitpid(pid_, &status, WNOHANG);
        if (r == pid_) {
            pid_ = -1;
            if (WIFEXITED(status)) return WEXITSTATUS(status);
            return -2;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            kill9();
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

int runToEnd(const std::filesystem::path& program, const std::vector<std::string>& args,
             const std::filesystem::path& logFile, std::chrono::milliseconds limit, std::string* out) {
    const auto outFile = logFile.string() + ".stdout";
    std::filesystem::remove(outFile);
    ChildProcess child;
    // stdout to its own file when the caller wants it; stderr to the log.
    std::vector<std::string> argvStrings{program.string()};
    argvStrings.insert(argvStrings.end(), args.begin(), args.end());
    (void)child;
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int errFd = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        const int outFd = ::open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(outFd, 1);
        ::dup2(errFd, 2);
        ::close_range(3, ~0U, 0);
        std::vector<char*> argv;
        for (auto& s : argvStrings) argv.push_back(s.data());
        argv.push_back(nullptr);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + limit;
    int code = -1;
    for (;;) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            code = WIFEXITED(status) ? WEXITSTATUS(status) : -2;
            break;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (out != nullptr) {
        std::ifstream in(outFile);
        std::stringstream text;
        text << in.rdbuf();
        *out = text.str();
    }
    return code;
}

}  // namespace abri::test
