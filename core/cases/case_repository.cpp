#include "cases/case_repository.h"

#include <algorithm>
#include <map>
#include <set>

#include "audit/audit_log.h"
#include "cases/case_code.h"
#include "cases/code_list_column.h"
#include "cases/search_text.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "journal/journal.h"
#include "model/case_rules.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::cases {

using model::Entity;
using vault::Permission;

namespace {

constexpr const char* kCaseEntity = "case";
constexpr const char* kItemEntity = "item";

// Columns derived from a case document (and its events), kept beside the document for listing and filtering.
struct Derived {
    bool minor = false;
    std::string screeningOutcome;
    std::optional<bool> international;
    std::vector<std::string> exploitationTypes;
};

std::vector<std::string> stringList(const Json& value) {
    std::vector<std::string> out;
    if (value.is_array())
        for (const auto& v : value)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

std::optional<std::string> optionalString(const Json& doc, std::string_view path) {
    Json v = model::getField(doc, path);
    if (v.is_string()) return v.get<std::string>();
    return std::nullopt;
}

Derived derive(const Json& doc, const std::vector<Json>& events) {
    Derived d;
    d.minor = model::isMinor(doc);
    d.screeningOutcome = model::screeningOutcome(doc);
    d.international = model::isInternational(doc, events);
    d.exploitationTypes = stringList(model::getField(doc, "situation.exploitation_types"));
    return d;
}

// Removes sensitive values from a document; returns the masked paths.
std::vector<std::string> maskSensitive(Entity entity, Json& doc) {
    std::vector<std::string> masked;
    for (const auto& spec : model::fieldsOf(entity)) {
        if (!spec.sensitive) continue;
        Json value = model::getField(doc, spec.path);
        if (value.is_null() || (value.is_array() && value.empty()) || (value.is_string() && value.get<std::string>().empty()))
            continue;
        model::setField(doc, spec.path, nullptr);
        masked.emplace_back(spec.path);
    }
    return masked;
}

struct CaseRow {
    std::int64_t rowid = 0;
    std::string id;
    std::string status;
    Json doc;
    journal::Version created;
    bool deleted = false;
};

struct ItemRow {
    std::string id;
    std::string caseId;
    Entity kind = Entity::Note;
    Json doc;
    journal::Version created;
    bool deleted = false;
};

Entity itemKindFromCode(const std::string& code, std::string_view subject) {
    auto kind = model::entityFromCode(code);
    if (!kind || *kind == Entity::Case) throw Error(ErrorCode::InvalidCode, std::string(subject), "item_kind");
    return *kind;
}

}  // namespace

// The repository's private helpers live in this class so the header stays small.
struct RepositoryOps {
    vault::Vault& vault;
    storage::Database& db;

    explicit RepositoryOps(vault::Vault& v) : vault(v), db(v.db()) {}

    std::string userId() const { return vault.currentUser().id; }

    std::optional<CaseRow> findCase(std::string_view caseId) {
        auto& s = db.cached("SELECT c.rowid, c.id, c.status, d.doc, c.created_hlc, c.created_device, c.deleted FROM cases c "
                            "JOIN case_docs d ON d.case_rowid = c.rowid WHERE c.id = ?");
        s.bind(1, caseId);
        if (!s.step()) return std::nullopt;
        CaseRow row;
        row.rowid = s.int64(0);
        row.id = s.text(1);
        row.status = s.text(2);
        row.doc = Json::parse(s.text(3));
        row.created = {static_cast<journal::Hlc>(s.int64(4)), s.text(5)};
        row.deleted = s.int64(6) != 0;
        s.reset();
        return row;
    }

    CaseRow requireCase(std::string_view caseId) {
        auto row = findCase(caseId);
        if (!row || row->deleted) throw Error(ErrorCode::NotFound, "case");
        return std::move(*row);
    }

    std::optional<ItemRow> findItem(std::string_view itemId) {
        auto& s = db.cached(
            "SELECT id, case_id, kind, doc, created_hlc, created_device, deleted FROM case_items WHERE id = ?");
        s.bind(1, itemId);
        if (!s.step()) return std::nullopt;
        ItemRow row;
        row.id = s.text(0);
        row.caseId = s.text(1);
        row.kind = itemKindFromCode(s.text(2), "item.kind");
        row.doc = Json::parse(s.text(3));
        row.created = {static_cast<journal::Hlc>(s.int64(4)), s.text(5)};
        row.deleted = s.int64(6) != 0;
        s.reset();
        return row;
    }

