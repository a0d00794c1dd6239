#pragma once
// Consent gates sharing: an outgoing referral or a transfer shares the person's data beyond the office, so it
// needs an active "data_sharing" consent. The repository checks it on the laptop; the hub's authorisation uses the
// same rule to decide which offices may see a case. Reports count only cases with an active "research" consent
// in record-level exports.
#include <nlohmann/json.hpp>

#include <string_view>

#include "model/fields.h"

namespace abri::model {

// A consent document grants `scope` now: given, and not withdrawn.
bool isActiveConsent(const nlohmann::json& consentDoc, std::string_view scope);
// True when creating this item shares the person's data beyond the office.
bool needsSharingConsent(Entity kind, const nlohmann::json& itemDoc);

inline constexpr std::string_view kDataSharingScope = "data_sharing";
inline constexpr std::string_view kResearchScope = "research";

}  // namespace abri::model
