#include "case_state.h"

#include <algorithm>

#include "common/error.h"
#include "devicesync/admitted_adapter.h"
#include "hub_store.h"
#include "merge/merge_state_codec.h"
#include "wire/admission_record.h"
#include "wire/changeset.h"

namespace abri::sync::hub {

namespace {

constexpr std::string_view kSubject = "case_state";

}  // namespace

merge::MergeState storedCaseState(storage::Database& db, const wire::Id16& caseId) {
    auto& st = db.cached("SELECT state FROM case_state WHERE case_id = ?");
    st.bindBlob(1, caseId);
    merge::MergeState state;
    if (st.step()) state = merge::decodeMergeState(st.blob(0), kSubject);
    st.reset();  // a cached statement left open would pin a read snapshot
    return state;
}

void storeCaseState(storage::Database& db, const wire::Id16& caseId, const merge::MergeState& state) {
    const auto bytes = merge::encodeMergeState(state);
    const auto conflicts = countOpenConflicts(state, wire::idToHex(caseId));
    // In place when the row exists: a REPLACE would delete and re-insert it, touching the key index twice and a
    // second table page, and each page touched is encrypted and written at commit. OR FAIL: no statement journal
    // (storage/database.h).
    db.cached("UPDATE OR FAIL case_state SET state = ?, open_conflicts = ? WHERE case_id = ?")
        .bindBlob(1, bytes)
        .bind(2, static_cast<std::int64_t>(conflicts))
        .bindBlob(3, caseId)
        .run();
    if (db.changes() > 0) return;
    db.cached("INSERT OR FAIL INTO case_state(case_id, state, open_conflicts) VALUES(?, ?, ?)")
        .bindBlob(1, caseId)
        .bindBlob(2, bytes)
        .bind(3, static_cast<std::int64_t>(conflicts))
        .run();
}

merge::MergeState rebuildCaseState(storage::Database& db, const wire::Id16& caseId) {
    merge::MergeState state;
    auto st = db.prepare("SELECT admission, bytes FROM changesets WHERE case_id = ? ORDER BY hub_seq");
    st.bindBlob(1, caseId);
    while (st.step()) {
        std::size_t consumed = 0;
        const auto admissionBytes = st.blob(0);
        const auto bytes = st.blob(1);
        if (bytes.empty()) continue;  // emptied by an erasure (case_erasure.h): the case has no state
        auto admission = wire::decodeAdmissionRecord(admissionBytes, consumed, "admission");
        auto cs = wire::decodeChangeSet(bytes, {}, "stored change-set");  // verified when admitted
        state.add(devicesync::toAdmitted(cs, admission));
    }
    return state;
}

std::size_t countOpenConflicts(const merge::MergeState& state, const std::string& caseHex) {
    std::size_t count = 0;
    for (const auto* entity : state.entitiesOfCase(caseHex))
        for (const auto& [path, reg] : entity->fields)
            if (reg.heads().size() > 1) ++count;
    return count;
}

wire::Id16 caseIdFromBlob(const std::vector<std::uint8_t>& bytes) {
    if (bytes.size() != 16) throw Error(ErrorCode::VaultCorrupted, std::string(kSubject), "case id");
    wire::Id16 id{};
    std::copy(bytes.begin(), bytes.end(), id.begin());
    return id;
}

std::vector<wire::Id16> casesWithChangeSets(storage::Database& db) {
    std::vector<wire::Id16> out;
    auto st = db.prepare("SELECT DISTINCT case_id FROM changesets ORDER BY case_id");
    while (st.step()) out.push_back(caseIdFromBlob(st.blob(0)));
    return out;
}

void fillCaseStates(storage::Database& db) {
    for (const auto& caseId : casesWithChangeSets(db)) storeCaseState(db, caseId, rebuildCaseState(db, caseId));
}

void forEachCaseState(storage::Database& db, const std::optional<std::string>& office, bool conflictedOnly,
                      const CaseStateVisitor& visit) {
    std::string sql = "SELECT s.case_id, s.state FROM case_state s";
    if (office) sql += " JOIN case_access a ON a.case_id = s.case_id AND a.office = ?";
    if (conflictedOnly) sql += " WHERE s.open_conflicts > 0";
    sql += " ORDER BY s.case_id";
    auto st = db.prepare(sql);
    if (office) st.bind(1, *office);
    while (st.step()) visit(caseIdFromBlob(st.blob(0)), merge::decodeMergeState(st.blob(1), kSubject));
}

std::size_t openConflictTotal(storage::Database& db) {
    return static_cast<std::size_t>(db.queryInt64("SELECT COALESCE(SUM(open_conflicts), 0) FROM case_state").value_or(0));
}

OfficeStateHash officeStateHash(HubStore& store, const std::string& office) {
    OfficeStateHash out;
    std::vector<std::uint8_t> records;
    forEachCaseState(store.db(), office, false, [&](const wire::Id16& caseId, const merge::MergeState& state) {
        merge::appendCaseRecords(state, wire::idToHex(caseId), records);
        ++out.cases;
    });
    out.hash = merge::stateHashOfRecords(records);
    return out;
}

}  // namespace abri::sync::hub
