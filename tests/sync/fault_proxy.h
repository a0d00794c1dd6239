#pragma once
// A fault-injecting TCP proxy for the real-process sync tests (in the test process, because the test machines'
// kernel has no netem).
// Listens on 127.0.0.1 with a port chosen by the OS and forwards to a target port, with faults set at any time
// from the test thread: per-chunk delay, a bandwidth cap (2G ≈ 5 kB/s), a cut of each connection after N bytes,
// a stall (bytes held, connections kept open), dropping every live connection, refusing new ones.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

namespace abri::test {

class FaultProxy {
public:
    explicit FaultProxy(std::uint16_t targetPort);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    std::uint16_t port() const noexcept { return port_; }

    void setDelay(std::chrono::milliseconds perChunk);
    // Bytes per second in each direction; 0 = unlimited.
    void setRate(std::uint64_t bytesPerSecond);
    // Each connection is reset once it has forwarded this many bytes (both directions); 0 = never.
    void cutAfterBytes(std::uint64_t bytes);
    void setStalled(bool stalled);
    void setRefuseNew(bool refuse);
    // Closes every live connection now (a link cut).
    void dropAll();

    std::uint64_t connectionsAccepted() const noexcept { return accepted_.load(); }
    std::uint64_t bytesForwarded() const noexcept { return forwarded_.load(); }
    // Of bytesForwarded(): client to target (up) and target to client (down).
    std::uint64_t bytesUp() const noexcept { return forwardedUp_.load(); }
    std::uint64_t bytesDown() const noexcept { return forwardedDown_.load(); }
    std::uint64_t cutsMade() const noexcept { return cuts_.load(); }
    // Chunks a stall has held back, and connections closed by dropAll(): what a test waits for.
    std::uint64_t chunksHeld() const noexcept { return held_.load(); }
    std::uint64_t connectionsDropped() const noexcept { return dropped_.load(); }

    struct Settings {
        std::chrono::milliseconds delay{0};
        std::uint64_t rate = 0;
        std::uint64_t cutAfter = 0;
        bool stalled = false;
        bool refuseNew = false;
        std::uint64_t dropGeneration = 0;
    };
    Settings settings() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
    std::uint16_t port_ = 0;
    mutable std::mutex mutex_;
    Settings settings_;
    std::atomic<std::uint64_t> accepted_{0};
    std::atomic<std::uint64_t> forwarded_{0};
    std::atomic<std::uint64_t> forwardedUp_{0};
    std::atomic<std::uint64_t> forwardedDown_{0};
    std::atomic<std::uint64_t> cuts_{0};
    std::atomic<std::uint64_t> held_{0};
    std::atomic<std::uint64_t> dropped_{0};
    std::thread thread_;

    friend struct Impl;
};

}  // namespace abri::test
