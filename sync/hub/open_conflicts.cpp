#include "open_conflicts.h"

#include "case_state.h"

namespace abri::sync::hub {

std::vector<OpenConflict> openConflicts(HubStore& store, const std::optional<std::string>& office) {
    std::vector<OpenConflict> out;
    forEachCaseState(store.db(), office, true, [&out](const wire::Id16& caseId, const merge::MergeState& state) {
        const auto caseHex = wire::idToHex(caseId);
        for (const auto* entity : state.entitiesOfCase(caseHex)) {
            for (const auto& [path, reg] : entity->fields) {
                const auto heads = reg.heads();
                if (heads.size() < 2) continue;
                OpenConflict conflict;
                conflict.caseId = caseHex;
                conflict.entity = entity->entity;
                conflict.entityId = entity->id;
                conflict.field = path;
                conflict.entityDeleted = entity->deleted();
                for (const auto* head : heads) conflict.heads.push_back({head->device, head->effHlc, head->hlc});
                out.push_back(std::move(conflict));
            }
        }
    });
    return out;
}

}  // namespace abri::sync::hub
