#pragma once
// The printed recovery key: 32 random bytes, shown once at creation (or regeneration) and never stored.
// Printable form: Crockford base32 of the 32 key bytes followed by a 2-byte BLAKE2b checksum, 55 characters in
// 11 groups of 5 ("7KQ2M-....-XXXXX"). The checksum tells a typo apart from a wrong key; parsing ignores spaces
// and dashes, accepts lower case and maps the look-alikes O->0, I/L->1 (Crockford's rules).
#include <string_view>

#include "crypto/secure_buffer.h"

namespace abri::vault {

constexpr std::size_t kRecoveryKeyBytes = 32;
constexpr std::size_t kRecoveryKeyGroups = 11;
constexpr std::size_t kRecoveryKeyGroupLength = 5;

// 32 random bytes in locked memory.
crypto::SecureBuffer generateRecoveryKey();
// The printable text of a raw key, in locked memory.
crypto::SecureBuffer formatRecoveryKey(const crypto::SecureBuffer& rawKey);
// Parses printed text back to the raw key. Returns false (raw left empty) on a wrong character, a wrong length
// or a checksum mismatch, i.e. for any mistyped key.
bool parseRecoveryKey(std::string_view text, crypto::SecureBuffer& rawKey);

}  // namespace abri::vault
