#include "journal/journal.h"

namespace abri::journal {

std::string_view opKindCode(OpKind kind) {
    switch (kind) {
    case OpKind::Create: return "create";
    case OpKind::Set: return "set";
    case OpKind::Delete: return "delete";
    }
    return "set";
}

std::optional<OpKind> opKindFromCode(std::string_view code) {
    if (code == "create") return OpKind::Create;
    if (code == "set") return OpKind::Set;
    if (code == "delete") return OpKind::Delete;
    return std::nullopt;
}

Journal::Journal(storage::Database& db, std::string deviceId, HybridLogicalClock& clock)
    : db_(db), deviceId_(std::move(deviceId)), clock_(clock) {}

Version Journal::append(const Op& op, std::string_view userId) {
    const Hlc hlc = clock_.now();
    auto& stmt = db_.cached(
        "INSERT INTO journal (hlc, device, entity, entity_id, op, field, value, base_hlc, base_device, user_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    stmt.bind(1, static_cast<std::int64_t>(hlc))
        .bind(2, deviceId_)
        .bind(3, op.entity)
        .bind(4, op.entityId)
        .bind(5, opKindCode(op.kind));
    if (op.field.empty()) stmt.bindNull(6); else stmt.bind(6, op.field);
    if (op.kind == OpKind::Delete) stmt.bindNull(7); else stmt.bind(7, op.valueJson);
    if (op.base) {
        stmt.bind(8, static_cast<std::int64_t>(op.base->hlc)).bind(9, op.base->device);
    } else {
        stmt.bindNull(8).bindNull(9);
    }
    stmt.bind(10, userId);
    stmt.run();
    return Version{hlc, deviceId_};
}

namespace {
constexpr const char* kColumns =
    "SELECT seq, hlc, device, user_id, entity, entity_id, op, field, value, base_hlc, base_device, shipped "
    "FROM journal ";

Entry readEntry(storage::Statement& s) {
    Entry e;
    e.seq = s.int64(0);
    e.hlc = static_cast<Hlc>(s.int64(1));
    e.device = s.text(2);
    e.userId = s.optionalText(3).value_or("");
    e.op.entity = s.text(4);
    e.op.entityId = s.text(5);
    e.op.kind = opKindFromCode(s.text(6)).value_or(OpKind::Set);
    e.op.field = s.optionalText(7).value_or("");
    e.op.valueJson = s.optionalText(8).value_or("");
    if (!s.isNull(9)) e.op.base = Version{static_cast<Hlc>(s.int64(9)), s.optionalText(10).value_or("")};
    e.shipped = s.int64(11) != 0;
    return e;
}
}  // namespace

std::vector<Entry> Journal::entriesFor(std::string_view entityId) {
    auto stmt = db_.prepare(std::string(kColumns) + "WHERE entity_id = ? ORDER BY seq");
    stmt.bind(1, entityId);
    std::vector<Entry> out;
    while (stmt.step()) out.push_back(readEntry(stmt));
    return out;
}

std::vector<Entry> Journal::unshipped(std::int64_t afterSeq, int limit) {
    auto stmt = db_.prepare(std::string(kColumns) + "WHERE shipped = 0 AND seq > ? ORDER BY seq LIMIT ?");
    stmt.bind(1, afterSeq).bind(2, limit);
    std::vector<Entry> out;
    while (stmt.step()) out.push_back(readEntry(stmt));
    return out;
}

std::int64_t Journal::unshippedCount() {
    return db_.queryInt64("SELECT count(*) FROM journal WHERE shipped = 0").value_or(0);
}

void Journal::markShipped(std::int64_t uptoSeq) {
    db_.prepare("UPDATE journal SET shipped = 1 WHERE shipped = 0 AND seq <= ?").bind(1, uptoSeq).run();
}

}  // namespace abri::journal
