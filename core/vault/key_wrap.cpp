#include "vault/key_wrap.h"

#include <cstdint>
#include <vector>

#include "common/error.h"
#include "crypto/primitives.h"

namespace abri::vault {

namespace {

void putU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void putU64(std::vector<std::uint8_t>& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void putString(std::vector<std::uint8_t>& out, std::string_view s) {
    putU32(out, static_cast<std::uint32_t>(s.size()));
    out.insert(out.end(), s.begin(), s.end());
}

std::vector<std::uint8_t> associatedData(std::string_view vaultId, const KeySlot& slot) {
    constexpr std::string_view domain = "abri-keyslot-v1";
    std::vector<std::uint8_t> ad(domain.begin(), domain.end());
    ad.reserve(256);
    ad.push_back(slot.kind == SlotKind::User ? 1 : 2);
    putString(ad, vaultId);
    putString(ad, slot.userId);
    putString(ad, slot.username);
    ad.insert(ad.end(), slot.salt.begin(), slot.salt.end());
    putU64(ad, slot.kdf.opsLimit);
    putU64(ad, slot.kdf.memLimitBytes);
    return ad;
}

crypto::SecureBuffer recoveryWrapKey(const crypto::SecureBuffer& recoveryKey, std::span<const std::uint8_t> salt) {
    if (recoveryKey.size() != crypto::kKeyBytes) throw Error(ErrorCode::Internal, "recovery_key", "bad key length");
    auto hash = crypto::blake2b({crypto::asBytes("abri-recovery-slot-v1"), salt}, recoveryKey.bytes());
    auto key = crypto::SecureBuffer::copyOf(hash);
    crypto::wipe(hash.data(), hash.size());  // the wrap key must not linger on the stack
    return key;
}

KeySlot sealSlot(std::string_view vaultId, KeySlot slot, const crypto::SecureBuffer& wrapKey,
                 const crypto::SecureBuffer& dataKey) {
    if (dataKey.size() != crypto::kKeyBytes) throw Error(ErrorCode::Internal, "key_slot", "bad data key length");
    slot.sealedKey = crypto::seal(wrapKey, dataKey.bytes(), associatedData(vaultId, slot));
    return slot;
}

bool openSlot(std::string_view vaultId, const KeySlot& slot, const crypto::SecureBuffer& wrapKey,
              crypto::SecureBuffer& dataKey) {
    crypto::SecureBuffer out;
    if (!crypto::open(wrapKey, slot.sealedKey, associatedData(vaultId, slot), out) || out.size() != crypto::kKeyBytes) {
        dataKey.clear();
        return false;
    }
    dataKey = std::move(out);
    return true;
}

}  // namespace

KeySlot wrapForUser(std::string_view vaultId, std::string_view userId, std::string_view username,
                    std::string_view password, const crypto::KdfParams& kdf, const crypto::SecureBuffer& dataKey) {
    KeySlot slot;
    slot.kind = SlotKind::User;
    slot.userId = std::string(userId);
    slot.username = std::string(username);
    slot.kdf = kdf;
    slot.salt = crypto::randomBytes(crypto::kSaltBytes);
    const auto wrapKey = crypto::derivePasswordKey(password, slot.salt, kdf);
    return sealSlot(vaultId, std::move(slot), wrapKey, dataKey);
}

bool unwrapUserSlot(std::string_view vaultId, const KeySlot& slot, std::string_view password,
                    crypto::SecureBuffer& dataKey) {
    if (slot.kind != SlotKind::User) return false;
    const auto wrapKey = crypto::derivePasswordKey(password, slot.salt, slot.kdf);
    return openSlot(vaultId, slot, wrapKey, dataKey);
}

KeySlot wrapForRecovery(std::string_view vaultId, const crypto::SecureBuffer& recoveryKey,
                        const crypto::SecureBuffer& dataKey) {
    KeySlot slot;
    slot.kind = SlotKind::Recovery;
    slot.kdf = {0, 0};
    slot.salt = crypto::randomBytes(crypto::kSaltBytes);
    const auto wrapKey = recoveryWrapKey(recoveryKey, slot.salt);
    return sealSlot(vaultId, std::move(slot), wrapKey, dataKey);
}

bool unwrapRecoverySlot(std::string_view vaultId, const KeySlot& slot, const crypto::SecureBuffer& recoveryKey,
                        crypto::SecureBuffer& dataKey) {
    if (slot.kind != SlotKind::Recovery) return false;
    const auto wrapKey = recoveryWrapKey(recoveryKey, slot.salt);
    return openSlot(vaultId, slot, wrapKey, dataKey);
}

}  // namespace abri::vault
