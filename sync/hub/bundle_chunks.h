#pragma once
// Attachment chunks on a USB bundle (sync/PROTOCOL.md §11.6), the hub's side of `abri-hub import`: after the
// change-sets of the folder, the at- files of to-hub/ are taken like uploads (same checks, no budget), and for each
// to-hub/chunks-<device>.txt the chunks the hub holds and may route to that device are written, sealed to it, as
// to-device/<device>/ck-<hash>.abri. Each device's folder also gets chunks-received.txt, the names of its at- files
// the hub now holds, so the laptop can drop them from its outbox.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <ostream>

#include "hub_store.h"

namespace abri::sync::hub {

struct BundleChunkResult {
    std::size_t accepted = 0;  // at- files held now (new or already held)
    std::size_t refused = 0;   // at- files refused (each printed with its code)
    std::size_t written = 0;   // ck- files written for devices
};

// `out` gets one line per refused file and per device served: names, codes and counts only.
BundleChunkResult importBundleChunks(HubStore& store, const std::filesystem::path& toHub,
                                     const std::filesystem::path& toDevice, std::uint64_t nowMs, std::ostream& out);

}  // namespace abri::sync::hub