    ItemRow requireItem(std::string_view itemId) {
        auto row = findItem(itemId);
        if (!row || row->deleted) throw Error(ErrorCode::NotFound, "item");
        return std::move(*row);
    }

    std::vector<ItemRow> itemsOf(std::string_view caseId, std::optional<Entity> kind = std::nullopt) {
        auto& s = db.cached(
            "SELECT id, case_id, kind, doc, created_hlc, created_device, deleted FROM case_items "
            "WHERE case_id = ? AND deleted = 0 ORDER BY created_hlc, id");
        s.bind(1, caseId);
        std::vector<ItemRow> out;
        while (s.step()) {
            ItemRow row;
            row.id = s.text(0);
            row.caseId = s.text(1);
            row.kind = itemKindFromCode(s.text(2), "item.kind");
            if (kind && row.kind != *kind) continue;
            row.doc = Json::parse(s.text(3));
            row.created = {static_cast<journal::Hlc>(s.int64(4)), s.text(5)};
            out.push_back(std::move(row));
        }
        return out;
    }

    std::vector<Json> eventDocs(std::string_view caseId) {
        std::vector<Json> out;
        for (auto& item : itemsOf(caseId, Entity::Event)) out.push_back(std::move(item.doc));
        return out;
    }

    journal::Version currentVersion(std::string_view entityId, std::string_view field, const journal::Version& created) {
        auto& s = db.cached("SELECT hlc, device FROM field_versions WHERE entity_id = ? AND field = ?");
        s.bind(1, entityId).bind(2, field);
        if (s.step()) {
            journal::Version v{static_cast<journal::Hlc>(s.int64(0)), s.text(1)};
            s.reset();
            return v;
        }
        return created;
    }

    void recordVersion(std::string_view entityId, std::string_view field, const journal::Version& v) {
        auto& s = db.cached("INSERT OR REPLACE INTO field_versions (entity_id, field, hlc, device) VALUES (?, ?, ?, ?)");
        s.bind(1, entityId).bind(2, field).bind(3, static_cast<std::int64_t>(v.hlc)).bind(4, v.device).run();
    }

    // ---- full-text index ----
    void reindexSearch(std::int64_t rowid, const Json& caseDoc, std::string_view caseId) {
        std::vector<std::string> noteTexts;
        for (const auto& note : itemsOf(caseId, Entity::Note)) {
            if (auto text = optionalString(note.doc, "text")) noteTexts.push_back(*text);
        }
        writeSearch(rowid, caseDoc, noteTexts, true);
    }

    void writeSearch(std::int64_t rowid, const Json& caseDoc, const std::vector<std::string>& noteTexts, bool replace) {
        if (replace) db.cached("DELETE FROM case_search WHERE docid = ?").bind(1, rowid).run();
        auto& s = db.cached("INSERT INTO case_search (docid, body) VALUES (?, ?)");
        s.bind(1, rowid).bind(2, searchBody(caseDoc, noteTexts)).run();
    }

    void writeDoc(std::int64_t rowid, const std::string& docText, bool replace) {
        auto& s = db.cached(replace ? "UPDATE case_docs SET doc = ? WHERE case_rowid = ?"
                                    : "INSERT INTO case_docs (doc, case_rowid) VALUES (?, ?)");
        s.bind(1, docText).bind(2, rowid).run();
    }

    void writeExploitation(std::int64_t rowid, const std::vector<std::string>& types, bool replace) {
        if (replace) db.cached("DELETE FROM case_exploitation WHERE case_rowid = ?").bind(1, rowid).run();
        auto& s = db.cached("INSERT OR IGNORE INTO case_exploitation (type, case_rowid) VALUES (?, ?)");
        for (const auto& t : types) {
            s.reset();
            s.bind(1, t).bind(2, rowid).run();
        }
    }

