#include "wire/enrolment_token.h"

#include "common/byte_io.h"
#include "wire/limits.h"
#include "wire/sync_error.h"
#include "wire/wire_reader.h"

namespace abri::wire {

namespace {
constexpr std::string_view kTextPrefix = "ABRI1:";
constexpr std::size_t kChecksumBytes = 4;

[[noreturn]] void malformed() { throw SyncError(SyncCode::TokenMalformed, "token"); }

bool validRole(CertRole role) { return role == CertRole::Caseworker || role == CertRole::Supervisor; }
}  // namespace

crypto::Bytes encodeTokenBytes(const EnrolmentToken& token) {
    if (token.secret.size() != 32 || !validRole(token.role) || !isValidOfficeCode(token.office) ||
        token.hubAddress.empty() || !isValidAsciiLabel(token.hubAddress, 255)) {
        malformed();
    }
    crypto::Bytes out;
    ByteWriter w(out);
    w.u8(kFormatVersion);
    w.u8(wireValue(token.role));
    w.raw(token.hubFingerprint);
    w.raw(token.secret.bytes());
    w.u64(token.expiryMs);
    w.str8(token.office);
    w.str8(token.hubAddress);
    const Hash32 check = crypto::domainHash(crypto::Domain::Token, {out});
    w.raw(std::span<const std::uint8_t>(check).first(kChecksumBytes));
    return out;
}

std::string encodeTokenText(const EnrolmentToken& token) {
    crypto::Bytes bytes = encodeTokenBytes(token);
    std::string text = std::string(kTextPrefix) + crypto::base32Encode(bytes);
    crypto::randomFill(bytes);  // the secret does not linger in freed memory
    return text;
}

EnrolmentToken decodeTokenBytes(std::span<const std::uint8_t> bytes) {
    try {
        if (bytes.size() < kChecksumBytes) malformed();
        const auto body = bytes.first(bytes.size() - kChecksumBytes);
        const Hash32 check = crypto::domainHash(crypto::Domain::Token, {body});
        if (!crypto::constantTimeEqual(std::span<const std::uint8_t>(check).first(kChecksumBytes),
                                       bytes.last(kChecksumBytes))) {
            malformed();
        }
        auto r = wireReader(body, "token");
        if (r.u8() != kFormatVersion) malformed();
        EnrolmentToken t;
        const auto role = certRoleFromWire(r.u8());
        if (!role) malformed();
        t.role = *role;
        t.hubFingerprint = r.fixed<32>();
        t.secret = crypto::SecureBuffer::copyOf(r.take(32));
        t.expiryMs = r.u64();
        t.office = r.str8();
        t.hubAddress = r.str8();
        r.expectEnd();
        if (!validRole(t.role) || !isValidOfficeCode(t.office) || t.hubAddress.empty() ||
            !isValidAsciiLabel(t.hubAddress, 255)) {
            malformed();
        }
        return t;
    } catch (const SyncError&) {
        malformed();  // truncated, trailing bytes ...: all one code for tokens (checked before any connection)
    }
}

EnrolmentToken decodeTokenText(std::string_view text) {
    std::string compact;
    compact.reserve(text.size());
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '-') continue;
        compact += c;
    }
    if (compact.size() < kTextPrefix.size() || compact.compare(0, kTextPrefix.size(), kTextPrefix) != 0) malformed();
    auto bytes = crypto::base32Decode(std::string_view(compact).substr(kTextPrefix.size()));
    if (!bytes) malformed();
    EnrolmentToken token = decodeTokenBytes(*bytes);
    crypto::randomFill(*bytes);
    return token;
}

Hash32 enrolmentProofDigest(const crypto::Fingerprint& hubFingerprint, const Hash32& secretHash, const Id16& deviceId,
                            const crypto::PublicKey& signPk, const crypto::PublicKey& boxPk,
                            const crypto::PublicKey& tlsPk, std::string_view office, std::string_view label) {
    crypto::Bytes strings;
    ByteWriter w(strings);
    w.str8(office);
    w.str8(label);
    return crypto::blake2b({hubFingerprint, secretHash, deviceId, signPk, boxPk, tlsPk, strings});
}

}  // namespace abri::wire
