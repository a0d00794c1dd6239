#include "erasure/case_purge.h"

#include "attachments/attachment_purge.h"
#include "cases/case_store.h"
#include "common/error.h"
#include "journal/journal.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::erasure {

std::string_view purgeReasonCode(PurgeReason reason) {
    switch (reason) {
    case PurgeReason::Erasure: return "erasure";
    case PurgeReason::Retention: return "retention";
    }
    return "erasure";
}

namespace {

PurgeReason reasonFromCode(const std::string& code) {
    if (code == purgeReasonCode(PurgeReason::Erasure)) return PurgeReason::Erasure;
    if (code == purgeReasonCode(PurgeReason::Retention)) return PurgeReason::Retention;
    throw Error(ErrorCode::VaultCorrupted, "purged_cases.reason");
}

}  // namespace

bool purgeCase(vault::Vault& vault, std::string_view caseId, PurgeReason reason) {
    return purgeCase(vault.db(), vault.journal(), caseId, reason, vault.nowMs());
}

bool purgeCase(storage::Database& db, journal::Journal& journal, std::string_view caseId, PurgeReason reason,
               std::int64_t nowMs) {
    if (isPurged(db, caseId)) return false;
    // Attachments first: their records name the case's row.
    attachments::purgeCaseAttachments(db, caseId);
    // Items journalled but never shown here count too (their create was excluded, or arrived without its case).
    const std::vector<std::string> entities = cases::CaseStore(db).purgeCase(caseId, journal.itemIdsOfCase(caseId));
    journal.purgeCase(caseId, entities);
    db.cached("INSERT OR FAIL INTO purged_cases (case_id, purged_ms, reason) VALUES (?, ?, ?)")
        .bind(1, caseId)
        .bind(2, nowMs)
        .bind(3, purgeReasonCode(reason))
        .run();
    return true;
}

bool scrubAfterPurge(vault::Vault& vault) { return scrubAfterPurge(vault.db()); }

bool scrubAfterPurge(storage::Database& db) {
    cases::CaseStore(db).compactSearchIndex();
    return db.checkpointAndTruncate();
}

bool isPurged(storage::Database& db, std::string_view caseId) {
    auto& st = db.cached("SELECT 1 FROM purged_cases WHERE case_id = ?");
    st.bind(1, caseId);
    const bool found = st.step();
    st.reset();
    return found;
}

std::optional<PurgedCase> findPurged(storage::Database& db, std::string_view caseId) {
    auto st = db.prepare("SELECT case_id, purged_ms, reason FROM purged_cases WHERE case_id = ?");
    st.bind(1, caseId);
    if (!st.step()) return std::nullopt;
    return PurgedCase{st.text(0), st.int64(1), reasonFromCode(st.text(2))};
}

std::vector<PurgedCase> purgedCases(storage::Database& db) {
    auto st = db.prepare("SELECT case_id, purged_ms, reason FROM purged_cases ORDER BY purged_ms, case_id");
    std::vector<PurgedCase> out;
    while (st.step()) out.push_back({st.text(0), st.int64(1), reasonFromCode(st.text(2))});
    return out;
}

}  // namespace abri::erasure
