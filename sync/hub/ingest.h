#pragma once
// Hub ingest (PROTOCOL.md §3.11, §7.2). `admitChangeSet` takes ONE change-set through steps 3-10 inside the
// caller's transaction; uploads and folder imports call it for each change-set of a sealed file (all in one
// transaction per file, committed before the caller answers), and the operator's quarantine release calls it
// for one quarantined change-set (§2.7).
#include <optional>
#include <span>

#include "common/frames.h"
#include "hub_store.h"
#include "precheck.h"

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

// Step 5 of §3.11: what a revoked or forked device sends is quarantined. The operator's release admits such a
// change-set explicitly and skips only this check.
enum class DeviceStatusCheck { Quarantine, Skip };

// §3.11 steps 3-10 for one signed change-set, inside the caller's transaction: duplicate (3), device and
// signature (4), quarantine (5, unless skipped), chain (6), body (7), office (8), clock (9), authorisation,
// storage, chain head and feeds (10, §6.2). `device` is the signer's record (nullopt: unknown_device); it is
// advanced in place so the next change-set of a batch sees the new head. `seq` is the device_seq the caller
// expects (the batch position, the quarantine row); a header that differs is device_mismatch.
// Returns the status (admitted, admitted_with_exclusions, duplicate, quarantined). A refusal throws SyncError
// (fork, chain_gap with ref = head, or an R code) before anything is written; a fork's quarantine copy and the
// device's forked status are the caller's decision. `prechecked`: steps 2, 4 and 7 already run on these bytes
// (precheck.h) against `device`'s key; their results or errors are used in place of running them again.
ChangeSetResult admitChangeSet(HubStore& store, std::optional<DeviceRecord>& device,
                               std::span<const std::uint8_t> bytes, std::uint64_t seq, std::uint64_t hubNowMs,
                               DeviceStatusCheck statusCheck, const PrecheckedChangeSet* prechecked = nullptr);

// `sessionDevice`: the device of the TLS session (uploads), or nullopt for a folder import (the batch's device is
// then taken as the sender). `hubNowMs`: hub wall clock.
IngestResult ingestSealedFile(HubStore& store, std::span<const std::uint8_t> file,
                              const std::optional<wire::Id16>& sessionDevice, std::uint64_t hubNowMs);

// The device's certificate is added to feed `office` when it lacks it (receivers need it to verify).
void ensureCertificateInFeed(HubStore& store, const std::string& office, const DeviceRecord& device);

}  // namespace abri::sync::hub
