#include "quarantine_release.h"

#include "common/error.h"
#include "ingest.h"

namespace abri::sync::hub {

ReleaseOutcome releaseQuarantined(HubStore& store, std::int64_t quarantineId, std::uint64_t hubNowMs) {
    storage::Transaction txn(store.db());
    auto row = store.findQuarantined(quarantineId);
    if (!row) throw Error(ErrorCode::NotFound, "quarantine " + std::to_string(quarantineId));
    auto device = store.findDevice(row->deviceId);
    // Throws before writing anything; the transaction then rolls back (the row stays).
    auto result = admitChangeSet(store, device, row->bytes, row->deviceSeq, hubNowMs, DeviceStatusCheck::Skip);
    store.removeQuarantined(quarantineId);
    txn.commit();
    return ReleaseOutcome{std::move(*row), result, device ? device->chainSeq : 0};
}

}  // namespace abri::sync::hub
