// CaseRepository::history: who changed or looked at a case and its items, from the journal and the audit log.
#include <algorithm>

#include "audit/audit_log.h"
#include "cases/case_repository.h"
#include "cases/case_store.h"
#include "common/error.h"
#include "journal/journal.h"
#include "vault/vault.h"

namespace abri::cases {

using vault::Permission;

std::vector<HistoryEntry> CaseRepository::history(std::string_view caseId) {
    vault_.require(Permission::ViewCases);
    CaseStore store(vault_.db());
    auto row = store.findCase(caseId);
    if (!row || row->deleted) throw Error(ErrorCode::NotFound, "case");
    std::vector<std::string> entityIds{row->id};
    for (auto& id : store.allItemIds(row->id)) entityIds.push_back(std::move(id));
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
