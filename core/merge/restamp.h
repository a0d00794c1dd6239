#pragma once
// Re-stamping after the hub refused a change-set for its clock (clock_ahead, clock_out_of_bounds;
// sync/PROTOCOL.md §7.5). The refused change-sets were never stored by the hub, so their ops may take new
// identities: the clock is set to `restartAt`, every unshipped local journal entry gets a new HLC in journal order,
// and every reference to an old identity (parents, field_versions, created versions of rows, conflicts rows) is
// rewritten. The caller first marks the refused change-sets' entries unshipped (Journal::markUnshipped) and
// chooses restartAt = max(wall clock, last observed hub time, greatest HLC of this device's admitted ops).
#include <cstddef>

#include "journal/hlc.h"

namespace abri::vault {
class Vault;
}

namespace abri::merge {

// Runs inside the caller's transaction. Returns the number of entries re-stamped.
std::size_t restampUnshipped(vault::Vault& vault, journal::Hlc restartAt);

}  // namespace abri::merge
