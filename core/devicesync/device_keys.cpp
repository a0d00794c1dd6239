#include "devicesync/device_keys.h"

#include "common/error.h"
#include "crypto/primitives.h"

namespace abri::devicesync {

namespace {
// Reads one key row into locked memory; the temporary vector SQLite handed us is wiped.
std::optional<crypto::SecureBuffer> readSecret(storage::Database& db, std::string_view purpose) {
    auto stmt = db.prepare("SELECT secret_key FROM sync_keys WHERE purpose = ?");
    stmt.bind(1, purpose);
    if (!stmt.step()) return std::nullopt;
    std::vector<std::uint8_t> raw = stmt.blob(0);
    crypto::SecureBuffer secret = crypto::SecureBuffer::copyOf(raw);
    crypto::wipe(raw.data(), raw.size());
    return secret;
}

void insertKey(storage::Database& db, std::string_view purpose, std::span<const std::uint8_t> publicKey,
               const crypto::SecureBuffer& secret, std::int64_t nowMs) {
    db.prepare("INSERT INTO sync_keys (purpose, public_key, secret_key, created_ms) VALUES (?, ?, ?, ?)")
        .bind(1, purpose)
        .bindBlob(2, publicKey)
        .bindBlob(3, secret.bytes())
        .bind(4, nowMs)
        .run();
}
}  // namespace

std::optional<DeviceKeys> loadDeviceKeys(storage::Database& db) {
    auto sign = readSecret(db, "sign");
    auto box = readSecret(db, "box");
    if (!sign && !box) return std::nullopt;
    if (!sign || !box) throw Error(ErrorCode::VaultCorrupted, "sync_keys", "one key pair missing");
    auto signPair = crypto::SigningKeyPair::fromSecretKey(sign->bytes());
    auto boxPair = crypto::BoxKeyPair::fromSecretKey(box->bytes());
    if (!signPair || !boxPair) throw Error(ErrorCode::VaultCorrupted, "sync_keys", "damaged key");
    return DeviceKeys{std::move(*signPair), std::move(*boxPair)};
}

std::optional<crypto::SecureBuffer> loadTransportSeed(storage::Database& db) {
    auto seed = readSecret(db, "transport");
    if (seed && seed->size() != 32) throw Error(ErrorCode::VaultCorrupted, "sync_keys", "damaged transport key");
    return seed;
}

void storeTransportSeed(storage::Database& db, std::span<const std::uint8_t> publicKey,
                        const crypto::SecureBuffer& seed, std::int64_t nowMs) {
    if (seed.size() != 32 || publicKey.size() != 32) throw Error(ErrorCode::Internal, "transport key", "length");
    db.prepare("DELETE FROM sync_keys WHERE purpose = 'transport'").run();
    insertKey(db, "transport", publicKey, seed, nowMs);
}

DeviceKeys loadOrCreateDeviceKeys(storage::Database& db, std::int64_t nowMs) {
    storage::Transaction tx(db);
    if (auto existing = loadDeviceKeys(db)) return std::move(*existing);  // tx rolls back: nothing written
    DeviceKeys keys{crypto::SigningKeyPair::generate(), crypto::BoxKeyPair::generate()};
    insertKey(db, "sign", keys.sign.publicKey, keys.sign.secretKey, nowMs);
    insertKey(db, "box", keys.box.publicKey, keys.box.secretKey, nowMs);
    tx.commit();
    return keys;
}

}  // namespace abri::devicesync
