#include "wire/refusal_notice.h"

#include "common/byte_io.h"
#include "wire/limits.h"
#include "wire/wire_reader.h"

namespace abri::wire {

namespace {
constexpr std::array<std::uint8_t, 4> kMagic = {'A', 'B', 'R', 'N'};
constexpr std::size_t kSignedBytes = kRefusalNoticeBytes - crypto::kSignatureBytes;  // 92
}  // namespace

crypto::Bytes encodeRefusalNotice(const RefusalNotice& notice, const crypto::SigningKeyPair& hubIdentity) {
    crypto::Bytes out;
    ByteWriter w(out);
    w.raw(kMagic);
    w.u8(kFormatVersion);
    w.zeros(3);
    w.raw(notice.hubId);
    w.raw(notice.deviceId);
    w.u64(notice.deviceSeq);
    w.raw(notice.changeSetId);
    w.u16(notice.code);
    w.u16(notice.opIndex);
    w.u64(notice.hubTimeMs);
    w.raw(crypto::signDigest(hubIdentity, crypto::Domain::Refusal, crypto::blake2b({out})));
    return out;
}

RefusalNotice decodeRefusalNotice(std::span<const std::uint8_t> bytes, std::span<const std::uint8_t> hubIdentityPk,
                                  std::string_view subject) {
    auto r = wireReader(bytes, subject);
    if (r.fixed<4>() != kMagic) fail(r, SyncCode::BadMagic);
    if (r.u8() != kFormatVersion) fail(r, SyncCode::UnsupportedFormat);
    r.reserved(3);
    RefusalNotice n;
    n.hubId = r.fixed<16>();
    n.deviceId = r.fixed<16>();
    n.deviceSeq = r.u64();
    n.changeSetId = r.fixed<32>();
    n.code = r.u16();
    n.opIndex = r.u16();
    n.hubTimeMs = r.u64();
    const auto signature = r.take(crypto::kSignatureBytes);
    r.expectEnd();
    if (!crypto::verifyDigest(hubIdentityPk, crypto::Domain::Refusal, crypto::blake2b({bytes.first(kSignedBytes)}),
                              signature)) {
        fail(r, SyncCode::BadHubSignature);
    }
    return n;
}

}  // namespace abri::wire
