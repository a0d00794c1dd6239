#pragma once
// Attachment chunk (`ABAK`, sync/PROTOCOL.md §11.2): one 256 KiB piece of an attachment's content, signed by the
// device that added the attachment and addressed by its hash. The header (case, attachment, index, hashes, size)
// is all a hub or a daemon needs to route, store and resume it; they never look at the data.
#include <cstdint>
#include <span>
#include <string_view>

#include "crypto/primitives.h"
#include "crypto/signing.h"
#include "wire/sync_error.h"
#include "wire/wire_types.h"

namespace abri::wire {

constexpr std::size_t kChunkHeaderBytes = 132;

struct AttachmentChunk {
    Id16 deviceId{};      // signer
    Id16 caseId{};
    Id16 attachmentId{};
    std::uint32_t chunkIndex = 0;
    std::uint32_t chunkCount = 0;
    Hash32 contentHash{};  // H(whole content), as in the record
    Hash32 chunkHash{};    // H(data)
    std::span<const std::uint8_t> data;  // into the decoded bytes (or the caller's buffer when encoding)
};

// Signs `chunk` (chunkHash is computed here from data; the field given is ignored).
crypto::Bytes encodeAttachmentChunk(const AttachmentChunk& chunk, const crypto::SigningKeyPair& device);

// The parts of a decoded chunk; `data` points into `bytes`. Checks layout and H(data) == chunk_hash, not the
// signature: the caller looks the signer up first (by deviceId) and then calls verifyAttachmentChunk.
// too_large, truncated, bad_magic, unsupported_format, bad_header (reserved, counts, lengths, trailing bytes),
// hash_mismatch.
struct DecodedChunk {
    AttachmentChunk chunk;
    Hash32 signedDigest{};  // H(all bytes before the signature)
    std::span<const std::uint8_t> signature;
};
DecodedChunk decodeAttachmentChunk(std::span<const std::uint8_t> bytes, std::string_view subject);
// bad_signature unless the device key signed it.
void verifyAttachmentChunk(const DecodedChunk& decoded, std::span<const std::uint8_t> devicePk,
                           std::string_view subject);

}  // namespace abri::wire
