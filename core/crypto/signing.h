#pragma once
// Ed25519 signatures with domain separation, key fingerprints and their display form (sync/PROTOCOL.md §2.2).
// Every signature in the sync protocol is Ed25519 over `DOMAIN || h`, h being 32 bytes (a change-set id, or the
// BLAKE2b-256 of the signed bytes), so a signature made for one purpose can never be replayed for another.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "crypto/primitives.h"
#include "crypto/secure_buffer.h"

namespace abri::crypto {

constexpr std::size_t kPublicKeyBytes = 32;   // Ed25519 and X25519 public keys
constexpr std::size_t kSignSecretBytes = 64;  // libsodium's Ed25519 secret key: seed(32) || public key(32)
constexpr std::size_t kSignSeedBytes = 32;    // what OpenSSL takes (EVP_PKEY_new_raw_private_key)
constexpr std::size_t kSignatureBytes = 64;
constexpr std::size_t kKeyIdBytes = 8;

using PublicKey = std::array<std::uint8_t, kPublicKeyBytes>;
using Signature = std::array<std::uint8_t, kSignatureBytes>;
using Hash32 = std::array<std::uint8_t, kHashBytes>;
using Fingerprint = Hash32;
using KeyId = std::array<std::uint8_t, kKeyIdBytes>;

// The protocol's signing and hashing domains (ASCII tags, no terminator).
enum class Domain {
    KeyFingerprint, // "abri/v1/fingerprint"
    ChangeSet,      // "abri/v1/changeset"
    Page,           // "abri/v1/page"
    Certificate,    // "abri/v1/certificate"
    HubDescriptor,  // "abri/v1/hub-descriptor"
    Enrolment,      // "abri/v1/enrolment"
    Refusal,        // "abri/v1/refusal"
    Token,          // "abri/v1/token"
    State,          // "abri/v1/state"
    AttachmentChunk,  // "abri/v1/attachment-chunk"
};
std::string_view domainTag(Domain domain) noexcept;
// H(tag || parts...): BLAKE2b-256 with the domain tag prepended (token checksum, state hash, fingerprints).
Hash32 domainHash(Domain domain, std::initializer_list<std::span<const std::uint8_t>> parts);

// An Ed25519 key pair; the secret stays in locked memory. Move-only.
struct SigningKeyPair {
    PublicKey publicKey{};
    SecureBuffer secretKey;  // kSignSecretBytes: seed || public key

    static SigningKeyPair generate();
    // From the 32-byte seed (deterministic; tests and OpenSSL interop).
    static SigningKeyPair fromSeed(std::span<const std::uint8_t> seed);
    // From a stored 64-byte libsodium secret key. Returns nullopt when the size is wrong or its embedded public
    // key does not match the seed (a damaged key must not sign).
    static std::optional<SigningKeyPair> fromSecretKey(std::span<const std::uint8_t> secretKey);
    // The first 32 bytes of the secret key (for OpenSSL), in locked memory.
    SecureBuffer seed() const;
};

// Ed25519(secret, domainTag(domain) || digest). digest must be 32 bytes (else Error(Internal)).
Signature signDigest(const SigningKeyPair& key, Domain domain, std::span<const std::uint8_t> digest);
// False for a wrong size, an invalid key or a signature that does not verify.
bool verifyDigest(std::span<const std::uint8_t> publicKey, Domain domain, std::span<const std::uint8_t> digest,
                  std::span<const std::uint8_t> signature);
// A public key that is a valid, non-small-order Ed25519 point (crypto_core_ed25519_is_valid_point).
bool isValidSigningKey(std::span<const std::uint8_t> publicKey);

enum class KeyType : std::uint8_t { Ed25519 = 0x01, X25519 = 0x02 };
// fp(key) = H("abri/v1/fingerprint" || type || key).
Fingerprint fingerprint(KeyType type, std::span<const std::uint8_t> publicKey);
// Key id = the first 8 bytes of the fingerprint: names the recipient of a sealed file.
KeyId keyId(KeyType type, std::span<const std::uint8_t> publicKey);

// "ABRI-" + base32 of the 32 bytes in 13 groups of 4 joined by '-' (52 characters of base32).
std::string fingerprintDisplay(const Fingerprint& fp);
// The first two groups ("ABRI-K7QX-M2PA"): what logs print.
std::string fingerprintShort(const Fingerprint& fp);
// Parses the display form; ignores case, spaces and '-'; the "ABRI" prefix is optional. nullopt on bad input.
std::optional<Fingerprint> parseFingerprintDisplay(std::string_view text);

// RFC 4648 base32, uppercase, no padding (fingerprints and enrolment tokens).
std::string base32Encode(std::span<const std::uint8_t> bytes);
// Accepts upper or lower case; no padding; rejects any other character and non-zero trailing bits.
std::optional<Bytes> base32Decode(std::string_view text);

}  // namespace abri::crypto
