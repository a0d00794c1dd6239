#include "cases/case_store.h"

#include "cases/case_facts.h"
#include "model/duplicate_links.h"
#include "cases/code_list_column.h"
#include "cases/search_text.h"
#include "common/error.h"
#include "model/case_rules.h"
#include "storage/database.h"

namespace abri::cases {

using model::Entity;

namespace {

std::optional<std::string> optionalString(const Json& doc, std::string_view path) {
    Json v = model::getField(doc, path);
    if (v.is_string()) return v.get<std::string>();
    return std::nullopt;
}

std::vector<std::string> stringList(const Json& value) {
    std::vector<std::string> out;
    if (value.is_array())
        for (const auto& v : value)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

Entity itemKindFromCode(const std::string& code) {
    auto kind = model::entityFromCode(code);
    if (!kind || *kind == Entity::Case) throw Error(ErrorCode::InvalidCode, "item.kind", "item_kind");
    return *kind;
}

std::vector<FactItem> factItems(const std::vector<StoredItem>& items) {
    std::vector<FactItem> out;
    out.reserve(items.size());
    for (const auto& item : items) {
        FactItem f{item.kind, &item.doc, item.id, std::nullopt};
        if (item.supersedes) f.supersedes = *item.supersedes;
        out.push_back(f);
    }
    return out;
}

void bindOptionalBool(storage::Statement& s, int index, const std::optional<bool>& value) {
    if (value) s.bind(index, *value ? 1 : 0); else s.bindNull(index);
}

constexpr const char* kItemColumns =
    "SELECT id, case_id, kind, author, created_ms, created_hlc, created_device, supersedes, deleted, doc "
    "FROM case_items ";

StoredItem readItem(storage::Statement& s) {
    StoredItem item;
    item.id = s.text(0);
    item.caseId = s.text(1);
    item.kind = itemKindFromCode(s.text(2));
    item.author = s.optionalText(3).value_or("");
    item.createdMs = s.int64(4);
    item.created = {static_cast<journal::Hlc>(s.int64(5)), s.text(6)};
    item.supersedes = s.optionalText(7);
    item.deleted = s.int64(8) != 0;
    item.doc = Json::parse(s.text(9));
    return item;
}

// The first column of a one-key lookup's row, or nullopt; the cached statement is reset for its next use.
std::optional<std::string> firstText(storage::Statement& s, std::string_view key) {
    s.bind(1, key);
    std::optional<std::string> text;
    if (s.step()) text = s.text(0);
    s.reset();
    return text;
}

}  // namespace

CaseStore::CaseStore(storage::Database& db) : db_(db) {}

// ---- cases ---------------------------------------------------------------------------------------------------

std::optional<StoredCase> CaseStore::findCase(std::string_view caseId) {
    auto& s = db_.cached(
        "SELECT c.rowid, c.id, c.case_code, c.status, d.doc, c.created_hlc, c.created_device, c.deleted, c.updated_ms "
        "FROM cases c JOIN case_docs d ON d.case_rowid = c.rowid WHERE c.id = ?");
    s.bind(1, caseId);
    if (!s.step()) return std::nullopt;
    StoredCase row;
    row.rowid = s.int64(0);
    row.id = s.text(1);
    row.caseCode = s.text(2);
    row.status = s.text(3);
    row.doc = Json::parse(s.text(4));
    row.created = {static_cast<journal::Hlc>(s.int64(5)), s.text(6)};
    row.deleted = s.int64(7) != 0;
    row.updatedMs = s.int64(8);
    s.reset();
    return row;
}

std::optional<std::string> CaseStore::liveIdByCode(std::string_view caseCode) {
    return firstText(db_.cached("SELECT id FROM cases WHERE case_code = ? AND deleted = 0"), caseCode);
}

bool CaseStore::caseCodeTaken(std::string_view caseCode) {
    auto& s = db_.cached("SELECT 1 FROM cases WHERE case_code = ?");
    s.bind(1, caseCode);
    const bool taken = s.step();
    s.reset();
    return taken;
}

std::optional<std::pair<std::string, journal::Version>> CaseStore::codeHolder(std::string_view caseCode) {
    auto& s = db_.cached("SELECT id, created_hlc, created_device FROM cases WHERE case_code = ?");
    s.bind(1, caseCode);
    if (!s.step()) return std::nullopt;
    std::pair<std::string, journal::Version> holder{s.text(0), {static_cast<journal::Hlc>(s.int64(1)), s.text(2)}};
    s.reset();
    return holder;
}

void CaseStore::renameCaseCode(std::string_view caseId, std::string_view newCode) {
    db_.cached("UPDATE cases SET case_code = ? WHERE id = ?").bind(1, newCode).bind(2, caseId).run();
}

void CaseStore::insertCase(const StoredCase& row, const std::vector<StoredItem>& items, std::int64_t nowMs) {
    const std::int64_t rowid = insertCaseRow(row, nowMs);
    for (const auto& item : items) insertItem(item);
    writeDerived(rowid, row, row.doc, items, nowMs);
    writeSearch(rowid, row.doc, items, false);
}

std::int64_t CaseStore::insertCaseRow(const StoredCase& row, std::int64_t nowMs) {
    // Derived columns are filled by writeDerived, from the same values the facts come from.
    db_.cached(
           "INSERT INTO cases (id, case_code, office, status, registered_on, screening_outcome, updated_ms, "
           "created_hlc, created_device) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)")
        .bind(1, row.id)
        .bind(2, row.caseCode)
        .bind(3, optionalString(row.doc, "office").value_or(""))
        .bind(4, optionalString(row.doc, "status").value_or("registered"))
        .bind(5, optionalString(row.doc, "registered_on").value_or(""))
        .bind(6, nowMs)
        .bind(7, static_cast<std::int64_t>(row.created.hlc))
        .bind(8, row.created.device)
        .run();
    const std::int64_t rowid = db_.lastInsertRowId();
    db_.cached("INSERT INTO case_docs (doc, case_rowid) VALUES (?, ?)").bind(1, row.doc.dump()).bind(2, rowid).run();
    return rowid;
}

void CaseStore::insertMergedCaseRow(std::string_view caseId, std::string_view caseCode, const Json& doc,
                                    const journal::Version& created, std::int64_t nowMs) {
    StoredCase row;
    row.id = std::string(caseId);
    row.caseCode = std::string(caseCode);
    row.doc = doc;
    row.created = created;
    insertCaseRow(row, nowMs);
}

void CaseStore::rewriteCase(const StoredCase& row, const Json& doc, std::int64_t nowMs, bool reindex) {
    const auto items = itemsOf(row.id);
    db_.cached("UPDATE case_docs SET doc = ? WHERE case_rowid = ?").bind(1, doc.dump()).bind(2, row.rowid).run();
    writeDerived(row.rowid, row, doc, items, nowMs);
    if (reindex && !row.deleted) writeSearch(row.rowid, doc, items, true);
}

void CaseStore::refreshCase(std::string_view caseId, std::int64_t nowMs, bool reindex) {
    auto row = findCase(caseId);
    if (!row || row->deleted) return;
    rewriteCase(*row, row->doc, nowMs, reindex);
}

void CaseStore::setCaseDeleted(std::string_view caseId, bool deleted, std::int64_t nowMs) {
    auto row = findCase(caseId);
    if (!row) return;
    db_.cached("UPDATE cases SET deleted = ?, updated_ms = ? WHERE rowid = ?")
        .bind(1, deleted ? 1 : 0)
        .bind(2, nowMs)
        .bind(3, row->rowid)
        .run();
    if (deleted) {
        removeFromViews(row->rowid);
    } else if (row->deleted) {
        row->deleted = false;
        rewriteCase(*row, row->doc, nowMs, true);  // back in lists, search and statistics
    }
}

void CaseStore::removeFromViews(std::int64_t rowid) {
    db_.cached("DELETE FROM case_search WHERE docid = ?").bind(1, rowid).run();
    writeExploitation(rowid, {}, true);
    removeFacts(rowid);
}

void CaseStore::removeFacts(std::int64_t rowid) {
    db_.cached("DELETE FROM case_facts WHERE case_rowid = ?").bind(1, rowid).run();
    db_.cached("DELETE FROM case_fact_codes WHERE case_rowid = ?").bind(1, rowid).run();
    db_.cached("DELETE FROM case_fact_services WHERE case_rowid = ?").bind(1, rowid).run();
    db_.cached("DELETE FROM case_fact_referrals WHERE case_rowid = ?").bind(1, rowid).run();
}

void CaseStore::writeDerived(std::int64_t rowid, const StoredCase& row, const Json& doc,
                             const std::vector<StoredItem>& items, std::int64_t nowMs) {
    const CaseFacts facts = deriveFacts(doc, factItems(items));
    const std::vector<std::string> exploitationTypes = stringList(model::getField(doc, "situation.exploitation_types"));
    // OR FAIL: no statement journal (storage/database.h).
    auto& s = db_.cached(
        "UPDATE OR FAIL cases SET caseworker = ?, status = ?, registered_on = ?, closed_on = ?, minor = ?, gender = ?, "
        "screening_outcome = ?, international = ?, exploitation_types = ?, updated_ms = ? WHERE rowid = ?");
    s.bind(1, optionalString(doc, "caseworker"))
        .bind(2, doc.value("status", "registered"))
        .bind(3, doc.value("registered_on", ""))
        .bind(4, optionalString(doc, "closed_on"))
        .bind(5, facts.minor.value_or(false) ? 1 : 0)
        .bind(6, optionalString(doc, "person.gender"))
        .bind(7, facts.screeningOutcome);
    bindOptionalBool(s, 8, facts.international);
    s.bind(9, joinCodeColumn(exploitationTypes)).bind(10, nowMs).bind(11, rowid).run();
    // A deleted case keeps its row (a tombstone) but none of its derived rows: it must not be listed or counted.
    if (row.deleted) {
        removeFromViews(rowid);
        return;
    }
    writeExploitation(rowid, exploitationTypes, true);
    // A case retired by a duplicate merge (PROTOCOL.md §6.4) is one person with its surviving case: it keeps its
    // row, list entry and search, but no statistics facts, so reports count the person once.
    if (model::isRetiredDuplicate(doc))
        removeFacts(rowid);
    else
        writeFacts(rowid, facts);
}

void CaseStore::writeSearch(std::int64_t rowid, const Json& caseDoc, const std::vector<StoredItem>& items,
                            bool replace) {
    std::vector<std::string> noteTexts;
    for (const auto& item : items)
        if (item.kind == Entity::Note && !item.deleted)
            if (auto text = optionalString(item.doc, "text")) noteTexts.push_back(*text);
    if (replace) db_.cached("DELETE FROM case_search WHERE docid = ?").bind(1, rowid).run();
    db_.cached("INSERT INTO case_search (docid, body) VALUES (?, ?)")
        .bind(1, rowid)
        .bind(2, searchBody(caseDoc, noteTexts))
        .run();
}

void CaseStore::writeExploitation(std::int64_t rowid, const std::vector<std::string>& types, bool replace) {
    if (replace) db_.cached("DELETE FROM case_exploitation WHERE case_rowid = ?").bind(1, rowid).run();
    auto& s = db_.cached("INSERT OR IGNORE INTO case_exploitation (type, case_rowid) VALUES (?, ?)");
    for (const auto& t : types) {
        s.reset();
        s.bind(1, t).bind(2, rowid).run();
    }
}

std::int64_t CaseStore::refreshFactsIfStale() {
    auto& flag = db_.cached("SELECT 1 FROM meta WHERE key = 'case_facts_stale'");
    const bool stale = flag.step();
    flag.reset();
    if (!stale) return 0;
    std::optional<storage::Transaction> tx;
    if (!db_.inTransaction()) tx.emplace(db_);
    std::vector<std::string> ids;
    {
        auto stmt = db_.prepare("SELECT id FROM cases WHERE deleted = 0 ORDER BY rowid");
        while (stmt.step()) ids.push_back(stmt.text(0));
    }
    for (const auto& id : ids) {
        const auto row = findCase(id);
        const auto items = itemsOf(id);
        if (model::isRetiredDuplicate(row->doc))
            removeFacts(row->rowid);
        else
            writeFacts(row->rowid, deriveFacts(row->doc, factItems(items)));
    }
    db_.exec("DELETE FROM meta WHERE key = 'case_facts_stale'");
    if (tx) tx->commit();
    return static_cast<std::int64_t>(ids.size());
}

// ---- items ---------------------------------------------------------------------------------------------------

std::optional<StoredItem> CaseStore::findItem(std::string_view itemId) {
    auto& s = db_.cached(std::string(kItemColumns) + "WHERE id = ?");
    s.bind(1, itemId);
    if (!s.step()) return std::nullopt;
    StoredItem item = readItem(s);
    s.reset();
    return item;
}

std::vector<StoredItem> CaseStore::itemsOf(std::string_view caseId, std::optional<Entity> kind) {
    auto& s = db_.cached(std::string(kItemColumns) + "WHERE case_id = ? AND deleted = 0 ORDER BY created_hlc, id");
    s.bind(1, caseId);
    std::vector<StoredItem> out;
    while (s.step()) {
        StoredItem item = readItem(s);
        if (kind && item.kind != *kind) continue;
        out.push_back(std::move(item));
    }
    return out;
}

std::set<std::string> CaseStore::supersededItems(std::string_view caseId) {
    auto& s = db_.cached("SELECT supersedes FROM case_items WHERE case_id = ? AND supersedes IS NOT NULL AND deleted = 0");
    s.bind(1, caseId);
    std::set<std::string> out;
    while (s.step()) out.insert(s.text(0));
    return out;
}

std::vector<std::string> CaseStore::allItemIds(std::string_view caseId) {
    auto& s = db_.cached("SELECT id FROM case_items WHERE case_id = ?");
    s.bind(1, caseId);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
}

bool CaseStore::itemExists(std::string_view itemId) {
    auto& s = db_.cached("SELECT 1 FROM case_items WHERE id = ?");
    s.bind(1, itemId);
    const bool found = s.step();
    s.reset();
    return found;
}

std::optional<std::string> CaseStore::caseOfItem(std::string_view itemId) {
    return firstText(db_.cached("SELECT case_id FROM case_items WHERE id = ?"), itemId);
}

void CaseStore::insertItem(const StoredItem& item) {
    db_.cached(
           "INSERT INTO case_items (id, case_id, kind, author, created_ms, created_hlc, created_device, supersedes, "
           "deleted, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, item.id)
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
}

void CaseStore::updateItem(std::string_view itemId, const Json& doc, bool deleted) {
    db_.cached("UPDATE case_items SET doc = ?, deleted = ? WHERE id = ?")
        .bind(1, doc.dump())
        .bind(2, deleted ? 1 : 0)
        .bind(3, itemId)
        .run();
}

// ---- field versions ------------------------------------------------------------------------------------------

journal::Version CaseStore::currentVersion(std::string_view entityId, std::string_view field,
                                           const journal::Version& created) {
    auto& s = db_.cached("SELECT hlc, device FROM field_versions WHERE entity_id = ? AND field = ?");
    s.bind(1, entityId).bind(2, field);
    if (s.step()) {
        journal::Version v{static_cast<journal::Hlc>(s.int64(0)), s.text(1)};
        s.reset();
        return v;
    }
    return created;
}

void CaseStore::recordVersion(std::string_view entityId, std::string_view field, const journal::Version& version) {
    db_.cached("INSERT OR REPLACE INTO field_versions (entity_id, field, hlc, device) VALUES (?, ?, ?, ?)")
        .bind(1, entityId)
        .bind(2, field)
        .bind(3, static_cast<std::int64_t>(version.hlc))
        .bind(4, version.device)
        .run();
}

void CaseStore::renameVersion(std::string_view device, std::int64_t from, std::int64_t to) {
    for (const char* sql : {"UPDATE field_versions SET hlc = ? WHERE device = ? AND hlc = ?",
                            "UPDATE cases SET created_hlc = ? WHERE created_device = ? AND created_hlc = ?",
                            "UPDATE case_items SET created_hlc = ? WHERE created_device = ? AND created_hlc = ?"})
        db_.cached(sql).bind(1, to).bind(2, device).bind(3, from).run();
}

// ---- sync -------------------------------------------------------------------------------------------------------

std::optional<std::int64_t> CaseStore::caseRowid(std::string_view caseId) {
    auto& s = db_.cached("SELECT rowid FROM cases WHERE id = ?");
    s.bind(1, caseId);
    std::optional<std::int64_t> rowid;
    if (s.step()) rowid = s.int64(0);
    s.reset();
    return rowid;
}

void CaseStore::storeMergedItemRow(const StoredItem& item) {
    if (!itemExists(item.id)) insertItem(item); else updateItem(item.id, item.doc, item.deleted);
}

void CaseStore::storeMergedCaseViews(std::string_view caseId, const std::optional<MergedCase>& merged, bool newRow,
                                     std::int64_t nowMs) {
    if (!merged) {
        refreshCase(caseId, nowMs, true);
        return;
    }
    // Only the columns the rewrite uses: the document is the merged one, not the stored one.
    auto& s = db_.cached("SELECT rowid, case_code, status, created_hlc, created_device, deleted FROM cases WHERE id = ?");
    s.bind(1, caseId);
    if (!s.step()) return;
    StoredCase row;
    row.rowid = s.int64(0);
    row.id = std::string(caseId);
    row.caseCode = s.text(1);
    row.status = s.text(2);
    row.created = {static_cast<journal::Hlc>(s.int64(3)), s.text(4)};
    row.deleted = s.int64(5) != 0;
    s.reset();
    if (row.deleted != merged->deleted)
        db_.cached("UPDATE cases SET deleted = ? WHERE rowid = ?").bind(1, merged->deleted ? 1 : 0).bind(2, row.rowid).run();
    row.deleted = merged->deleted;
    const auto items = itemsOf(caseId);
    if (!merged->docStored) db_.cached("UPDATE case_docs SET doc = ? WHERE case_rowid = ?").bind(1, merged->doc.dump()).bind(2, row.rowid).run();
    writeDerived(row.rowid, row, merged->doc, items, nowMs);
    // Not deleting a search row that is not there: an FTS delete may flush the index's pending terms.
    if (!row.deleted) writeSearch(row.rowid, merged->doc, items, !newRow);
}

std::vector<std::string> CaseStore::purgeCase(std::string_view caseId,
                                              const std::vector<std::string>& journalledItems) {
    std::set<std::string> ids(journalledItems.begin(), journalledItems.end());
    for (auto& id : allItemIds(caseId)) ids.insert(std::move(id));
    std::vector<std::string> entities{std::string(caseId)};
    entities.insert(entities.end(), ids.begin(), ids.end());
    for (const auto& id : entities) {
        db_.cached("DELETE FROM field_versions WHERE entity_id = ?").bind(1, id).run();
        db_.cached("DELETE FROM conflicts WHERE entity_id = ?").bind(1, id).run();
    }
    db_.cached("DELETE FROM case_items WHERE case_id = ?").bind(1, caseId).run();
    if (const auto rowid = caseRowid(caseId)) {
        removeFromViews(*rowid);
        db_.cached("DELETE FROM case_docs WHERE case_rowid = ?").bind(1, *rowid).run();
        db_.cached("DELETE FROM cases WHERE rowid = ?").bind(1, *rowid).run();
    }
    return entities;
}

std::vector<std::string> CaseStore::closedOnOrBefore(std::string_view date) {
    auto st = db_.prepare("SELECT id FROM cases WHERE status = 'closed' AND closed_on IS NOT NULL AND closed_on <= ?");
    st.bind(1, date);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
}

void CaseStore::compactSearchIndex() { db_.exec("INSERT INTO case_search (case_search) VALUES ('optimize');"); }

bool CaseStore::hideCase(std::string_view caseId) {
    const auto rowid = caseRowid(caseId);
    if (!rowid) return false;
    db_.cached("UPDATE cases SET deleted = 1 WHERE rowid = ?").bind(1, *rowid).run();
    removeFromViews(*rowid);
    return true;
}

std::optional<std::string> CaseStore::hideItem(std::string_view itemId) {
    auto item = findItem(itemId);
    if (!item) return std::nullopt;
    updateItem(item->id, item->doc, true);
    return item->caseId;
}

}  // namespace abri::cases
