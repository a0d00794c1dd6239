#include "cases/case_repository.h"

#include <map>

#include "audit/audit_log.h"
#include "cases/case_code.h"
#include "cases/case_masking.h"
#include "cases/case_store.h"
#include "cases/search_text.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "journal/journal.h"
#include "model/case_rules.h"
#include "model/consent_rules.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::cases {

using model::Entity;
using vault::Permission;

namespace {

constexpr const char* kCaseEntity = "case";
constexpr const char* kItemEntity = "item";

Entity itemKindFromCode(const std::string& code, std::string_view subject) {
    auto kind = model::entityFromCode(code);
    if (!kind || *kind == Entity::Case) throw Error(ErrorCode::InvalidCode, std::string(subject), "item_kind");
    return *kind;
}

using PreparedItems = std::vector<std::pair<Entity, Json>>;

bool hasSharingConsent(const std::vector<Json>& consents) {
    return std::any_of(consents.begin(), consents.end(),
                       [](const Json& c) { return model::isActiveConsent(c, model::kDataSharingScope); });
}

// Items created with a case may carry their own consent: the rule is checked over the whole set.
void checkConsentRules(const PreparedItems& items) {
    std::vector<Json> consents;
    for (const auto& [kind, doc] : items)
        if (kind == Entity::Consent) consents.push_back(doc);
    for (const auto& [kind, doc] : items)
        if (model::needsSharingConsent(kind, doc) && !hasSharingConsent(consents))
            throw Error(ErrorCode::ConsentRequired, std::string(model::entityCode(kind)));
}

}  // namespace

// The repository's private helpers live in this class so the header stays small: permission-checked, journalled,
// audited writes on top of the store.
struct RepositoryOps {
    vault::Vault& vault;
    storage::Database& db;
    CaseStore store;

    explicit RepositoryOps(vault::Vault& v) : vault(v), db(v.db()), store(v.db()) {}

    std::string userId() const { return vault.currentUser().id; }

    StoredCase requireCase(std::string_view caseId) {
        auto row = store.findCase(caseId);
        if (!row || row->deleted) throw Error(ErrorCode::NotFound, "case");
        return std::move(*row);
    }

    StoredItem requireItem(std::string_view itemId) {
        auto row = store.findItem(itemId);
        if (!row || row->deleted) throw Error(ErrorCode::NotFound, "item");
        return std::move(*row);
    }

    std::string newCaseCode(const std::string& office, const std::string& registeredOn) {
        for (int attempt = 0; attempt < 16; ++attempt) {
            std::string code = generateCaseCode(office, registeredOn);
            if (!store.caseCodeTaken(code)) return code;
        }
        throw Error(ErrorCode::Internal, "case_code", "could not find a free case code");
    }

    // Splits an incoming document into the case document and its "items"; fills defaults; validates all.
    std::pair<Json, PreparedItems> prepareCase(const Json& input) {
        if (!input.is_object()) throw Error(ErrorCode::InvalidValue, "case", "a case must be a JSON object");
        Json doc = input;
        PreparedItems items;
        if (doc.contains("items")) {
            const Json& list = doc["items"];
            if (!list.is_array()) throw Error(ErrorCode::InvalidValue, "items", "must be an array");
            for (std::size_t i = 0; i < list.size(); ++i) {
                const std::string subject = "items[" + std::to_string(i) + "]";
                if (!list[i].is_object() || !list[i].contains("kind") || !list[i]["kind"].is_string())
                    throw Error(ErrorCode::MissingField, subject + ".kind");
                Json itemDoc = list[i];
                Entity kind = itemKindFromCode(itemDoc["kind"].get<std::string>(), subject + ".kind");
                itemDoc.erase("kind");
                try {
                    model::validateDocument(kind, itemDoc, vault.today());
                } catch (const Error& e) {
                    throw Error(e.code(), subject + "." + e.subject(), e.detail());
                }
                items.emplace_back(kind, std::move(itemDoc));
            }
            doc.erase("items");
        }
        if (!doc.contains("office") || doc["office"].is_null()) doc["office"] = vault.office();
        if (!doc.contains("status") || doc["status"].is_null()) doc["status"] = "registered";
        if (!doc.contains("registered_on") || doc["registered_on"].is_null()) doc["registered_on"] = vault.today();
        if ((!doc.contains("caseworker") || doc["caseworker"].is_null()) &&
            vault.currentUser().role == vault::Role::Caseworker) {
            doc["caseworker"] = vault.currentUser().id;
        }
        if (doc.contains("case_code") && doc["case_code"].is_null()) doc.erase("case_code");
        // Duplicate links and flags come only from the hub (sync/PROTOCOL.md §6.4).
        for (const auto& spec : model::fieldsOf(Entity::Case))
            if (spec.hubOnly && !model::getField(doc, spec.path).is_null())
                throw Error(ErrorCode::InvalidValue, std::string(spec.path), "set by the hub only");
        // Validate before generating the code so a bad document costs nothing.
        Json probe = doc;
        if (!probe.contains("case_code")) probe["case_code"] = "PENDING";
        model::validateDocument(Entity::Case, probe, vault.today());
        checkConsentRules(items);
        return {std::move(doc), std::move(items)};
    }

