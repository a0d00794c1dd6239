#pragma once
// Device certificate (`ABCT`, sync/PROTOCOL.md §2.4), signed by the hub identity key.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "wire/sync_types.h"
#include "wire/wire_types.h"
#include "crypto/primitives.h"
#include "crypto/signing.h"

namespace abri::wire {

constexpr std::uint64_t kDefaultCertificateValidityMs = 2ULL * 365 * 24 * 3600 * 1000;

struct Certificate {
    CertRole role = CertRole::Caseworker;
    std::uint64_t serial = 0;
    Id16 hubId{};
    Id16 deviceId{};
    crypto::PublicKey signPk{};
    crypto::PublicKey boxPk{};
    crypto::PublicKey tlsPk{};
    std::uint64_t notBeforeMs = 0;
    std::uint64_t notAfterMs = 0;
    std::string office;
    std::string label;
    crypto::Signature signature{};
    crypto::Bytes bytes;  // as signed

    bool validAt(std::uint64_t ms) const noexcept { return ms >= notBeforeMs && ms < notAfterMs; }
};

// Fills signature and bytes. Throws SyncError(BadHeader) for fields a decoder would refuse.
Certificate issueCertificate(Certificate cert, const crypto::SigningKeyPair& hubIdentity);
// Layout only: truncated, bad_magic, unsupported_format, bad_header (role, reserved, office, label, serial 0,
// not_after <= not_before, trailing bytes). The signature is NOT checked: call verifyCertificate.
Certificate decodeCertificate(std::span<const std::uint8_t> bytes, std::string_view subject);
// H(signed bytes) under abri/v1/certificate against the hub identity key; bad_hub_signature.
void verifyCertificate(const Certificate& cert, std::span<const std::uint8_t> hubIdentityPk, std::string_view subject);

}  // namespace abri::wire
