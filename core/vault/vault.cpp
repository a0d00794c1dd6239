#include "vault/vault.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <system_error>

#include "audit/audit_log.h"
#include "common/decimal.h"
#include "common/error.h"
#include "journal/hlc.h"
#include "journal/journal.h"
#include "storage/meta.h"
#include "storage/schema.h"
#include "vault/key_slot_file.h"
#include "vault/key_wrap.h"
#include "vault/password_policy.h"
#include "vault/recovery_key.h"

namespace abri::vault {

namespace fs = std::filesystem;

namespace {

// The recovery session's actor id in the audit log: not 32 hex, so it can never be a real user's id.
constexpr std::string_view kRecoveryUserId = "recovery";
constexpr std::uint64_t kAuditSubkeyId = 1;
constexpr std::string_view kAuditSubkeyContext = "abriaudt";
// HLCs of the last journal entries are also consulted when restoring the clock: hlc_last may lag behind them
// after a crash (it is persisted on lock), and a clock that goes backwards would reorder this device's edits.
constexpr int kClockTailEntries = 1000;
constexpr std::size_t kMaxOfficeBytes = 32;

constexpr const char* kSelectUser = "SELECT id, username, display_name, role, active, created_ms FROM users ";

using storage::readMeta;
using storage::writeMeta;

std::string requireMeta(storage::Database& db, std::string_view key) {
    auto value = readMeta(db, key);
    if (!value) throw Error(ErrorCode::VaultCorrupted, db.path().string(), "vault metadata missing");
    return *value;
}

std::int64_t parseCount(const std::string& text, const fs::path& path) {
    const auto value = parseNonNegativeDecimal(text);
    if (!value) throw Error(ErrorCode::VaultCorrupted, path.string(), "bad number in metadata");
    return *value;
}

User readUser(const storage::Statement& stmt) {
    User user;
    user.id = stmt.text(0);
    user.username = stmt.text(1);
    user.displayName = stmt.text(2);
    user.role = roleFromCode(stmt.text(3)).value_or(Role::Caseworker);  // CHECK constraint keeps it valid
    user.active = stmt.int64(4) != 0;
    user.createdMs = stmt.int64(5);
    return user;
}

void checkOffice(std::string_view office) {
    if (office.empty() || office.size() > kMaxOfficeBytes) {
        throw Error(ErrorCode::InvalidValue, "vault.office", "1 to 32 characters");
    }
    for (char c : office) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_';
        if (!ok) throw Error(ErrorCode::InvalidValue, "vault.office", "letters, digits, '-' and '_' only");
    }
}

void requireVaultFile(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error(ErrorCode::VaultNotFound, path.string());
}

std::string utcDate(std::int64_t ms) {
    using namespace std::chrono;
    const auto day = floor<days>(sys_time<milliseconds>(milliseconds(ms)));
    const year_month_day ymd(day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

// A wrong password is remembered in the sidecar (the database is closed). Best effort: on a read-only or full
// disk the attempt is lost, but the caller still gets WrongPassword.
void recordFailedUnlock(const fs::path& slotPath, std::string_view username, std::string_view method,
                        std::int64_t atMs) noexcept {
    try {
        auto file = readKeySlotFile(slotPath);
        file.recordFailedUnlock(username, method, atMs);
        writeKeySlotFile(slotPath, file);
    } catch (...) {
    }
}

void removeVaultFiles(const fs::path& path) noexcept {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        fs::path p = path;
        p += suffix;
        fs::remove(p, ec);
    }
}

}  // namespace

WallClock systemClock() {
    return [] {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    };
}

fs::path keySlotPath(const fs::path& vaultPath) {
    fs::path p = vaultPath;
    p += ".keys";
    return p;
}

// ---- Impl ----

struct Vault::Impl {
    fs::path path;
    fs::path slotPath;
    WallClock wallClock;
    // Declaration order matters: the journal and the audit log hold references to db (and the clock), so they
    // are declared after it and destroyed before it.
    crypto::SecureBuffer dataKey;
    storage::Database db;
    std::unique_ptr<journal::HybridLogicalClock> hlc;
    std::unique_ptr<journal::Journal> journal;
    std::unique_ptr<audit::AuditLog> audit;
    std::string vaultId;
    std::string deviceId;
    std::string office;
    User user;
    bool recovery = false;
    bool locked = true;
    journal::Hlc persistedHlc = 0;

    void ensureUnlocked() const {
        if (locked) throw Error(ErrorCode::VaultLocked);
    }

