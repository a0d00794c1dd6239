#pragma once
// `abri-bench sync-attachment`: one attachment from laptop 1 to laptop 2 of the same office with real parts (a real
// abri-hub process, real abri-syncd processes, real vaults), each leg through the fault proxy at a 2G rate and cut
// twice in the middle: leg 1 uploads laptop 1's at- files (after its change-set), leg 2 downloads the chunks into
// laptop 2's inbox. Prints the bytes on the wire (TLS included, both directions) of each leg against the file
// size, the time of each leg, and whether laptop 2 reads the file back byte for byte. Measures; never fails on a
// figure.
#include <cstdint>
#include <filesystem>

namespace abri::bench {

struct AttachmentSyncBenchOptions {
    std::size_t bytes = 5'000'000;             // the attachment (a synthetic PDF)
    std::uint64_t rateBytesPerSecond = 5'000;  // the 2G link, each direction
    std::size_t cuts = 2;                      // link cuts per leg, spread over the transfer
    std::filesystem::path dir;
    bool keepFiles = false;
};

int runAttachmentSyncBench(const AttachmentSyncBenchOptions& options);

}  // namespace abri::bench
