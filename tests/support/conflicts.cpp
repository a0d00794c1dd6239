#include "support/conflicts.h"

#include <cstdint>
#include <optional>
#include <stdexcept>

#include "cases/case_repository.h"
#include "journal/journal.h"
#include "merge/vault_applier.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::test {

namespace {
constexpr const char* kOtherDevice = "e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2e2";  // another computer of the office
constexpr const char* kOtherAuthor = "a9a9a9a9a9a9a9a9a9a9a9a9a9a9a9a9";
}  // namespace

void makeConflict(vault::Vault& vault, const std::string& caseId, const std::string& field,
                  const nlohmann::json& localValue, const nlohmann::json& remoteValue) {
    cases::CaseRepository(vault).updateField(caseId, field, localValue);
    std::optional<journal::Entry> local;
    for (auto& entry : vault.journal().entriesFor(caseId)) {
        if (entry.op.field == field && entry.origin == journal::Origin::Local) local = entry;
    }
    if (!local) throw std::logic_error("makeConflict: the local edit was not journalled");

    static std::uint64_t remoteSeq = 0;
    merge::AdmittedChangeSet changeSet;
    changeSet.device = kOtherDevice;
    changeSet.deviceSeq = ++remoteSeq;
    changeSet.caseId = caseId;
    changeSet.hubSeq = remoteSeq;
    changeSet.admittedMs = vault.nowMs();
    merge::RemoteOp op;
    op.kind = journal::OpKind::Set;
    op.entity = merge::EntityKind::Case;
    op.entityId = caseId;
    op.caseId = caseId;
    op.field = field;
    op.valueJson = remoteValue.dump();
    op.parents = local->parents;  // the same base as the local edit: neither saw the other
    op.hlc = local->hlc + journal::makeHlc(1000, 0);
    op.author = kOtherAuthor;
    changeSet.ops.push_back(op);
    storage::Transaction tx(vault.db());
    merge::VaultApplier(vault).apply(changeSet);
    tx.commit();
}

}  // namespace abri::test
