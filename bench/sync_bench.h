#pragma once
// `abri-bench sync`: the sync workload of the sync issue, measured in one run with real parts (a real abri-hub
// process, real abri-syncd processes on 127.0.0.1, real vaults):
//   (1) hub ingest rate: every change-set of a device's N case creations and E field edits, opened, verified and
//       applied by the hub's ingest in this process, beside the bare Ed25519 verification rate of the same
//       change-sets (the floor no hub can beat on this machine);
//   (2) first full sync of the N cases to a newly enrolled laptop of the same office on loopback (download by
//       abri-syncd, then the vault applies the pages);
//   (3) bytes per changed field of a day's work (D field edits): sealed outbox files and bytes through the wire
//       (TLS included) against the JSON of the same journal entries;
//   (4) the day's work uploaded, acknowledged and the receipts downloaded through the fault proxy at a 2G rate;
//   (5) many laptops of another office syncing at once (each its own abri-syncd process), end to end.
// Prints figures with PASS/MISS against the targets; never fails on a miss.
#include <cstdint>
#include <filesystem>

namespace abri::bench {

struct SyncBenchOptions {
    std::size_t cases = 10'000;       // cases for the first full sync
    std::size_t ingestEdits = 20'000; // extra field edits ingested by the hub (ingest rate)
    std::size_t dayEdits = 500;       // a day's work through the 2G proxy
    std::uint64_t rateBytesPerSecond = 5'000;  // the 2G link, each direction
    std::size_t crowdLaptops = 50;    // laptops syncing at once
    std::size_t crowdCases = 25;      // new cases on each of them
    std::filesystem::path dir;        // where throw-away files go (default: the system temp folder)
    std::uint64_t seed = 1;
    bool keepFiles = false;
};

int runSyncBench(const SyncBenchOptions& options);

// `abri-bench sync-stage`: prepares a first sync for abri-app-bench, which measures how the window answers while it
// applies. In DIR: a hub, laptop 1 with N cases synced to it, and laptop 2 newly enrolled whose sync service has
// downloaded every page but whose vault has applied none. Prints "vault=<laptop 2's vault>", "user=" and
// "password=" lines (synthetic bench credentials) on stdout; the hub is stopped at the end.
struct SyncStageOptions {
    std::size_t cases = 10'000;
    std::filesystem::path dir;  // required: the staged files stay there
    std::uint64_t seed = 1;
};
int stageFirstSync(const SyncStageOptions& options);

}  // namespace abri::bench
