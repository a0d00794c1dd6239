#pragma once
// Builds a page of an office feed for one device (PROTOCOL.md §3.8, §6.2): its own change-sets become RECEIPTs,
// other devices' RECEIPTs are omitted, signed by the hub and sealed to the device's box key.
#include <optional>

#include "hub_store.h"

namespace abri::sync::hub {

struct BuiltPage {
    wire::Id16 pageId{};
    std::uint64_t firstSeq = 0;
    std::uint64_t lastSeq = 0;
    std::uint64_t headSeq = 0;
    Bytes sealedFile;  // ABSF content 2
    wire::Hash32 fileHash{};
};

// nullopt when nothing is newer than sinceSeq. Throws SyncError(BadSince) when sinceSeq > head.
// ownChangeSets (kCapOwnChangeSets, a restored vault, §7.7): the device's own change-sets, CHANGESET or RECEIPT in
// the feed, are sent as CHANGESET entries with their bytes instead of RECEIPTs.
// receiptRanges (kCapCompactAcks): consecutive own change-sets admitted unclamped and without exclusions, with no
// other entry between them in the page, become one RECEIPT_RANGE entry (12 bytes instead of 106 each, §3.8).
std::optional<BuiltPage> buildPage(HubStore& store, const DeviceRecord& device, std::uint64_t sinceSeq,
                                   std::size_t maxEntries, std::size_t maxBytes, std::uint64_t hubNowMs,
                                   bool ownChangeSets = false, bool receiptRanges = false);

}  // namespace abri::sync::hub
