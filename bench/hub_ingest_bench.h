#pragma once
// `abri-bench hub-ingest`: the hub's ingest rate as the hub grows (issue "a hub whose cost does not grow with its
// history"). One hub store in this process, one enrolled synthetic device; the hub is brought to each held size in
// turn by ingesting real signed change-sets (one case creation each, generated in-process, sealed to the hub and
// taken through the real ingest path), then the same workload is measured: W change-sets, half creating new cases,
// half editing a field of held cases chosen at random. For each size it prints the ingest rate beside verification
// alone (open, decode, Ed25519) of the same files, and at the end the max/min ratio of the rates (target <= 1.2).
#include <cstdint>
#include <filesystem>
#include <vector>

namespace abri::bench {

struct HubIngestBenchOptions {
    std::vector<std::size_t> held{1'000, 10'000, 100'000};  // ascending
    std::size_t workload = 4'000;  // change-sets measured at each size
    std::filesystem::path dir;
    std::uint64_t seed = 1;
    bool keepFiles = false;
};

int runHubIngestBench(const HubIngestBenchOptions& options);

}  // namespace abri::bench
