#pragma once
// Sealed file (`ABSF`, sync/PROTOCOL.md §3.7): a batch (to the hub) or a page (to a device) in a libsodium sealed
// box, behind a 20-byte header naming the recipient key.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "crypto/primitives.h"
#include "crypto/sealed_box.h"
#include "wire/limits.h"

namespace abri::wire {

// Chunk: one signed attachment chunk (ABAK, §11.2), to the hub (at- files) or to a device (ck- files).
enum class SealedContent : std::uint8_t { Batch = 1, Page = 2, Chunk = 3 };
constexpr std::size_t kSealedHeaderBytes = 20;
// The largest sealed chunk file (at- or ck-, §11.3-§11.4): the header and box around one signed ABAK chunk.
constexpr std::size_t kMaxSealedChunkFile = kSealedHeaderBytes + crypto::kSealOverheadBytes + kMaxChunkFile;

crypto::Bytes encodeSealedFile(SealedContent content, std::span<const std::uint8_t> recipientBoxPublicKey,
                               std::span<const std::uint8_t> payload);

struct SealedHeader {
    SealedContent content = SealedContent::Batch;
    crypto::KeyId recipient{};
    std::uint32_t sealedLen = 0;
    bool compressed = false;  // flag bit 0: the sealed payload is one zstd frame (§3.5 rules)
};
// The unauthenticated header: too_large, truncated, bad_magic, unsupported_format, bad_header (content, flags,
// reserved, sealed_len range, file longer than 20 + N; shorter is truncated).
SealedHeader decodeSealedHeader(std::span<const std::uint8_t> file, std::string_view subject);

// Header, then the key whose id matches (wrong_recipient), then open (bad_seal), then inflate when flagged
// (bad_compression), then the payload magic must match the content type (bad_magic). Returns the payload.
// encodeSealedFile compresses pages when that makes them smaller.
struct OpenedFile {
    SealedContent content = SealedContent::Batch;
    crypto::Bytes payload;
};
OpenedFile openSealedFile(std::span<const std::uint8_t> file, std::span<const crypto::BoxKeyPair* const> ourKeys,
                          std::string_view subject);
OpenedFile openSealedFile(std::span<const std::uint8_t> file, const crypto::BoxKeyPair& ourKey,
                          std::string_view subject);

}  // namespace abri::wire
