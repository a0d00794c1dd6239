#pragma once
// Attachment chunks at the hub (sync/PROTOCOL.md §11.3-§11.5): signed ABAK chunks uploaded in at- files are kept
// once per hash in the hub store (encrypted at rest like everything in it) and handed, sealed to the asking device,
// to the devices of the offices in the case's access set. The hub reads a chunk's header and checks its hash and
// signature; it never interprets the data. Each office's attachment bytes are counted per UTC day against a budget;
// change-sets and pages are never counted.
#include <cstdint>
#include <span>

#include "hub_store.h"
#include "wire/chunks_wanted.h"

namespace abri::sync::hub {

struct AttachmentBudget {
    std::uint64_t bytesPerOfficePerDay = 200ULL * 1024 * 1024;  // 0: no budget
    bool countUsage = true;  // false for USB bundles (§11.6): neither counted nor limited
};
// What `abri-hub import` passes: a stick's chunks cost no link time.
inline constexpr AttachmentBudget kBundleBudget{0, false};

// An at- file uploaded by `device`, in one transaction. Throws wire::SyncError and keeps nothing for:
// budget_exhausted (ref = seconds until the next UTC day, checked first, before the file is opened), the sealed
// file's and the chunk's own codes (§3.7, §11.2), device_mismatch (signed as another device), bad_signature,
// forbidden_case (the device's office has no access to the case). A chunk already held is accepted (idempotent).
void acceptChunkUpload(HubStore& store, const DeviceRecord& device, std::span<const std::uint8_t> sealedFile,
                       std::uint64_t nowMs, const AttachmentBudget& budget);

// The chunk `want` names, sealed to `device` (a ck- file's bytes), counted against its office's budget.
// chunk_unavailable when the hub does not hold it, it belongs to another case or attachment than the want says,
// or the device's office has no access to the case (not told apart); budget_exhausted as above.
crypto::Bytes chunkForDevice(HubStore& store, const DeviceRecord& device, const wire::ChunkWant& want,
                             std::uint64_t nowMs, const AttachmentBudget& budget);

// Attachment bytes counted for `office` on the UTC day of `nowMs`.
std::uint64_t attachmentBytesToday(HubStore& store, const std::string& office, std::uint64_t nowMs);

}  // namespace abri::sync::hub
