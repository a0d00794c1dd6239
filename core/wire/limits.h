#pragma once
// Constants of the sync protocol (sync/PROTOCOL.md §0). One place, so the codec, the hub and the daemon agree.
#include <cstddef>
#include <cstdint>

namespace abri::wire {

constexpr std::uint16_t kProtocolVersion = 1;
constexpr std::uint8_t kChangeSetVersion = 1;
constexpr std::uint8_t kFormatVersion = 1;  // ABBT, ABSF, ABPG, ABRN, ABCT, ABHD and the enrolment token

constexpr std::size_t kMaxChangeSetBytes = 196'608;
constexpr std::size_t kMaxBodyRaw = 1'048'576;
constexpr std::size_t kPackBodyTarget = 163'840;
constexpr std::size_t kMaxOps = 4'096;
constexpr std::size_t kMaxValue = 65'536;
constexpr std::size_t kMaxDepth = 16;
constexpr std::size_t kMaxAuthors = 255;
constexpr std::size_t kMaxBatchPayload = 1'048'576;
constexpr std::size_t kMaxBatchCount = 1'024;
constexpr std::size_t kMaxPagePayload = 1'310'720;
constexpr std::size_t kMaxPageEntries = 10'000;
constexpr std::size_t kMaxFrame = 65'536;
constexpr std::uint64_t kMaxDriftMs = 300'000;
constexpr std::uint64_t kMaxAheadMs = 86'400'000;
constexpr std::uint64_t kHlcEpochMs = 1'577'836'800'000;
constexpr std::uint16_t kDefaultPort = 7412;

// Attachments (§11.7): the vault's chunk size, the most chunks one attachment may have, one signed chunk's bytes.
constexpr std::size_t kAttachmentChunkBytes = 262'144;
constexpr std::size_t kMaxAttachmentChunks = 80;
constexpr std::size_t kMaxChunkFile = 132 + kAttachmentChunkBytes + 64;

constexpr std::size_t kMaxFieldPathBytes = 128;
constexpr std::size_t kMaxOfficeBytes = 32;
constexpr std::size_t kMaxLabelBytes = 64;
constexpr int kZstdLevel = 9;
constexpr int kZstdWindowLogMax = 20;

}  // namespace abri::wire
