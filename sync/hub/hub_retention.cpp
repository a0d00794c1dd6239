#include "hub_retention.h"

#include <vector>

#include "case_erasure.h"
#include "case_state.h"
#include "common/decimal.h"
#include "common/error.h"
#include "erasure/retention_policy.h"
#include "merge/merge_state.h"

namespace abri::sync::hub {

namespace {

constexpr std::string_view kMetaKey = "retention_closed_years";

std::string textAt(const nlohmann::json& doc, const char* key) {
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::optional<int> hubRetentionYears(HubStore& store) {
    auto st = store.db().prepare("SELECT value FROM meta WHERE key = ?");
    st.bind(1, kMetaKey);
    if (!st.step()) return std::nullopt;
    const auto bytes = st.blob(0);
    const auto years = parseNonNegativeDecimal(std::string(bytes.begin(), bytes.end()));
    if (!years || *years < erasure::kMinRetentionYears || *years > erasure::kMaxRetentionYears)
        throw Error(ErrorCode::VaultCorrupted, "meta.retention_closed_years");
    return static_cast<int>(*years);
}

void setHubRetentionYears(HubStore& store, std::optional<int> years) {
    if (years) erasure::checkRetentionYears(*years);
    auto& db = store.db();
    if (years) {
        const std::string text = std::to_string(*years);
        db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
            .bind(1, kMetaKey)
            .bindBlob(2, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()))
            .run();
    } else {
        db.prepare("DELETE FROM meta WHERE key = ?").bind(1, kMetaKey).run();
    }
}

int applyHubRetention(HubStore& store, const std::string& today, std::uint64_t nowMs) {
    const auto years = hubRetentionYears(store);
    if (!years) return 0;
    const std::string cutoff = erasure::retentionCutoff(today, *years);

    std::vector<wire::Id16> due;
    for (const auto& caseId : store.caseIds()) {
        const auto state = storedCaseState(store.db(), caseId);
        const merge::EntityState* theCase = state.find(wire::idToHex(caseId));
        if (theCase == nullptr || theCase->create() == nullptr) continue;
        const auto doc = theCase->document();
        const std::string closedOn = textAt(doc, "closed_on");
        if (textAt(doc, "status") == "closed" && !closedOn.empty() && closedOn <= cutoff) due.push_back(caseId);
    }
    if (due.empty()) return 0;
    {
        storage::Transaction tx(store.db());
        for (const auto& caseId : due) purgeCaseByRetention(store, caseId, nowMs);
        tx.commit();
    }
    scrubHubAfterErasure(store);
    return static_cast<int>(due.size());
}

}  // namespace abri::sync::hub
