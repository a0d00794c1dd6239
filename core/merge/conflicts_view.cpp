#include "merge/conflicts_view.h"

#include <algorithm>

#include "cases/case_repository.h"
#include "common/error.h"
#include "merge/conflict_resolution.h"
#include "merge/merge_state.h"
#include "merge/vault_applier.h"
#include "model/case_rules.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::merge {

namespace {

struct StoredConflict {
    OpenConflict row;
    std::string losingValueJson;  // stays inside this file: it leaves only through a view or a resolution
};

std::vector<StoredConflict> readOpenConflicts(vault::Vault& vault, std::string_view entityId) {
    std::string sql =
        "SELECT id, entity_id, field, losing_value, losing_hlc, losing_device, winning_hlc, winning_device, "
        "detected_ms FROM conflicts WHERE resolved_ms IS NULL";
    if (!entityId.empty()) sql += " AND entity_id = ?";
    sql += " ORDER BY id";
    auto stmt = vault.db().prepare(sql);
    if (!entityId.empty()) stmt.bind(1, entityId);
    std::vector<StoredConflict> out;
    while (stmt.step()) {
        StoredConflict c;
        c.row.id = stmt.int64(0);
        c.row.entityId = stmt.text(1);
        c.row.field = stmt.text(2);
        c.losingValueJson = stmt.optionalText(3).value_or("null");
        c.row.losing = {static_cast<Hlc>(stmt.int64(4)), stmt.text(5)};
        c.row.winning = {static_cast<Hlc>(stmt.int64(6)), stmt.text(7)};
        c.row.detectedMs = stmt.int64(8);
        out.push_back(std::move(c));
    }
    return out;
}

// An empty value reveals nothing, so it is shown as empty even when the field is masked.
bool isEmptyValue(const Json& value) {
    return value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty()) ||
           (value.is_array() && value.empty()) || (value.is_object() && value.empty());
}

void withhold(ConflictValue& side) {
    side.withheld = !isEmptyValue(side.value);
    side.value = nullptr;
}

// Everything about one conflict except the masking decision: its case, the field's sensitivity, both values.
ConflictView unmaskedView(vault::Vault& vault, cases::CaseRepository& repository, const StoredConflict& stored) {
    ConflictView view;
    view.conflict = stored.row;
    view.winning.version = stored.row.winning;
    view.losing.version = stored.row.losing;
    view.losing.value = parseValue(stored.losingValueJson);

    const MergeState state = loadEntityState(vault, stored.row.entityId);
    const EntityState* entity = state.find(stored.row.entityId);
    if (entity == nullptr) return view;
    view.caseId = entity->entity == EntityKind::Case ? entity->id : entity->caseId;
    view.kind = entity->modelKind();
    view.exists = entity->create() != nullptr && !entity->deleted();
    if (view.kind) {
        const model::FieldSpec* spec = model::findField(*view.kind, stored.row.field);
        view.sensitive = spec == nullptr || spec->sensitive;
    }
    if (auto reg = entity->fields.find(stored.row.field); reg != entity->fields.end()) {
        // The value that wins now (what the case file shows); the recorded winner when the field has no ops left.
        if (const RemoteOp* winner = reg->second.winner()) {
            view.winning.version = winner->identity();
            view.winning.author = winner->author;
            view.winning.value = parseValue(winner->valueJson);
        }
        if (auto losing = reg->second.ops.find(stored.row.losing); losing != reg->second.ops.end()) {
            view.losing.author = losing->second.author;
        }
    }
    if (auto current = view.caseId.empty() ? std::nullopt : repository.load(view.caseId)) {
        const Json code = model::getField(current->doc, "case_code");
        if (code.is_string()) view.caseCode = code.get<std::string>();
        const bool itemThere = std::any_of(current->items.begin(), current->items.end(),
                                           [&](const cases::Item& item) { return item.id == stored.row.entityId; });
        if (current->id != stored.row.entityId && !itemThere) view.exists = false;  // an item deleted since
    } else {
        view.exists = false;  // the case itself is gone
    }
    return view;
}

}  // namespace

std::vector<OpenConflict> openConflicts(vault::Vault& vault, std::string_view entityId) {
    std::vector<OpenConflict> out;
    for (auto& stored : readOpenConflicts(vault, entityId)) out.push_back(std::move(stored.row));
    return out;
}

std::vector<ConflictView> viewOpenConflicts(vault::Vault& vault, const ConflictReveal& reveal) {
    vault.require(vault::Permission::ViewCases);
    if (reveal.any()) vault.require(vault::Permission::RevealSensitive);
    cases::CaseRepository repository(vault);
    std::vector<ConflictView> views;
    for (const auto& stored : readOpenConflicts(vault, {})) {
        ConflictView view = unmaskedView(vault, repository, stored);
        if (view.sensitive) {
            // Only a known field of an existing entity can be revealed; the repository checks and audits it.
            const bool known = view.kind && model::findField(*view.kind, view.conflict.field) != nullptr;
            bool revealed = false;
            if (known && view.exists && reveal.wants(view.conflict.id)) {
                try {
                    repository.reveal(view.conflict.entityId, view.conflict.field);
                    revealed = true;
                } catch (const Error& error) {
                    if (error.code() != ErrorCode::NotFound) throw;  // deleted meanwhile: stays masked
                }
            }
            if (!revealed) {
                view.masked = true;
                view.revealable = known && view.exists;
                withhold(view.winning);
                withhold(view.losing);
            }
        }
        views.push_back(std::move(view));
    }
    return views;
}

journal::Version resolveOpenConflict(vault::Vault& vault, std::int64_t id, KeptValue keep) {
    vault.require(vault::Permission::ResolveConflicts);
    const auto open = readOpenConflicts(vault, {});
    const auto found = std::find_if(open.begin(), open.end(), [id](const StoredConflict& c) { return c.row.id == id; });
    if (found == open.end()) throw Error(ErrorCode::NotFound, "conflict");
    Json chosen = parseValue(found->losingValueJson);
    if (keep == KeptValue::Winning) {
        chosen = nullptr;
        const MergeState state = loadEntityState(vault, found->row.entityId);
        if (const EntityState* entity = state.find(found->row.entityId)) {
            if (auto reg = entity->fields.find(found->row.field); reg != entity->fields.end()) {
                if (const RemoteOp* winner = reg->second.winner()) chosen = parseValue(winner->valueJson);
            }
        }
    }
    return resolveConflict(vault, found->row.entityId, found->row.field, chosen);
}

}  // namespace abri::merge
