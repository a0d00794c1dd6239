#include "wire/certificate.h"

#include "common/byte_io.h"
#include "wire/limits.h"
#include "wire/sync_error.h"
#include "wire/wire_reader.h"

namespace abri::wire {

namespace {
constexpr std::array<std::uint8_t, 4> kMagic = {'A', 'B', 'C', 'T'};

bool validFields(const Certificate& c) {
    const bool hub = c.role == CertRole::Hub;
    return certRoleFromWire(wireValue(c.role)).has_value() && c.serial != 0 && c.notAfterMs > c.notBeforeMs &&
           (hub ? c.office == "*" : isValidOfficeCode(c.office)) && isValidAsciiLabel(c.label, kMaxLabelBytes);
}
}  // namespace

Certificate issueCertificate(Certificate cert, const crypto::SigningKeyPair& hubIdentity) {
    if (!validFields(cert)) throw SyncError(SyncCode::BadHeader, "certificate");
    crypto::Bytes out;
    ByteWriter w(out);
    w.raw(kMagic);
    w.u8(kFormatVersion);
    w.u8(wireValue(cert.role));
    w.zeros(2);
    w.u64(cert.serial);
    w.raw(cert.hubId);
    w.raw(cert.deviceId);
    w.raw(cert.signPk);
    w.raw(cert.boxPk);
    w.raw(cert.tlsPk);
    w.u64(cert.notBeforeMs);
    w.u64(cert.notAfterMs);
    w.str8(cert.office);
    w.str8(cert.label);
    cert.signature = crypto::signDigest(hubIdentity, crypto::Domain::Certificate, crypto::blake2b({out}));
    w.raw(cert.signature);
    cert.bytes = std::move(out);
    return cert;
}

Certificate decodeCertificate(std::span<const std::uint8_t> bytes, std::string_view subject) {
    auto r = wireReader(bytes, subject);
    if (r.fixed<4>() != kMagic) fail(r, SyncCode::BadMagic);
    if (r.u8() != kFormatVersion) fail(r, SyncCode::UnsupportedFormat);
    Certificate c;
    const auto role = certRoleFromWire(r.u8());
    if (!role) fail(r, SyncCode::BadHeader);
    c.role = *role;
    r.reserved(2);
    c.serial = r.u64();
    c.hubId = r.fixed<16>();
    c.deviceId = r.fixed<16>();
    c.signPk = r.fixed<32>();
    c.boxPk = r.fixed<32>();
    c.tlsPk = r.fixed<32>();
    c.notBeforeMs = r.u64();
    c.notAfterMs = r.u64();
    c.office = r.str8();
    c.label = r.str8();
    c.signature = r.fixed<crypto::kSignatureBytes>();
    r.expectEnd();
    if (!validFields(c)) fail(r, SyncCode::BadHeader);
    c.bytes.assign(bytes.begin(), bytes.end());
    return c;
}

void verifyCertificate(const Certificate& cert, std::span<const std::uint8_t> hubIdentityPk,
                       std::string_view subject) {
    if (cert.bytes.size() < crypto::kSignatureBytes) throw SyncError(SyncCode::Truncated, std::string(subject));
    const auto signedPart = std::span<const std::uint8_t>(cert.bytes).first(cert.bytes.size() - crypto::kSignatureBytes);
    if (!crypto::verifyDigest(hubIdentityPk, crypto::Domain::Certificate, crypto::blake2b({signedPart}),
                              cert.signature)) {
        throw SyncError(SyncCode::BadHubSignature, std::string(subject));
    }
}

}  // namespace abri::wire
