#include "crypto/sealed_box.h"

#include <sodium.h>

#include "common/error.h"
#include "crypto/sodium_init.h"

namespace abri::crypto {

static_assert(crypto_box_PUBLICKEYBYTES == kPublicKeyBytes);
static_assert(crypto_box_SECRETKEYBYTES == kBoxSecretBytes);
static_assert(crypto_box_SEALBYTES == kSealOverheadBytes);

BoxKeyPair BoxKeyPair::generate() {
    ensureSodium();
    BoxKeyPair pair;
    pair.secretKey = SecureBuffer(kBoxSecretBytes);
    crypto_box_keypair(pair.publicKey.data(), pair.secretKey.data());
    return pair;
}

std::optional<BoxKeyPair> BoxKeyPair::fromSecretKey(std::span<const std::uint8_t> secretKey) {
    ensureSodium();
    if (secretKey.size() != kBoxSecretBytes) return std::nullopt;
    BoxKeyPair pair;
    pair.secretKey = SecureBuffer::copyOf(secretKey);
    if (crypto_scalarmult_base(pair.publicKey.data(), pair.secretKey.data()) != 0) return std::nullopt;
    return pair;
}

KeyId BoxKeyPair::keyId() const { return crypto::keyId(KeyType::X25519, publicKey); }

Bytes sealToRecipient(std::span<const std::uint8_t> recipientPublicKey, std::span<const std::uint8_t> plaintext) {
    ensureSodium();
    if (recipientPublicKey.size() != kPublicKeyBytes) throw Error(ErrorCode::Internal, "box key", "wrong size");
    Bytes sealed(plaintext.size() + kSealOverheadBytes);
    if (crypto_box_seal(sealed.data(), plaintext.data(), plaintext.size(), recipientPublicKey.data()) != 0) {
        throw Error(ErrorCode::Internal, "box key", "unusable public key");
    }
    return sealed;
}

std::optional<Bytes> openSealed(const BoxKeyPair& recipient, std::span<const std::uint8_t> sealed) {
    ensureSodium();
    if (sealed.size() < kSealOverheadBytes || recipient.secretKey.size() != kBoxSecretBytes) return std::nullopt;
    Bytes plain(sealed.size() - kSealOverheadBytes);
    if (crypto_box_seal_open(plain.data(), sealed.data(), sealed.size(), recipient.publicKey.data(),
                             recipient.secretKey.data()) != 0) {
        return std::nullopt;
    }
    return plain;
}

}  // namespace abri::crypto