    void attachServices(journal::Hlc lastHlc) {
        hlc = std::make_unique<journal::HybridLogicalClock>(wallClock, lastHlc);
        journal = std::make_unique<journal::Journal>(db, deviceId, *hlc);
        audit = std::make_unique<audit::AuditLog>(db, crypto::deriveSubkey(dataKey, kAuditSubkeyId,
                                                                            kAuditSubkeyContext));
        persistedHlc = lastHlc;
    }

    void persistClock() {
        if (!hlc || hlc->last() == persistedHlc) return;
        writeMeta(db, "hlc_last", std::to_string(hlc->last()));
        persistedHlc = hlc->last();
    }

    void closeAll() noexcept {
        audit.reset();
        journal.reset();
        hlc.reset();
        db.close();
        dataKey.clear();
        locked = true;
    }

    std::optional<User> findUser(std::string_view username) {
        auto stmt = db.prepare(std::string(kSelectUser) + "WHERE username = ?");
        stmt.bind(1, username);
        if (!stmt.step()) return std::nullopt;
        return readUser(stmt);
    }

    std::optional<User> findUserById(std::string_view id) {
        auto stmt = db.prepare(std::string(kSelectUser) + "WHERE id = ?");
        stmt.bind(1, id);
        if (!stmt.step()) return std::nullopt;
        return readUser(stmt);
    }

    // The key-slot file and the database must change together. The new sidecar is written (atomically) inside the
    // open transaction, then the transaction commits. A failed sidecar write rolls the transaction back; a failed
    // commit puts the previous sidecar back. A crash between the two leaves at worst a slot without its audit
    // entry / users row (an orphan slot for a user that does not exist cannot open anything: unlock needs the row).
    void commitWithSlots(storage::Transaction& tx, const KeySlotFile& before, const KeySlotFile& after) {
        writeKeySlotFile(slotPath, after);
        try {
            tx.commit();
        } catch (...) {
            try {
                writeKeySlotFile(slotPath, before);
            } catch (...) {
            }
            throw;
        }
    }

