#include "merge/vault_applier.h"

#include <algorithm>
#include <map>

#include "cases/case_repository.h"
#include "common/error.h"
#include "journal/journal.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::merge {

namespace {

constexpr std::size_t kDisplaySuffixHex = 8;

std::string displaySuffixed(const std::string& code, const std::string& caseId) {
    return code + "~" + caseId.substr(0, std::min(kDisplaySuffixHex, caseId.size()));
}

bool codeTaken(storage::Database& db, const std::string& code) {
    auto& s = db.cached("SELECT 1 FROM cases WHERE case_code = ?");
    s.bind(1, code);
    const bool taken = s.step();
    s.reset();
    return taken;
}

std::string freeSuffixed(storage::Database& db, const std::string& code, const std::string& caseId) {
    std::string candidate = displaySuffixed(code, caseId);
    if (codeTaken(db, candidate)) candidate = code + "~" + caseId;  // 8 hex digits alike: fall back to the full id
    return candidate;
}

// The display code of a case about to be inserted (see vault_applier.h). May rename the current holder.
std::string displayCodeFor(storage::Database& db, const std::string& caseId, const std::string& code,
                           const Version& created) {
    auto& s = db.cached("SELECT id, created_hlc, created_device FROM cases WHERE case_code = ?");
    s.bind(1, code);
    if (!s.step()) {
        s.reset();
        return code;
    }
    const std::string holderId = s.text(0);
    const Version holder{static_cast<Hlc>(s.int64(1)), s.text(2)};
    s.reset();
    if (created < holder) {
        db.cached("UPDATE cases SET case_code = ? WHERE id = ?").bind(1, freeSuffixed(db, code, holderId)).bind(2, holderId).run();
        return code;
    }
    return freeSuffixed(db, code, caseId);
}

std::string excludedText(const std::vector<Exclusion>& excluded) {
    std::string out;
    for (const auto& e : excluded) {
        if (!out.empty()) out += ',';
        out += std::to_string(e.opIndex) + ":" + std::to_string(wire::wireValue(e.reason));
    }
    return out;
}

void recordAdmission(storage::Database& db, const AdmittedChangeSet& cs) {
    crypto::Bytes id;
    if (cs.id.empty() || !crypto::fromHex(cs.id, id)) return;
    db.cached(
          "INSERT OR IGNORE INTO sync_admissions (changeset_id, device_id, device_seq, case_id, hub_seq, admitted_ms, "
          "clamp_ceiling, clamp_floor, excluded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bindBlob(1, id)
        .bind(2, cs.device)
        .bind(3, static_cast<std::int64_t>(cs.deviceSeq))
        .bind(4, cs.caseId)
        .bind(5, static_cast<std::int64_t>(cs.hubSeq))
        .bind(6, cs.admittedMs)
        .bind(7, static_cast<std::int64_t>(cs.clamp.ceiling))
        .bind(8, static_cast<std::int64_t>(cs.clamp.floor))
        .bind(9, excludedText(cs.excluded))
        .run();
}

bool rowExists(storage::Database& db, const char* sql, std::string_view id) {
    auto& s = db.cached(sql);
    s.bind(1, id);
    const bool found = s.step();
    s.reset();
    return found;
}

// The op (of the register) that names `identity` as a parent: its author closed the conflict.
std::string closerOf(const FieldRegister* reg, const Version& identity) {
    if (reg == nullptr) return {};
    for (const auto& [id, op] : reg->ops)
        if (std::find(op.parents.begin(), op.parents.end(), identity) != op.parents.end()) return op.author;
    return {};
}

}  // namespace

RemoteOp toMergeOp(const journal::Entry& entry) {
    RemoteOp op;
    op.kind = entry.op.kind;
    const auto entity = wire::entityKindFromCode(entry.op.entity);
    if (!entity) throw Error(ErrorCode::VaultCorrupted, "journal.entity", "unknown entity kind");
    op.entity = *entity;
    op.entityId = entry.op.entityId;
    op.caseId = entry.caseId;
    op.field = entry.op.field;
    op.valueJson = entry.op.kind == OpKind::Delete || entry.op.valueJson.empty() ? "null" : entry.op.valueJson;
    if (entry.op.kind == OpKind::Set || entry.op.kind == OpKind::Resolve) op.parents = entry.parents;
    op.hlc = entry.hlc;
    op.effHlc = entry.effHlc;
    op.device = entry.device;
    op.author = entry.userId;
    return op;
}

MergeState loadVaultState(vault::Vault& vault) {
    MergeState state;
    for (const auto& e : vault.journal().allEntries())
        if (e.excludedReason == 0) state.add(toMergeOp(e));
    return state;
}

MergeState loadEntityState(vault::Vault& vault, std::string_view entityId) {
    MergeState state;
    for (const auto& e : vault.journal().entriesFor(entityId))
        if (e.excludedReason == 0) state.add(toMergeOp(e));
    return state;
}

StateHash vaultStateHash(vault::Vault& vault, const std::optional<std::set<std::string>>& scope) {
    return stateHash(loadVaultState(vault), scope);
}

std::vector<OpenConflict> openConflicts(vault::Vault& vault, std::string_view entityId) {
    std::string sql =
        "SELECT id, entity_id, field, losing_value, losing_hlc, losing_device, winning_hlc, winning_device, "
        "detected_ms FROM conflicts WHERE resolved_ms IS NULL";
    if (!entityId.empty()) sql += " AND entity_id = ?";
    sql += " ORDER BY id";
    auto stmt = vault.db().prepare(sql);
    if (!entityId.empty()) stmt.bind(1, entityId);
    std::vector<OpenConflict> out;
    while (stmt.step()) {
        OpenConflict c;
        c.id = stmt.int64(0);
        c.entityId = stmt.text(1);
        c.field = stmt.text(2);
        c.losingValueJson = stmt.optionalText(3).value_or("null");
        c.losing = {static_cast<Hlc>(stmt.int64(4)), stmt.text(5)};
        c.winning = {static_cast<Hlc>(stmt.int64(6)), stmt.text(7)};
        c.detectedMs = stmt.int64(8);
        out.push_back(std::move(c));
    }
    return out;
}

VaultApplier::VaultApplier(vault::Vault& vault) : vault_(vault) {}

ApplyResult VaultApplier::apply(AdmittedChangeSet changeSet) {
    assignEffectiveHlcs(changeSet);
    ApplyResult result;
    auto& journal = vault_.journal();
    const bool own = changeSet.device == vault_.deviceId();
    std::set<std::string> cases;
    std::set<std::string> items;
    for (std::size_t i = 0; i < changeSet.ops.size(); ++i) {
        const RemoteOp& op = changeSet.ops[i];
        const Version identity = op.identity();
        std::string entityId = op.entityId;
        bool isCase = op.entity == EntityKind::Case;
        if (own) {
            // A receipt: the op is journalled already; record what the hub decided about it.
            auto entry = journal.find(identity);
            if (!entry) continue;
            entityId = entry->op.entityId;
            isCase = entry->op.entity == wire::entityKindCode(EntityKind::Case);
            journal.setEffectiveHlc(identity, op.effHlc);
            int reason = 0;
            for (const auto& e : changeSet.excluded)
                if (e.opIndex == i) reason = wire::wireValue(e.reason);
            journal.setExcluded(identity, reason);
        } else {
            if (changeSet.isExcluded(i)) continue;  // excluded ops of other devices are not part of the state
            journal::RemoteEntry entry;
            entry.op = {std::string(wire::entityKindCode(op.entity)), op.entityId, op.kind, op.field, op.valueJson,
                        std::nullopt};
            entry.parents = op.parents;
            entry.identity = identity;
            entry.effHlc = op.effHlc;
            entry.caseId = op.caseId;
            entry.userId = op.author;
            if (journal.appendRemote(entry)) ++result.opsJournalled;
        }
        result.maxEffHlc = std::max(result.maxEffHlc, op.effHlc);
        (isCase ? cases : items).insert(entityId);
    }
    recordAdmission(vault_.db(), changeSet);
    // Cases first: items need their case row.
    for (const auto& id : cases) rematerialise(id, result);
    for (const auto& id : items) rematerialise(id, result);
    if (result.maxEffHlc != 0) vault_.clock().observe(result.maxEffHlc);  // never a raw (unclamped) HLC, §5.1
    return result;
}

void VaultApplier::rematerialise(std::string_view entityIdView, ApplyResult& result) {
    const std::string entityId(entityIdView);
    auto& db = vault_.db();
    const MergeState state = loadEntityState(vault_, entityId);
    const EntityState* e = state.find(entityId);
    const bool caseRow = rowExists(db, "SELECT 1 FROM cases WHERE id = ?", entityId);
    const bool itemRow = rowExists(db, "SELECT 1 FROM case_items WHERE id = ?", entityId);
    if (e == nullptr || e->create() == nullptr) {
        // Its create was excluded by the hub (§5.6): the entity leaves this vault's views.
        if (caseRow) {
            db.cached("UPDATE cases SET deleted = 1 WHERE id = ?").bind(1, entityId).run();
            db.cached("DELETE FROM case_search WHERE docid = (SELECT rowid FROM cases WHERE id = ?)").bind(1, entityId).run();
        }
        if (itemRow) db.cached("UPDATE case_items SET deleted = 1 WHERE id = ?").bind(1, entityId).run();
        if (e == nullptr) return;
    }

    // field_versions = each field's winner; conflicts rows follow the heads (§5.3).
    const std::int64_t now = vault_.nowMs();
    std::map<std::pair<std::string, Version>, const RemoteOp*> openHeads;  // (field, losing) -> op
    for (const auto& [path, reg] : e->fields) {
        const auto heads = reg.heads();
        if (heads.empty()) continue;
        db.cached("INSERT OR REPLACE INTO field_versions (entity_id, field, hlc, device) VALUES (?, ?, ?, ?)")
            .bind(1, entityId)
            .bind(2, path)
            .bind(3, static_cast<std::int64_t>(heads.front()->hlc))
            .bind(4, heads.front()->device)
            .run();
        for (std::size_t i = 1; i < heads.size(); ++i) openHeads.emplace(std::make_pair(path, heads[i]->identity()), heads[i]);
    }
    {
        auto stmt = db.prepare(
            "SELECT id, field, losing_hlc, losing_device FROM conflicts WHERE entity_id = ? AND resolved_ms IS NULL");
        stmt.bind(1, entityId);
        std::vector<std::pair<std::int64_t, std::string>> toClose;  // (row id, closer)
        while (stmt.step()) {
            const std::string field = stmt.text(1);
            const Version losing{static_cast<Hlc>(stmt.int64(2)), stmt.text(3)};
            auto it = openHeads.find({field, losing});
            if (it != openHeads.end()) {
                openHeads.erase(it);  // still open, row present
            } else {
                auto reg = e->fields.find(field);
                toClose.emplace_back(stmt.int64(0), closerOf(reg == e->fields.end() ? nullptr : &reg->second, losing));
            }
        }
        for (const auto& [rowId, closer] : toClose) {
            db.cached("UPDATE conflicts SET resolved_ms = ?, resolved_by = ? WHERE id = ?")
                .bind(1, now)
                .bind(2, closer)
                .bind(3, rowId)
                .run();
            ++result.conflictsClosed;
        }
    }
    for (const auto& [key, op] : openHeads) {
        const RemoteOp* winner = e->fields.at(key.first).winner();
        db.cached(
              "INSERT INTO conflicts (entity_id, field, losing_value, losing_hlc, losing_device, winning_hlc, "
              "winning_device, detected_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(1, entityId)
            .bind(2, key.first)
            .bind(3, op->valueJson)
            .bind(4, static_cast<std::int64_t>(op->hlc))
            .bind(5, op->device)
            .bind(6, static_cast<std::int64_t>(winner->hlc))
            .bind(7, winner->device)
            .bind(8, now)
            .run();
        ++result.conflictsOpened;
    }
    if (e->create() == nullptr) return;  // nothing to show until the create arrives

    cases::CaseRepository repository(vault_);
    const RemoteOp& create = *e->create();
    const Version created = create.identity();
    if (e->entity == EntityKind::Case) {
        const Json doc = e->document();
        std::string code;
        if (!caseRow) {
            const std::string docCode =
                doc.contains("case_code") && doc["case_code"].is_string() ? doc["case_code"].get<std::string>() : entityId;
            code = displayCodeFor(db, entityId, docCode, created);
        }
        repository.storeMergedCase(entityId, doc, created, code, e->deleted());
        ++result.entitiesWritten;
        if (!caseRow) {
            // Items that arrived before their case (possible only out of causal order) can be shown now.
            auto stmt = db.prepare("SELECT DISTINCT entity_id FROM journal WHERE case_id = ? AND entity = 'item'");
            stmt.bind(1, entityId);
            std::vector<std::string> pending;
            while (stmt.step()) pending.push_back(stmt.text(0));
            for (const auto& itemId : pending)
                if (!rowExists(db, "SELECT 1 FROM case_items WHERE id = ?", itemId)) rematerialise(itemId, result);
        }
        return;
    }
    const auto kind = e->modelKind();
    if (!kind || !rowExists(db, "SELECT 1 FROM cases WHERE id = ?", e->caseId)) return;
    cases::MergedItem item;
    item.id = entityId;
    item.caseId = e->caseId;
    item.kind = *kind;
    item.author = create.author;
    item.createdMs = static_cast<std::int64_t>(journal::hlcPhysicalMs(create.hlc));
    item.created = created;
    item.supersedes = e->supersedes();
    item.doc = e->document();
    item.deleted = e->deleted();
    repository.storeMergedItem(item);
    ++result.entitiesWritten;
}

}  // namespace abri::merge
