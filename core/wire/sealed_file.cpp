#include "wire/sealed_file.h"

#include <zstd.h>

#include "common/byte_io.h"
#include "wire/compression.h"
#include "wire/limits.h"
#include "wire/wire_reader.h"

namespace abri::wire {

namespace {
constexpr std::array<std::uint8_t, 4> kMagic = {'A', 'B', 'S', 'F'};
constexpr std::uint8_t kFlagZstd = 0x01;

std::size_t maxPayload(SealedContent content) {
    switch (content) {
    case SealedContent::Batch: return kMaxBatchPayload;
    case SealedContent::Page: return kMaxPagePayload;
    case SealedContent::Chunk: return kMaxChunkFile;
    }
    return 0;
}
std::array<std::uint8_t, 4> payloadMagic(SealedContent content) {
    switch (content) {
    case SealedContent::Batch: return {'A', 'B', 'B', 'T'};
    case SealedContent::Page: return {'A', 'B', 'P', 'G'};
    case SealedContent::Chunk: return {'A', 'B', 'A', 'K'};
    }
    return {};
}
}  // namespace

crypto::Bytes encodeSealedFile(SealedContent content, std::span<const std::uint8_t> recipientBoxPublicKey,
                               std::span<const std::uint8_t> payload) {
    if (payload.size() > maxPayload(content)) throw SyncError(SyncCode::TooLarge, "sealed file");
    // Pages repeat device ids, offices and admission fields entry after entry: compressed whole, a day's receipts
    // take about half the bytes on a 2G link. A batch compresses its own records (§3.6), so it is sealed as it is.
    std::optional<crypto::Bytes> compressed;
    if (content == SealedContent::Page) compressed = compressBody(payload);
    const crypto::Bytes sealed = crypto::sealToRecipient(recipientBoxPublicKey, compressed ? *compressed : payload);
    crypto::Bytes out;
    out.reserve(kSealedHeaderBytes + sealed.size());
    ByteWriter w(out);
    w.raw(kMagic);
    w.u8(kFormatVersion);
    w.u8(static_cast<std::uint8_t>(content));
    w.u8(compressed ? kFlagZstd : 0);
    w.zeros(1);
    w.raw(crypto::keyId(crypto::KeyType::X25519, recipientBoxPublicKey));
    w.u32(static_cast<std::uint32_t>(sealed.size()));
    w.raw(sealed);
    return out;
}

SealedHeader decodeSealedHeader(std::span<const std::uint8_t> file, std::string_view subject) {
    if (file.size() > kSealedHeaderBytes + crypto::kSealOverheadBytes + kMaxPagePayload) {
        throw SyncError(SyncCode::TooLarge, std::string(subject));
    }
    auto r = wireReader(file, subject);
    if (r.fixed<4>() != kMagic) fail(r, SyncCode::BadMagic);
    if (r.u8() != kFormatVersion) fail(r, SyncCode::UnsupportedFormat);
    SealedHeader h;
    const std::uint8_t content = r.u8();
    if (content < 1 || content > 3) fail(r, SyncCode::BadHeader);
    h.content = static_cast<SealedContent>(content);
    const std::uint8_t flags = r.u8();
    if ((flags & ~kFlagZstd) != 0) fail(r, SyncCode::BadHeader);
    h.compressed = (flags & kFlagZstd) != 0;
    r.reserved(1);
    h.recipient = r.fixed<crypto::kKeyIdBytes>();
    h.sealedLen = r.u32();
    if (h.sealedLen < crypto::kSealOverheadBytes || h.sealedLen > maxPayload(h.content) + crypto::kSealOverheadBytes) {
        fail(r, SyncCode::BadHeader);
    }
    r.take(h.sealedLen);
    r.expectEnd();
    return h;
}

OpenedFile openSealedFile(std::span<const std::uint8_t> file, std::span<const crypto::BoxKeyPair* const> ourKeys,
                          std::string_view subject) {
    const SealedHeader h = decodeSealedHeader(file, subject);
    const crypto::BoxKeyPair* key = nullptr;
    for (const auto* candidate : ourKeys) {
        if (candidate != nullptr && candidate->keyId() == h.recipient) key = candidate;
    }
    if (key == nullptr) throw SyncError(SyncCode::WrongRecipient, std::string(subject));
    auto payload = crypto::openSealed(*key, file.subspan(kSealedHeaderBytes, h.sealedLen));
    if (!payload) throw SyncError(SyncCode::BadSeal, std::string(subject));
    if (h.compressed) {
        // The raw size comes from the frame (content size required by §3.5) and is bounded before inflating.
        const auto rawSize = ZSTD_getFrameContentSize(payload->data(), payload->size());
        if (rawSize == ZSTD_CONTENTSIZE_UNKNOWN || rawSize == ZSTD_CONTENTSIZE_ERROR || rawSize > maxPayload(h.content)) {
            throw SyncError(SyncCode::BadCompression, std::string(subject));
        }
        payload = decompressBody(*payload, static_cast<std::size_t>(rawSize), subject);
    }
    const auto magic = payloadMagic(h.content);
    if (payload->size() < magic.size() || !std::equal(magic.begin(), magic.end(), payload->begin())) {
        throw SyncError(SyncCode::BadMagic, std::string(subject));
    }
    return OpenedFile{h.content, std::move(*payload)};
}

OpenedFile openSealedFile(std::span<const std::uint8_t> file, const crypto::BoxKeyPair& ourKey,
                          std::string_view subject) {
    const crypto::BoxKeyPair* keys[] = {&ourKey};
    return openSealedFile(file, keys, subject);
}

}  // namespace abri::wire
