#pragma once
// Sync folder layout and file names (sync/PROTOCOL.md §3.10): <vault>.sync/{outbox,inbox}, cs-/pg-/rf- names with
// 20-digit sequences, and the atomic write every writer uses (common/atomic_file.h).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "wire/wire_types.h"

namespace abri::wire {

std::filesystem::path syncFolder(const std::filesystem::path& vaultPath);  // "<vault>.sync"

enum class SyncFileKind { OutboxBatch, InboxPage, RefusalNotice };
struct SyncFileName {
    SyncFileKind kind = SyncFileKind::OutboxBatch;
    Id16 deviceId{};
    std::uint64_t firstSeq = 0;  // refusal notices: the refused device_seq (firstSeq == lastSeq)
    std::uint64_t lastSeq = 0;
};
std::string outboxFileName(const Id16& device, std::uint64_t firstSeq, std::uint64_t lastSeq);  // cs-...abri
std::string pageFileName(const Id16& device, std::uint64_t firstSeq, std::uint64_t lastSeq);    // pg-...abri
std::string refusalFileName(const Id16& device, std::uint64_t deviceSeq);                       // rf-...abri
// nullopt for names that match no pattern (and for names starting with '.'): readers ignore those.
std::optional<SyncFileName> parseSyncFileName(std::string_view name);

// Attachment chunk sealed to this device (§11.4): inbox/ck-<chunk hash, 64 hex>.abri. parseChunkFileName gives the
// hash, nullopt for any other name.
std::string chunkFileName(const Hash32& chunkHash);
std::optional<Hash32> parseChunkFileName(std::string_view name);

// Attachment chunk sealed to the hub (§11.3): outbox/at-<device>-<attachment>-<chunk index, 6 digits>.abri.
struct AttachmentUploadName {
    Id16 deviceId{};
    Id16 attachmentId{};
    std::uint32_t chunkIndex = 0;
};
std::string attachmentUploadFileName(const Id16& device, const Id16& attachment, std::uint32_t chunkIndex);
// nullopt for any other name (lowercase hex only, exactly 6 digits, index < 80).
std::optional<AttachmentUploadName> parseAttachmentUploadFileName(std::string_view name);

// abri::writeFileAtomically of folder/name (a `.tmp-<name>-XXXXXX` file, fsync, rename, fsync of the folder).
// Error(IoError/DiskFull).
void writeFileAtomically(const std::filesystem::path& folder, const std::string& name,
                         std::span<const std::uint8_t> bytes);
// Whole file; Error(IoError, path) if it cannot be read; SyncError(TooLarge) beyond maxBytes.
std::vector<std::uint8_t> readWholeFile(const std::filesystem::path& path, std::size_t maxBytes);

}  // namespace abri::wire
