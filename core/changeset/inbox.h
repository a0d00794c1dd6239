#pragma once
// The device side of download (sync/PROTOCOL.md §3.11 page checks, §7.3): open, verify and apply inbox pages in
// first_seq order, one vault transaction per page, and advance the checkpoint.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "changeset/admission_record.h"
#include "changeset/changeset.h"
#include "changeset/hub_descriptor.h"
#include "changeset/page.h"
#include "changeset/refusal_notice.h"
#include "changeset/sync_error.h"
#include "changeset/wire_types.h"
#include "crypto/sealed_box.h"
#include "journal/hlc.h"
#include "storage/database.h"

namespace abri::sync {

struct InboxHandlers {
    // A verified change-set of another device (signature, id == admission id, body decoded), called inside the page
    // transaction in feed order; throwing rolls the whole page back. The merge engine applies it.
    std::function<void(const ChangeSet&, const AdmissionRecord&)> onChangeSet;
    // The admission record of one of this device's own change-sets (§5.6), inside the page transaction.
    std::function<void(const AdmissionRecord&)> onReceipt;
    // A verified refusal notice for this device (§7.5), in its own transaction. The file is deleted afterwards.
    std::function<void(const RefusalNotice&)> onRefusal;
    // Optional: after a page's entries, inside its transaction (a restored vault decides there whether it has
    // re-read all its own change-sets, §7.7). Throwing rolls the page back.
    std::function<void(const Page&)> onPageApplied;
};

struct InboxContext {
    Id16 deviceId{};
    const crypto::BoxKeyPair* boxKey = nullptr;  // this device's box key (opens pages)
    HubDescriptor hub;                           // the enrolled hub (id, identity key)
    journal::HybridLogicalClock* clock = nullptr;  // optional: observes each page's hub time (§5.1)
};

struct InboxResult {
    std::size_t pagesApplied = 0;
    std::size_t pagesSkipped = 0;          // last_seq <= checkpoint: deleted unapplied
    std::size_t changeSetsDelivered = 0;
    std::size_t receipts = 0;
    std::size_t refusals = 0;
    std::uint64_t checkpoint = 0;
    std::optional<SyncError> waiting;      // page_gap: the next page starts after checkpoint + 1
    std::vector<SyncError> rejected;       // files that failed verification; renamed to ".bad-<name>"
};

// meta.sync_checkpoint (0 when absent).
std::uint64_t readCheckpoint(storage::Database& db);
// The newest hub clock reading of an applied page (meta.sync_hub_time_ms, 0 before the first page): signed by the
// hub, so re-stamping after a clock refusal can trust it (§7.5) even when no newer notice arrives.
std::uint64_t readHubTimeMs(storage::Database& db);

// Applies every pg- and rf- file of this device in `inboxDir`. `checkpointFile` ("<vault>.sync/checkpoint") is
// rewritten ("office_seq <n>\n") after each applied page and before the page file is deleted (§7.3 step A5).
// Per page transaction: CERT entries are verified with the hub key and stored (sync_certificates); a newer HUB
// descriptor is stored; CHANGESET entries are verified (id, signer certificate from this or an earlier page, else
// unknown_device; signature; body) and handed to onChangeSet; RECEIPTs to onReceipt; sync_outgoing rows up to the
// page's acked_device_seq are pruned; meta.sync_checkpoint = last_seq.
InboxResult applyInbox(storage::Database& db, const InboxContext& context, const std::filesystem::path& inboxDir,
                       const std::filesystem::path& checkpointFile, const InboxHandlers& handlers);

// Enrolment state (sync_enrolment) as stored: the hub descriptor and this device's certificate, when enrolled.
std::optional<HubDescriptor> storedHubDescriptor(storage::Database& db);
void storeEnrolment(storage::Database& db, const std::string& state, std::span<const std::uint8_t> certificate,
                    std::span<const std::uint8_t> descriptor, const std::string& hubAddress, std::int64_t nowMs);

}  // namespace abri::sync
