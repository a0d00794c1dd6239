#include "hub_store.h"

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "common/atomic_file.h"
#include "common/error.h"
#include "common/tls_identity.h"
#include "hub_schema.h"

namespace abri::sync::hub {

using namespace abri::wire;  // the sync formats (core/wire) the store keeps

namespace {

constexpr std::string_view kKeysFile = "hub.keys";
constexpr std::string_view kDbFile = "hub.db";
constexpr std::string_view kKeyAssociatedData = "abri-hub-keys-v1";

std::span<const std::uint8_t> span(const auto& a) { return std::span<const std::uint8_t>(a.data(), a.size()); }

template <std::size_t N>
std::array<std::uint8_t, N> fixedFrom(const std::vector<std::uint8_t>& bytes, const char* what) {
    if (bytes.size() != N) throw Error(ErrorCode::VaultCorrupted, what);
    std::array<std::uint8_t, N> out{};
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

CertRole roleFrom(std::int64_t stored, const char* what) {
    const auto role = stored < 0 ? std::nullopt : certRoleFromWire(static_cast<std::uint64_t>(stored));
    if (!role) throw Error(ErrorCode::VaultCorrupted, what);
    return *role;
}

void setMeta(storage::Database& db, std::string_view key, std::span<const std::uint8_t> value) {
    db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)").bind(1, key).bindBlob(2, value).run();
}

std::optional<std::vector<std::uint8_t>> getMeta(storage::Database& db, std::string_view key) {
    auto& st = db.cached("SELECT value FROM meta WHERE key = ?");
    st.bind(1, key);
    std::optional<std::vector<std::uint8_t>> value;
    if (st.step()) value = st.blob(0);
    st.reset();  // a cached statement left open would pin a read snapshot
    return value;
}

std::uint64_t getMetaU64(storage::Database& db, std::string_view key) {
    auto value = getMeta(db, key);
    if (!value || value->size() != 8) return 0;
    std::uint64_t v = 0;
    for (auto b : *value) v = (v << 8) | b;
    return v;
}

void setMetaU64(storage::Database& db, std::string_view key, std::uint64_t v) {
    std::array<std::uint8_t, 8> bytes{};
    for (int i = 7; i >= 0; --i, v >>= 8) bytes[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v & 0xFF);
    setMeta(db, key, bytes);
}

crypto::SecureBuffer unwrapDataKey(const std::filesystem::path& dir, std::string_view passphrase) {
    std::ifstream in(dir / kKeysFile);
    if (!in) throw Error(ErrorCode::VaultNotFound, (dir / kKeysFile).string());
    nlohmann::json keys;
    try {
        keys = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorCode::KeySlotFileCorrupted, (dir / kKeysFile).string());
    }
    crypto::Bytes salt, sealed;
    if (!crypto::fromHex(keys.value("salt", ""), salt) || !crypto::fromHex(keys.value("sealed_key", ""), sealed) ||
        salt.size() != crypto::kSaltBytes) {
        throw Error(ErrorCode::KeySlotFileCorrupted, (dir / kKeysFile).string());
    }
    crypto::KdfParams params{keys.value("ops_limit", std::uint64_t{0}), keys.value("mem_limit", std::uint64_t{0})};
    auto wrapKey = crypto::derivePasswordKey(passphrase, salt, params);
    crypto::SecureBuffer dataKey;
    if (!crypto::open(wrapKey, sealed, crypto::asBytes(kKeyAssociatedData), dataKey)) {
        throw Error(ErrorCode::WrongPassword, "hub");
    }
    return dataKey;
}

}  // namespace

std::uint64_t nowMs() {
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count());
}

std::string_view deviceStatusName(DeviceStatus status) noexcept {
    switch (status) {
    case DeviceStatus::Active: return "active";
    case DeviceStatus::Revoked: return "revoked";
    case DeviceStatus::Forked: return "forked";
    }
    return "unknown";
}

