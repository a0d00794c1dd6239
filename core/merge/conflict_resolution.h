#pragma once
// Conflict resolution by a supervisor (sync/PROTOCOL.md §5.5): one resolve op whose parents are the current winner
// and every open-conflict head of the field, written as a LOCAL change (it ships like any edit). It wins (fresh
// HLC) and its parents stop being heads, which closes their conflicts rows wherever it is applied.
#include <nlohmann/json.hpp>

#include <string_view>

#include "journal/hlc.h"

namespace abri::vault {
class Vault;
}

namespace abri::merge {

// Needs ResolveConflicts. Errors: NotFound ("conflict") when the field has no open conflict, NotFound ("case" /
// "item") for an unknown or deleted entity, AppendOnly, and the field validation errors for `chosen`.
// Returns the version of the resolve op.
journal::Version resolveConflict(vault::Vault& vault, std::string_view entityId, std::string_view field,
                                 const nlohmann::json& chosen);

}  // namespace abri::merge
