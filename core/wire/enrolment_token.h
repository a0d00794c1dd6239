#pragma once
// Enrolment token (sync/PROTOCOL.md §2.5) and the enrolment proof digest (§2.6 step 4).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "wire/certificate.h"
#include "wire/wire_types.h"
#include "crypto/primitives.h"
#include "crypto/secure_buffer.h"
#include "crypto/signing.h"

namespace abri::wire {

struct EnrolmentToken {
    CertRole role = CertRole::Caseworker;
    crypto::Fingerprint hubFingerprint{};
    crypto::SecureBuffer secret;  // 32 bytes, one-time
    std::uint64_t expiryMs = 0;
    std::string office;
    std::string hubAddress;
};

crypto::Bytes encodeTokenBytes(const EnrolmentToken& token);
std::string encodeTokenText(const EnrolmentToken& token);  // "ABRI1:" + base32
// Any defect (prefix, base32, layout, role, office, checksum) is SyncError(TokenMalformed).
EnrolmentToken decodeTokenBytes(std::span<const std::uint8_t> bytes);
// Ignores spaces, newlines and '-'.
EnrolmentToken decodeTokenText(std::string_view text);

// H(fp_hub || H(secret) || device_id || sign_pk || box_pk || tls_pk || office(str8) || label(str8)): what the
// device signs (domain abri/v1/enrolment) as its ENROL_REQUEST proof.
Hash32 enrolmentProofDigest(const crypto::Fingerprint& hubFingerprint, const Hash32& secretHash, const Id16& deviceId,
                            const crypto::PublicKey& signPk, const crypto::PublicKey& boxPk,
                            const crypto::PublicKey& tlsPk, std::string_view office, std::string_view label);

}  // namespace abri::wire
