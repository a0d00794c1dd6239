#pragma once
// The hub's retention policy (docs/erasure.md): closed cases are purged a number of whole years after their closing
// date; off by default. The same rule and bounds as a vault's (core/erasure/retention_policy.h), applied to the
// hub's merged cases: a purge empties the case's change-sets and drops its state (case_erasure.h), and later ops of
// it are excluded (`erased`). Laptops apply their own policy; nothing is sent.
#include <cstdint>
#include <optional>
#include <string>

#include "hub_store.h"

namespace abri::sync::hub {

std::optional<int> hubRetentionYears(HubStore& store);
// Error(ValueOutOfRange, "retention_years") outside erasure::kMinRetentionYears..kMaxRetentionYears; nothing changed.
void setHubRetentionYears(HubStore& store, std::optional<int> years);

// Purges the merged cases that are closed with a closing date the policy's years or more before `today`
// (YYYY-MM-DD). Returns how many; 0 when the policy is off.
int applyHubRetention(HubStore& store, const std::string& today, std::uint64_t nowMs);

}  // namespace abri::sync::hub
