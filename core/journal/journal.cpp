#include "journal/journal.h"

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace abri::journal {

namespace {

// Several parents are kept as JSON text [[hlc, "device"], ...]; one parent fits the base columns.
std::string parentsJson(const std::vector<Version>& parents) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : parents) out.push_back({p.hlc, p.device});
    return out.dump();
}

std::vector<Version> parseParents(const std::string& text) {
    std::vector<Version> out;
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (!parsed.is_array()) return out;
    for (const auto& p : parsed) {
        if (p.is_array() && p.size() == 2 && p[0].is_number_unsigned() && p[1].is_string())
            out.push_back({p[0].get<Hlc>(), p[1].get<std::string>()});
    }
    return out;
}

void bindOp(storage::Statement& stmt, const Op& op, const std::vector<Version>& parents) {
    stmt.bind(3, op.entity).bind(4, op.entityId).bind(5, opKindCode(op.kind));
    if (op.field.empty()) stmt.bindNull(6); else stmt.bind(6, op.field);
    if (op.kind == OpKind::Delete || op.kind == OpKind::Erase) stmt.bindNull(7); else stmt.bind(7, op.valueJson);
    if (!parents.empty()) {
        stmt.bind(8, static_cast<std::int64_t>(parents[0].hlc)).bind(9, parents[0].device);
    } else {
        stmt.bindNull(8).bindNull(9);
    }
    if (parents.size() > 1) stmt.bind(10, parentsJson(parents)); else stmt.bindNull(10);
}

}  // namespace

Journal::Journal(storage::Database& db, std::string deviceId, HybridLogicalClock& clock)
    : db_(db), deviceId_(std::move(deviceId)), clock_(clock) {}

std::string Journal::caseIdOf(const Op& op) {
    if (op.entity == wire::entityKindCode(wire::EntityKind::Case)) return op.entityId;
    if (op.kind == OpKind::Create) {
        const auto value = nlohmann::json::parse(op.valueJson, nullptr, false);
        if (value.is_object() && value.contains("case_id") && value["case_id"].is_string())
            return value["case_id"].get<std::string>();
        return {};
    }
    // An item is edited only after its create was journalled (locally or applied from another device).
    auto& s = db_.cached("SELECT case_id FROM journal WHERE entity_id = ? AND case_id IS NOT NULL ORDER BY seq LIMIT 1");
    s.bind(1, op.entityId);
    std::string caseId;
    if (s.step()) caseId = s.text(0);
    s.reset();
    return caseId;
}

Version Journal::insertLocal(const Op& op, std::string_view userId, const std::vector<Version>& parents) {
    const Hlc hlc = clock_.now();
    const std::string caseId = caseIdOf(op);
    auto& stmt = db_.cached(
        "INSERT INTO journal (hlc, device, entity, entity_id, op, field, value, base_hlc, base_device, parents, "
        "user_id, case_id, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'local')");
    stmt.bind(1, static_cast<std::int64_t>(hlc)).bind(2, deviceId_);
    bindOp(stmt, op, parents);
    stmt.bind(11, userId);
    if (caseId.empty()) stmt.bindNull(12); else stmt.bind(12, caseId);
    stmt.run();
    return Version{hlc, deviceId_};
}

Version Journal::append(const Op& op, std::string_view userId) {
    std::vector<Version> parents;
    if (op.base) parents.push_back(*op.base);
    return insertLocal(op, userId, parents);
}

Version Journal::append(const Op& op, std::string_view userId, const std::vector<Version>& parents) {
    return insertLocal(op, userId, parents);
}

bool Journal::appendRemote(const RemoteEntry& entry) {
    auto& stmt = db_.cached(
        "INSERT OR IGNORE INTO journal (hlc, device, entity, entity_id, op, field, value, base_hlc, base_device, "
        "parents, user_id, case_id, eff_hlc, origin, shipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "'remote', 1)");
    stmt.bind(1, static_cast<std::int64_t>(entry.identity.hlc)).bind(2, entry.identity.device);
    bindOp(stmt, entry.op, entry.parents);
    stmt.bind(11, entry.userId);
    if (entry.caseId.empty()) stmt.bindNull(12); else stmt.bind(12, entry.caseId);
    stmt.bind(13, static_cast<std::int64_t>(entry.effHlc));
    stmt.run();
    return db_.changes() > 0;
}

void Journal::setEffectiveHlc(const Version& identity, Hlc effHlc) {
    db_.cached("UPDATE journal SET eff_hlc = ? WHERE device = ? AND hlc = ?")
        .bind(1, static_cast<std::int64_t>(effHlc))
        .bind(2, identity.device)
        .bind(3, static_cast<std::int64_t>(identity.hlc))
        .run();
}

void Journal::setExcluded(const Version& identity, int reason) {
    db_.cached("UPDATE journal SET excluded = ? WHERE device = ? AND hlc = ?")
        .bind(1, reason)
        .bind(2, identity.device)
        .bind(3, static_cast<std::int64_t>(identity.hlc))
        .run();
}

