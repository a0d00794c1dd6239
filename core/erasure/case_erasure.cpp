#include "erasure/case_erasure.h"

#include <string>

#include "audit/audit_log.h"
#include "cases/case_store.h"
#include "common/error.h"
#include "erasure/case_purge.h"
#include "journal/journal.h"
#include "storage/database.h"
#include "vault/roles.h"
#include "vault/vault.h"
#include "wire/certificate.h"

namespace abri::erasure {

namespace {

// The hub admits an erase op only from a device certified for a role that may erase (§6.3). A supervisor on a
// laptop enrolled for caseworkers would erase the case here and nowhere else: refused before anything changes.
void requireDeviceMayErase(storage::Database& db) {
    auto st = db.prepare("SELECT certificate FROM sync_enrolment WHERE id = 1 AND state = 'enrolled'");
    if (!st.step() || st.isNull(0)) return;  // not enrolled: the erasure stays in this vault, as everything does
    const auto certificate = wire::decodeCertificate(st.blob(0), "sync_enrolment.certificate");
    if (certificate.role != wire::CertRole::Supervisor && certificate.role != wire::CertRole::Hub)
        throw Error(ErrorCode::PermissionDenied, "erase_cases_device");
}

}  // namespace

void eraseCase(vault::Vault& vault, std::string_view caseId) {
    vault.require(vault::Permission::EraseCases);
    auto& db = vault.db();
    requireDeviceMayErase(db);
    if (!cases::CaseStore(db).caseRowid(caseId) || isPurged(db, caseId)) throw Error(ErrorCode::NotFound, "case");
    const std::string userId = vault.currentUser().id;
    {
        storage::Transaction tx(db);
        vault.journal().append({std::string(wire::entityKindCode(wire::EntityKind::Case)), std::string(caseId),
                                journal::OpKind::Erase, "", "", std::nullopt},
                               userId);
        purgeCase(vault, caseId, PurgeReason::Erasure);
        vault.audit().append(vault.nowMs(), userId, audit::Action::CaseErased, caseId);
        tx.commit();
    }
    scrubAfterPurge(vault);
}

bool applyErasure(vault::Vault& vault, std::string_view caseId, std::string_view authorId, std::string_view device) {
    if (!purgeCase(vault, caseId, PurgeReason::Erasure)) return false;
    vault.audit().append(vault.nowMs(), std::string(authorId), audit::Action::CaseErased, caseId, "",
                         "from device " + std::string(device));
    return true;
}

}  // namespace abri::erasure
