#pragma once
// The one owner of the case tables: cases, case_docs, case_items, case_exploitation, the full-text index
// case_search, field_versions and the statistics facts (case_facts, case_fact_*). Every row of these tables is
// written here and every query on them is built here, so the derived columns, the search index and the facts can
// never disagree with the documents: the repository (local edits), the merge applier (synced edits), re-stamping
// and the reports all go through this class.
//
// No permission checks, journal ops or audit entries: those belong to the callers (CaseRepository for local
// edits, merge::VaultApplier for synced ones). Every method runs in the caller's transaction.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cases/case_query.h"
#include "cases/case_statistics.h"
#include "journal/hlc.h"
#include "model/fields.h"

namespace abri::storage {
class Database;
}

namespace abri::cases {

struct CaseFacts;
using Json = nlohmann::json;

struct StoredCase {
    std::int64_t rowid = 0;
    std::string id;
    std::string caseCode;
    std::string status;
    Json doc;
    journal::Version created;
    bool deleted = false;
    std::int64_t updatedMs = 0;
};

struct StoredItem {
    std::string id;
    std::string caseId;
    model::Entity kind = model::Entity::Note;
    std::string author;                     // user id
    std::int64_t createdMs = 0;
    journal::Version created;
    std::optional<std::string> supersedes;  // append-only kinds: the record this one corrects
    bool deleted = false;
    Json doc;
};

class CaseStore {
public:
    explicit CaseStore(storage::Database& db);

    // ---- cases ----
    std::optional<StoredCase> findCase(std::string_view caseId);
    std::optional<std::string> liveIdByCode(std::string_view caseCode);
    bool caseCodeTaken(std::string_view caseCode);
    // The case holding `caseCode` (live or not): its id and creation version. For display-code collisions.
    std::optional<std::pair<std::string, journal::Version>> codeHolder(std::string_view caseCode);
    void renameCaseCode(std::string_view caseId, std::string_view newCode);

    // Inserts a case and its items at once (creation, import): derived columns, search text and facts are
    // computed from the final state, once.
    void insertCase(const StoredCase& row, const std::vector<StoredItem>& items, std::int64_t nowMs);
    // Rewrites a case from its (validated) document and current items: document, derived columns, facts, and the
    // search text when `reindex`. Every change of a case's document or items ends here.
    void rewriteCase(const StoredCase& row, const Json& doc, std::int64_t nowMs, bool reindex);
    // Re-derives a case after a change of its items. Deleted or unknown cases are left alone.
    void refreshCase(std::string_view caseId, std::int64_t nowMs, bool reindex);
    // Tombstones a case or brings it back. A deleted case leaves lists, search, counts and statistics: its
    // exploitation rows, search text and facts are removed here, whoever deletes it.
    void setCaseDeleted(std::string_view caseId, bool deleted, std::int64_t nowMs);

    // ---- items ----
    std::optional<StoredItem> findItem(std::string_view itemId);
    // Live items of a case, oldest first; optionally of one kind.
    std::vector<StoredItem> itemsOf(std::string_view caseId, std::optional<model::Entity> kind = std::nullopt);
    // Ids of live items that a later live record supersedes.
    std::set<std::string> supersededItems(std::string_view caseId);
    // Every item id of a case, deleted ones too (history).
    std::vector<std::string> allItemIds(std::string_view caseId);
    bool itemExists(std::string_view itemId);
    // The case an item (live or deleted) belongs to; nullopt for an item this vault has no row of.
    std::optional<std::string> caseOfItem(std::string_view itemId);
    void insertItem(const StoredItem& item);
    void updateItem(std::string_view itemId, const Json& doc, bool deleted);

    // ---- field versions (last writer of each field; absent = the creation op's version) ----
    journal::Version currentVersion(std::string_view entityId, std::string_view field, const journal::Version& created);
    void recordVersion(std::string_view entityId, std::string_view field, const journal::Version& version);
    // Re-stamping: every creation or field version of `device` stamped `from` becomes `to`.
    void renameVersion(std::string_view device, std::int64_t from, std::int64_t to);

    // ---- the case list (case_list_query.cpp) ----
    std::vector<CaseSummary> list(const CaseQuery& query);
    std::int64_t count(const CaseFilter& filter);