void HubStore::create(const HubInitOptions& options, std::string_view passphrase) {
    const auto dbPath = options.dir / kDbFile;
    const auto keysPath = options.dir / kKeysFile;
    if (std::filesystem::exists(dbPath) || std::filesystem::exists(keysPath)) {
        throw Error(ErrorCode::VaultAlreadyExists, options.dir.string());
    }
    if (!isValidAsciiLabel(options.name, 64)) throw Error(ErrorCode::InvalidValue, "name");
    if (options.address.empty() || options.address.size() > 255) throw Error(ErrorCode::InvalidValue, "address");
    std::filesystem::create_directories(options.dir);
    std::filesystem::permissions(options.dir, std::filesystem::perms::owner_all);

    auto dataKey = crypto::randomKey();
    {
        auto db = storage::Database::openEncrypted(dbPath, dataKey, storage::Database::Mode::CreateNew);
        db.exec("PRAGMA journal_mode=WAL");
        migrateHubSchema(db);
        storage::Transaction txn(db);
        auto hubId = crypto::randomBytes(16);
        auto identity = crypto::SigningKeyPair::generate();
        auto box = crypto::BoxKeyPair::generate();
        setMeta(db, "hub_id", hubId);
        setMeta(db, "identity_secret", identity.secretKey.bytes());
        setMeta(db, "box_secret", box.secretKey.bytes());
        setMeta(db, "name", crypto::asBytes(options.name));
        setMeta(db, "address", crypto::asBytes(options.address));
        setMetaU64(db, "box_key_serial", 1);
        setMetaU64(db, "next_cert_serial", 1);
        setMetaU64(db, "next_hub_seq", 1);
        txn.commit();
    }
    // The key file is written last: a crash before leaves a database nobody can open, and init refuses to reuse it.
    auto salt = crypto::randomBytes(crypto::kSaltBytes);
    auto wrapKey = crypto::derivePasswordKey(passphrase, salt, options.kdf);
    auto sealed = crypto::seal(wrapKey, dataKey.bytes(), crypto::asBytes(kKeyAssociatedData));
    nlohmann::json keys = {{"format", 1},
                           {"kdf", "argon2id13"},
                           {"ops_limit", options.kdf.opsLimit},
                           {"mem_limit", options.kdf.memLimitBytes},
                           {"salt", crypto::toHex(salt)},
                           {"sealed_key", crypto::toHex(sealed)}};
    auto text = keys.dump(2) + "\n";
    abri::writeFileAtomically(keysPath, crypto::asBytes(text));
}

HubStore HubStore::open(const std::filesystem::path& dir, std::string_view passphrase) {
    auto dataKey = unwrapDataKey(dir, passphrase);
    HubStore store;
    store.dir_ = dir;
    store.db_ = storage::Database::openEncrypted(dir / kDbFile, dataKey, storage::Database::Mode::OpenExisting);
    store.db_.exec("PRAGMA journal_mode=WAL");
    store.db_.exec("PRAGMA synchronous=FULL");
    migrateHubSchema(store.db_);  // refuses a store from a newer hub before anything reads it
    store.loadKeys();
    return store;
}

void HubStore::copyDatabase(const std::filesystem::path& dir, std::string_view passphrase,
                            const std::filesystem::path& target) {
    auto dataKey = unwrapDataKey(dir, passphrase);
    auto source = storage::Database::openEncrypted(dir / kDbFile, dataKey, storage::Database::Mode::OpenExisting);
    auto copy = storage::Database::openEncrypted(target, dataKey, storage::Database::Mode::CreateNew);
    source.copyInto(copy);
    copy.close();  // its WAL is merged into the file
}

void HubStore::loadKeys() {
    hubId_ = fixedFrom<16>(getMeta(db_, "hub_id").value_or(std::vector<std::uint8_t>{}), "meta.hub_id");
    auto identitySecret = getMeta(db_, "identity_secret");
    auto boxSecret = getMeta(db_, "box_secret");
    if (!identitySecret || !boxSecret) throw Error(ErrorCode::VaultCorrupted, "meta.keys");
    auto identity = crypto::SigningKeyPair::fromSecretKey(*identitySecret);
    auto box = crypto::BoxKeyPair::fromSecretKey(*boxSecret);
    crypto::randomFill(*identitySecret);  // overwrite the plain copies
    crypto::randomFill(*boxSecret);
    if (!identity || !box) throw Error(ErrorCode::VaultCorrupted, "meta.keys");
    identity_ = std::move(*identity);
    box_ = std::move(*box);
}

crypto::Fingerprint HubStore::identityFingerprint() const {
    return crypto::fingerprint(crypto::KeyType::Ed25519, identity_.publicKey);
}

