#pragma once
// Wrapping the vault's data key into key slots, and unwrapping it.
// User slot:     wrap key = Argon2id(password, salt, ops, mem)            (passwords are low-entropy: slow KDF)
// Recovery slot: wrap key = BLAKE2b-256(key = recovery key, "abri-recovery-slot-v1" || salt)
//                (the recovery key is 256 random bits: a slow KDF would add nothing)
// The data key is sealed with XChaCha20-Poly1305; the associated data binds the slot to its vault and owner:
//   "abri-keyslot-v1" || kind || lp(vault_id) || lp(user_id) || lp(username) || salt || u64 ops || u64 mem
// (lp = 4-byte length prefix), so a slot copied to another user, another vault or edited in any way fails to open.
#include <string_view>

#include "crypto/primitives.h"
#include "crypto/secure_buffer.h"
#include "vault/key_slot_file.h"

namespace abri::vault {

KeySlot wrapForUser(std::string_view vaultId, std::string_view userId, std::string_view username,
                    std::string_view password, const crypto::KdfParams& kdf, const crypto::SecureBuffer& dataKey);
// False when the password is wrong or the slot was altered; dataKey receives the key on success.
bool unwrapUserSlot(std::string_view vaultId, const KeySlot& slot, std::string_view password,
                    crypto::SecureBuffer& dataKey);

KeySlot wrapForRecovery(std::string_view vaultId, const crypto::SecureBuffer& recoveryKey,
                        const crypto::SecureBuffer& dataKey);
bool unwrapRecoverySlot(std::string_view vaultId, const KeySlot& slot, const crypto::SecureBuffer& recoveryKey,
                        crypto::SecureBuffer& dataKey);

}  // namespace abri::vault