namespace {
constexpr const char* kColumns =
    "SELECT seq, hlc, device, user_id, entity, entity_id, op, field, value, base_hlc, base_device, shipped, "
    "origin, case_id, eff_hlc, parents, excluded FROM journal ";

Entry readEntry(storage::Statement& s) {
    Entry e;
    e.seq = s.int64(0);
    e.hlc = static_cast<Hlc>(s.int64(1));
    e.device = s.text(2);
    e.userId = s.optionalText(3).value_or("");
    e.op.entity = s.text(4);
    e.op.entityId = s.text(5);
    const auto kind = wire::opKindFromCode(s.text(6));
    if (!kind) throw Error(ErrorCode::VaultCorrupted, "journal.op", "unknown op kind");
    e.op.kind = *kind;
    e.op.field = s.optionalText(7).value_or("");
    e.op.valueJson = s.optionalText(8).value_or("");
    if (!s.isNull(9)) e.op.base = Version{static_cast<Hlc>(s.int64(9)), s.optionalText(10).value_or("")};
    e.shipped = s.int64(11) != 0;
    e.origin = s.text(12) == "remote" ? Origin::Remote : Origin::Local;
    e.caseId = s.optionalText(13).value_or("");
    e.effHlc = s.isNull(14) ? e.hlc : static_cast<Hlc>(s.int64(14));
    if (auto parents = s.optionalText(15)) {
        e.parents = parseParents(*parents);
    } else if (e.op.base) {
        e.parents.push_back(*e.op.base);
    }
    e.excludedReason = static_cast<int>(s.int64(16));
    return e;
}

std::vector<Entry> readAll(storage::Statement& stmt) {
    std::vector<Entry> out;
    while (stmt.step()) out.push_back(readEntry(stmt));
    return out;
}

// A cached statement is reset when left early (a row read, or an error), so it holds no read snapshot.
struct ResetOnExit {
    storage::Statement& stmt;
    ~ResetOnExit() { stmt.reset(); }
};
}  // namespace

// Cached: applying a first sync calls these once per change-set or case (preparing each time cost ~5%).
std::optional<Entry> Journal::find(const Version& identity) {
    auto& stmt = db_.cached(std::string(kColumns) + "WHERE device = ? AND hlc = ?");
    const ResetOnExit done{stmt};
    stmt.bind(1, identity.device).bind(2, static_cast<std::int64_t>(identity.hlc));
    if (!stmt.step()) return std::nullopt;
    return readEntry(stmt);
}

std::vector<Entry> Journal::entriesFor(std::string_view entityId) {
    auto& stmt = db_.cached(std::string(kColumns) + "WHERE entity_id = ? ORDER BY seq");
    const ResetOnExit done{stmt};
    stmt.bind(1, entityId);
    return readAll(stmt);
}

std::vector<Entry> Journal::entriesForCase(std::string_view caseId) {
    auto stmt = db_.prepare(std::string(kColumns) + "WHERE case_id = ? ORDER BY seq");
    stmt.bind(1, caseId);
    return readAll(stmt);
}

std::vector<std::string> Journal::itemIdsOfCase(std::string_view caseId) {
    auto& stmt = db_.cached("SELECT DISTINCT entity_id FROM journal WHERE case_id = ? AND entity = 'item'");
    const ResetOnExit done{stmt};
    stmt.bind(1, caseId);
    std::vector<std::string> ids;
    while (stmt.step()) ids.push_back(stmt.text(0));
    return ids;
}

std::vector<Entry> Journal::allEntries() {
    auto stmt = db_.prepare(std::string(kColumns) + "ORDER BY seq");
    return readAll(stmt);
}

std::vector<Entry> Journal::unshipped(std::int64_t afterSeq, int limit) {
    auto stmt = db_.prepare(std::string(kColumns) +
                            "WHERE shipped = 0 AND origin = 'local' AND seq > ? ORDER BY seq LIMIT ?");
    stmt.bind(1, afterSeq).bind(2, limit);
    return readAll(stmt);
}

std::int64_t Journal::unshippedCount() {
    return db_.queryInt64("SELECT count(*) FROM journal WHERE shipped = 0 AND origin = 'local'").value_or(0);
}

void Journal::markShipped(std::int64_t uptoSeq) {
    db_.prepare("UPDATE journal SET shipped = 1 WHERE shipped = 0 AND seq <= ?").bind(1, uptoSeq).run();
}

void Journal::markShipped(const Version& identity) {
    db_.prepare("UPDATE journal SET shipped = 1 WHERE hlc = ? AND device = ? AND origin = 'local'")
        .bind(1, static_cast<std::int64_t>(identity.hlc))
        .bind(2, identity.device)
        .run();
}

void Journal::markUnshipped(const std::vector<std::int64_t>& seqs) {
    auto& s = db_.cached("UPDATE journal SET shipped = 0 WHERE seq = ? AND origin = 'local'");
    for (const auto seq : seqs) {
        s.reset();
        s.bind(1, seq).run();
    }
}

std::int64_t Journal::purgeCase(std::string_view caseId, const std::vector<std::string>& entityIds) {
    std::int64_t deleted = 0;
    const auto eraseCode = std::string(opKindCode(OpKind::Erase));
    db_.cached("DELETE FROM journal WHERE case_id = ? AND NOT (op = ? AND origin = 'local')")
        .bind(1, caseId)
        .bind(2, eraseCode)
        .run();
    deleted += db_.changes();
    // Ops whose case was never known here (an item edit that arrived before its create).
    for (const auto& id : entityIds) {
        db_.cached("DELETE FROM journal WHERE entity_id = ? AND NOT (op = ? AND origin = 'local')")
            .bind(1, id)
            .bind(2, eraseCode)
            .run();
        deleted += db_.changes();
    }
    return deleted;
}

}  // namespace abri::journal