    // Journals a new item and returns its stored form (not yet written).
    StoredItem journalItem(const std::string& caseId, Entity kind, const Json& doc,
                           const std::optional<std::string>& supersedes) {
        StoredItem item;
        item.id = crypto::randomId();
        item.caseId = caseId;
        item.kind = kind;
        item.author = userId();
        item.createdMs = vault.nowMs();
        item.supersedes = supersedes;
        item.doc = doc;
        Json payload = {{"case_id", caseId}, {"kind", model::entityCode(kind)}, {"doc", doc}};
        if (supersedes) payload["supersedes"] = *supersedes;
        item.created = vault.journal().append(
            {kItemEntity, item.id, journal::OpKind::Create, "", payload.dump(), std::nullopt}, item.author);
        return item;
    }

    std::string insertCase(Json doc, const PreparedItems& prepared) {
        if (!doc.contains("case_code"))
            doc["case_code"] = newCaseCode(doc["office"].get<std::string>(), doc["registered_on"].get<std::string>());
        StoredCase row;
        row.id = crypto::randomId();
        row.caseCode = doc["case_code"].get<std::string>();
        row.created = vault.journal().append(
            {kCaseEntity, row.id, journal::OpKind::Create, "", doc.dump(), std::nullopt}, userId());
        row.doc = std::move(doc);
        std::vector<StoredItem> items;
        items.reserve(prepared.size());
        for (const auto& [kind, itemDoc] : prepared) items.push_back(journalItem(row.id, kind, itemDoc, std::nullopt));
        store.insertCase(row, items, vault.nowMs());
        return row.id;
    }

    std::string addItem(const std::string& caseId, Entity kind, const Json& doc,
                        const std::optional<std::string>& supersedes) {
        StoredItem item = journalItem(caseId, kind, doc, supersedes);
        store.insertItem(item);
        return item.id;
    }

    // Journals one field change of an entity with its base version (sync/PROTOCOL.md §5).
    void journalSet(const char* entity, const std::string& entityId, const std::string& path, const Json& value,
                    const journal::Version& created) {
        const journal::Version base = store.currentVersion(entityId, path, created);
        const journal::Version v =
            vault.journal().append({entity, entityId, journal::OpKind::Set, path, value.dump(), base}, userId());
        store.recordVersion(entityId, path, v);
    }
};

// ---------------------------------------------------------------------------------------------------------------

CaseRepository::CaseRepository(vault::Vault& vault) : vault_(vault) {}

std::string CaseRepository::createCase(const Json& doc) {
    vault_.require(Permission::EditCases);
    RepositoryOps ops(vault_);
    auto [caseDoc, items] = ops.prepareCase(doc);
    storage::Transaction tx(ops.db);
    const std::string id = ops.insertCase(std::move(caseDoc), items);
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::CaseCreated, id);
    tx.commit();
    return id;
}

std::vector<std::string> CaseRepository::importCases(const std::vector<Json>& docs,
                                                     const std::function<void(std::size_t, std::size_t)>& progress) {
    vault_.require(Permission::EditCases);
    RepositoryOps ops(vault_);
    // Validate everything before writing anything: an import is all-or-nothing.
    std::vector<std::pair<Json, PreparedItems>> prepared;
    prepared.reserve(docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
        try {
            prepared.push_back(ops.prepareCase(docs[i]));
        } catch (const Error& e) {
            throw Error(e.code(), "cases[" + std::to_string(i) + "]." + e.subject(), e.detail());
        }
    }
    std::vector<std::string> ids;
    ids.reserve(docs.size());
    storage::Transaction tx(ops.db);
    for (std::size_t i = 0; i < prepared.size(); ++i) {
        ids.push_back(ops.insertCase(std::move(prepared[i].first), prepared[i].second));
        if (progress && (i % 1000 == 999 || i + 1 == prepared.size())) progress(i + 1, prepared.size());
    }
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::Imported, "", "",
                          std::to_string(ids.size()) + " cases");
    tx.commit();
    return ids;
}

void CaseRepository::updateField(std::string_view caseId, std::string_view fieldPath, const Json& value) {
    Json changes = Json::object();
    changes[std::string(fieldPath)] = value;
    updateFields(caseId, changes);
}

