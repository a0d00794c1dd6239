#include "case_erasure.h"

namespace abri::sync::hub {

bool caseErased(HubStore& store, const wire::Id16& caseId) {
    auto& st = store.db().cached("SELECT 1 FROM erased_cases WHERE case_id = ?");
    st.bindBlob(1, caseId);
    const bool found = st.step();
    st.reset();
    return found;
}

std::int64_t erasedCaseCount(HubStore& store) {
    return store.db().queryInt64("SELECT count(*) FROM erased_cases").value_or(0);
}

namespace {

// Everything but the tombstone. secure_delete (storage::Database) overwrites the freed space of every row.
void purgeCaseData(HubStore& store, const wire::Id16& caseId, const wire::Hash32& keep) {
    auto& db = store.db();
    db.cached("UPDATE changesets SET bytes = x'' WHERE case_id = ? AND id != ?").bindBlob(1, caseId).bindBlob(2, keep).run();
    db.cached("DELETE FROM case_state WHERE case_id = ?").bindBlob(1, caseId).run();
    db.cached("DELETE FROM attachment_chunks WHERE case_id = ?").bindBlob(1, caseId).run();
    db.cached("DELETE FROM dismissed_duplicates WHERE case_a = ? OR case_b = ?")
        .bindBlob(1, caseId)
        .bindBlob(2, caseId)
        .run();
}

}  // namespace

void purgeErasedCase(HubStore& store, const wire::Id16& caseId, const wire::Hash32& eraseChangeSetId,
                     std::uint64_t nowMs) {
    purgeCaseData(store, caseId, eraseChangeSetId);
    store.db()
        .cached("INSERT OR FAIL INTO erased_cases(case_id, erased_ms, reason, changeset_id) VALUES (?, ?, 'erasure', ?)")
        .bindBlob(1, caseId)
        .bind(2, static_cast<std::int64_t>(nowMs))
        .bindBlob(3, eraseChangeSetId)
        .run();
}

void purgeCaseByRetention(HubStore& store, const wire::Id16& caseId, std::uint64_t nowMs) {
    purgeCaseData(store, caseId, wire::Hash32{});  // no change-set has the zero id: all are emptied
    store.db()
        .cached("INSERT OR FAIL INTO erased_cases(case_id, erased_ms, reason) VALUES (?, ?, 'retention')")
        .bindBlob(1, caseId)
        .bind(2, static_cast<std::int64_t>(nowMs))
        .run();
}

bool scrubHubAfterErasure(HubStore& store) { return store.db().checkpointAndTruncate(); }

}  // namespace abri::sync::hub
