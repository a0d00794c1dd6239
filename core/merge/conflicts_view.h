#pragma once
// Open conflicts as people see them (sync/PROTOCOL.md §5.3, §5.5): the one place that decides what of a conflict a
// user may see. Values of sensitive fields (and of fields this version does not know) are withheld unless the
// caller asks to reveal them and the role has RevealSensitive; each reveal goes through CaseRepository::reveal,
// which checks the role and writes the audit entry before the value leaves the core. The app's conflicts dialog and
// `abri-cli conflicts` read conflicts here and never mask by themselves.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "journal/hlc.h"
#include "model/fields.h"

namespace abri::vault {
class Vault;
}

namespace abri::merge {

// A conflicts row by identity: which field, which versions, when. Never a value (like `abri-hub conflicts`).
struct OpenConflict {
    std::int64_t id = 0;
    std::string entityId;
    std::string field;
    journal::Version losing;
    journal::Version winning;  // the winner when the conflict was detected
    std::int64_t detectedMs = 0;
};
// Open conflicts rows, oldest first (all entities when entityId is empty).
std::vector<OpenConflict> openConflicts(vault::Vault& vault, std::string_view entityId = {});

// One side of a conflict, as the caller may see it.
struct ConflictValue {
    journal::Version version;           // which device wrote it, and when (its HLC)
    std::optional<std::string> author;  // the user id that wrote it, when its op is still in this vault's journal
    nlohmann::json value;               // null when withheld
    bool withheld = false;              // a value is there but hidden (the field is sensitive, not revealed)
};

struct ConflictView {
    OpenConflict conflict;
    std::string caseId;                 // empty when the entity is unknown to this vault
    std::string caseCode;               // empty when the case is gone (deleted)
    std::optional<model::Entity> kind;  // nullopt for an entity this version cannot interpret
    bool exists = false;                // the case or item is still there: there is something to choose
    bool sensitive = true;              // unknown fields count as sensitive: mask rather than guess
    bool masked = false;                // values hidden: sensitive and not revealed
    bool revealable = false;            // masked, but a reveal would show it (the entity exists, the field is known)
    ConflictValue winning;              // the value every device shows now (the field's current winner)
    ConflictValue losing;               // the competing value the conflict keeps
};

// Which conflicts' sensitive values the caller asks to see.
struct ConflictReveal {
    bool all = false;            // every open conflict (`abri-cli conflicts --reveal`)
    std::set<std::int64_t> ids{};  // these conflicts (the dialog's Reveal buttons)
    bool any() const { return all || !ids.empty(); }
    bool wants(std::int64_t id) const { return all || ids.count(id) > 0; }
};

// The open conflicts, oldest first. Needs ViewCases; asking to reveal needs RevealSensitive, refused up front
// (Error PermissionDenied) so a refusal never depends on which fields happen to be in conflict. Every conflict
// revealed writes one audit entry (sensitive_revealed, entity and field), each time it is shown.
std::vector<ConflictView> viewOpenConflicts(vault::Vault& vault, const ConflictReveal& reveal = {});

enum class KeptValue { Winning, Losing };
// Resolves open conflict `id` (resolveConflict) keeping the field's current winner or the conflict's losing value,
// so a supervisor can choose without the values being revealed. Needs ResolveConflicts; Error NotFound
// ("conflict") when no open conflict has this id; otherwise the errors of resolveConflict.
journal::Version resolveOpenConflict(vault::Vault& vault, std::int64_t id, KeptValue keep);

}  // namespace abri::merge
