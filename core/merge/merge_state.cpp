#include "merge/merge_state.h"

#include <algorithm>

#include "model/case_rules.h"

namespace abri::merge {

Json parseValue(const std::string& valueJson) {
    Json value = Json::parse(valueJson, nullptr, false);
    if (value.is_discarded()) return Json(valueJson);
    return value;
}

namespace {

const RemoteOp* leastKey(const std::map<Version, RemoteOp>& ops) {
    const RemoteOp* best = nullptr;
    for (const auto& [id, op] : ops)
        if (best == nullptr || orderKey(op) < orderKey(*best)) best = &op;
    return best;
}

bool byDescendingKey(const RemoteOp* a, const RemoteOp* b) { return orderKey(*a) > orderKey(*b); }

}  // namespace

// ---- FieldRegister ----------------------------------------------------------------------------------------------

std::vector<const RemoteOp*> FieldRegister::heads() const {
    std::set<Version> named;
    for (const auto& [id, op] : ops)
        for (const auto& parent : op.parents) named.insert(parent);
    std::vector<const RemoteOp*> out;
    for (const auto& [id, op] : ops)
        if (named.count(id) == 0) out.push_back(&op);
    if (out.empty() && !ops.empty()) {
        // Only possible with a parent cycle from a broken device: the greatest op stands alone (§5.3).
        const RemoteOp* best = nullptr;
        for (const auto& [id, op] : ops)
            if (best == nullptr || orderKey(op) > orderKey(*best)) best = &op;
        out.push_back(best);
    }
    std::sort(out.begin(), out.end(), byDescendingKey);
    return out;
}

const RemoteOp* FieldRegister::winner() const {
    auto all = heads();
    return all.empty() ? nullptr : all.front();
}

bool FieldRegister::isAncestorOfHead(const Version& identity) const {
    std::set<Version> seen;
    std::vector<Version> pending;
    for (const auto* head : heads()) pending.push_back(head->identity());
    while (!pending.empty()) {
        const Version current = pending.back();
        pending.pop_back();
        auto it = ops.find(current);
        if (it == ops.end()) continue;
        for (const auto& parent : it->second.parents) {
            if (parent == identity) return true;
            if (seen.insert(parent).second) pending.push_back(parent);
        }
    }
    return false;
}

// ---- EntityState ------------------------------------------------------------------------------------------------

const RemoteOp* EntityState::create() const { return leastKey(creates); }
const RemoteOp* EntityState::tombstone() const { return leastKey(deletes); }

std::optional<model::Entity> EntityState::modelKind() const {
    if (entity == EntityKind::Case) return model::Entity::Case;
    const RemoteOp* c = create();
    if (c == nullptr) return std::nullopt;
    const Json value = parseValue(c->valueJson);
    if (!value.is_object() || !value.contains("kind") || !value["kind"].is_string()) return std::nullopt;
    auto kind = model::entityFromCode(value["kind"].get<std::string>());
    if (!kind || *kind == model::Entity::Case) return std::nullopt;
    return kind;
}

bool EntityState::isAttachment() const {
    if (entity != EntityKind::Item) return false;
    const RemoteOp* c = create();
    if (c == nullptr) return false;
    const Json value = parseValue(c->valueJson);
    return value.is_object() && value.contains("kind") && value["kind"] == "attachment";
}

Json EntityState::document() const {
    const RemoteOp* c = create();
    if (c == nullptr) return nullptr;
    Json doc = parseValue(c->valueJson);
    if (entity == EntityKind::Item) doc = doc.is_object() && doc.contains("doc") ? doc["doc"] : Json::object();
    if (!doc.is_object()) doc = Json::object();
    for (const auto& [path, reg] : fields) {  // std::map: ascending paths, one deterministic order
        if (const RemoteOp* w = reg.winner()) model::setField(doc, path, parseValue(w->valueJson));
    }
    return doc;
}

std::optional<std::string> EntityState::supersedes() const {
    const RemoteOp* c = create();
    if (c == nullptr || entity != EntityKind::Item) return std::nullopt;
    const Json value = parseValue(c->valueJson);
    if (value.is_object() && value.contains("supersedes") && value["supersedes"].is_string())
        return value["supersedes"].get<std::string>();
    return std::nullopt;
}

std::vector<const RemoteOp*> EntityState::editedAfterDeletion() const {
    std::vector<const RemoteOp*> out;
    const RemoteOp* t = tombstone();
    if (t == nullptr) return out;
    for (const auto& [path, reg] : fields)
        for (const auto& [identity, op] : reg.ops)
            if (op.effHlc > t->effHlc) out.push_back(&op);
    return out;
}

// ---- MergeState -------------------------------------------------------------------------------------------------

std::string_view standingName(Standing standing) noexcept {
    switch (standing) {
    case Standing::Current: return "current";
    case Standing::OpenConflict: return "open_conflict";
    case Standing::Ancestor: return "ancestor";
    case Standing::Create: return "create";
    case Standing::Delete: return "delete";
    case Standing::Excluded: return "excluded";
    case Standing::Missing: return "missing";
    }
    return "missing";
}

std::size_t MergeState::add(const AdmittedChangeSet& changeSet) {
    std::size_t added = 0;
    for (std::size_t i = 0; i < changeSet.ops.size(); ++i) {
        const RemoteOp& op = changeSet.ops[i];
        if (changeSet.isExcluded(i)) {
            for (const auto& e : changeSet.excluded)
                if (e.opIndex == i) recordExclusion(op.identity(), e.reason);
            continue;
        }
        if (add(op)) ++added;
    }
    return added;
}

bool MergeState::add(const RemoteOp& op) {
    // An erasure is not merged: every replica purges the case instead (§5.9), so it is never part of a state.
    if (op.kind == OpKind::Erase) return false;
    const Version id = op.identity();
    if (where_.count(id) > 0 || excluded_.count(id) > 0) return false;
    auto [it, inserted] = entities_.try_emplace(op.entityId);
    EntityState& e = it->second;
    if (inserted) {
        e.entity = op.entity;
        e.id = op.entityId;
        e.caseId = op.entity == EntityKind::Case ? op.entityId : op.caseId;
        if (op.entity == EntityKind::Item) itemsByCase_[e.caseId].insert(e.id);
    } else if (e.entity == EntityKind::Item && op.caseId < e.caseId) {
        // A device named two cases for one item (the hub excludes that, wrong_case); keep the least, whatever
        // the order of arrival.
        itemsByCase_[e.caseId].erase(e.id);
        e.caseId = op.caseId;
        itemsByCase_[e.caseId].insert(e.id);
    }
    switch (op.kind) {
    case OpKind::Create: e.creates.emplace(id, op); break;
    case OpKind::Delete: e.deletes.emplace(id, op); break;
    case OpKind::Set:
    case OpKind::Resolve: e.fields[op.field].ops.emplace(id, op); break;
    case OpKind::Erase: break;  // returned above
    }
    where_.emplace(id, op.entityId);
    return true;
}

void MergeState::exclude(const Version& identity, ExclusionReason reason) {
    excluded_[identity] = reason;
    auto w = where_.find(identity);
    if (w == where_.end()) return;
    auto e = entities_.find(w->second);
    where_.erase(w);
    if (e == entities_.end()) return;
    EntityState& entity = e->second;
    entity.creates.erase(identity);
    entity.deletes.erase(identity);
    for (auto f = entity.fields.begin(); f != entity.fields.end();) {
        f->second.ops.erase(identity);
        f = f->second.ops.empty() ? entity.fields.erase(f) : std::next(f);
    }
    if (entity.creates.empty() && entity.deletes.empty() && entity.fields.empty()) {
        if (entity.entity == EntityKind::Item) itemsByCase_[entity.caseId].erase(entity.id);
        entities_.erase(e);
    }
}

bool MergeState::recordExclusion(const Version& identity, ExclusionReason reason) {
    return excluded_.emplace(identity, reason).second;
}

const EntityState* MergeState::find(std::string_view entityId) const {
    auto it = entities_.find(entityId);
    return it == entities_.end() ? nullptr : &it->second;
}

std::vector<std::string> MergeState::caseIds() const {
    std::set<std::string> ids;
    for (const auto& [id, e] : entities_) ids.insert(e.caseId);
    return {ids.begin(), ids.end()};
}

std::vector<const EntityState*> MergeState::entitiesOfCase(std::string_view caseId) const {
    std::vector<const EntityState*> out;
    if (const EntityState* c = find(caseId); c != nullptr && c->entity == EntityKind::Case) out.push_back(c);
    if (auto it = itemsByCase_.find(caseId); it != itemsByCase_.end()) {
        for (const auto& itemId : it->second)
            if (const EntityState* item = find(itemId)) out.push_back(item);
    }
    return out;
}

namespace {
void visitEntity(const EntityState& e, const std::function<void(const RemoteOp&)>& visit) {
    for (const auto& [id, op] : e.creates) visit(op);
    for (const auto& [id, op] : e.deletes) visit(op);
    for (const auto& [path, reg] : e.fields)
        for (const auto& [id, op] : reg.ops) visit(op);
}
}  // namespace

void MergeState::forEachOp(const std::function<void(const RemoteOp&)>& visit) const {
    for (const auto& [id, e] : entities_) visitEntity(e, visit);
}

void MergeState::merge(const MergeState& other) {
    for (const auto& [identity, reason] : other.excluded_) exclude(identity, reason);
    other.forEachOp([this](const RemoteOp& op) { add(op); });
}

MergeState MergeState::caseSubset(std::string_view caseId) const {
    MergeState out;
    for (const EntityState* e : entitiesOfCase(caseId)) visitEntity(*e, [&out](const RemoteOp& op) { out.add(op); });
    return out;
}

Standing MergeState::standing(const Version& identity) const {
    if (excluded_.count(identity) > 0) return Standing::Excluded;
    auto w = where_.find(identity);
    if (w == where_.end()) return Standing::Missing;
    const EntityState& e = entities_.at(w->second);
    if (e.creates.count(identity) > 0) return Standing::Create;
    if (e.deletes.count(identity) > 0) return Standing::Delete;
    for (const auto& [path, reg] : e.fields) {
        auto it = reg.ops.find(identity);
        if (it == reg.ops.end()) continue;
        const auto heads = reg.heads();
        if (heads.front()->identity() == identity) return Standing::Current;
        for (const auto* h : heads)
            if (h->identity() == identity) return Standing::OpenConflict;
        return reg.isAncestorOfHead(identity) ? Standing::Ancestor : Standing::Missing;
    }
    return Standing::Missing;
}

}  // namespace abri::merge
