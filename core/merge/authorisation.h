#pragma once
// Hub-side authorisation of the ops of an admitted change-set (sync/PROTOCOL.md §6.1, §6.3), as pure functions
// over the hub's merge state. The hub never trusts a device to filter: every op is checked against the device
// certificate's office and role and against the field registry; a failing op is excluded with its 5xx reason.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "merge/merge_state.h"
#include "vault/roles.h"
#include "wire/sync_types.h"

namespace abri::merge {

// Certificate roles (§2.4, defined once in wire/sync_types.h): the highest role whose ops the hub accepts.
using CertificateRole = wire::CertRole;
bool certificateAllows(CertificateRole role, vault::Permission permission);  // the hub role may do everything

inline constexpr std::string_view kHubOffice = "*";

struct DeviceAuthority {
    std::string office;            // certificate office ("*" for the hub itself)
    CertificateRole role = CertificateRole::Caseworker;
};

// access(c) (§6.1): the case's office, the to_office of each live transfer (and of each live outgoing referral
// naming one of `hubOffices`) while the case has an active data_sharing consent, and "*". Empty case: {"*"}.
std::set<std::string> accessSet(const MergeState& state, std::string_view caseId,
                                const std::set<std::string>& hubOffices);

// What the hub knows beyond its merge state.
struct HubContext {
    std::string today;                     // YYYY-MM-DD at hub time: dates are validated against it
    std::set<std::string> hubOffices;      // offices of this hub (referrals to them grant access)
    std::set<std::string> grantedOffices;  // offices already granted this case (in v1 access only grows)
};

// Checks each op in order against `hubState` plus the earlier accepted ops of the same change-set; returns the
// excluded ops (ascending index) with the first failing reason. Ops must carry hlc/device; effHlc does not matter.
std::vector<Exclusion> authorise(const MergeState& hubState, const DeviceAuthority& device, std::string_view caseId,
                                 const std::vector<RemoteOp>& ops, const HubContext& context);

}  // namespace abri::merge