    // ---- creation ----
    std::string newCaseCode(const std::string& office, const std::string& registeredOn) {
        for (int attempt = 0; attempt < 16; ++attempt) {
            std::string code = generateCaseCode(office, registeredOn);
            auto& s = db.cached("SELECT 1 FROM cases WHERE case_code = ?");
            s.bind(1, code);
            const bool taken = s.step();
            s.reset();
            if (!taken) return code;
        }
        throw Error(ErrorCode::Internal, "case_code", "could not find a free case code");
    }

    // Splits an incoming document into the case document and its "items"; fills defaults; validates all.
    std::pair<Json, std::vector<std::pair<Entity, Json>>> prepareCase(const Json& input) {
        if (!input.is_object()) throw Error(ErrorCode::InvalidValue, "case", "a case must be a JSON object");
        Json doc = input;
        std::vector<std::pair<Entity, Json>> items;
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
        // Validate before generating the code so a bad document costs nothing.
        Json probe = doc;
        if (!probe.contains("case_code")) probe["case_code"] = "PENDING";
        model::validateDocument(Entity::Case, probe, vault.today());
        checkConsentRules(items);
        return {std::move(doc), std::move(items)};
    }

    // Outgoing referrals and transfers share the person's data beyond the office: they need consent.
    static bool hasSharingConsent(const std::vector<Json>& consents) {
        return std::any_of(consents.begin(), consents.end(), [](const Json& c) {
            return c.value("scope", "") == "data_sharing" && c.value("given", false) &&
                   (!c.contains("withdrawn_on") || c["withdrawn_on"].is_null());
        });
    }

    static bool needsConsent(Entity kind, const Json& doc) {
        if (kind == Entity::Transfer) return true;
        return kind == Entity::Referral && doc.value("direction", "") == "outgoing";
    }

    static void checkConsentRules(const std::vector<std::pair<Entity, Json>>& items) {
        std::vector<Json> consents;
        for (const auto& [kind, doc] : items)
            if (kind == Entity::Consent) consents.push_back(doc);
        for (const auto& [kind, doc] : items) {
            if (needsConsent(kind, doc) && !hasSharingConsent(consents))
                throw Error(ErrorCode::ConsentRequired, std::string(model::entityCode(kind)));
        }
    }

