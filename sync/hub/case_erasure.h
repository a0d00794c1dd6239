#pragma once
// Erasure at the hub (PROTOCOL.md §5.9). When an erase op is admitted the hub routes its change-set like any other
// (to every office with access, so each device purges the case) and then purges what it holds of the case: the
// bytes of its earlier change-sets (their rows stay, emptied, for device chains and duplicate detection), its merged
// state, its attachment chunks, its duplicate dismissals. From then on every op of the case is excluded (`erased`) and stored without its
// bytes. What stays is the tombstone: the case id, when, why, and the erase change-set. A case purged by the hub's
// retention policy is treated the same from then on.
#include <cstdint>

#include "hub_store.h"

namespace abri::sync::hub {

bool caseErased(HubStore& store, const wire::Id16& caseId);
std::int64_t erasedCaseCount(HubStore& store);

// In the ingest transaction, after the erase change-set was stored and routed.
void purgeErasedCase(HubStore& store, const wire::Id16& caseId, const wire::Hash32& eraseChangeSetId,
                     std::uint64_t nowMs);
// The same for the hub's retention policy (hub_retention.h): no change-set names it.
void purgeCaseByRetention(HubStore& store, const wire::Id16& caseId, std::uint64_t nowMs);

// After the transaction: the write-ahead log truncated, so it keeps no copy of the purged pages (false when a
// reader still needed it; the hub's next erasure or checkpoint finishes it).
bool scrubHubAfterErasure(HubStore& store);

}  // namespace abri::sync::hub
