#pragma once
// Hub ingest of one uploaded or imported sealed file (PROTOCOL.md §3.11, §7.2): open, verify, chain, clock,
// authorise, store, append to office feeds — all in ONE hub transaction, committed before the caller answers.
#include <optional>
#include <span>

#include "common/frames.h"
#include "hub_store.h"

namespace abri::sync::hub {

struct IngestResult {
    std::uint16_t fileStatus = 0;           // 0, or the code that failed the whole file
    std::uint64_t ackedSeq = 0;              // highest contiguous device_seq admitted from the device
    std::vector<ChangeSetResult> results;    // per change-set, in order, up to where processing stopped
    Bytes refusalNotice;                     // signed ABRN when a change-set was refused (R)
};

// Per-change-set statuses of UPLOAD_ACK (§4.4).
constexpr std::uint16_t kStatusAdmitted = 0;
constexpr std::uint16_t kStatusAdmittedWithExclusions = 1;
constexpr std::uint16_t kStatusDuplicate = 2;
constexpr std::uint16_t kStatusQuarantined = 3;

// `sessionDevice`: the device of the TLS session (uploads), or nullopt for a folder import (the batch's device is
// then taken as the sender). `hubNowMs`: hub wall clock.
IngestResult ingestSealedFile(HubStore& store, std::span<const std::uint8_t> file,
                              const std::optional<Id16>& sessionDevice, std::uint64_t hubNowMs);

// The device's certificate is added to feed `office` when it lacks it (receivers need it to verify).
void ensureCertificateInFeed(HubStore& store, const std::string& office, const DeviceRecord& device);

}  // namespace abri::sync::hub
