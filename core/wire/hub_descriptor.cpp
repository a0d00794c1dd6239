#include "wire/hub_descriptor.h"

#include "common/byte_io.h"
#include "wire/limits.h"
#include "wire/sync_error.h"
#include "wire/wire_reader.h"

namespace abri::wire {

namespace {
constexpr std::array<std::uint8_t, 4> kMagic = {'A', 'B', 'H', 'D'};

bool validFields(const HubDescriptor& d) {
    return d.csVersionMin >= 1 && d.csVersionMin <= d.csVersionMax && !d.address.empty() &&
           isValidAsciiLabel(d.address, 255) && isValidAsciiLabel(d.name, kMaxLabelBytes);
}
}  // namespace

HubDescriptor signHubDescriptor(HubDescriptor d, const crypto::SigningKeyPair& hubIdentity) {
    if (!validFields(d)) throw SyncError(SyncCode::BadHeader, "hub descriptor");
    d.identityPk = hubIdentity.publicKey;
    crypto::Bytes out;
    ByteWriter w(out);
    w.raw(kMagic);
    w.u8(kFormatVersion);
    w.zeros(3);
    w.raw(d.hubId);
    w.raw(d.identityPk);
    w.raw(d.boxPk);
    w.u32(d.boxKeySerial);
    w.u64(d.issuedMs);
    w.u8(d.csVersionMin);
    w.u8(d.csVersionMax);
    w.zeros(2);
    w.str8(d.address);
    w.str8(d.name);
    d.signature = crypto::signDigest(hubIdentity, crypto::Domain::HubDescriptor, crypto::blake2b({out}));
    w.raw(d.signature);
    d.bytes = std::move(out);
    return d;
}

HubDescriptor decodeHubDescriptor(std::span<const std::uint8_t> bytes, std::string_view subject) {
    auto r = wireReader(bytes, subject);
    if (r.fixed<4>() != kMagic) fail(r, SyncCode::BadMagic);
    if (r.u8() != kFormatVersion) fail(r, SyncCode::UnsupportedFormat);
    r.reserved(3);
    HubDescriptor d;
    d.hubId = r.fixed<16>();
    d.identityPk = r.fixed<32>();
    d.boxPk = r.fixed<32>();
    d.boxKeySerial = r.u32();
    d.issuedMs = r.u64();
    d.csVersionMin = r.u8();
    d.csVersionMax = r.u8();
    r.reserved(2);
    d.address = r.str8();
    d.name = r.str8();
    d.signature = r.fixed<crypto::kSignatureBytes>();
    r.expectEnd();
    if (!validFields(d)) fail(r, SyncCode::BadHeader);
    const auto signedPart = bytes.first(bytes.size() - crypto::kSignatureBytes);
    if (!crypto::verifyDigest(d.identityPk, crypto::Domain::HubDescriptor, crypto::blake2b({signedPart}),
                              d.signature)) {
        fail(r, SyncCode::BadHubSignature);
    }
    d.bytes.assign(bytes.begin(), bytes.end());
    return d;
}

}  // namespace abri::wire
