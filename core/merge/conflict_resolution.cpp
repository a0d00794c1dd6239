#include "merge/conflict_resolution.h"

#include "audit/audit_log.h"
#include "common/error.h"
#include "journal/journal.h"
#include "merge/vault_applier.h"
#include "model/case_rules.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::merge {

journal::Version resolveConflict(vault::Vault& vault, std::string_view entityId, std::string_view fieldView,
                                 const nlohmann::json& chosen) {
    vault.require(vault::Permission::ResolveConflicts);
    const std::string field(fieldView);
    const MergeState state = loadEntityState(vault, entityId);
    const EntityState* entity = state.find(entityId);
    const bool isCase = entity != nullptr && entity->entity == EntityKind::Case;
    if (entity == nullptr || entity->create() == nullptr || entity->deleted())
        throw Error(ErrorCode::NotFound, isCase ? "case" : "item");
    const auto kind = entity->modelKind();
    if (!kind) throw Error(ErrorCode::NotFound, "item");
    if (model::isAppendOnly(*kind)) throw Error(ErrorCode::AppendOnly, field);
    const model::FieldSpec* spec = model::findField(*kind, field);
    if (spec == nullptr) throw Error(ErrorCode::UnknownField, field);
    model::validateField(*kind, field, chosen, vault.today());
    auto reg = entity->fields.find(field);
    if (reg == entity->fields.end() || reg->second.heads().size() < 2) throw Error(ErrorCode::NotFound, "conflict");

    std::vector<journal::Version> parents;  // the winner first (the base), then every open head
    for (const RemoteOp* head : reg->second.heads()) parents.push_back(head->identity());

    storage::Transaction tx(vault.db());
    const std::string userId = vault.currentUser().id;
    const journal::Version v = vault.journal().append(
        {std::string(wire::entityKindCode(entity->entity)), std::string(entityId), journal::OpKind::Resolve, field,
         chosen.dump(), parents.front()},
        userId, parents);
    VaultApplier applier(vault);
    ApplyResult ignored;
    applier.rematerialise(entityId, ignored);
    vault.audit().append(vault.nowMs(), userId, audit::Action::ConflictResolved, entityId, field);
    tx.commit();
    return v;
}

}  // namespace abri::merge
