#pragma once
// A real child process that keeps running (hub, daemon) and can be killed with SIGKILL at any moment.
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace abri::test {

class ChildProcess {
public:
    ChildProcess() = default;
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // The child's RLIMIT_NOFILE (soft and hard) from the next start(), e.g. 1024 as systemd gives a service.
    void setFileLimit(std::uint64_t limit) { fileLimit_ = limit; }
    pid_t pid() const { return pid_; }
    // stdout and stderr go to `logFile` (appended).
    void start(const std::filesystem::path& program, const std::vector<std::string>& args,
               const std::filesystem::path& logFile);
    void kill9();
    void terminate();
    // Sends `signal` and returns at once (wait() collects the exit code).
    void sendSignal(int signal);
    // Waits up to `limit`; returns the exit code, -1 if still running (then kills it), -2 if ended by a signal.
    int wait(std::chrono::milliseconds limit);
    bool running() const { return pid_ > 0; }
    // The exit code (-2 if ended by a signal) once the child has ended; nullopt while it runs. Never blocks.
    std::optional<int> tryWait();

private:
    pid_t pid_ = -1;
    std::uint64_t fileLimit_ = 0;  // 0: inherited
};

// Runs to completion (with a time limit) and returns the exit code; output appended to logFile, stdout also
// returned in `out` when given.
int runToEnd(const std::filesystem::path& program, const std::vector<std::string>& args,
             const std::filesystem::path& logFile, std::chrono::milliseconds limit, std::string* out = nullptr);

}  // namespace abri::test
