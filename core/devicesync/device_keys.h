#pragma once
// The device's own signing (Ed25519) and box (X25519) key pairs, kept in the vault's sync_keys table
// (sync/PROTOCOL.md §2.1). They exist only while the vault is unlocked; in memory they live in SecureBuffers.
#include <cstdint>
#include <optional>

#include "crypto/sealed_box.h"
#include "crypto/signing.h"
#include "storage/database.h"

namespace abri::devicesync {

struct DeviceKeys {
    crypto::SigningKeyPair sign;
    crypto::BoxKeyPair box;
};

// nullopt when the vault has no keys yet. Error(VaultCorrupted, "sync_keys") when a stored key is damaged.
std::optional<DeviceKeys> loadDeviceKeys(storage::Database& db);
// Loads the keys, or generates and stores both pairs in one transaction (the caller must not hold one).
// Idempotent: a second call returns the keys of the first.
DeviceKeys loadOrCreateDeviceKeys(storage::Database& db, std::int64_t nowMs);

}  // namespace abri::devicesync
