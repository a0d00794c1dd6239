#include "audit/audit_log.h"

#include <array>
#include <cstdint>
#include <utility>

#include "common/decimal.h"
#include "common/error.h"
#include "crypto/primitives.h"

namespace abri::audit {

namespace {

struct ActionName {
    Action action;
    std::string_view code;
};
constexpr std::array kActionNames = {
    ActionName{Action::Unlock, "unlock"},
    ActionName{Action::UnlockFailed, "unlock_failed"},
    ActionName{Action::RecoveryUnlock, "recovery_unlock"},
    ActionName{Action::Lock, "lock"},
    ActionName{Action::CaseCreated, "case_created"},
    ActionName{Action::CaseEdited, "case_edited"},
    ActionName{Action::CaseDeleted, "case_deleted"},
    ActionName{Action::ItemAdded, "item_added"},
    ActionName{Action::ItemEdited, "item_edited"},
    ActionName{Action::ItemDeleted, "item_deleted"},
    ActionName{Action::SensitiveRevealed, "sensitive_revealed"},
    ActionName{Action::CaseViewed, "case_viewed"},
    ActionName{Action::Exported, "exported"},
    ActionName{Action::Imported, "imported"},
    ActionName{Action::UserAdded, "user_added"},
    ActionName{Action::UserDisabled, "user_disabled"},
    ActionName{Action::UserEnabled, "user_enabled"},
    ActionName{Action::PasswordChanged, "password_changed"},
    ActionName{Action::PasswordReset, "password_reset"},
    ActionName{Action::RecoveryKeyRegenerated, "recovery_key_regenerated"},
    ActionName{Action::ConflictResolved, "conflict_resolved"},
    ActionName{Action::StatisticsSettingsChanged, "statistics_settings_changed"},
    ActionName{Action::VaultBackedUp, "vault_backed_up"},
    ActionName{Action::VaultRestored, "vault_restored"},
    ActionName{Action::AttachmentAdded, "attachment_added"},
    ActionName{Action::AttachmentRemoved, "attachment_removed"},
    ActionName{Action::AttachmentViewed, "attachment_viewed"},
    ActionName{Action::AttachmentExported, "attachment_exported"},
    ActionName{Action::CaseErased, "case_erased"},
    ActionName{Action::CasePurgedByRetention, "case_purged_by_retention"},
    ActionName{Action::RetentionPolicyChanged, "retention_policy_changed"},
};

constexpr std::size_t kHashSize = crypto::kHashBytes;
const std::array<std::uint8_t, kHashSize> kGenesis{};  // the chain starts from 32 zero bytes

// Meta values are written by us, but a damaged or edited vault must yield a typed error, not a crash.
std::int64_t parseSeq(const std::string& text) {
    const auto value = parseNonNegativeDecimal(text);
    if (!value) throw Error(ErrorCode::AuditChainBroken, "audit", "head sequence unreadable");
    return *value;
}

void appendU64(std::vector<std::uint8_t>& out, std::uint64_t v) {
    for (int i = 7; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void appendString(std::vector<std::uint8_t>& out, std::string_view s) {
    appendU64(out, s.size());  // length prefix: no two different entries encode to the same bytes
    out.insert(out.end(), s.begin(), s.end());
}

std::array<std::uint8_t, kHashSize> entryHash(const crypto::SecureBuffer& key, std::span<const std::uint8_t> prev,
                                              std::int64_t seq, std::int64_t atMs, std::string_view userId,
                                              std::string_view action, std::string_view entityId,
                                              std::string_view field, std::string_view detail) {
    std::vector<std::uint8_t> body;
    body.reserve(128);
    appendU64(body, static_cast<std::uint64_t>(seq));
    appendU64(body, static_cast<std::uint64_t>(atMs));
    appendString(body, userId);
    appendString(body, action);
    appendString(body, entityId);
    appendString(body, field);
    appendString(body, detail);
    return crypto::blake2b({prev, body}, key.bytes());
}

}  // namespace

std::string_view actionCode(Action action) {
    for (const auto& n : kActionNames)
        if (n.action == action) return n.code;
    return "unknown";
}

std::optional<Action> actionFromCode(std::string_view code) {
    for (const auto& n : kActionNames)
        if (n.code == code) return n.action;
    return std::nullopt;
}

AuditLog::AuditLog(storage::Database& db, crypto::SecureBuffer chainKey) : db_(db), key_(std::move(chainKey)) {
    if (key_.size() != crypto::kKeyBytes) throw Error(ErrorCode::Internal, "audit", "chain key must be 32 bytes");
}

std::int64_t AuditLog::append(std::int64_t atMs, std::string_view userId, Action action, std::string_view entityId,
                              std::string_view field, std::string_view detail) {
    std::optional<storage::Transaction> ownTx;
    if (!db_.inTransaction()) ownTx.emplace(db_);

    // The head lives in meta and is updated in the same transaction as the entry it points at.
    std::int64_t headSeq = 0;
    std::vector<std::uint8_t> prev(kGenesis.begin(), kGenesis.end());
    {
        auto& stmt = db_.cached("SELECT key, value FROM meta WHERE key IN ('audit_head_seq', 'audit_head_hash')");
        while (stmt.step()) {
            const std::string k = stmt.text(0);
            const std::string v = stmt.text(1);
            if (k == "audit_head_seq") {
                headSeq = parseSeq(v);
            } else if (!crypto::fromHex(v, prev) || prev.size() != kHashSize) {
                throw Error(ErrorCode::AuditChainBroken, "audit", "head hash unreadable");
            }
        }
    }
    const std::int64_t seq = headSeq + 1;
    const auto code = actionCode(action);
    const auto hash = entryHash(key_, prev, seq, atMs, userId, code, entityId, field, detail);

    auto& insert = db_.cached(
        "INSERT INTO audit (seq, at_ms, user_id, action, entity_id, field, detail, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, seq).bind(2, atMs).bind(3, userId).bind(4, code).bind(5, entityId).bind(6, field).bind(7, detail);
    insert.bindBlob(8, prev).bindBlob(9, hash);
    insert.run();

    auto& head = db_.cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    head.bind(1, "audit_head_seq").bind(2, std::to_string(seq)).run();
    head.reset();
    head.bind(1, "audit_head_hash").bind(2, crypto::toHex(hash)).run();

    if (ownTx) ownTx->commit();
    return seq;
}

namespace {
constexpr const char* kSelect = "SELECT seq, at_ms, user_id, action, entity_id, field, detail FROM audit ";
Entry readEntry(storage::Statement& s) {
    Entry e;
    e.seq = s.int64(0);
    e.atMs = s.int64(1);
    e.userId = s.text(2);
    e.action = actionFromCode(s.text(3)).value_or(Action::CaseViewed);
    e.entityId = s.text(4);
    e.field = s.text(5);
    e.detail = s.text(6);
    return e;
}
}  // namespace

std::vector<Entry> AuditLog::entriesFor(std::string_view entityId) {
    auto stmt = db_.prepare(std::string(kSelect) + "WHERE entity_id = ? ORDER BY seq");
    stmt.bind(1, entityId);
    std::vector<Entry> out;
    while (stmt.step()) out.push_back(readEntry(stmt));
    return out;
}

std::vector<Entry> AuditLog::page(std::int64_t offset, int limit) {
    auto stmt = db_.prepare(std::string(kSelect) + "ORDER BY seq DESC LIMIT ? OFFSET ?");
    stmt.bind(1, limit).bind(2, offset);
    std::vector<Entry> out;
    while (stmt.step()) out.push_back(readEntry(stmt));
    return out;
}

std::int64_t AuditLog::count() { return db_.queryInt64("SELECT count(*) FROM audit").value_or(0); }

VerifyResult AuditLog::verify() {
    VerifyResult result;
    std::vector<std::uint8_t> prev(kGenesis.begin(), kGenesis.end());
    std::int64_t expectedSeq = 1;
    auto stmt = db_.prepare(
        "SELECT seq, at_ms, user_id, action, entity_id, field, detail, prev_hash, hash FROM audit ORDER BY seq");
    while (stmt.step()) {
        const std::int64_t seq = stmt.int64(0);
        const auto storedPrev = stmt.blob(7);
        const auto storedHash = stmt.blob(8);
        const auto hash = entryHash(key_, prev, seq, stmt.int64(1), stmt.text(2), stmt.text(3), stmt.text(4),
                                    stmt.text(5), stmt.text(6));
        // A missing entry, a reordered one, an edited field or a recomputed hash without the key all fail here.
        if (seq != expectedSeq || !crypto::constantTimeEqual(storedPrev, prev) ||
            !crypto::constantTimeEqual(storedHash, hash)) {
            result.ok = false;
            result.firstBadSeq = seq;
            return result;
        }
        prev.assign(hash.begin(), hash.end());
        ++expectedSeq;
        ++result.entries;
    }
    // The head recorded in meta must point at the last entry: otherwise entries were cut off the end.
    const auto headSeq = db_.queryText("SELECT value FROM meta WHERE key = 'audit_head_seq'");
    const auto headHash = db_.queryText("SELECT value FROM meta WHERE key = 'audit_head_hash'");
    std::int64_t recorded = 0;
    try {
        recorded = headSeq ? parseSeq(*headSeq) : 0;
    } catch (const Error&) {
        recorded = -1;
    }
    std::vector<std::uint8_t> recordedHash;
    const bool headReadable = !headHash || crypto::fromHex(*headHash, recordedHash);
    if (recorded != result.entries || !headReadable ||
        (headHash && !crypto::constantTimeEqual(recordedHash, prev))) {
        result.ok = false;
        result.truncated = recorded > result.entries;
        if (!result.truncated) result.firstBadSeq = result.entries;
    }
    return result;
}

}  // namespace abri::audit
