#pragma once
// Masking: sensitive values (model::FieldSpec::sensitive) never leave the core unless revealed, audited, by a
// permitted role. Case views, item views and conflicts use this one rule.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "model/fields.h"

namespace abri::cases {

// Removes the sensitive values of `doc` (a document of `entity`); returns the paths of those that held a value.
std::vector<std::string> maskSensitive(model::Entity entity, nlohmann::json& doc);

}  // namespace abri::cases