std::string HubStore::name() const {
    auto v = getMeta(const_cast<storage::Database&>(db_), "name").value_or(std::vector<std::uint8_t>{});
    return std::string(v.begin(), v.end());
}

std::string HubStore::address() const {
    auto v = getMeta(const_cast<storage::Database&>(db_), "address").value_or(std::vector<std::uint8_t>{});
    return std::string(v.begin(), v.end());
}

HubDescriptor HubStore::descriptor() {
    if (auto stored = getMeta(db_, "descriptor")) return decodeHubDescriptor(*stored, "hub descriptor");
    HubDescriptor d;
    d.hubId = hubId_;
    d.identityPk = identity_.publicKey;
    d.boxPk = box_.publicKey;
    d.boxKeySerial = static_cast<std::uint32_t>(getMetaU64(db_, "box_key_serial"));
    d.issuedMs = nowMs();
    d.address = address();
    d.name = name();
    auto signedDescriptor = signHubDescriptor(std::move(d), identity_);
    setMeta(db_, "descriptor", signedDescriptor.bytes);
    return signedDescriptor;
}

void HubStore::addToken(const TokenRecord& token) {
    db_.prepare("INSERT INTO tokens(secret_hash, office, role, expiry_ms, created_ms) VALUES(?, ?, ?, ?, ?)")
        .bindBlob(1, token.secretHash)
        .bind(2, token.office)
        .bind(3, static_cast<int>(token.role))
        .bind(4, static_cast<std::int64_t>(token.expiryMs))
        .bind(5, static_cast<std::int64_t>(nowMs()))
        .run();
}

std::optional<TokenRecord> HubStore::findToken(const Hash32& secretHash) {
    auto st =
        db_.prepare("SELECT office, role, expiry_ms, used_device, request_hash FROM tokens WHERE secret_hash = ?");
    st.bindBlob(1, secretHash);
    if (!st.step()) return std::nullopt;
    TokenRecord t;
    t.secretHash = secretHash;
    t.office = st.text(0);
    t.role = roleFrom(st.int64(1), "tokens.role");
    t.expiryMs = static_cast<std::uint64_t>(st.int64(2));
    if (!st.isNull(3)) t.usedBy = fixedFrom<16>(st.blob(3), "tokens.used_device");
    if (!st.isNull(4)) t.requestHash = fixedFrom<32>(st.blob(4), "tokens.request_hash");
    return t;
}

void HubStore::markTokenUsed(const Hash32& secretHash, const Id16& device, const Hash32& requestHash) {
    db_.prepare("UPDATE tokens SET used_device = ?, request_hash = ? WHERE secret_hash = ?")
        .bindBlob(1, device)
        .bindBlob(2, requestHash)
        .bindBlob(3, secretHash)
        .run();
}

namespace {
DeviceRecord readDevice(storage::Statement& st) {
    DeviceRecord d;
    d.deviceId = fixedFrom<16>(st.blob(0), "devices.device_id");
    d.office = st.text(1);
    d.role = roleFrom(st.int64(2), "devices.role");
    d.status = static_cast<DeviceStatus>(st.int64(3));
    d.statusMs = static_cast<std::uint64_t>(st.int64(4));
    auto cert = st.blob(5);
    d.certificate = decodeCertificate(cert, "devices.certificate");
    d.chainSeq = static_cast<std::uint64_t>(st.int64(6));
    if (!st.isNull(7)) d.chainId = fixedFrom<32>(st.blob(7), "devices.chain_id");
    d.effFloor = static_cast<std::uint64_t>(st.int64(8));
    return d;
}
constexpr std::string_view kDeviceColumns =
    "device_id, office, role, status, status_ms, certificate, chain_seq, chain_id, eff_floor";
}  // namespace

std::optional<DeviceRecord> HubStore::findDevice(const Id16& deviceId) {
    auto& st = db_.cached("SELECT " + std::string(kDeviceColumns) + " FROM devices WHERE device_id = ?");
    st.bindBlob(1, deviceId);
    std::optional<DeviceRecord> device;
    if (st.step()) device = readDevice(st);
    st.reset();
    return device;
}

std::vector<DeviceRecord> HubStore::devices() {
    auto st = db_.prepare("SELECT " + std::string(kDeviceColumns) + " FROM devices ORDER BY office, device_id");
    std::vector<DeviceRecord> out;
    while (st.step()) out.push_back(readDevice(st));
    return out;
}

