#pragma once
// Hostile peers against a hub on loopback, for the load test and `abri-bench hostile`: connections that never
// start TLS, and connections that complete TLS with a self-made certificate, send HELLO purpose enrol and then sit
// idle. Spread over several source addresses (127.0.0.1, 127.0.0.2, …). Each one the hub closes is opened again
// after a pause, so the attacker keeps its number of attempts up for as long as it runs. One thread of its own.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace abri::test {

struct HostileLoadOptions {
    std::uint16_t port = 0;  // the hub on 127.0.0.1
    std::vector<std::string> sourceAddresses{"127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"};
    std::size_t rawConnections = 1200;    // TCP only, never a byte
    std::size_t enrolConnections = 1200;  // TLS done, HELLO purpose enrol, then idle
    std::chrono::milliseconds reopenPause{1000};  // after the hub closed one
};

struct HostileFigures {
    std::uint64_t rawAttempts = 0;     // TCP connections made
    std::uint64_t rawOpenPeak = 0;     // held open at once (as the attacker sees them)
    std::uint64_t enrolAttempts = 0;   // TCP connections made for TLS
    std::uint64_t tlsCompleted = 0;    // handshakes the hub completed
    std::uint64_t enrolAdmitted = 0;   // AUTH_OK for purpose enrol
    std::uint64_t enrolOpenPeak = 0;   // admitted enrol sessions open at once
    std::uint64_t refusedBusy = 0;     // ERROR busy instead of AUTH_OK
    std::uint64_t closedByHub = 0;     // connections of either kind the hub ended
};

class HostileLoad {
public:
    explicit HostileLoad(HostileLoadOptions options);
    ~HostileLoad();
    HostileLoad(const HostileLoad&) = delete;
    HostileLoad& operator=(const HostileLoad&) = delete;

    void start();
    // Closes every connection and joins the thread.
    void stop();
    HostileFigures figures() const;
    std::uint64_t rawOpen() const { return rawOpen_; }

    struct State;

private:
    HostileLoadOptions options_;
    std::shared_ptr<State> state_;
    std::thread thread_;
    std::atomic<std::uint64_t> rawOpen_{0};
};

// CPU seconds (user + system) a process has used so far: /proc/PID/stat fields 14 and 15.
double processCpuSeconds(int pid);
// Resident memory in KiB (VmRSS of /proc/PID/status); 0 when the process is gone.
std::uint64_t processResidentKiB(int pid);

// Raises this process's soft RLIMIT_NOFILE to its hard limit; returns the new soft limit.
std::uint64_t raiseFileLimitToHard();

}  // namespace abri::test