    std::string insertCase(Json doc, const std::vector<std::pair<Entity, Json>>& items) {
        if (!doc.contains("case_code"))
            doc["case_code"] = newCaseCode(doc["office"].get<std::string>(), doc["registered_on"].get<std::string>());
        const std::string id = crypto::randomId();
        const std::string docText = doc.dump();
        const journal::Version created =
            vault.journal().append({kCaseEntity, id, journal::OpKind::Create, "", docText, std::nullopt}, userId());

        std::vector<Json> events;
        for (const auto& [kind, itemDoc] : items)
            if (kind == Entity::Event) events.push_back(itemDoc);
        const Derived d = derive(doc, events);

        auto& s = db.cached(
            "INSERT INTO cases (id, case_code, office, caseworker, status, registered_on, closed_on, minor, gender, "
            "screening_outcome, international, exploitation_types, updated_ms, created_hlc, created_device) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, id)
            .bind(2, doc["case_code"].get<std::string>())
            .bind(3, doc["office"].get<std::string>())
            .bind(4, optionalString(doc, "caseworker"))
            .bind(5, doc["status"].get<std::string>())
            .bind(6, doc["registered_on"].get<std::string>())
            .bind(7, optionalString(doc, "closed_on"))
            .bind(8, d.minor ? 1 : 0)
            .bind(9, optionalString(doc, "person.gender"))
            .bind(10, d.screeningOutcome);
        if (d.international) s.bind(11, *d.international ? 1 : 0); else s.bindNull(11);
        s.bind(12, joinCodeColumn(d.exploitationTypes))
            .bind(13, vault.nowMs())
            .bind(14, static_cast<std::int64_t>(created.hlc))
            .bind(15, created.device)
            .run();
        const std::int64_t rowid = db.lastInsertRowId();
        writeDoc(rowid, docText, false);
        writeExploitation(rowid, d.exploitationTypes, false);

        std::vector<std::string> noteTexts;
        for (const auto& [kind, itemDoc] : items) {
            insertItem(id, kind, itemDoc, std::nullopt);
            if (kind == Entity::Note)
                if (auto text = optionalString(itemDoc, "text")) noteTexts.push_back(*text);
        }
        writeSearch(rowid, doc, noteTexts, false);
        return id;
    }

    std::string insertItem(const std::string& caseId, Entity kind, const Json& doc,
                           const std::optional<std::string>& supersedes) {
        const std::string id = crypto::randomId();
        Json payload = {{"case_id", caseId}, {"kind", model::entityCode(kind)}, {"doc", doc}};
        if (supersedes) payload["supersedes"] = *supersedes;
        const journal::Version created = vault.journal().append(
            {kItemEntity, id, journal::OpKind::Create, "", payload.dump(), std::nullopt}, userId());
        auto& s = db.cached(
            "INSERT INTO case_items (id, case_id, kind, author, created_ms, created_hlc, created_device, supersedes, "
            "doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, id)
            .bind(2, caseId)
            .bind(3, model::entityCode(kind))
            .bind(4, userId())
            .bind(5, vault.nowMs())
            .bind(6, static_cast<std::int64_t>(created.hlc))
            .bind(7, created.device)
            .bind(8, supersedes)
            .bind(9, doc.dump())
            .run();
        return id;
    }

    // Rewrites a case row from its (already validated) document and current items.
    void rewriteCase(const CaseRow& row, const Json& doc, bool reindex) {
        const Derived d = derive(doc, eventDocs(row.id));
        auto& s = db.cached(
            "UPDATE cases SET caseworker = ?, status = ?, registered_on = ?, closed_on = ?, minor = ?, gender = ?, "
            "screening_outcome = ?, international = ?, exploitation_types = ?, updated_ms = ? WHERE rowid = ?");
        s.bind(1, optionalString(doc, "caseworker"))
            .bind(2, doc.value("status", "registered"))
            .bind(3, doc.value("registered_on", ""))
            .bind(4, optionalString(doc, "closed_on"))
            .bind(5, d.minor ? 1 : 0)
            .bind(6, optionalString(doc, "person.gender"))
            .bind(7, d.screeningOutcome);
        if (d.international) s.bind(8, *d.international ? 1 : 0); else s.bindNull(8);
        s.bind(9, joinCodeColumn(d.exploitationTypes)).bind(10, vault.nowMs()).bind(11, row.rowid).run();
        writeDoc(row.rowid, doc.dump(), true);
        writeExploitation(row.rowid, d.exploitationTypes, true);
        if (reindex) reindexSearch(row.rowid, doc, row.id);
    }

    void touchCase(const std::string& caseId, bool reindex) {
        auto row = requireCase(caseId);
        rewriteCase(row, row.doc, reindex);
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
    std::vector<std::pair<Json, std::vector<std::pair<Entity, Json>>>> prepared;
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
    CaseRow row = ops.requireCase(caseId);
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
        const journal::Version base = ops.currentVersion(row.id, path, row.created);
        const journal::Version v = vault_.journal().append(
            {kCaseEntity, row.id, journal::OpKind::Set, path, model::getField(doc, path).dump(), base}, ops.userId());
        ops.recordVersion(row.id, path, v);
        vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::CaseEdited, row.id, path);
        reindex = reindex || affectsSearch(path);
    }
    ops.rewriteCase(row, doc, reindex);
    tx.commit();
}

void CaseRepository::deleteCase(std::string_view caseId) {
    vault_.require(Permission::DeleteCases);
    RepositoryOps ops(vault_);
    CaseRow row = ops.requireCase(caseId);
    storage::Transaction tx(ops.db);
    vault_.journal().append({kCaseEntity, row.id, journal::OpKind::Delete, "", "", std::nullopt}, ops.userId());
    ops.db.cached("UPDATE cases SET deleted = 1, updated_ms = ? WHERE rowid = ?").bind(1, vault_.nowMs()).bind(2, row.rowid).run();
    ops.db.cached("DELETE FROM case_search WHERE docid = ?").bind(1, row.rowid).run();
    ops.writeExploitation(row.rowid, {}, true);
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::CaseDeleted, row.id);
    tx.commit();
}

std::string CaseRepository::addItem(std::string_view caseId, model::Entity kind, const Json& doc) {
    vault_.require(Permission::EditCases);
    if (kind == Entity::Case) throw Error(ErrorCode::InvalidValue, "kind", "not an item kind");
    RepositoryOps ops(vault_);
    CaseRow row = ops.requireCase(caseId);
    model::validateDocument(kind, doc, vault_.today());
    if (RepositoryOps::needsConsent(kind, doc)) {
        std::vector<Json> consents;
        for (auto& item : ops.itemsOf(row.id, Entity::Consent)) consents.push_back(std::move(item.doc));
        if (!RepositoryOps::hasSharingConsent(consents))
            throw Error(ErrorCode::ConsentRequired, std::string(model::entityCode(kind)));
    }
    storage::Transaction tx(ops.db);
    const std::string id = ops.insertItem(row.id, kind, doc, std::nullopt);
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::ItemAdded, id, model::entityCode(kind),
                          "case " + row.id);
    ops.touchCase(row.id, kind == Entity::Note);
    tx.commit();
    return id;
}

