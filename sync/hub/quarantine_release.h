#pragma once
// The operator's release of a quarantined change-set (PROTOCOL.md §2.7): it goes through the normal ingest steps
// at release time (admitChangeSet: signature, chain, body, office, clock, authorisation, feeds) except the
// revoked/forked check, in one hub transaction. The quarantine row is removed only when the change-set is
// admitted; a refusal changes nothing.
#include <cstdint>

#include "common/frames.h"
#include "hub_store.h"

namespace abri::sync::hub {

struct ReleaseOutcome {
    QuarantineRow row;         // the released row (bytes included)
    ChangeSetResult result;    // admitted, admitted_with_exclusions, or duplicate (it was admitted already)
    std::uint64_t deviceHead;  // the device's chain head after the release
};

// Error(NotFound, "quarantine <id>") when no such row (e.g. released already). A refusal throws SyncError with a
// non-personal subject: chain_gap (ref = the device's head: an earlier seq must be released first), fork (the
// seq is admitted with another id, or the change-set does not follow the admitted head), or an ingest code
// (unknown_device, bad_signature, bad_encoding, unauthorised_office, clock_ahead, ...). Nothing is written then.
ReleaseOutcome releaseQuarantined(HubStore& store, std::int64_t quarantineId, std::uint64_t hubNowMs);

}  // namespace abri::sync::hub
