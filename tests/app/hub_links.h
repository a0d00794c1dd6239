#pragma once
// The hub's duplicate links and flags on a case of a test vault (sync/PROTOCOL.md §6.4), applied as a page from
// the hub applies them: one admitted change-set of `set` ops from the hub's device, through merge::VaultApplier.
// A vault's own repository refuses these fields, so this is the only way a test vault gets them.
#include <nlohmann/json.hpp>

#include <string>

namespace abri::vault {
class Vault;
}

namespace abri::app::test {

// `fields`: hub-only field paths and their values, e.g. {"possible_duplicate_of": ["TST-TWO-26-FAKE01"]}.
void applyHubLinks(vault::Vault& vault, const std::string& caseId, const nlohmann::json& fields);

}  // namespace abri::app::test
