#include "hub_links.h"

#include <chrono>

#include "journal/hlc.h"
#include "merge/vault_applier.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::app::test {

namespace {
const std::string kHubDevice = "4855422d46414b452d4855422d464b45";  // a synthetic hub id (32 hex)
}

void applyHubLinks(vault::Vault& vault, const std::string& caseId, const nlohmann::json& fields) {
    const auto state = merge::loadEntityState(vault, caseId);
    const merge::EntityState* theCase = state.find(caseId);
    const auto nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    merge::AdmittedChangeSet cs;
    cs.device = kHubDevice;
    cs.deviceSeq = 1;
    cs.caseId = caseId;
    cs.admittedMs = nowMs;
    journal::Hlc hlc = journal::makeHlc(static_cast<std::uint64_t>(nowMs), 0);
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        merge::RemoteOp op;
        op.kind = merge::OpKind::Set;
        op.entity = merge::EntityKind::Case;
        op.entityId = caseId;
        op.caseId = caseId;
        op.field = it.key();
        op.valueJson = it.value().dump();
        const auto found = theCase->fields.find(it.key());
        const merge::RemoteOp* base = found != theCase->fields.end() ? found->second.winner() : theCase->create();
        op.parents = {base->identity()};
        op.hlc = hlc++;
        op.device = kHubDevice;
        op.author = kHubDevice;
        cs.ops.push_back(std::move(op));
    }
    merge::assignEffectiveHlcs(cs);
    storage::Transaction tx(vault.db());
    merge::VaultApplier(vault).apply(std::move(cs));
    tx.commit();
}

}  // namespace abri::app::test