void HubStore::insertDevice(const DeviceRecord& device) {
    db_.prepare("INSERT OR REPLACE INTO devices(device_id, office, role, status, status_ms, certificate, chain_seq, "
                "chain_id, eff_floor) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindBlob(1, device.deviceId)
        .bind(2, device.office)
        .bind(3, static_cast<int>(device.role))
        .bind(4, static_cast<int>(device.status))
        .bind(5, static_cast<std::int64_t>(device.statusMs))
        .bindBlob(6, device.certificate.bytes)
        .bind(7, static_cast<std::int64_t>(device.chainSeq))
        .bindBlob(8, device.chainId)
        .bind(9, static_cast<std::int64_t>(device.effFloor))
        .run();
}

void HubStore::setDeviceStatus(const Id16& deviceId, DeviceStatus status, std::uint64_t ms) {
    db_.prepare("UPDATE devices SET status = ?, status_ms = ? WHERE device_id = ?")
        .bind(1, static_cast<int>(status))
        .bind(2, static_cast<std::int64_t>(ms))
        .bindBlob(3, deviceId)
        .run();
}

void HubStore::advanceChain(const Id16& deviceId, std::uint64_t seq, const Hash32& id, std::uint64_t effFloor) {
    // OR FAIL: no statement journal, whose every page SQLCipher encrypts (storage/database.h, "OR FAIL").
    db_.cached("UPDATE OR FAIL devices SET chain_seq = ?, chain_id = ?, eff_floor = ? WHERE device_id = ?")
        .bind(1, static_cast<std::int64_t>(seq))
        .bindBlob(2, id)
        .bind(3, static_cast<std::int64_t>(effFloor))
        .bindBlob(4, deviceId)
        .run();
}

std::uint64_t HubStore::nextCertificateSerial() {
    auto serial = getMetaU64(db_, "next_cert_serial");
    setMetaU64(db_, "next_cert_serial", serial + 1);
    return serial;
}

namespace {
StoredChangeSet readChangeSet(storage::Statement& st) {
    StoredChangeSet c;
    c.id = fixedFrom<32>(st.blob(0), "changesets.id");
    c.deviceId = fixedFrom<16>(st.blob(1), "changesets.device_id");
    c.deviceSeq = static_cast<std::uint64_t>(st.int64(2));
    c.admission = st.blob(3);
    c.bytes = st.blob(4);
    return c;
}
}  // namespace

std::optional<StoredChangeSet> HubStore::findChangeSet(const Hash32& id) {
    auto& st = db_.cached("SELECT id, device_id, device_seq, admission, bytes FROM changesets WHERE id = ?");
    st.bindBlob(1, id);
    std::optional<StoredChangeSet> found;
    if (st.step()) found = readChangeSet(st);
    st.reset();
    return found;
}

std::optional<StoredChangeSet> HubStore::findChangeSetBySeq(const Id16& deviceId, std::uint64_t seq) {
    auto& st = db_.cached(
        "SELECT id, device_id, device_seq, admission, bytes FROM changesets WHERE device_id = ? AND device_seq = ?");
    st.bindBlob(1, deviceId).bind(2, static_cast<std::int64_t>(seq));
    std::optional<StoredChangeSet> found;
    if (st.step()) found = readChangeSet(st);
    st.reset();
    return found;
}

void HubStore::insertChangeSet(const StoredChangeSet& c, const Id16& caseId, std::uint64_t hubSeq) {
    db_.cached("INSERT OR FAIL INTO changesets(id, device_id, device_seq, case_id, hub_seq, admission, bytes) "
                "VALUES(?, ?, ?, ?, ?, ?, ?)")
        .bindBlob(1, c.id)
        .bindBlob(2, c.deviceId)
        .bind(3, static_cast<std::int64_t>(c.deviceSeq))
        .bindBlob(4, caseId)
        .bind(5, static_cast<std::int64_t>(hubSeq))
        .bindBlob(6, c.admission)
        .bindBlob(7, c.bytes)
        .run();
}

std::vector<StoredChangeSet> HubStore::changeSetsOfCase(const Id16& caseId) {
    auto& st = db_.cached(
        "SELECT id, device_id, device_seq, admission, bytes FROM changesets WHERE case_id = ? ORDER BY hub_seq");
    st.bindBlob(1, caseId);
    std::vector<StoredChangeSet> out;
    while (st.step()) out.push_back(readChangeSet(st));
    return out;
}

std::vector<Id16> HubStore::caseIds(const std::optional<std::string>& office) {
    // case_state holds one row per case with an admitted change-set (schema 2).
    auto st = office ? db_.prepare("SELECT s.case_id FROM case_state s JOIN case_access a "
                                   "ON a.case_id = s.case_id AND a.office = ? ORDER BY s.case_id")
                     : db_.prepare("SELECT case_id FROM case_state ORDER BY case_id");
    if (office) st.bind(1, *office);
    std::vector<Id16> out;
    while (st.step()) out.push_back(fixedFrom<16>(st.blob(0), "case_state.case_id"));
    return out;
}

std::uint64_t HubStore::nextHubSeq() {
    // Admission order, from 0: read from the table itself (one index lookup) rather than a counter in meta that
    // every admission would rewrite.
    auto& st = db_.cached("SELECT MAX(hub_seq) FROM changesets");
    std::uint64_t next = 0;
    if (st.step() && !st.isNull(0)) next = static_cast<std::uint64_t>(st.int64(0)) + 1;
    st.reset();
    return next;
}

std::uint64_t HubStore::lastAdmissionMs() { return getMetaU64(db_, "last_admission_ms"); }
void HubStore::setLastAdmissionMs(std::uint64_t ms) { setMetaU64(db_, "last_admission_ms", ms); }

std::vector<std::string> HubStore::caseOffices(const Id16& caseId) {
    auto& st = db_.cached("SELECT office FROM case_access WHERE case_id = ? ORDER BY office");
    st.bindBlob(1, caseId);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
}

void HubStore::grantCase(const Id16& caseId, const std::string& office) {
    db_.cached("INSERT OR IGNORE INTO case_access(case_id, office) VALUES(?, ?)")
        .bindBlob(1, caseId)
        .bind(2, office)
        .run();
}

std::uint64_t HubStore::feedHead(const std::string& office) {
    auto& st = db_.cached("SELECT MAX(office_seq) FROM feed WHERE office = ?");
    st.bind(1, office);
    std::uint64_t head = 0;
    if (st.step() && !st.isNull(0)) head = static_cast<std::uint64_t>(st.int64(0));
    st.reset();
    return head;
}

std::uint64_t HubStore::appendFeed(const std::string& office, const FeedEntryRow& e) {
    const auto seq = feedHead(office) + 1;
    std::optional<Id16> signer = e.signer;
    std::optional<std::uint64_t> certSerial;
    if (e.type == PageEntryType::Cert) {
        // Indexed so feedHasCertificate need not decode every certificate of the feed for every admission.
        const auto cert = decodeCertificate(e.certificate, "feed.certificate");
        signer = cert.deviceId;
        certSerial = cert.serial;
    }
    auto& st = db_.cached("INSERT OR FAIL INTO feed(office, office_seq, type, changeset_id, signer, cert_status, status_ms, "
                          "certificate, descriptor, cert_serial) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, office).bind(2, static_cast<std::int64_t>(seq)).bind(3, static_cast<int>(e.type));
    if (e.changeSetId) st.bindBlob(4, *e.changeSetId); else st.bindNull(4);
    if (signer) st.bindBlob(5, *signer); else st.bindNull(5);
    st.bind(6, static_cast<int>(e.certStatus)).bind(7, static_cast<std::int64_t>(e.certStatusMs));
    st.bindBlob(8, e.certificate).bindBlob(9, e.descriptor);
    if (certSerial) st.bind(10, static_cast<std::int64_t>(*certSerial)); else st.bindNull(10);
    st.run();
    return seq;
}

std::vector<FeedEntryRow> HubStore::feedRange(const std::string& office, std::uint64_t afterSeq, std::size_t limit) {
    auto st = db_.prepare("SELECT office_seq, type, changeset_id, signer, cert_status, status_ms, certificate, "
                          "descriptor FROM feed WHERE office = ? AND office_seq > ? ORDER BY office_seq LIMIT ?");
    st.bind(1, office).bind(2, static_cast<std::int64_t>(afterSeq)).bind(3, static_cast<std::int64_t>(limit));
    std::vector<FeedEntryRow> out;
    while (st.step()) {
        FeedEntryRow e;
        e.officeSeq = static_cast<std::uint64_t>(st.int64(0));
        e.type = static_cast<PageEntryType>(st.int64(1));
        if (!st.isNull(2)) e.changeSetId = fixedFrom<32>(st.blob(2), "feed.changeset_id");
        if (!st.isNull(3)) e.signer = fixedFrom<16>(st.blob(3), "feed.signer");
        e.certStatus = static_cast<CertStatus>(st.int64(4));
        e.certStatusMs = static_cast<std::uint64_t>(st.int64(5));
        e.certificate = st.blob(6);
        e.descriptor = st.blob(7);
        out.push_back(std::move(e));
    }
    return out;
}

bool HubStore::feedHasCertificate(const std::string& office, const Id16& deviceId, std::uint64_t serial) {
    auto& st = db_.cached("SELECT 1 FROM feed WHERE office = ? AND type = ? AND signer = ? AND cert_serial = ?");
    st.bind(1, office).bind(2, static_cast<int>(PageEntryType::Cert)).bindBlob(3, deviceId);
    st.bind(4, static_cast<std::int64_t>(serial));
    const bool found = st.step();
    st.reset();
    return found;
}

std::vector<std::string> HubStore::offices() {
    // `*` is the hub's own device (hub_device.h): never an office with a feed.
    auto& st = db_.cached("SELECT DISTINCT office FROM devices WHERE office <> '*' ORDER BY office");
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
}

bool HubStore::quarantine(const Id16& deviceId, std::uint64_t deviceSeq, const Hash32& id, SyncCode reason,
                          std::uint64_t receivedMs, std::span<const std::uint8_t> bytes) {
    // A revoked device retrying the same file must not grow the quarantine.
    auto held = db_.prepare("SELECT 1 FROM quarantine WHERE changeset_id = ? AND device_id = ? AND device_seq = ?");
    held.bindBlob(1, id).bindBlob(2, deviceId).bind(3, static_cast<std::int64_t>(deviceSeq));
    if (held.step()) return false;
    db_.prepare("INSERT INTO quarantine(device_id, device_seq, changeset_id, reason, received_ms, bytes) "
                "VALUES(?, ?, ?, ?, ?, ?)")
        .bindBlob(1, deviceId)
        .bind(2, static_cast<std::int64_t>(deviceSeq))
        .bindBlob(3, id)
        .bind(4, static_cast<int>(wireValue(reason)))
        .bind(5, static_cast<std::int64_t>(receivedMs))
        .bindBlob(6, bytes)
        .run();
    return true;
}

std::size_t HubStore::quarantineCount() {
    return static_cast<std::size_t>(db_.queryInt64("SELECT COUNT(*) FROM quarantine").value_or(0));
}

namespace {
QuarantineRow readQuarantineRow(storage::Statement& st) {
    QuarantineRow row;
    row.id = st.int64(0);
    row.deviceId = fixedFrom<16>(st.blob(1), "quarantine.device_id");
    row.deviceSeq = static_cast<std::uint64_t>(st.int64(2));
    row.changeSetId = fixedFrom<32>(st.blob(3), "quarantine.changeset_id");
    row.reason = static_cast<std::uint16_t>(st.int64(4));
    row.receivedMs = static_cast<std::uint64_t>(st.int64(5));
    row.size = static_cast<std::size_t>(st.int64(6));
    return row;
}
constexpr std::string_view kQuarantineColumns =
    "id, device_id, device_seq, changeset_id, reason, received_ms, length(bytes)";
}  // namespace

std::vector<QuarantineRow> HubStore::quarantined() {
    auto st = db_.prepare("SELECT " + std::string(kQuarantineColumns) +
                          " FROM quarantine ORDER BY device_id, device_seq, id");
    std::vector<QuarantineRow> out;
    while (st.step()) out.push_back(readQuarantineRow(st));
    return out;
}

std::optional<QuarantineRow> HubStore::findQuarantined(std::int64_t id) {
    auto st = db_.prepare("SELECT " + std::string(kQuarantineColumns) + ", bytes FROM quarantine WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    auto row = readQuarantineRow(st);
    row.bytes = st.blob(7);
    return row;
}

void HubStore::removeQuarantined(std::int64_t id) {
    db_.prepare("DELETE FROM quarantine WHERE id = ?").bind(1, id).run();
}

}  // namespace abri::sync::hub
