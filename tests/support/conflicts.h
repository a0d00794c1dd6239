#pragma once
// A real open conflict on a case, made the way a sync makes one: a local edit of a field, then another device's
// concurrent edit of the same field applied as an admitted change-set by merge::VaultApplier.
#include <nlohmann/json.hpp>

#include <string>

namespace abri::vault {
class Vault;
}

namespace abri::test {

// Sets `field` of the case to `localValue` on this vault, then applies a concurrent edit of the same field from
// another device of the office (stamped one second later, so it wins and becomes the current value; the local
// value is the losing one). merge::openConflicts(vault) then lists it.
void makeConflict(vault::Vault& vault, const std::string& caseId, const std::string& field,
                  const nlohmann::json& localValue, const nlohmann::json& remoteValue);

}  // namespace abri::test