void CaseRepository::updateItemField(std::string_view itemId, std::string_view fieldPath, const Json& value) {
    vault_.require(Permission::EditCases);
    RepositoryOps ops(vault_);
    ItemRow item = ops.requireItem(itemId);
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
    const journal::Version base = ops.currentVersion(item.id, path, item.created);
    const journal::Version v = vault_.journal().append(
        {kItemEntity, item.id, journal::OpKind::Set, path, value.dump(), base}, ops.userId());
    ops.recordVersion(item.id, path, v);
    ops.db.cached("UPDATE case_items SET doc = ? WHERE id = ?").bind(1, doc.dump()).bind(2, item.id).run();
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::ItemEdited, item.id, path);
    ops.touchCase(item.caseId, false);
    tx.commit();
}

std::string CaseRepository::correctItem(std::string_view itemId, const Json& doc) {
    vault_.require(Permission::EditCases);
    RepositoryOps ops(vault_);
    ItemRow item = ops.requireItem(itemId);
    if (!model::isAppendOnly(item.kind))
        throw Error(ErrorCode::InvalidValue, std::string(model::entityCode(item.kind)), "edit the record instead");
    model::validateDocument(item.kind, doc, vault_.today());
    storage::Transaction tx(ops.db);
    const std::string id = ops.insertItem(item.caseId, item.kind, doc, item.id);
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::ItemAdded, id, model::entityCode(item.kind),
                          "supersedes " + item.id);
    ops.touchCase(item.caseId, item.kind == Entity::Note);
    tx.commit();
    return id;
}

void CaseRepository::deleteItem(std::string_view itemId) {
    vault_.require(Permission::EditCases);
    RepositoryOps ops(vault_);
    ItemRow item = ops.requireItem(itemId);
    // Notes and services are never removed: a correction supersedes them, so the record of what was said stays.
    if (model::isAppendOnly(item.kind)) throw Error(ErrorCode::AppendOnly, std::string(model::entityCode(item.kind)));
    storage::Transaction tx(ops.db);
    vault_.journal().append({kItemEntity, item.id, journal::OpKind::Delete, "", "", std::nullopt}, ops.userId());
    ops.db.cached("UPDATE case_items SET deleted = 1 WHERE id = ?").bind(1, item.id).run();
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::ItemDeleted, item.id,
                          model::entityCode(item.kind));
    ops.touchCase(item.caseId, false);
    tx.commit();
}

