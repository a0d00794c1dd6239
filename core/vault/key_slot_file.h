#pragma once
// The key-slot sidecar `<vault>.keys`: the vault's data key wrapped once per active user and once under the
// recovery key, plus the failed unlock attempts seen while the vault was locked (the database cannot be written
// then; they move into the audit log at the next successful unlock).
//
// File format, version 1 (all integers little-endian):
//   offset 0      8 bytes   magic "ABRIKEYS"
//   offset 8      4 bytes   format version (1)
//   offset 12     4 bytes   body length N
//   offset 16     N bytes   body: UTF-8 JSON (below)
//   offset 16+N   32 bytes  BLAKE2b-256 of bytes [0, 16+N)
// The checksum only detects damage (truncation, a flipped bit), so such a file is reported as
// KeySlotFileCorrupted instead of "wrong password". Tampering is caught by the AEAD: each sealed key's associated
// data binds vault_id, slot kind, user_id, username, salt and KDF parameters (see key_wrap.h), so an edited or
// swapped slot does not open.
//
// Body:
//   { "vault_id": "<32 hex>",
//     "slots": [ { "kind": "user", "user_id": "<32 hex>", "username": "...", "kdf": "argon2id13",
//                  "ops_limit": 3, "mem_limit": 268435456, "salt": "<32 hex>", "sealed_key": "<144 hex>" },
//                { "kind": "recovery", "user_id": "", "username": "", "kdf": "blake2b-keyed",
//                  "ops_limit": 0, "mem_limit": 0, "salt": "<32 hex>", "sealed_key": "<144 hex>" } ],
//     "disabled_users": [ { "user_id": "<32 hex>", "username": "..." } ],
//     "failed_unlocks": [ { "seq": 7, "username": "...", "method": "password" | "recovery_key", "at_ms": 0 } ],
//     "next_failure_seq": 8, "dropped_failures": 0 }
// sealed_key = 24-byte nonce || XChaCha20-Poly1305(data key) || 16-byte tag. No plaintext key is ever written.
// Usernames are readable without the password on purpose: the unlock screen lists them.
//
// Writes are atomic (common/atomic_file.h): a temporary file in the same folder, fsync, rename over the old file,
// fsync the folder.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/primitives.h"

namespace abri::vault {

constexpr std::uint32_t kKeySlotFormatVersion = 1;
constexpr std::size_t kMaxFailedUnlockRecords = 100;  // a locked vault must not let anyone grow the file forever

enum class SlotKind { User, Recovery };

struct KeySlot {
    SlotKind kind = SlotKind::User;
    std::string userId;    // empty for the recovery slot
    std::string username;  // empty for the recovery slot
    crypto::KdfParams kdf{0, 0};  // Argon2id parameters of a user slot; unused (0, 0) for the recovery slot
    crypto::Bytes salt;           // 16 bytes
    crypto::Bytes sealedKey;      // nonce || ciphertext || tag
};

struct DisabledUser {
    std::string userId;
    std::string username;
};

struct FailedUnlock {
    std::int64_t seq = 0;      // increasing; the vault remembers the last one it imported (crash-safe import)
    std::string username;      // empty for a recovery-key attempt
    std::string method;        // "password" or "recovery_key"
    std::int64_t atMs = 0;
};

struct KeySlotFile {
    std::string vaultId;
    std::vector<KeySlot> slots;
    std::vector<DisabledUser> disabledUsers;
    std::vector<FailedUnlock> failedUnlocks;
    std::int64_t nextFailureSeq = 1;
    std::int64_t droppedFailures = 0;  // attempts beyond kMaxFailedUnlockRecords, counted but not kept

    const KeySlot* findUserByName(std::string_view username) const;
    const KeySlot* findUserById(std::string_view userId) const;
    const KeySlot* recoverySlot() const;
    bool isDisabled(std::string_view username) const;
    // Replaces the slot of the same user (or the recovery slot), or adds it.
    void putSlot(KeySlot slot);
    void removeUserSlot(std::string_view userId);
    void recordFailedUnlock(std::string_view username, std::string_view method, std::int64_t atMs);
};

// Reads and validates the file. Throws Error(KeySlotFileMissing, path), Error(KeySlotFileCorrupted, path),
// Error(VaultFromNewerVersion, path) for a newer format, Error(IoError, path).
KeySlotFile readKeySlotFile(const std::filesystem::path& path);
// Writes the whole file atomically. Throws Error(IoError | DiskFull, path); the old file is then untouched.
void writeKeySlotFile(const std::filesystem::path& path, const KeySlotFile& file);

// Exposed for tests: the encoded bytes of a file, and the decoder over bytes.
std::vector<std::uint8_t> encodeKeySlotFile(const KeySlotFile& file);
KeySlotFile decodeKeySlotFile(std::span<const std::uint8_t> bytes, const std::filesystem::path& pathForErrors);

}  // namespace abri::vault
