#include "crypto/primitives.h"

#include <sodium.h>

#include <new>

#include "common/error.h"
#include "crypto/sodium_init.h"

namespace abri::crypto {

void randomFill(std::span<std::uint8_t> out) {
    ensureSodium();
    randombytes_buf(out.data(), out.size());
}

Bytes randomBytes(std::size_t n) {
    Bytes out(n);
    randomFill(out);
    return out;
}

SecureBuffer randomKey() {
    SecureBuffer key(kKeyBytes);
    randomFill(key.bytes());
    return key;
}

std::string randomId() {
    std::array<std::uint8_t, 16> raw{};
    randomFill(raw);
    return toHex(raw);
}

std::span<const std::uint8_t> asBytes(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

std::array<std::uint8_t, kHashBytes> blake2b(std::initializer_list<std::span<const std::uint8_t>> parts,
                                             std::span<const std::uint8_t> key) {
    ensureSodium();
    crypto_generichash_state state;
    crypto_generichash_init(&state, key.empty() ? nullptr : key.data(), key.size(), kHashBytes);
    for (auto part : parts) crypto_generichash_update(&state, part.data(), part.size());
    std::array<std::uint8_t, kHashBytes> out{};
    crypto_generichash_final(&state, out.data(), out.size());
    return out;
}

struct Blake2bStream::State {
    crypto_generichash_state hash;
    bool finished = false;
};

Blake2bStream::Blake2bStream() : state_(std::make_unique<State>()) {
    ensureSodium();
    crypto_generichash_init(&state_->hash, nullptr, 0, kHashBytes);
}

Blake2bStream::~Blake2bStream() { sodium_memzero(&state_->hash, sizeof state_->hash); }

void Blake2bStream::update(std::span<const std::uint8_t> bytes) {
    if (state_->finished) throw Error(ErrorCode::Internal, "blake2b", "update after finish");
    crypto_generichash_update(&state_->hash, bytes.data(), bytes.size());
}

std::array<std::uint8_t, kHashBytes> Blake2bStream::finish() {
    if (state_->finished) throw Error(ErrorCode::Internal, "blake2b", "finished twice");
    state_->finished = true;
    std::array<std::uint8_t, kHashBytes> out{};
    crypto_generichash_final(&state_->hash, out.data(), out.size());
    return out;
}

void wipe(void* data, std::size_t size) noexcept {
    if (size > 0) sodium_memzero(data, size);
}

bool constantTimeEqual(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
    ensureSodium();
    if (a.size() != b.size()) return false;
    if (a.empty()) return true;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

KdfParams KdfParams::moderate() {
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}
KdfParams KdfParams::interactive() {
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
KdfParams KdfParams::minimum() {
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

SecureBuffer derivePasswordKey(std::string_view password, std::span<const std::uint8_t> salt, const KdfParams& params) {
    ensureSodium();
    if (salt.size() != crypto_pwhash_SALTBYTES) throw Error(ErrorCode::Internal, "kdf", "bad salt length");
    SecureBuffer key(kKeyBytes);
    if (crypto_pwhash(key.data(), key.size(), password.data(), password.size(), salt.data(), params.opsLimit,
                      static_cast<std::size_t>(params.memLimitBytes), crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw Error(ErrorCode::Internal, "kdf", "Argon2id failed (out of memory?)");
    }
    return key;
}

SecureBuffer deriveSubkey(const SecureBuffer& masterKey, std::uint64_t subkeyId, std::string_view context8) {
    ensureSodium();
    static_assert(crypto_kdf_KEYBYTES == kKeyBytes);
    if (masterKey.size() != crypto_kdf_KEYBYTES || context8.size() != crypto_kdf_CONTEXTBYTES) {
        throw Error(ErrorCode::Internal, "kdf", "bad subkey parameters");
    }
    SecureBuffer sub(kKeyBytes);
    crypto_kdf_derive_from_key(sub.data(), sub.size(), subkeyId, context8.data(), masterKey.data());
    return sub;
}

Bytes seal(const SecureBuffer& key, std::span<const std::uint8_t> plaintext, std::span<const std::uint8_t> ad) {
    ensureSodium();
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES) throw Error(ErrorCode::Internal, "aead", "bad key");
    Bytes out(kNonceBytes + plaintext.size() + kTagBytes);
    randomFill(std::span(out.data(), kNonceBytes));
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kNonceBytes, &clen, plaintext.data(), plaintext.size(),
                                               ad.data(), ad.size(), nullptr, out.data(), key.data());
    out.resize(kNonceBytes + clen);
    return out;
}

bool open(const SecureBuffer& key, std::span<const std::uint8_t> sealed, std::span<const std::uint8_t> ad,
          SecureBuffer& out) {
    ensureSodium();
    out.clear();
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES) return false;
    if (sealed.size() < kNonceBytes + kTagBytes) return false;
    SecureBuffer plain(sealed.size() - kNonceBytes - kTagBytes);
    unsigned long long plen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), &plen, nullptr, sealed.data() + kNonceBytes,
                                                   sealed.size() - kNonceBytes, ad.data(), ad.size(), sealed.data(),
                                                   key.data()) != 0) {
        return false;
    }
    out = std::move(plain);
    return true;
}

std::string toHex(std::span<const std::uint8_t> bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (auto b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

bool fromHex(std::string_view hex, Bytes& out) {
    out.clear();
    if (hex.size() % 2 != 0) return false;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        int hi = nibble(hex[i]);
        int lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0) {
            out.clear();
            return false;
        }
        out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
    }
    return true;
}

}  // namespace abri::crypto