std::optional<CaseView> CaseRepository::load(std::string_view caseId) {
    vault_.require(Permission::ViewCases);
    RepositoryOps ops(vault_);
    auto row = ops.findCase(caseId);
    if (!row || row->deleted) return std::nullopt;
    CaseView view;
    view.id = row->id;
    view.doc = row->doc;
    auto items = ops.itemsOf(row->id);
    std::vector<Json> events;
    std::set<std::string> supersededIds;
    for (const auto& item : items) {
        if (item.kind == Entity::Event) events.push_back(item.doc);
    }
    {
        auto& s = ops.db.cached(
            "SELECT supersedes FROM case_items WHERE case_id = ? AND supersedes IS NOT NULL AND deleted = 0");
        s.bind(1, row->id);
        while (s.step()) supersededIds.insert(s.text(0));
    }
    const Derived d = derive(row->doc, events);
    view.minor = d.minor;
    view.screeningOutcome = d.screeningOutcome;
    view.international = d.international;
    view.age = model::ageOn(row->doc, row->doc.value("registered_on", vault_.today()));
    view.masked = maskSensitive(Entity::Case, view.doc);
    {
        auto& s = ops.db.cached("SELECT updated_ms FROM cases WHERE rowid = ?");
        s.bind(1, row->rowid);
        if (s.step()) view.updatedMs = s.int64(0);
        s.reset();
    }
    auto& meta = ops.db.cached("SELECT author, created_ms, supersedes FROM case_items WHERE id = ?");
    for (auto& item : items) {
        Item out;
        out.id = item.id;
        out.caseId = item.caseId;
        out.kind = item.kind;
        meta.reset();
        meta.bind(1, item.id);
        if (meta.step()) {
            out.author = meta.optionalText(0).value_or("");
            out.createdMs = meta.int64(1);
            out.supersedes = meta.optionalText(2);
        }
        out.superseded = supersededIds.count(item.id) > 0;
        out.doc = std::move(item.doc);
        out.masked = maskSensitive(item.kind, out.doc);
        view.items.push_back(std::move(out));
    }
    meta.reset();
    return view;
}

void CaseRepository::storeMergedCase(std::string_view caseId, const Json& doc, const journal::Version& created,
                                     std::string_view caseCodeIfNew, bool deleted) {
    RepositoryOps ops(vault_);
    auto row = ops.findCase(caseId);
    if (!row) {
        // Derived columns are filled by rewriteCase below.
        auto& s = ops.db.cached(
            "INSERT INTO cases (id, case_code, office, status, registered_on, screening_outcome, updated_ms, "
            "created_hlc, created_device) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)");
        s.bind(1, caseId)
            .bind(2, caseCodeIfNew)
            .bind(3, optionalString(doc, "office").value_or(""))
            .bind(4, optionalString(doc, "status").value_or("registered"))
            .bind(5, optionalString(doc, "registered_on").value_or(""))
            .bind(6, vault_.nowMs())
            .bind(7, static_cast<std::int64_t>(created.hlc))
            .bind(8, created.device)
            .run();
        ops.writeDoc(ops.db.lastInsertRowId(), doc.dump(), false);
        row = ops.findCase(caseId);
    }
    // `deleted` comes from the merged op set: a local delete the hub excluded (§5.6) brings the case back.
    ops.rewriteCase(*row, doc, true);
    ops.db.cached("UPDATE cases SET deleted = ? WHERE rowid = ?").bind(1, deleted ? 1 : 0).bind(2, row->rowid).run();
    if (deleted) {
        ops.db.cached("DELETE FROM case_search WHERE docid = ?").bind(1, row->rowid).run();
        ops.writeExploitation(row->rowid, {}, true);
    }
}

