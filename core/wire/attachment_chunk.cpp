#include "wire/attachment_chunk.h"

#include "common/byte_io.h"
#include "wire/limits.h"
#include "wire/wire_reader.h"

namespace abri::wire {

namespace {
constexpr std::array<std::uint8_t, 4> kMagic = {'A', 'B', 'A', 'K'};
}  // namespace

crypto::Bytes encodeAttachmentChunk(const AttachmentChunk& chunk, const crypto::SigningKeyPair& device) {
    crypto::Bytes out;
    out.reserve(kChunkHeaderBytes + chunk.data.size() + crypto::kSignatureBytes);
    ByteWriter w(out);
    w.raw(kMagic);
    w.u8(kFormatVersion);
    w.zeros(3);
    w.raw(chunk.deviceId);
    w.raw(chunk.caseId);
    w.raw(chunk.attachmentId);
    w.u32(chunk.chunkIndex);
    w.u32(chunk.chunkCount);
    w.raw(chunk.contentHash);
    w.raw(crypto::blake2b({chunk.data}));
    w.u32(static_cast<std::uint32_t>(chunk.data.size()));
    w.raw(chunk.data);
    w.raw(crypto::signDigest(device, crypto::Domain::AttachmentChunk, crypto::blake2b({out})));
    return out;
}

DecodedChunk decodeAttachmentChunk(std::span<const std::uint8_t> bytes, std::string_view subject) {
    if (bytes.size() > kMaxChunkFile) throw SyncError(SyncCode::TooLarge, std::string(subject));
    auto r = wireReader(bytes, subject);
    if (r.fixed<4>() != kMagic) fail(r, SyncCode::BadMagic);
    if (r.u8() != kFormatVersion) fail(r, SyncCode::UnsupportedFormat);
    r.reserved(3);
    DecodedChunk d;
    auto& c = d.chunk;
    c.deviceId = r.fixed<16>();
    c.caseId = r.fixed<16>();
    c.attachmentId = r.fixed<16>();
    c.chunkIndex = r.u32();
    c.chunkCount = r.u32();
    if (c.chunkCount == 0 || c.chunkCount > kMaxAttachmentChunks || c.chunkIndex >= c.chunkCount)
        fail(r, SyncCode::BadHeader);
    c.contentHash = r.fixed<32>();
    c.chunkHash = r.fixed<32>();
    const std::uint32_t dataLen = r.u32();
    // Every chunk but the last is full: the receiver can then trust offsets computed from the index.
    const bool last = c.chunkIndex + 1 == c.chunkCount;
    if (dataLen == 0 || dataLen > kAttachmentChunkBytes || (!last && dataLen != kAttachmentChunkBytes))
        fail(r, SyncCode::BadHeader);
    c.data = r.take(dataLen);
    const std::size_t signedBytes = r.offset();
    d.signature = r.take(crypto::kSignatureBytes);
    r.expectEnd();
    const auto actual = crypto::blake2b({c.data});
    if (!crypto::constantTimeEqual(actual, c.chunkHash)) fail(r, SyncCode::HashMismatch);
    d.signedDigest = crypto::blake2b({bytes.first(signedBytes)});
    return d;
}

void verifyAttachmentChunk(const DecodedChunk& decoded, std::span<const std::uint8_t> devicePk,
                           std::string_view subject) {
    if (!crypto::verifyDigest(devicePk, crypto::Domain::AttachmentChunk, decoded.signedDigest, decoded.signature))
        throw SyncError(SyncCode::BadSignature, std::string(subject));
}

}  // namespace abri::wire