    // Moves failed unlock attempts recorded in the sidecar into the audit log (inside the caller's transaction).
    // meta.failed_unlocks_imported_seq makes this idempotent if the sidecar cannot be cleared afterwards.
    bool importFailedUnlocks(const KeySlotFile& file) {
        const auto importedText = readMeta(db, "failed_unlocks_imported_seq");
        const std::int64_t imported = importedText ? parseCount(*importedText, path) : 0;
        std::int64_t highest = imported;
        for (const auto& record : file.failedUnlocks) {
            if (record.seq <= imported) continue;
            std::string target;
            if (!record.username.empty()) {
                if (auto u = findUser(record.username)) target = u->id;
            }
            audit->append(record.atMs, "", audit::Action::UnlockFailed, target, "", record.method);
            highest = std::max(highest, record.seq);
        }
        if (highest == imported) return false;
        if (file.droppedFailures > 0) {
            audit->append(wallClock(), "", audit::Action::UnlockFailed, "", "",
                          "not_recorded:" + std::to_string(file.droppedFailures));
        }
        writeMeta(db, "failed_unlocks_imported_seq", std::to_string(highest));
        return true;
    }
};

namespace {

// Opens the database with an unwrapped data key and starts a session. userId: the user whose slot opened,
// or nullopt for a recovery session. Nothing is written before the schema check has passed.
std::unique_ptr<Vault::Impl> openSession(const fs::path& path, crypto::SecureBuffer dataKey, const KeySlotFile& file,
                                         const std::optional<std::string>& userId, std::string_view username,
                                         const WallClock& wallClock) {
    auto impl = std::make_unique<Vault::Impl>();
    impl->path = path;
    impl->slotPath = keySlotPath(path);
    impl->wallClock = wallClock;
    impl->dataKey = std::move(dataKey);
    try {
        impl->db = storage::Database::openEncrypted(path, impl->dataKey, storage::Database::Mode::OpenExisting);
        storage::migrate(impl->db);  // refuses a newer schema before anything is written

        impl->vaultId = requireMeta(impl->db, "vault_id");
        if (impl->vaultId != file.vaultId) {
            throw Error(ErrorCode::KeySlotFileCorrupted, impl->slotPath.string(), "belongs to another vault");
        }
        impl->deviceId = requireMeta(impl->db, "device_id");
        impl->office = requireMeta(impl->db, "office");
        const auto storedHlc = static_cast<journal::Hlc>(parseCount(requireMeta(impl->db, "hlc_last"), path));
        journal::Hlc lastHlc = storedHlc;
        // Remote ops count with their effective (hub-clamped) HLC, never their raw one: a peer's clock that ran
        // ahead must not drag this device's clock along after a restart (sync/PROTOCOL.md §5.1).
        const auto tail = impl->db.queryInt64(
            "SELECT max(CASE WHEN origin = 'local' THEN hlc ELSE coalesce(eff_hlc, hlc) END) FROM "
            "(SELECT hlc, eff_hlc, origin FROM journal ORDER BY seq DESC LIMIT " +
            std::to_string(kClockTailEntries) + ")");
        if (tail && *tail > 0) lastHlc = std::max(lastHlc, static_cast<journal::Hlc>(*tail));

        if (userId) {
            auto user = impl->findUserById(*userId);
            if (!user) throw Error(ErrorCode::UnknownUser);
            if (!user->active) throw Error(ErrorCode::UserDisabled, std::string(username));
            impl->user = std::move(*user);
            impl->recovery = false;
        } else {
            impl->user = User{std::string(kRecoveryUserId), std::string(kRecoveryUserId), "", Role::Administrator,
                              true, 0};
            impl->recovery = true;
        }

        impl->attachServices(lastHlc);
        impl->persistedHlc = storedHlc;  // so a clock restored from the journal is written back below
        bool imported = false;
        {
            storage::Transaction tx(impl->db);
            imported = impl->importFailedUnlocks(file);
            impl->audit->append(impl->wallClock(), impl->user.id,
                                impl->recovery ? audit::Action::RecoveryUnlock : audit::Action::Unlock);
            impl->persistClock();
            tx.commit();
        }
        impl->locked = false;

        if (imported || !file.failedUnlocks.empty()) {
            // Now in the audit log: clear them from the sidecar (re-read: it may have changed meanwhile).
            try {
                auto fresh = readKeySlotFile(impl->slotPath);
                fresh.failedUnlocks.clear();
                fresh.droppedFailures = 0;
                writeKeySlotFile(impl->slotPath, fresh);
            } catch (const Error&) {
                // Harmless: already-imported records are skipped next time (failed_unlocks_imported_seq).
            }
        }
    } catch (...) {
        impl->closeAll();
        throw;
    }
    return impl;
}

}  // namespace

// ---- creation and unlocking ----

Vault::Vault(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Vault::~Vault() { lock(); }

std::unique_ptr<Vault> Vault::create(const CreateOptions& options, crypto::SecureBuffer& recoveryKey) {
    const fs::path slotPath = keySlotPath(options.path);
    std::error_code ec;
    if (fs::exists(options.path, ec) || fs::is_symlink(options.path, ec)) {
        throw Error(ErrorCode::VaultAlreadyExists, options.path.string());
    }
    if (fs::exists(slotPath, ec) || fs::is_symlink(slotPath, ec)) {
        throw Error(ErrorCode::VaultAlreadyExists, slotPath.string());
    }
    checkOffice(options.office);
    checkUsername(options.adminUsername);
    checkDisplayName(options.adminDisplayName);
    checkPasswordPolicy(options.adminPassword);

    auto impl = std::make_unique<Impl>();
    impl->path = options.path;
    impl->slotPath = slotPath;
    impl->wallClock = options.clock ? options.clock : systemClock();
    impl->dataKey = crypto::randomKey();
    impl->vaultId = crypto::randomId();
    impl->deviceId = crypto::randomId();
    impl->office = options.office;

    // Crash safety: the sidecar is written last. Until its rename, a crash leaves only a database file whose key
    // existed nowhere but in this process's locked memory: unusable, harmless (it is encrypted), and reported as
    // KeySlotFileMissing by unlock and VaultAlreadyExists by create until someone deletes it. On an error (not a
    // crash) we delete it ourselves.
    bool databaseCreated = false;
    try {
        impl->db = storage::Database::openEncrypted(options.path, impl->dataKey, storage::Database::Mode::CreateNew);
        databaseCreated = true;
        storage::migrate(impl->db);
        impl->attachServices(0);

        const std::int64_t now = impl->wallClock();
        User admin{crypto::randomId(), options.adminUsername, options.adminDisplayName, Role::Administrator, true,
                   now};
        auto recoveryRaw = generateRecoveryKey();
        KeySlotFile file;
        file.vaultId = impl->vaultId;
        file.putSlot(wrapForUser(impl->vaultId, admin.id, admin.username, options.adminPassword, options.kdf,
                                 impl->dataKey));
        file.putSlot(wrapForRecovery(impl->vaultId, recoveryRaw, impl->dataKey));

        {
            storage::Transaction tx(impl->db);
            writeMeta(impl->db, "vault_id", impl->vaultId);
            writeMeta(impl->db, "device_id", impl->deviceId);
            writeMeta(impl->db, "office", impl->office);
            writeMeta(impl->db, "created_ms", std::to_string(now));
            writeMeta(impl->db, "hlc_last", "0");
            writeMeta(impl->db, "failed_unlocks_imported_seq", "0");
            impl->db.prepare("INSERT INTO users (id, username, display_name, role, active, created_ms) "
                             "VALUES (?, ?, ?, ?, 1, ?)")
                .bind(1, admin.id)
                .bind(2, admin.username)
                .bind(3, admin.displayName)
                .bind(4, roleCode(admin.role))
                .bind(5, now)
                .run();
            impl->audit->append(now, admin.id, audit::Action::UserAdded, admin.id, "", "vault_created");
            impl->audit->append(now, admin.id, audit::Action::Unlock);
            tx.commit();
        }
        writeKeySlotFile(slotPath, file);  // last: from here on the vault exists
        impl->user = std::move(admin);
        impl->recovery = false;
        impl->locked = false;
        recoveryKey = formatRecoveryKey(recoveryRaw);
    } catch (...) {
        impl->closeAll();
        if (databaseCreated) removeVaultFiles(options.path);
        throw;
    }
    return std::unique_ptr<Vault>(new Vault(std::move(impl)));
}

std::unique_ptr<Vault> Vault::unlock(const fs::path& path, std::string_view username, std::string_view password,
                                     const UnlockOptions& options) {
    requireVaultFile(path);
    const fs::path slotPath = keySlotPath(path);
    const KeySlotFile file = readKeySlotFile(slotPath);
    const WallClock wallClock = options.clock ? options.clock : systemClock();

    const KeySlot* slot = file.findUserByName(username);
    if (slot == nullptr) {
        if (file.isDisabled(username)) throw Error(ErrorCode::UserDisabled, std::string(username));
        // No subject: what was typed may not be a user name at all (a password typed in the wrong field).
        throw Error(ErrorCode::UnknownUser);
    }
    crypto::SecureBuffer dataKey;
    if (!unwrapUserSlot(file.vaultId, *slot, password, dataKey)) {
        recordFailedUnlock(slotPath, username, "password", wallClock());
        throw Error(ErrorCode::WrongPassword, std::string(username));
    }
    auto impl = openSession(path, std::move(dataKey), file, slot->userId, username, wallClock);
    return std::unique_ptr<Vault>(new Vault(std::move(impl)));
}

std::unique_ptr<Vault> Vault::unlockWithRecoveryKey(const fs::path& path, std::string_view recoveryKey,
                                                    const UnlockOptions& options) {
    requireVaultFile(path);
    const fs::path slotPath = keySlotPath(path);
    const KeySlotFile file = readKeySlotFile(slotPath);
    const WallClock wallClock = options.clock ? options.clock : systemClock();

    crypto::SecureBuffer raw;
    if (!parseRecoveryKey(recoveryKey, raw)) throw Error(ErrorCode::InvalidRecoveryKey, "", "mistyped");
    const KeySlot* slot = file.recoverySlot();
    if (slot == nullptr) throw Error(ErrorCode::InvalidRecoveryKey, "", "no recovery slot");
    crypto::SecureBuffer dataKey;
    if (!unwrapRecoverySlot(file.vaultId, *slot, raw, dataKey)) {
        recordFailedUnlock(slotPath, "", "recovery_key", wallClock());
        throw Error(ErrorCode::InvalidRecoveryKey, "", "does not open this vault");
    }
    raw.clear();
    auto impl = openSession(path, std::move(dataKey), file, std::nullopt, "", wallClock);
    return std::unique_ptr<Vault>(new Vault(std::move(impl)));
}

std::vector<std::string> Vault::usernames(const fs::path& path) {
    requireVaultFile(path);
    const auto file = readKeySlotFile(keySlotPath(path));
    std::vector<std::string> names;
    for (const auto& slot : file.slots) {
        if (slot.kind == SlotKind::User) names.push_back(slot.username);
    }
    std::sort(names.begin(), names.end());
    return names;
}

// ---- session ----

void Vault::lock() noexcept {
    if (!impl_ || impl_->locked) return;
    Impl& d = *impl_;
    try {
        // Skipped inside a caller's open transaction: closing the connection rolls that back anyway.
        if (d.db.isOpen() && !d.db.inTransaction()) {
            storage::Transaction tx(d.db);
            d.persistClock();
            d.audit->append(d.wallClock(), d.user.id, audit::Action::Lock);
            tx.commit();
        }
    } catch (...) {
        // Locking must always happen: a lost Lock entry is better than a key left in memory.
    }
    d.closeAll();
}

bool Vault::isLocked() const noexcept { return !impl_ || impl_->locked; }

const fs::path& Vault::path() const noexcept { return impl_->path; }

const User& Vault::currentUser() const {
    impl_->ensureUnlocked();
    return impl_->user;
}

bool Vault::isRecoverySession() const noexcept { return impl_->recovery; }

bool Vault::can(Permission permission) const {
    impl_->ensureUnlocked();
    // The recovery key proves possession of a printed sheet, not who holds it: it may only fix accounts.
    if (impl_->recovery) return permission == Permission::ManageUsers;
    return roleAllows(impl_->user.role, permission);
}

void Vault::require(Permission permission) const {
    if (!can(permission)) throw Error(ErrorCode::PermissionDenied, std::string(permissionCode(permission)));
}

std::string Vault::deviceId() const {
    impl_->ensureUnlocked();
    return impl_->deviceId;
}

std::string Vault::vaultId() const {
    impl_->ensureUnlocked();
    return impl_->vaultId;
}

std::string Vault::office() const {
    impl_->ensureUnlocked();
    return impl_->office;
}

std::int64_t Vault::nowMs() const {
    impl_->ensureUnlocked();
    return impl_->wallClock();
}

std::string Vault::today() const { return utcDate(nowMs()); }

storage::Database& Vault::db() {
    impl_->ensureUnlocked();
    return impl_->db;
}

journal::HybridLogicalClock& Vault::clock() {
    impl_->ensureUnlocked();
    return *impl_->hlc;
}

journal::Journal& Vault::journal() {
    impl_->ensureUnlocked();
    return *impl_->journal;
}

audit::AuditLog& Vault::audit() {
    impl_->ensureUnlocked();
    return *impl_->audit;
}

void Vault::persistClock() {
    impl_->ensureUnlocked();
    impl_->persistClock();
}

void Vault::copyDatabaseTo(const fs::path& target) {
    impl_->ensureUnlocked();
    auto copy = storage::Database::openEncrypted(target, impl_->dataKey, storage::Database::Mode::CreateNew);
    impl_->db.copyInto(copy);
    copy.close();  // the last connection: its WAL is checkpointed into the file and removed
}

// ---- users ----

std::vector<User> Vault::users() {
    impl_->ensureUnlocked();
    auto stmt = impl_->db.prepare(std::string(kSelectUser) + "ORDER BY username");
    std::vector<User> out;
    while (stmt.step()) out.push_back(readUser(stmt));
    return out;
}

std::optional<User> Vault::findUser(std::string_view username) {
    impl_->ensureUnlocked();
    return impl_->findUser(username);
}

User Vault::addUser(std::string_view username, std::string_view displayName, Role role, std::string_view password,
                    const crypto::KdfParams& kdf) {
    require(Permission::ManageUsers);
    checkUsername(username);
    checkDisplayName(displayName);
    checkPasswordPolicy(password);
    Impl& d = *impl_;
    if (d.findUser(username)) throw Error(ErrorCode::UserAlreadyExists, std::string(username));

    User user{crypto::randomId(), std::string(username), std::string(displayName), role, true, d.wallClock()};
    const KeySlotFile before = readKeySlotFile(d.slotPath);
    KeySlotFile after = before;
    after.putSlot(wrapForUser(d.vaultId, user.id, user.username, password, kdf, d.dataKey));

    storage::Transaction tx(d.db);
    d.db.prepare("INSERT INTO users (id, username, display_name, role, active, created_ms) VALUES (?, ?, ?, ?, 1, ?)")
        .bind(1, user.id)
        .bind(2, user.username)
        .bind(3, user.displayName)
        .bind(4, roleCode(role))
        .bind(5, user.createdMs)
        .run();
    d.audit->append(user.createdMs, d.user.id, audit::Action::UserAdded, user.id, "", roleCode(role));
    d.commitWithSlots(tx, before, after);
    return user;
}

void Vault::changeOwnPassword(std::string_view oldPassword, std::string_view newPassword,
                              const crypto::KdfParams& kdf) {
    impl_->ensureUnlocked();
    Impl& d = *impl_;
    if (d.recovery) throw Error(ErrorCode::PermissionDenied, "change_own_password");
    checkPasswordPolicy(newPassword);

    const KeySlotFile before = readKeySlotFile(d.slotPath);
    const KeySlot* slot = before.findUserById(d.user.id);
    if (slot == nullptr) throw Error(ErrorCode::KeySlotFileCorrupted, d.slotPath.string(), "no slot for this user");
    crypto::SecureBuffer unwrapped;
    if (!unwrapUserSlot(before.vaultId, *slot, oldPassword, unwrapped)) {
        throw Error(ErrorCode::WrongPassword, d.user.username);
    }
    if (!unwrapped.equals(d.dataKey)) {
        throw Error(ErrorCode::KeySlotFileCorrupted, d.slotPath.string(), "slot holds another key");
    }
    unwrapped.clear();

    KeySlotFile after = before;
    after.putSlot(wrapForUser(d.vaultId, d.user.id, d.user.username, newPassword, kdf, d.dataKey));
    storage::Transaction tx(d.db);
    d.audit->append(d.wallClock(), d.user.id, audit::Action::PasswordChanged, d.user.id);
    d.commitWithSlots(tx, before, after);
}

void Vault::resetPassword(std::string_view username, std::string_view newPassword, const crypto::KdfParams& kdf) {
    require(Permission::ManageUsers);
    checkPasswordPolicy(newPassword);
    Impl& d = *impl_;
    const auto target = d.findUser(username);
    if (!target) throw Error(ErrorCode::UnknownUser, std::string(username));
    // Invariant: a disabled user has no key slot. Enable first, then reset.
    if (!target->active) throw Error(ErrorCode::UserDisabled, std::string(username));

    const KeySlotFile before = readKeySlotFile(d.slotPath);
    KeySlotFile after = before;
    after.putSlot(wrapForUser(d.vaultId, target->id, target->username, newPassword, kdf, d.dataKey));
    storage::Transaction tx(d.db);
    d.audit->append(d.wallClock(), d.user.id, audit::Action::PasswordReset, target->id);
    d.commitWithSlots(tx, before, after);
}

void Vault::setUserActive(std::string_view username, bool active) {
    require(Permission::ManageUsers);
    Impl& d = *impl_;
    const KeySlotFile before = readKeySlotFile(d.slotPath);

    storage::Transaction tx(d.db);  // BEGIN IMMEDIATE: the checks below see the state we will change
    const auto target = d.findUser(username);
    if (!target) throw Error(ErrorCode::UnknownUser, std::string(username));
    if (target->active == active) return;
    if (!active) {
        if (!d.recovery && target->id == d.user.id) {
            throw Error(ErrorCode::InvalidValue, "user.active", "cannot disable yourself");
        }
        if (target->role == Role::Administrator) {
            const auto admins =
                d.db.queryInt64("SELECT count(*) FROM users WHERE role = 'administrator' AND active = 1");
            if (admins.value_or(0) <= 1) {
                throw Error(ErrorCode::InvalidValue, "user.active", "last active administrator");
            }
        }
    }

    KeySlotFile after = before;
    std::erase_if(after.disabledUsers, [&](const DisabledUser& u) { return u.userId == target->id; });
    if (!active) {
        after.removeUserSlot(target->id);  // their password no longer opens the vault
        after.disabledUsers.push_back(DisabledUser{target->id, target->username});
    }
    d.db.prepare("UPDATE users SET active = ? WHERE id = ?").bind(1, active ? 1 : 0).bind(2, target->id).run();
    d.audit->append(d.wallClock(), d.user.id, active ? audit::Action::UserEnabled : audit::Action::UserDisabled,
                    target->id);
    d.commitWithSlots(tx, before, after);
}

void Vault::regenerateRecoveryKey(crypto::SecureBuffer& recoveryKey) {
    require(Permission::ManageUsers);
    Impl& d = *impl_;
    auto raw = generateRecoveryKey();
    const KeySlotFile before = readKeySlotFile(d.slotPath);
    KeySlotFile after = before;
    after.putSlot(wrapForRecovery(d.vaultId, raw, d.dataKey));
    storage::Transaction tx(d.db);
    d.audit->append(d.wallClock(), d.user.id, audit::Action::RecoveryKeyRegenerated);
    d.commitWithSlots(tx, before, after);
    recoveryKey = formatRecoveryKey(raw);
}

}  // namespace abri::vault
