#pragma once
// `abri-bench attachments`: attachments (core/attachments) measured in one run on a real vault:
//   - adding a 10 MiB attachment from a file, and opening it (reading it back, every chunk hash-checked),
//     in seconds and MiB/s;
//   - the case list (first page by date and its total count, as the app's case list asks) on two vaults with the
//     same synthetic cases, one of them with 10,000 attachments (and the large ones), measured alternately in one
//     loop so that load from other processes falls on both alike, and the ratio: the attachments sit in tables the
//     case list never reads, so the ratio should stay near 1.
// Prints figures; never fails on a miss.
#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace abri::bench {

struct AttachmentsBenchOptions {
    std::size_t cases = 10'000;          // synthetic cases (the attachments are spread over them)
    std::size_t attachments = 10'000;    // attachments in the second vault
    std::size_t attachmentKiB = 32;      // size of each of those (distinct contents: no chunk is shared)
    std::size_t largeMiB = 10;           // the large attachment added and opened
    int runs = 200;                      // timed case-list runs on each vault after one cold run
    std::uint64_t seed = 1;
    std::filesystem::path dir;           // default: the system temp folder
    bool keepFiles = false;
};

int runAttachmentsBench(const AttachmentsBenchOptions& options);

}  // namespace abri::bench
