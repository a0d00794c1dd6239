#pragma once
// The hub's side of attachment transport in a sync session (sync/PROTOCOL.md §11.3-§11.5): at- uploads (an
// UPLOAD_BEGIN with first_seq = last_seq = 0) go through the ordinary partial-upload machinery and end in
// acceptChunkUpload; CHUNK_GET is answered from chunkForDevice, the sealed file kept for the device for an hour so a
// cut transfer resumes without being counted against the budget twice. The per-office daily budget is the hub
// setting `attachment_budget_mib_per_day` (meta table; default 200, 0 = none). Logs carry device ids, sizes and
// codes only.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "attachment_chunks.h"
#include "common/frames.h"
#include "crypto/sealed_box.h"
#include "wire/limits.h"
#include "wire/sealed_file.h"
#include "hub_store.h"

namespace abri::sync::hub {

constexpr std::uint64_t kDefaultAttachmentBudgetMib = 200;
// Largest sealed at- file: header, box, one signed chunk (the same bound CHUNK_BEGIN's decoder uses).
constexpr std::uint64_t kMaxChunkUploadFile = wire::kMaxSealedChunkFile;

// The setting; Error(VaultCorrupted, "meta.attachment_budget_mib_per_day") for a stored value that does not parse.
std::uint64_t attachmentBudgetMibPerDay(HubStore& store);
// 0 = no budget. Error(InvalidValue, "attachment_budget_mib_per_day") above kMaxAttachmentBudgetMib.
void setAttachmentBudgetMibPerDay(HubStore& store, std::uint64_t mib);
constexpr std::uint64_t kMaxAttachmentBudgetMib = 1'000'000;  // ~1 TiB a day: anything larger is a typo
AttachmentBudget attachmentBudget(HubStore& store);

// An UPLOAD_BEGIN of an at- file (§11.3): a cs- file never has seq 0.
inline bool isChunkUpload(const UploadBegin& begin) { return begin.firstSeq == 0 && begin.lastSeq == 0; }

// Seconds until the next UTC day when `bytes` more would pass the office's budget today; nullopt when they fit.
std::optional<std::uint64_t> budgetRefusal(HubStore& store, const std::string& office, std::uint64_t bytes,
                                           std::uint64_t nowMs);

// A complete at- file whose hash matched: stored (or already held) → 0, else the §9 code that refused it.
std::uint16_t finishChunkUpload(HubStore& store, const DeviceRecord& device, std::span<const std::uint8_t> file,
                                std::uint64_t nowMs);

// Sealed chunk files handed to devices, one per device (the last asked for), for resumption within an hour.
class ChunkCache {
public:
    struct Entry {
        wire::ChunkWant want;
        Bytes sealedFile;
        wire::Hash32 fileHash{};
        std::chrono::steady_clock::time_point builtAt;
    };
    // The device's cached file for `want` when still fresh, else nullptr.
    const Entry* find(const wire::Id16& device, const wire::ChunkWant& want) const;
    const Entry& put(const wire::Id16& device, const wire::ChunkWant& want, Bytes sealedFile);

private:
    std::map<wire::Id16, Entry> entries_;
};

inline constexpr std::chrono::hours kChunkCacheLifetime{1};

// What the session sends for one CHUNK_GET: either a refusal (ERROR, non-fatal) or the file from `start`.
struct ChunkReply {
    std::optional<wire::SyncError> refusal;
    const ChunkCache::Entry* file = nullptr;
    std::uint32_t start = 0;
    bool fromCache = false;
};
ChunkReply answerChunkGet(HubStore& store, const DeviceRecord& device, const ChunkGet& request, ChunkCache& cache,
                          std::uint64_t nowMs);

}  // namespace abri::sync::hub
