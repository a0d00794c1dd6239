#pragma once
// The handful of libsodium primitives Abri uses, behind names that say what they are for.
// Keep this file small: every new primitive here is a new thing to review.
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/secure_buffer.h"

namespace abri::crypto {

using Bytes = std::vector<std::uint8_t>;
constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kHashBytes = 32;

// Cryptographically secure random bytes.
void randomFill(std::span<std::uint8_t> out);
Bytes randomBytes(std::size_t n);
SecureBuffer randomKey();  // 32 random bytes in locked memory
// Random identifier: 16 bytes as 32 lowercase hex characters.
std::string randomId();

// BLAKE2b-256 of the concatenation of parts (unkeyed, or keyed when key is given).
std::array<std::uint8_t, kHashBytes> blake2b(std::initializer_list<std::span<const std::uint8_t>> parts,
                                             std::span<const std::uint8_t> key = {});
std::span<const std::uint8_t> asBytes(std::string_view s);

// The same unkeyed BLAKE2b-256, fed in pieces: for content read chunk by chunk (attachments), so the whole of a
// large file never has to sit in one buffer. finish() may be called once.
class Blake2bStream {
public:
    Blake2bStream();
    ~Blake2bStream();
    Blake2bStream(const Blake2bStream&) = delete;
    Blake2bStream& operator=(const Blake2bStream&) = delete;
    void update(std::span<const std::uint8_t> bytes);
    std::array<std::uint8_t, kHashBytes> finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Overwrites memory with zeros in a way the compiler cannot drop (sodium_memzero): for secrets that briefly lived
// outside a SecureBuffer, e.g. a key SQLite handed back in a plain vector.
void wipe(void* data, std::size_t size) noexcept;

// Constant-time comparison of two equal-length byte strings (false on length mismatch).
bool constantTimeEqual(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);

// Argon2id parameters; stored beside each key slot so they can be raised later without breaking old slots.
struct KdfParams {
    std::uint64_t opsLimit;
    std::uint64_t memLimitBytes;
    static KdfParams moderate();     // the default for user passwords (~0.5-0.9 s, 256 MiB here)
    static KdfParams interactive();  // ~70 ms, 64 MiB
    static KdfParams minimum();      // tests only
};
constexpr std::size_t kSaltBytes = 16;
// Argon2id(password, salt) -> 32-byte key in locked memory. Throws Error(Internal) when out of memory.
SecureBuffer derivePasswordKey(std::string_view password, std::span<const std::uint8_t> salt, const KdfParams& params);

// Sub-key derivation from a master key (crypto_kdf: BLAKE2b), e.g. the audit-chain key from the data key.
SecureBuffer deriveSubkey(const SecureBuffer& masterKey, std::uint64_t subkeyId, std::string_view context8);

// XChaCha20-Poly1305 authenticated encryption. The nonce is random and prepended to the output.
constexpr std::size_t kNonceBytes = 24;
constexpr std::size_t kTagBytes = 16;
Bytes seal(const SecureBuffer& key, std::span<const std::uint8_t> plaintext, std::span<const std::uint8_t> associatedData);
// Returns false (and leaves out empty) when the key is wrong or anything was altered.
bool open(const SecureBuffer& key, std::span<const std::uint8_t> sealed, std::span<const std::uint8_t> associatedData,
          SecureBuffer& out);

std::string toHex(std::span<const std::uint8_t> bytes);
// Returns false on any non-hex input or odd length.
bool fromHex(std::string_view hex, Bytes& out);

}  // namespace abri::crypto
