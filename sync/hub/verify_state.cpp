#include "verify_state.h"

#include <algorithm>
#include <map>

#include "case_erasure.h"
#include "case_state.h"
#include "common/error.h"
#include "merge/merge_state_codec.h"

namespace abri::sync::hub {

namespace {

struct StoredRow {
    std::vector<std::uint8_t> state;
    std::int64_t openConflicts = 0;
};

// A deferred transaction: one consistent read of the store (WAL) that never blocks a hub writing meanwhile.
class ReadSnapshot {
public:
    explicit ReadSnapshot(storage::Database& db) : db_(db) { db_.exec("BEGIN DEFERRED;"); }
    ~ReadSnapshot() {
        try {
            db_.exec("COMMIT;");
        } catch (const std::exception&) {
        }
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    storage::Database& db_;
};

std::map<wire::Id16, StoredRow> storedRows(storage::Database& db) {
    std::map<wire::Id16, StoredRow> out;
    auto st = db.prepare("SELECT case_id, state, open_conflicts FROM case_state");
    while (st.step()) out.emplace(caseIdFromBlob(st.blob(0)), StoredRow{st.blob(1), st.int64(2)});
    return out;
}

}  // namespace

std::string_view stateDifferenceName(StateDifference difference) noexcept {
    switch (difference) {
    case StateDifference::Missing: return "missing";
    case StateDifference::Unexpected: return "unexpected";
    case StateDifference::Damaged: return "damaged";
    case StateDifference::Differs: return "differs";
    case StateDifference::ConflictCount: return "conflict_count";
    }
    return "differs";
}

StateVerification verifyCaseStates(HubStore& store) {
    auto& db = store.db();
    const ReadSnapshot snapshot(db);
    StateVerification out;
    auto stored = storedRows(db);
    std::map<wire::Id16, StateDifference> found;
    for (const auto& caseId : casesWithChangeSets(db)) {
        if (caseErased(store, caseId)) continue;  // no state by design (case_erasure.h)
        ++out.casesChecked;
        auto row = stored.find(caseId);
        if (row == stored.end()) {
            found.emplace(caseId, StateDifference::Missing);
            continue;
        }
        const auto rebuilt = rebuildCaseState(db, caseId);
        const auto expected = merge::encodeMergeState(rebuilt);
        try {
            (void)merge::decodeMergeState(row->second.state, "case_state");
        } catch (const Error&) {
            found.emplace(caseId, StateDifference::Damaged);
            stored.erase(row);
            continue;
        }
        if (row->second.state != expected) {
            found.emplace(caseId, StateDifference::Differs);
        } else if (row->second.openConflicts !=
                   static_cast<std::int64_t>(countOpenConflicts(rebuilt, wire::idToHex(caseId)))) {
            found.emplace(caseId, StateDifference::ConflictCount);
        }
        stored.erase(row);
    }
    for (const auto& [caseId, row] : stored) found.emplace(caseId, StateDifference::Unexpected);
    for (const auto& [caseId, difference] : found) out.mismatches.push_back({caseId, difference});
    return out;
}

}  // namespace abri::sync::hub