void CaseRepository::updateFields(std::string_view caseId, const Json& changesIn) {
    vault_.require(Permission::EditCases);
    if (!changesIn.is_object()) throw Error(ErrorCode::InvalidValue, "changes", "must be an object of field paths");
    RepositoryOps ops(vault_);
    StoredCase row = ops.requireCase(caseId);
    const std::string today = vault_.today();

    // std::map: a stable order of ops (and of audit entries) whatever the caller's JSON order.
    std::map<std::string, Json> changes;
    for (auto it = changesIn.begin(); it != changesIn.end(); ++it) changes[it.key()] = it.value();

    for (const auto& [path, value] : changes) {
        const auto* spec = model::findField(Entity::Case, path);
        if (spec == nullptr) throw Error(ErrorCode::UnknownField, path);
        if (!spec->editable) throw Error(ErrorCode::InvalidValue, path, "cannot be changed after creation");
        model::validateField(Entity::Case, path, value, today);
    }
    if (auto it = changes.find("status"); it != changes.end()) {
        const std::string to = it->second.get<std::string>();
        model::checkStatusTransition(row.status, to);
        const bool closing = to == "closed" || to == "closed_referred";
        if (closing && !changes.count("closed_on")) changes["closed_on"] = today;
        if (!closing) {
            if (!changes.count("closure_reason")) changes["closure_reason"] = nullptr;
            if (!changes.count("closed_on")) changes["closed_on"] = nullptr;
        }
    }

    Json doc = row.doc;
    std::vector<std::string> changed;
    for (const auto& [path, value] : changes) {
        if (model::getField(doc, path) == value) continue;
        model::setField(doc, path, value);
        changed.push_back(path);
    }
    if (changed.empty()) return;
    model::validateDocument(Entity::Case, doc, today);

    bool reindex = false;
    storage::Transaction tx(ops.db);
    for (const auto& path : changed) {
        ops.journalSet(kCaseEntity, row.id, path, model::getField(doc, path), row.created);
        vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::CaseEdited, row.id, path);
        reindex = reindex || affectsSearch(path);
    }
    ops.store.rewriteCase(row, doc, vault_.nowMs(), reindex);
    tx.commit();
}

void CaseRepository::deleteCase(std::string_view caseId) {
    vault_.require(Permission::DeleteCases);
    RepositoryOps ops(vault_);
    StoredCase row = ops.requireCase(caseId);
    storage::Transaction tx(ops.db);
    vault_.journal().append({kCaseEntity, row.id, journal::OpKind::Delete, "", "", std::nullopt}, ops.userId());
    ops.store.setCaseDeleted(row.id, true, vault_.nowMs());
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::CaseDeleted, row.id);
    tx.commit();
}

std::string CaseRepository::addItem(std::string_view caseId, model::Entity kind, const Json& doc) {
    vault_.require(Permission::EditCases);
    if (kind == Entity::Case) throw Error(ErrorCode::InvalidValue, "kind", "not an item kind");
    RepositoryOps ops(vault_);
    StoredCase row = ops.requireCase(caseId);
    model::validateDocument(kind, doc, vault_.today());
    if (model::needsSharingConsent(kind, doc)) {
        std::vector<Json> consents;
        for (auto& item : ops.store.itemsOf(row.id, Entity::Consent)) consents.push_back(std::move(item.doc));
        if (!hasSharingConsent(consents)) throw Error(ErrorCode::ConsentRequired, std::string(model::entityCode(kind)));
    }
    storage::Transaction tx(ops.db);
    const std::string id = ops.addItem(row.id, kind, doc, std::nullopt);
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::ItemAdded, id, model::entityCode(kind),
                          "case " + row.id);
    ops.store.rewriteCase(row, row.doc, vault_.nowMs(), kind == Entity::Note);
    tx.commit();
    return id;
}

void CaseRepository::updateItemField(std::string_view itemId, std::string_view fieldPath, const Json& value) {
    vault_.require(Permission::EditCases);
    RepositoryOps ops(vault_);
    StoredItem item = ops.requireItem(itemId);
    const std::string path(fieldPath);
    if (model::isAppendOnly(item.kind)) throw Error(ErrorCode::AppendOnly, path);
    const auto* spec = model::findField(item.kind, path);
    if (spec == nullptr) throw Error(ErrorCode::UnknownField, path);
    if (!spec->editable) throw Error(ErrorCode::InvalidValue, path, "cannot be changed after creation");
    model::validateField(item.kind, path, value, vault_.today());
    Json doc = item.doc;
    if (model::getField(doc, path) == value) return;
    model::setField(doc, path, value);
    model::validateDocument(item.kind, doc, vault_.today());

    storage::Transaction tx(ops.db);
    ops.journalSet(kItemEntity, item.id, path, value, item.created);
    ops.store.updateItem(item.id, doc, false);
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::ItemEdited, item.id, path);
    ops.store.refreshCase(item.caseId, vault_.nowMs(), false);
    tx.commit();
}

