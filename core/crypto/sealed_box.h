#pragma once
// X25519 "box" key pairs and libsodium sealed boxes (crypto_box_seal): anonymous public-key encryption used for
// sync files (sync/PROTOCOL.md §3.7). A sealed box proves nothing about its sender, which is why every payload
// carries its own Ed25519 signature.
#include <optional>
#include <span>

#include "crypto/primitives.h"
#include "crypto/secure_buffer.h"
#include "crypto/signing.h"

namespace abri::crypto {

constexpr std::size_t kBoxSecretBytes = 32;
constexpr std::size_t kSealOverheadBytes = 48;  // ephemeral public key (32) + MAC (16)

struct BoxKeyPair {
    PublicKey publicKey{};
    SecureBuffer secretKey;  // kBoxSecretBytes

    static BoxKeyPair generate();
    // From a stored secret key; the public key is recomputed (nullopt on a wrong size).
    static std::optional<BoxKeyPair> fromSecretKey(std::span<const std::uint8_t> secretKey);
    // The key id (§2.2) of this pair's public key.
    KeyId keyId() const;
};

// crypto_box_seal(plaintext, recipient): plaintext.size() + 48 bytes. Error(Internal) if the key is unusable.
Bytes sealToRecipient(std::span<const std::uint8_t> recipientPublicKey, std::span<const std::uint8_t> plaintext);
// crypto_box_seal_open; nullopt when the box is too short, altered or not for this key pair.
std::optional<Bytes> openSealed(const BoxKeyPair& recipient, std::span<const std::uint8_t> sealed);

}  // namespace abri::crypto
