#include "reports/merged_facts.h"

#include <algorithm>

#include "cases/case_store.h"
#include "journal/hlc.h"
#include "merge/merge_state.h"
#include "storage/schema.h"

namespace abri::reports {

namespace {

// The live items of a case as a vault holds them after applying the same ops (merge::VaultApplier): created,
// not deleted, of a known kind, oldest first (CaseStore::itemsOf's order), so the facts derive identically.
std::vector<cases::StoredItem> liveItems(const merge::MergeState& state, const std::string& caseId) {
    std::vector<cases::StoredItem> items;
    for (const merge::EntityState* e : state.entitiesOfCase(caseId)) {
        if (e->entity != merge::EntityKind::Item || e->create() == nullptr || e->deleted()) continue;
        const auto kind = e->modelKind();
        if (!kind) continue;
        const merge::RemoteOp& create = *e->create();
        cases::StoredItem item;
        item.id = e->id;
        item.caseId = caseId;
        item.kind = *kind;
        item.author = create.author;
        item.createdMs = static_cast<std::int64_t>(journal::hlcPhysicalMs(create.hlc));
        item.created = create.identity();
        item.supersedes = e->supersedes();
        item.doc = e->document();
        items.push_back(std::move(item));
    }
    std::sort(items.begin(), items.end(), [](const cases::StoredItem& a, const cases::StoredItem& b) {
        return a.created.hlc != b.created.hlc ? a.created.hlc < b.created.hlc : a.id < b.id;
    });
    return items;
}

}  // namespace

MergedFacts::MergedFacts(std::optional<std::string> office)
    // In memory and without a key: see storage::Database::openInMemory. An encrypted file (even a temporary one)
    // would put a region's facts on the hub's disk for no gain, and a keyed in-memory database would spend time
    // encrypting pages that never leave the process, whose heap already holds the merged documents in plain form.
    : office_(std::move(office)), db_(storage::Database::openInMemory()) {
    storage::migrate(db_);
}

std::size_t MergedFacts::add(const merge::MergeState& state) {
    cases::CaseStore store(db_);
    storage::Transaction tx(db_);
    std::size_t added = 0;
    for (const auto& caseId : state.caseIds()) {
        const merge::EntityState* entity = state.find(caseId);
        // A case without its create (excluded by the hub, or not arrived) or deleted is in no vault's counts.
        if (entity == nullptr || entity->entity != merge::EntityKind::Case || entity->create() == nullptr ||
            entity->deleted())
            continue;
        cases::StoredCase row;
        row.doc = entity->document();
        if (office_) {
            const auto office = row.doc.find("office");
            if (office == row.doc.end() || !office->is_string() || office->get<std::string>() != *office_) continue;
        }
        if (store.findCase(caseId)) continue;
        row.id = caseId;
        // The display code is never shown from here and two offices may have chosen the same one: the case id is
        // unique, and the facts do not depend on the code.
        row.caseCode = caseId;
        row.created = entity->create()->identity();
        store.insertCase(row, liveItems(state, caseId), 0);
        ++added;
    }
    tx.commit();
    cases_ += static_cast<std::int64_t>(added);
    return added;
}

}  // namespace abri::reports
