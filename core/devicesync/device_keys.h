#pragma once
// The device's own signing (Ed25519) and box (X25519) key pairs, and the transport key's seed, kept in the vault's
// sync_keys table (sync/PROTOCOL.md §2.1). They exist only while the vault is unlocked; in memory they live in SecureBuffers.
#include <cstdint>
#include <optional>
#include <span>

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
// The transport key's Ed25519 seed (sync/PROTOCOL.md §2.1). abri-syncd, which never opens the vault, uses a copy in
// <vault>.sync/transport.key; the vault's own lets a vault restored on another computer rebuild that folder
// (sync/client/sync_folder.h). nullopt for a vault enrolled before it was kept here.
std::optional<crypto::SecureBuffer> loadTransportSeed(storage::Database& db);
// Stores (or replaces) it with its public key. The caller holds the transaction, if any.
void storeTransportSeed(storage::Database& db, std::span<const std::uint8_t> publicKey,
                        const crypto::SecureBuffer& seed, std::int64_t nowMs);

// Loads the keys, or generates and stores both pairs in one transaction (the caller must not hold one).
// Idempotent: a second call returns the keys of the first.
DeviceKeys loadOrCreateDeviceKeys(storage::Database& db, std::int64_t nowMs);

}  // namespace abri::devicesync
