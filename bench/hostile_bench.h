#pragma once
// `abri-bench hostile`: the hub under hostile load (issue 14) with real processes on 127.0.0.1. A real abri-hub
// started with a given open-file limit (default 1024, systemd's default for a service), L enrolled laptops each
// with one change to upload; then raw TCP connections that never start TLS and TLS connections that send HELLO
// purpose enrol and idle, from 127.0.0.1-5, each re-opened a second after the hub closes it; while they run, the
// laptops sync at once (abri-syncd --once each). Prints the laptops' sync times, the hub's CPU over the attack,
// its memory idle / at the peak / after the attackers left, and what the attackers got, with PASS/MISS against
// the targets (every sync < 5 s, < 1 core, RSS back within 2x of idle). Never fails on a miss.
#include <cstdint>
#include <filesystem>

namespace abri::bench {

struct HostileBenchOptions {
    std::size_t laptops = 20;
    std::size_t rawConnections = 1200;
    std::size_t enrolConnections = 1200;
    std::uint64_t hubFileLimit = 1024;  // RLIMIT_NOFILE of the hub process
    std::size_t seconds = 15;           // how long the attack lasts
    std::filesystem::path dir;
    bool keepFiles = false;
};

int runHostileBench(const HostileBenchOptions& options);

}  // namespace abri::bench