std::string CaseRepository::correctItem(std::string_view itemId, const Json& doc) {
    vault_.require(Permission::EditCases);
    RepositoryOps ops(vault_);
    StoredItem item = ops.requireItem(itemId);
    if (!model::isAppendOnly(item.kind))
        throw Error(ErrorCode::InvalidValue, std::string(model::entityCode(item.kind)), "edit the record instead");
    model::validateDocument(item.kind, doc, vault_.today());
    storage::Transaction tx(ops.db);
    const std::string id = ops.addItem(item.caseId, item.kind, doc, item.id);
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::ItemAdded, id, model::entityCode(item.kind),
                          "supersedes " + item.id);
    ops.store.refreshCase(item.caseId, vault_.nowMs(), item.kind == Entity::Note);
    tx.commit();
    return id;
}

void CaseRepository::deleteItem(std::string_view itemId) {
    vault_.require(Permission::EditCases);
    RepositoryOps ops(vault_);
    StoredItem item = ops.requireItem(itemId);
    // Notes and services are never removed: a correction supersedes them, so the record of what was said stays.
    if (model::isAppendOnly(item.kind)) throw Error(ErrorCode::AppendOnly, std::string(model::entityCode(item.kind)));
    storage::Transaction tx(ops.db);
    vault_.journal().append({kItemEntity, item.id, journal::OpKind::Delete, "", "", std::nullopt}, ops.userId());
    ops.store.updateItem(item.id, item.doc, true);
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::ItemDeleted, item.id,
                          model::entityCode(item.kind));
    ops.store.refreshCase(item.caseId, vault_.nowMs(), false);
    tx.commit();
}

std::optional<CaseView> CaseRepository::load(std::string_view caseId) {
    vault_.require(Permission::ViewCases);
    CaseStore store(vault_.db());
    auto row = store.findCase(caseId);
    if (!row || row->deleted) return std::nullopt;
    CaseView view;
    view.id = row->id;
    view.doc = row->doc;
    auto items = store.itemsOf(row->id);
    std::vector<Json> events;
    for (const auto& item : items)
        if (item.kind == Entity::Event) events.push_back(item.doc);
    const std::set<std::string> supersededIds = store.supersededItems(row->id);
    view.minor = model::isMinor(row->doc);
    view.screeningOutcome = model::screeningOutcome(row->doc);
    view.international = model::isInternational(row->doc, events);
    view.age = model::ageOn(row->doc, row->doc.value("registered_on", vault_.today()));
    view.masked = maskSensitive(Entity::Case, view.doc);
    view.updatedMs = row->updatedMs;
    for (auto& item : items) {
        Item out;
        out.id = item.id;
        out.caseId = item.caseId;
        out.kind = item.kind;
        out.author = item.author;
        out.createdMs = item.createdMs;
        out.supersedes = item.supersedes;
        out.superseded = supersededIds.count(item.id) > 0;
        out.doc = std::move(item.doc);
        out.masked = maskSensitive(item.kind, out.doc);
        view.items.push_back(std::move(out));
    }
    return view;
}

std::optional<std::string> CaseRepository::findIdByCode(std::string_view caseCode) {
    vault_.require(Permission::ViewCases);
    return CaseStore(vault_.db()).liveIdByCode(caseCode);
}

Json CaseRepository::reveal(std::string_view entityId, std::string_view fieldPath) {
    vault_.require(Permission::RevealSensitive);
    CaseStore store(vault_.db());
    Json value;
    if (auto row = store.findCase(entityId); row && !row->deleted) {
        const auto* spec = model::findField(Entity::Case, fieldPath);
        if (spec == nullptr) throw Error(ErrorCode::UnknownField, std::string(fieldPath));
        value = model::getField(row->doc, fieldPath);
    } else if (auto item = store.findItem(entityId); item && !item->deleted) {
        const auto* spec = model::findField(item->kind, fieldPath);
        if (spec == nullptr) throw Error(ErrorCode::UnknownField, std::string(fieldPath));
        value = model::getField(item->doc, fieldPath);
    } else {
        throw Error(ErrorCode::NotFound, "case");
    }
    // The reveal is recorded before the value leaves the core.
    vault_.audit().append(vault_.nowMs(), vault_.currentUser().id, audit::Action::SensitiveRevealed, entityId, fieldPath);
    return value;
}

std::vector<CaseSummary> CaseRepository::list(const CaseQuery& query) {
    vault_.require(Permission::ViewCases);
    return CaseStore(vault_.db()).list(query);
}

std::int64_t CaseRepository::count(const CaseFilter& filter) {
    vault_.require(Permission::ViewCases);
    return CaseStore(vault_.db()).count(filter);
}

}  // namespace abri::cases