void CaseRepository::storeMergedItem(const MergedItem& item) {
    RepositoryOps ops(vault_);
    if (!ops.findItem(item.id)) {
        auto& s = ops.db.cached(
            "INSERT INTO case_items (id, case_id, kind, author, created_ms, created_hlc, created_device, supersedes, "
            "deleted, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, item.id)
            .bind(2, item.caseId)
            .bind(3, model::entityCode(item.kind))
            .bind(4, item.author)
            .bind(5, item.createdMs)
            .bind(6, static_cast<std::int64_t>(item.created.hlc))
            .bind(7, item.created.device)
            .bind(8, item.supersedes)
            .bind(9, item.deleted ? 1 : 0)
            .bind(10, item.doc.dump())
            .run();
    } else {
        ops.db.cached("UPDATE case_items SET doc = ?, deleted = ? WHERE id = ?")
            .bind(1, item.doc.dump())
            .bind(2, item.deleted ? 1 : 0)
            .bind(3, item.id)
            .run();
    }
    if (auto row = ops.findCase(item.caseId); row && !row->deleted) ops.rewriteCase(*row, row->doc, true);
}

std::optional<std::string> CaseRepository::findIdByCode(std::string_view caseCode) {
    vault_.require(Permission::ViewCases);
    auto& s = vault_.db().cached("SELECT id FROM cases WHERE case_code = ? AND deleted = 0");
    s.bind(1, caseCode);
    std::optional<std::string> id;
    if (s.step()) id = s.text(0);
    s.reset();
    return id;
}

Json CaseRepository::reveal(std::string_view entityId, std::string_view fieldPath) {
    vault_.require(Permission::RevealSensitive);
    RepositoryOps ops(vault_);
    Json value;
    if (auto row = ops.findCase(entityId); row && !row->deleted) {
        const auto* spec = model::findField(Entity::Case, fieldPath);
        if (spec == nullptr) throw Error(ErrorCode::UnknownField, std::string(fieldPath));
        value = model::getField(row->doc, fieldPath);
    } else if (auto item = ops.findItem(entityId); item && !item->deleted) {
        const auto* spec = model::findField(item->kind, fieldPath);
        if (spec == nullptr) throw Error(ErrorCode::UnknownField, std::string(fieldPath));
        value = model::getField(item->doc, fieldPath);
    } else {
        throw Error(ErrorCode::NotFound, "case");
    }
    // The reveal is recorded before the value leaves the core.
    vault_.audit().append(vault_.nowMs(), ops.userId(), audit::Action::SensitiveRevealed, entityId, fieldPath);
    return value;
}

namespace {

struct WhereClause {
    std::string sql;
    std::vector<std::string> params;
};

WhereClause buildWhere(const CaseFilter& f) {
    WhereClause w;
    w.sql = " WHERE c.deleted = 0";
    auto add = [&](const char* clause, const std::string& value) {
        w.sql += clause;
        w.params.push_back(value);
    };
    if (f.status) add(" AND c.status = ?", *f.status);
    if (f.office) add(" AND c.office = ?", *f.office);
    if (f.caseworker) add(" AND c.caseworker = ?", *f.caseworker);
    if (f.registeredFrom) add(" AND c.registered_on >= ?", *f.registeredFrom);
    if (f.registeredTo) add(" AND c.registered_on <= ?", *f.registeredTo);
    if (f.minor) w.sql += *f.minor ? " AND c.minor = 1" : " AND c.minor = 0";
    if (f.exploitationType)
        add(" AND c.rowid IN (SELECT case_rowid FROM case_exploitation WHERE type = ?)", *f.exploitationType);
    if (!f.text.empty()) {
        std::string match = ftsMatchQuery(f.text);
        if (match.empty()) {
            w.sql += " AND 0";  // only punctuation: nothing can match
        } else {
            add(" AND c.rowid IN (SELECT docid FROM case_search WHERE case_search MATCH ?)", match);
        }
    }
    return w;
}

const char* sortColumn(SortKey key) {
    switch (key) {
    case SortKey::RegisteredOn: return "c.registered_on";
    case SortKey::CaseCode: return "c.case_code";
    case SortKey::Status: return "c.status";
    case SortKey::Office: return "c.office";
    case SortKey::UpdatedAt: return "c.updated_ms";
    }
    return "c.registered_on";
}

}  // namespace

std::vector<CaseSummary> CaseRepository::list(const CaseQuery& query) {
    vault_.require(Permission::ViewCases);
    WhereClause w = buildWhere(query.filter);
    const char* dir = query.descending ? " DESC" : " ASC";
    std::string sql =
        "SELECT c.id, c.case_code, c.office, c.caseworker, c.status, c.registered_on, c.screening_outcome, c.gender, "
        "c.minor, c.international, c.exploitation_types, c.updated_ms FROM cases c" +
        w.sql + " ORDER BY " + sortColumn(query.sort) + dir + ", c.rowid" + dir + " LIMIT ? OFFSET ?";
    auto stmt = vault_.db().prepare(sql);
    int index = 1;
    for (const auto& p : w.params) stmt.bind(index++, p);
    stmt.bind(index++, std::max(0, query.limit));
    stmt.bind(index, std::max<std::int64_t>(0, query.offset));
    std::vector<CaseSummary> out;
    while (stmt.step()) {
        CaseSummary s;
        s.id = stmt.text(0);
        s.caseCode = stmt.text(1);
        s.office = stmt.text(2);
        s.caseworker = stmt.optionalText(3).value_or("");
        s.status = stmt.text(4);
        s.registeredOn = stmt.text(5);
        s.screeningOutcome = stmt.text(6);
        s.gender = stmt.optionalText(7).value_or("");
        s.minor = stmt.int64(8) != 0;
        if (!stmt.isNull(9)) s.international = stmt.int64(9) != 0;
        s.exploitationTypes = splitCodeColumn(stmt.text(10));
        s.updatedMs = stmt.int64(11);
        out.push_back(std::move(s));
    }
    return out;
}

std::int64_t CaseRepository::count(const CaseFilter& filter) {
    vault_.require(Permission::ViewCases);
    // The two common single filters are counted on their own index. Both indexes hold live cases only:
    // deleting a case (here and in merge) removes its exploitation rows and its search row.
    const bool onlyExploitation = filter.exploitationType && !filter.status && !filter.office && !filter.caseworker &&
                                  !filter.minor && !filter.registeredFrom && !filter.registeredTo &&
                                  filter.text.empty();
    const bool onlyText = !filter.text.empty() && !filter.exploitationType && !filter.status && !filter.office &&
                          !filter.caseworker && !filter.minor && !filter.registeredFrom && !filter.registeredTo;
    if (onlyExploitation) {
        auto& s = vault_.db().cached("SELECT count(*) FROM case_exploitation WHERE type = ?");
        s.bind(1, *filter.exploitationType);
        const std::int64_t n = s.step() ? s.int64(0) : 0;
        s.reset();
        return n;
    }
    if (onlyText) {
        const std::string match = ftsMatchQuery(filter.text);
        if (match.empty()) return 0;
        auto& s = vault_.db().cached("SELECT count(*) FROM case_search WHERE case_search MATCH ?");
        s.bind(1, match);
        const std::int64_t n = s.step() ? s.int64(0) : 0;
        s.reset();
        return n;
    }
    WhereClause w = buildWhere(filter);
    auto stmt = vault_.db().prepare("SELECT count(*) FROM cases c" + w.sql);
    int index = 1;
    for (const auto& p : w.params) stmt.bind(index++, p);
    return stmt.step() ? stmt.int64(0) : 0;
}

std::vector<HistoryEntry> CaseRepository::history(std::string_view caseId) {
    vault_.require(Permission::ViewCases);
    RepositoryOps ops(vault_);
    CaseRow row = ops.requireCase(caseId);
    std::vector<std::string> entityIds{row.id};
    {
        auto stmt = ops.db.prepare("SELECT id FROM case_items WHERE case_id = ?");
        stmt.bind(1, row.id);
        while (stmt.step()) entityIds.push_back(stmt.text(0));
    }
    std::vector<HistoryEntry> out;
    for (const auto& entityId : entityIds) {
        for (const auto& e : vault_.journal().entriesFor(entityId)) {
            HistoryEntry h;
            h.atMs = static_cast<std::int64_t>(journal::hlcPhysicalMs(e.hlc));
            h.userId = e.userId;
            h.device = e.device;
            h.what = e.op.kind == journal::OpKind::Create ? "created" : std::string(journal::opKindCode(e.op.kind));
            h.entityId = entityId;
            h.field = e.op.field;
            out.push_back(std::move(h));
        }
        for (const auto& a : vault_.audit().entriesFor(entityId)) {
            // Edits are already in the journal; the audit adds who looked at what.
            if (a.action != audit::Action::SensitiveRevealed && a.action != audit::Action::CaseViewed &&
                a.action != audit::Action::Exported)
                continue;
            HistoryEntry h;
            h.atMs = a.atMs;
            h.userId = a.userId;
            h.device = vault_.deviceId();
            h.what = std::string(audit::actionCode(a.action));
            h.entityId = entityId;
            h.field = a.field;
            h.fromAudit = true;
            out.push_back(std::move(h));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const HistoryEntry& a, const HistoryEntry& b) { return a.atMs < b.atMs; });
    return out;
}

}  // namespace abri::cases
