#include "crypto/signing.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "common/error.h"
#include "crypto/sodium_init.h"

namespace abri::crypto {

static_assert(crypto_sign_PUBLICKEYBYTES == kPublicKeyBytes);
static_assert(crypto_sign_SECRETKEYBYTES == kSignSecretBytes);
static_assert(crypto_sign_SEEDBYTES == kSignSeedBytes);
static_assert(crypto_sign_BYTES == kSignatureBytes);

std::string_view domainTag(Domain domain) noexcept {
    switch (domain) {
    case Domain::KeyFingerprint: return "abri/v1/fingerprint";
    case Domain::ChangeSet: return "abri/v1/changeset";
    case Domain::Page: return "abri/v1/page";
    case Domain::Certificate: return "abri/v1/certificate";
    case Domain::HubDescriptor: return "abri/v1/hub-descriptor";
    case Domain::Enrolment: return "abri/v1/enrolment";
    case Domain::Refusal: return "abri/v1/refusal";
    case Domain::Token: return "abri/v1/token";
    case Domain::State: return "abri/v1/state";
    case Domain::AttachmentChunk: return "abri/v1/attachment-chunk";
    }
    return "abri/v1/invalid";
}

Hash32 domainHash(Domain domain, std::initializer_list<std::span<const std::uint8_t>> parts) {
    ensureSodium();
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, kHashBytes);
    const auto tag = asBytes(domainTag(domain));
    crypto_generichash_update(&state, tag.data(), tag.size());
    for (auto part : parts) crypto_generichash_update(&state, part.data(), part.size());
    Hash32 out{};
    crypto_generichash_final(&state, out.data(), out.size());
    return out;
}

SigningKeyPair SigningKeyPair::generate() {
    ensureSodium();
    SigningKeyPair pair;
    pair.secretKey = SecureBuffer(kSignSecretBytes);
    crypto_sign_keypair(pair.publicKey.data(), pair.secretKey.data());
    return pair;
}

SigningKeyPair SigningKeyPair::fromSeed(std::span<const std::uint8_t> seed) {
    ensureSodium();
    if (seed.size() != kSignSeedBytes) throw Error(ErrorCode::Internal, "signing seed", "wrong size");
    SigningKeyPair pair;
    pair.secretKey = SecureBuffer(kSignSecretBytes);
    crypto_sign_seed_keypair(pair.publicKey.data(), pair.secretKey.data(), seed.data());
    return pair;
}

std::optional<SigningKeyPair> SigningKeyPair::fromSecretKey(std::span<const std::uint8_t> secretKey) {
    if (secretKey.size() != kSignSecretBytes) return std::nullopt;
    SigningKeyPair pair = fromSeed(secretKey.first(kSignSeedBytes));
    if (!constantTimeEqual(pair.publicKey, secretKey.subspan(kSignSeedBytes))) return std::nullopt;
    return pair;
}

SecureBuffer SigningKeyPair::seed() const { return SecureBuffer::copyOf(secretKey.bytes().first(kSignSeedBytes)); }

namespace {
// DOMAIN || digest, the message every protocol signature covers.
Bytes signedMessage(Domain domain, std::span<const std::uint8_t> digest) {
    const auto tag = asBytes(domainTag(domain));
    Bytes message(tag.begin(), tag.end());
    message.insert(message.end(), digest.begin(), digest.end());
    return message;
}
}  // namespace

Signature signDigest(const SigningKeyPair& key, Domain domain, std::span<const std::uint8_t> digest) {
    ensureSodium();
    if (digest.size() != kHashBytes) throw Error(ErrorCode::Internal, "signature digest", "wrong size");
    if (key.secretKey.size() != kSignSecretBytes) throw Error(ErrorCode::Internal, "signing key", "wrong size");
    const Bytes message = signedMessage(domain, digest);
    Signature sig{};
    crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), key.secretKey.data());
    return sig;
}

bool verifyDigest(std::span<const std::uint8_t> publicKey, Domain domain, std::span<const std::uint8_t> digest,
                  std::span<const std::uint8_t> signature) {
    ensureSodium();
    if (publicKey.size() != kPublicKeyBytes || digest.size() != kHashBytes || signature.size() != kSignatureBytes) {
        return false;
    }
    const Bytes message = signedMessage(domain, digest);
    return crypto_sign_verify_detached(signature.data(), message.data(), message.size(), publicKey.data()) == 0;
}

bool isValidSigningKey(std::span<const std::uint8_t> publicKey) {
    ensureSodium();
    return publicKey.size() == kPublicKeyBytes && crypto_core_ed25519_is_valid_point(publicKey.data()) == 1;
}

Fingerprint fingerprint(KeyType type, std::span<const std::uint8_t> publicKey) {
    const std::uint8_t typeByte = static_cast<std::uint8_t>(type);
    return domainHash(Domain::KeyFingerprint, {std::span<const std::uint8_t>(&typeByte, 1), publicKey});
}

KeyId keyId(KeyType type, std::span<const std::uint8_t> publicKey) {
    const Fingerprint fp = fingerprint(type, publicKey);
    KeyId id{};
    std::copy_n(fp.begin(), id.size(), id.begin());
    return id;
}

namespace {
constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int base32Value(char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= '2' && c <= '7') return c - '2' + 26;
    return -1;
}

std::string groupedDisplay(const Fingerprint& fp, std::size_t groups) {
    const std::string b32 = base32Encode(fp);
    std::string out = "ABRI";
    for (std::size_t g = 0; g < groups && g * 4 < b32.size(); ++g) {
        out += '-';
        out += b32.substr(g * 4, 4);
    }
    return out;
}
}  // namespace

std::string base32Encode(std::span<const std::uint8_t> bytes) {
    std::string out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::uint8_t b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            out += kBase32Alphabet[(buffer >> (bits - 5)) & 0x1f];
            bits -= 5;
        }
        buffer &= (1u << bits) - 1;
    }
    if (bits > 0) out += kBase32Alphabet[(buffer << (5 - bits)) & 0x1f];
    return out;
}

std::optional<Bytes> base32Decode(std::string_view text) {
    Bytes out;
    out.reserve(text.size() * 5 / 8);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        const int v = base32Value(c);
        if (v < 0) return std::nullopt;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(v);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<std::uint8_t>(buffer >> (bits - 8)));
            bits -= 8;
        }
        buffer &= (1u << bits) - 1;
    }
    // A valid unpadded encoding leaves fewer than 5 bits, all zero.
    if (bits >= 5 || buffer != 0) return std::nullopt;
    return out;
}

std::string fingerprintDisplay(const Fingerprint& fp) { return groupedDisplay(fp, 13); }
std::string fingerprintShort(const Fingerprint& fp) { return groupedDisplay(fp, 2); }

std::optional<Fingerprint> parseFingerprintDisplay(std::string_view text) {
    std::string compact;
    for (char c : text) {
        if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r') continue;
        compact += c;
    }
    if (compact.size() == 56) {
        std::string prefix = compact.substr(0, 4);
        for (char& c : prefix) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        if (prefix != "ABRI") return std::nullopt;
        compact.erase(0, 4);
    }
    if (compact.size() != 52) return std::nullopt;
    auto raw = base32Decode(compact);
    if (!raw || raw->size() != kHashBytes) return std::nullopt;
    Fingerprint fp{};
    std::copy(raw->begin(), raw->end(), fp.begin());
    return fp;
}

}  // namespace abri::crypto
