#pragma once
// Merge as a pure function of a set of admitted ops (sync/PROTOCOL.md §5.1-5.4): whatever the order or the
// multiplicity in which ops are added, the state is the same. Per entity: its create (least order key), its
// tombstone (least-key delete; delete wins), and per field a register whose heads are the edits no other edit has
// seen; the winner is the head with the greatest order key, the other heads are open conflicts.
// The hub keeps one MergeState for everything it admitted; devices build one per entity from their journal.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "merge/admitted_change_set.h"
#include "model/fields.h"

namespace abri::merge {

using Json = nlohmann::json;

// Parses an op value; text that is not JSON (never written by Abri) is kept as a JSON string.
Json parseValue(const std::string& valueJson);

struct FieldRegister {
    std::map<Version, RemoteOp> ops;   // set and resolve ops of one (entity, field), by identity

    // Heads in descending order key; empty only when there are no ops.
    std::vector<const RemoteOp*> heads() const;
    const RemoteOp* winner() const;    // heads().front(), or nullptr
    // True when `identity` is a parent (transitively) of a head.
    bool isAncestorOfHead(const Version& identity) const;
};

struct EntityState {
    EntityKind entity = EntityKind::Case;
    std::string id;
    std::string caseId;                        // the change-sets' case_id (least one seen, if a device lied)
    std::map<Version, RemoteOp> creates;
    std::map<Version, RemoteOp> deletes;
    std::map<std::string, FieldRegister> fields;

    const RemoteOp* create() const;            // least order key, or nullptr when no create arrived yet
    const RemoteOp* tombstone() const;         // least-key delete, or nullptr
    bool deleted() const { return !deletes.empty(); }
    // Case for a case; the item kind named in the create value for an item (nullopt without a valid create).
    std::optional<model::Entity> modelKind() const;
    // An item whose create names kind "attachment" (sync/PROTOCOL.md §11.1): a file's record, not a model item.
    bool isAttachment() const;
    // The current document: the create's document overlaid with every field's winner; null without a create.
    // For items this is the item document (the create value's "doc").
    Json document() const;
    std::optional<std::string> supersedes() const;  // items: the record this one corrects
    // Set/resolve ops ordered after the tombstone (§5.2: listed to supervisors, not applied).
    std::vector<const RemoteOp*> editedAfterDeletion() const;
};

// Where an op ended up (§5.7 "no lost edit").
enum class Standing { Current, OpenConflict, Ancestor, Create, Delete, Excluded, Missing };
std::string_view standingName(Standing standing) noexcept;

class MergeState {
public:
    // Adds the change-set's ops that the hub did not exclude (effHlc must be assigned); records the excluded ones.
    // Returns how many ops were new.
    std::size_t add(const AdmittedChangeSet& changeSet);
    // Adds one op; false when an op with its identity is already present (the first one stays).
    bool add(const RemoteOp& op);
    // Union with another state (its ops and exclusions): merge(a, b) == merge(b, a).
    void merge(const MergeState& other);
    // Removes an op (a device's own op the hub excluded after all, §5.6) and records why.
    void exclude(const Version& identity, ExclusionReason reason);
    // Records an exclusion as add(changeSet) does, removing nothing; false when the identity was already recorded.
    // (merge_state_codec.h restores a stored state with it.)
    bool recordExclusion(const Version& identity, ExclusionReason reason);

    const EntityState* find(std::string_view entityId) const;
    const std::map<std::string, EntityState, std::less<>>& entities() const noexcept { return entities_; }
    // Case ids that have at least one entity, ascending.
    std::vector<std::string> caseIds() const;
    // The case (when it has ops), then its items by ascending id.
    std::vector<const EntityState*> entitiesOfCase(std::string_view caseId) const;
    // A copy holding only one case and its items (the hub authorises against it, §6.3).
    MergeState caseSubset(std::string_view caseId) const;

    bool contains(const Version& identity) const { return where_.count(identity) > 0; }
    std::size_t opCount() const noexcept { return where_.size(); }
    const std::map<Version, ExclusionReason>& excluded() const noexcept { return excluded_; }
    Standing standing(const Version& identity) const;

private:
    void forEachOp(const std::function<void(const RemoteOp&)>& visit) const;

    std::map<std::string, EntityState, std::less<>> entities_;
    std::map<std::string, std::set<std::string>, std::less<>> itemsByCase_;
    std::map<Version, std::string> where_;     // identity -> entity id
    std::map<Version, ExclusionReason> excluded_;
};

}  // namespace abri::merge