    // ---- statistics facts (case_facts.cpp) ----
    // A vault that held cases before facts existed gets them rebuilt once (schema step 5 marks it stale).
    // Returns the number of cases whose facts were rebuilt.
    std::int64_t refreshFactsIfStale();
    // Persons per combination of the query's groupBy values (case_statistics.cpp). Combinations with no person
    // are absent. Throws Error(InvalidValue) for more than two dimensions.
    std::vector<FactCount> countPersons(const FactQuery& query);
    // Every person matching the query's filters and period, in a stable order (its groupBy is ignored).
    void forEachPerson(const FactQuery& query, const std::function<void(const PersonFacts&)>& visit);

    // ---- sync (core/merge) ----
    // The merge applier writes a case's rows as it merges each change-set, and the case's views (document,
    // derived columns, facts, search text) once per batch of change-sets (storeMergedCaseViews): a page of a first
    // sync touches a case once per item, and writing its views each time was most of the apply time.
    //
    // The id of a case row (live or not), without reading its document.
    std::optional<std::int64_t> caseRowid(std::string_view caseId);
    // Inserts the row of a case merge sees for the first time, with `caseCode` as its display code and its
    // document; its views follow from storeMergedCaseViews.
    void insertMergedCaseRow(std::string_view caseId, std::string_view caseCode, const Json& doc,
                             const journal::Version& created, std::int64_t nowMs);
    // Stores an item as merge computed it (its case row must exist); its case's views follow from
    // storeMergedCaseViews.
    void storeMergedItemRow(const StoredItem& item);
    // Writes a case's views after merged changes. With `merged` (the case itself was merged: its document and
    // deleted flag, sync/PROTOCOL.md §5; a local delete the hub excluded, §5.6, brings the case back) the document
    // and flag are stored too; without, its items changed and a live case is re-derived from its stored document.
    // `newRow`: inserted by insertMergedCaseRow in this batch, so it has no search text to replace yet.
    struct MergedCase {
        Json doc;
        bool deleted = false;
        bool docStored = false;  // the row holds this document already (just inserted with it)
    };
    void storeMergedCaseViews(std::string_view caseId, const std::optional<MergedCase>& merged, bool newRow,
                              std::int64_t nowMs);
    // The hub excluded an entity's create (§5.6): it leaves this vault's views. hideCase returns false when this
    // vault has no row of the case; hideItem returns the case of the item it hid, whose views the caller refreshes.
    bool hideCase(std::string_view caseId);
    std::optional<std::string> hideItem(std::string_view itemId);

    // ---- erasure and retention (core/erasure) ----
    // Deletes every row of a case from these tables: the case, its document, items, field versions, conflicts,
    // exploitation rows, facts and search text (secure_delete zeroes the freed space; the search index still holds
    // the words in older segments until core/erasure merges it). `journalledItems`: items of the case the journal
    // knows that may have no row here (their field versions and conflicts go too). Returns the ids of the case and
    // of all its items.
    std::vector<std::string> purgeCase(std::string_view caseId, const std::vector<std::string>& journalledItems);
    // Merges the search index into one segment: FTS4 records a deletion as a new segment and keeps the words in the
    // older ones until a merge. Costs a rewrite of the index (docs/erasure.md); run once after a batch of purges.
    void compactSearchIndex();
    // Ids of the closed cases (live or deleted) whose closing date is `date` (YYYY-MM-DD) or earlier (retention).
    std::vector<std::string> closedOnOrBefore(std::string_view date);

private:
    // The case row and its document; no derived rows or search text yet. Returns its rowid.
    std::int64_t insertCaseRow(const StoredCase& row, std::int64_t nowMs);
    void writeDerived(std::int64_t rowid, const StoredCase& row, const Json& doc, const std::vector<StoredItem>& items,
                      std::int64_t nowMs);
    void writeSearch(std::int64_t rowid, const Json& caseDoc, const std::vector<StoredItem>& items, bool replace);
    void writeExploitation(std::int64_t rowid, const std::vector<std::string>& types, bool replace);
    void writeFacts(std::int64_t rowid, const CaseFacts& facts);
    void removeFacts(std::int64_t rowid);
    void removeFromViews(std::int64_t rowid);

    storage::Database& db_;
};

}  // namespace abri::cases
