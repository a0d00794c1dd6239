#pragma once
// The input of merge (sync/PROTOCOL.md §5): admitted change-sets with their admission records, as plain values.
// Ids are 32 lowercase hex characters, as vaults write them; a thin adapter converts the codec's wire types
// (core/wire) into these.
#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "journal/hlc.h"
#include "journal/journal.h"
#include "wire/sync_error.h"
#include "wire/sync_types.h"

namespace abri::merge {

using journal::Hlc;
using journal::Version;
// The sync vocabulary is defined once, in core/wire; merge speaks it.
using wire::EntityKind;
using wire::ExclusionReason;
using wire::OpKind;

struct Exclusion {
    std::uint16_t opIndex = 0;
    ExclusionReason reason = ExclusionReason::InvalidValue;
    friend bool operator==(const Exclusion&, const Exclusion&) = default;
};

// The hub's clamp of a change-set's clock (§5.1); ceiling 0 = not clamped.
struct Clamp {
    Hlc ceiling = 0;
    Hlc floor = 0;
    bool clamped() const noexcept { return ceiling != 0; }
};

// One op of an admitted change-set.
struct RemoteOp {
    OpKind kind = OpKind::Set;
    EntityKind entity = EntityKind::Case;
    std::string entityId;
    std::string caseId;             // the change-set's case_id
    std::string field;              // "" for create/delete
    std::string valueJson = "null"; // create: the document; set/resolve: the value; delete: null
    std::vector<Version> parents;   // set: the base; resolve: the winner, then every open head
    Hlc hlc = 0;                    // identity, with `device`
    Hlc effHlc = 0;                 // effective HLC (§5.1); see assignEffectiveHlcs
    std::string device;
    std::string author;             // user id

    Version identity() const { return {hlc, device}; }
};

// Order key (§5.1): (eff_hlc, device, hlc); the greater key wins. Hex device ids order like their bytes.
struct OrderKey {
    Hlc eff = 0;
    std::string device;
    Hlc hlc = 0;
    friend auto operator<=>(const OrderKey&, const OrderKey&) = default;
    friend bool operator==(const OrderKey&, const OrderKey&) = default;
};
inline OrderKey orderKey(const RemoteOp& op) { return {op.effHlc, op.device, op.hlc}; }

struct AdmittedChangeSet {
    std::string id;                  // change-set id, 64 hex ("" when not known, e.g. in pure tests)
    std::string device;              // signer
    std::uint64_t deviceSeq = 0;
    std::string caseId;
    std::uint64_t hubSeq = 0;
    std::int64_t admittedMs = 0;
    std::vector<RemoteOp> ops;       // change-set order: strictly increasing hlc
    Clamp clamp;
    std::vector<Exclusion> excluded; // ascending op index

    bool isExcluded(std::size_t opIndex) const;
};

// The effective HLCs of a change-set's ops (§5.1): the HLCs themselves unless clamped, else
// eff_0 = max(min(hlc_0, C), F + 1), eff_i = max(min(hlc_i, C), eff_{i-1} + 1).
std::vector<Hlc> effectiveHlcs(std::span<const Hlc> hlcs, const Clamp& clamp);
// Fills every op's effHlc (and device/caseId when empty) from the change-set's clamp, device and case.
void assignEffectiveHlcs(AdmittedChangeSet& changeSet);

}  // namespace abri::merge
