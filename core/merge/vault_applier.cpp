#include "merge/vault_applier.h"

#include <algorithm>
#include <map>

#include "attachments/attachment_transfer.h"
#include "cases/case_store.h"
#include "common/error.h"
#include "erasure/case_erasure.h"
#include "erasure/case_purge.h"
#include "journal/journal.h"
#include "storage/database.h"
#include "vault/vault.h"
#include "wire/sync_error.h"

namespace abri::merge {

namespace {

constexpr std::size_t kDisplaySuffixHex = 8;

std::string displaySuffixed(const std::string& code, const std::string& caseId) {
    return code + "~" + caseId.substr(0, std::min(kDisplaySuffixHex, caseId.size()));
}

std::string freeSuffixed(cases::CaseStore& store, const std::string& code, const std::string& caseId) {
    std::string candidate = displaySuffixed(code, caseId);
    if (store.caseCodeTaken(candidate)) candidate = code + "~" + caseId;  // 8 hex digits alike: fall back to the full id
    return candidate;
}

// The display code of a case about to be inserted (see vault_applier.h). May rename the current holder.
std::string displayCodeFor(cases::CaseStore& store, const std::string& caseId, const std::string& code,
                           const Version& created) {
    const auto holder = store.codeHolder(code);
    if (!holder) return code;
    if (created < holder->second) {
        store.renameCaseCode(holder->first, freeSuffixed(store, code, holder->first));
        return code;
    }
    return freeSuffixed(store, code, caseId);
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
    op.valueJson = entry.op.kind == OpKind::Delete || entry.op.kind == OpKind::Erase || entry.op.valueJson.empty()
                       ? "null"
                       : entry.op.valueJson;
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

namespace {

journal::RemoteEntry remoteEntryOf(const RemoteOp& op, const Version& identity) {
    journal::RemoteEntry entry;
    entry.op = {std::string(wire::entityKindCode(op.entity)), op.entityId, op.kind, op.field, op.valueJson, std::nullopt};
    entry.parents = op.parents;
    entry.identity = identity;
    entry.effHlc = op.effHlc;
    entry.caseId = op.caseId;
    entry.userId = op.author;
    return entry;
}

}  // namespace

VaultApplier::VaultApplier(vault::Vault& vault) : vault_(vault) {}

ApplyResult VaultApplier::apply(AdmittedChangeSet changeSet) {
    assignEffectiveHlcs(changeSet);
    ApplyResult result;
    // An erased case stays erased (§5.9): nothing of a change-set of it is kept, in any order of arrival.
    if (erasure::isPurged(vault_.db(), changeSet.caseId)) {
        recordAdmission(vault_.db(), changeSet);
        return result;
    }
    if (changeSet.ops.size() == 1 && changeSet.ops[0].kind == OpKind::Erase && !changeSet.isExcluded(0)) {
        erasure::applyErasure(vault_, changeSet.caseId, changeSet.ops[0].author, changeSet.device);
        pending_.erase(changeSet.caseId);
        recordAdmission(vault_.db(), changeSet);
        erasedSinceScrub_ = true;
        return result;
    }
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
            if (!entry) {
                // A restored vault re-reading its own change-sets (§7.7): the op was made after the backup.
                journal.appendRemote(remoteEntryOf(op, identity));
                entry = journal.find(identity);
                if (!entry) continue;
                ++result.opsJournalled;
            }
            // Admitted by the hub, so shipped, even if this (restored) vault had not packed it yet (§7.7).
            if (!entry->shipped) journal.markShipped(identity);
            entityId = entry->op.entityId;
            isCase = entry->op.entity == wire::entityKindCode(EntityKind::Case);
            journal.setEffectiveHlc(identity, op.effHlc);
            int reason = 0;
            for (const auto& e : changeSet.excluded)
                if (e.opIndex == i) reason = wire::wireValue(e.reason);
            journal.setExcluded(identity, reason);
        } else {
            if (changeSet.isExcluded(i)) continue;  // excluded ops of other devices are not part of the state
            if (journal.appendRemote(remoteEntryOf(op, identity))) ++result.opsJournalled;
        }
        result.maxEffHlc = std::max(result.maxEffHlc, op.effHlc);
        (isCase ? cases : items).insert(entityId);
    }
    recordAdmission(vault_.db(), changeSet);
    // Cases first: items need their case row. An item a new case brought along is done with its case.
    std::set<std::string> done;
    for (const auto& id : cases) materialise(id, result, done);
    for (const auto& id : items)
        if (done.count(id) == 0) materialise(id, result, done);
    if (!batching_) writePendingViews();
    if (result.maxEffHlc != 0) vault_.clock().observe(result.maxEffHlc);  // never a raw (unclamped) HLC, §5.1
    return result;
}

void VaultApplier::beginBatch() {
    pending_.clear();
    batching_ = true;
}

void VaultApplier::endBatch() {
    writePendingViews();
    batching_ = false;
}

std::chrono::nanoseconds VaultApplier::pendingWork() const {
    return viewsCost_ * static_cast<std::int64_t>(pending_.size());
}

void VaultApplier::writePendingViews() {
    if (pending_.empty()) return;
    const auto started = std::chrono::steady_clock::now();
    cases::CaseStore store(vault_.db());
    // In rowid order: the search index takes its rows in docid order without flushing its pending terms.
    std::vector<std::pair<std::int64_t, const std::string*>> order;
    order.reserve(pending_.size());
    for (const auto& [caseId, views] : pending_)
        if (auto rowid = store.caseRowid(caseId)) order.emplace_back(*rowid, &caseId);
    std::sort(order.begin(), order.end());
    const std::int64_t now = vault_.nowMs();
    for (const auto& [rowid, caseId] : order) {
        const PendingViews& views = pending_.at(*caseId);
        std::optional<cases::CaseStore::MergedCase> merged;
        if (views.merged) merged = cases::CaseStore::MergedCase{views.doc, views.deleted, views.docStored};
        store.storeMergedCaseViews(*caseId, merged, views.newRow, now);
    }
    // Half the old estimate, half this batch's: one slow batch (a disk hiccup) does not halve the next steps.
    viewsCost_ = (viewsCost_ + (std::chrono::steady_clock::now() - started) / static_cast<std::int64_t>(pending_.size())) / 2;
    pending_.clear();
}

void VaultApplier::rematerialise(std::string_view entityId, ApplyResult& result) {
    std::set<std::string> done;
    materialise(std::string(entityId), result, done);
    if (!batching_) writePendingViews();
}

void VaultApplier::materialise(const std::string& entityId, ApplyResult& result, std::set<std::string>& done) {
    done.insert(entityId);
    auto& db = vault_.db();
    cases::CaseStore store(db);
    const MergeState state = loadEntityState(vault_, entityId);
    const EntityState* e = state.find(entityId);
    const bool caseRow = store.caseRowid(entityId).has_value();
    if (e == nullptr || e->create() == nullptr) {
        // Its create was excluded by the hub (§5.6): the entity leaves this vault's views (and its counts).
        if (store.hideCase(entityId)) {
            pending_.erase(entityId);  // a deleted case has no views to write
        } else if (auto caseId = store.hideItem(entityId)) {
            pending_[*caseId];
        }
        if (e == nullptr) return;
    }

    // field_versions = each field's winner; conflicts rows follow the heads (§5.3).
    const std::int64_t now = vault_.nowMs();
    std::map<std::pair<std::string, Version>, const RemoteOp*> openHeads;  // (field, losing) -> op
    for (const auto& [path, reg] : e->fields) {
        const auto heads = reg.heads();
        if (heads.empty()) continue;
        store.recordVersion(entityId, path, heads.front()->identity());
        for (std::size_t i = 1; i < heads.size(); ++i) openHeads.emplace(std::make_pair(path, heads[i]->identity()), heads[i]);
    }
    {
        auto& stmt = db.cached(
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

    const RemoteOp& create = *e->create();
    const Version created = create.identity();
    if (e->entity == EntityKind::Case) {
        const Json doc = e->document();
        PendingViews& views = pending_[entityId];
        if (!caseRow) {
            const std::string docCode =
                doc.contains("case_code") && doc["case_code"].is_string() ? doc["case_code"].get<std::string>() : entityId;
            store.insertMergedCaseRow(entityId, displayCodeFor(store, entityId, docCode, created), doc, created,
                                      vault_.nowMs());
            views.newRow = true;
        }
        views.docStored = !caseRow;
        views.merged = true;
        views.doc = doc;
        views.deleted = e->deleted();
        ++result.entitiesWritten;
        if (!caseRow) {
            // Items that arrived before their case (possible only out of causal order) can be shown now, and the
            // items of the change-set that creates the case.
            for (const auto& itemId : vault_.journal().itemIdsOfCase(entityId))
                if (done.count(itemId) == 0 && !store.itemExists(itemId)) materialise(itemId, result, done);
        }
        return;
    }
    if (e->isAttachment()) {
        if (store.caseRowid(e->caseId)) materialiseAttachment(*e);
        return;
    }
    const auto kind = e->modelKind();
    if (!kind || !store.caseRowid(e->caseId)) return;
    cases::StoredItem item;
    item.id = entityId;
    item.caseId = e->caseId;
    item.kind = *kind;
    item.author = create.author;
    item.createdMs = static_cast<std::int64_t>(journal::hlcPhysicalMs(create.hlc));
    item.created = created;
    item.supersedes = e->supersedes();
    item.doc = e->document();
    item.deleted = e->deleted();
    store.storeMergedItemRow(item);
    pending_[e->caseId];  // its case is re-derived once, with its other changes
    ++result.entitiesWritten;
}

void VaultApplier::materialiseAttachment(const EntityState& e) {
    // The record is stored at once and listed as arriving; its chunks follow on their own (§11.4).
    attachments::AttachmentTransfer transfer(vault_);
    const RemoteOp& create = *e.create();
    const Json value = parseValue(create.valueJson);
    const Json doc = value.is_object() && value.contains("doc") ? value["doc"] : Json();
    try {
        transfer.receiveRecord(attachments::recordFromDoc(e.id, e.caseId, create.device, doc));
    } catch (const wire::SyncError&) {
        return;  // the hub admits valid records only (authorisation.cpp); a damaged one shows nothing
    }
    if (const RemoteOp* tombstone = e.tombstone())
        transfer.receiveRemoval(e.id, tombstone->author, static_cast<std::int64_t>(journal::hlcPhysicalMs(tombstone->hlc)));
}

}  // namespace abri::merge
