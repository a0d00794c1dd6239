#pragma once
// The device side of download (sync/PROTOCOL.md §3.11 page checks, §7.3): open, verify and apply inbox pages in
// first_seq order, one vault transaction per page (or per step of one, see ApplyBudget), and advance the checkpoint.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "devicesync/decoded_page_cache.h"
#include "wire/admission_record.h"
#include "wire/changeset.h"
#include "wire/hub_descriptor.h"
#include "wire/page.h"
#include "wire/refusal_notice.h"
#include "wire/sync_error.h"
#include "wire/wire_types.h"
#include "crypto/sealed_box.h"
#include "journal/hlc.h"
#include "storage/database.h"

namespace abri::devicesync {

struct InboxHandlers {
    // A verified change-set of another device (signature, id == admission id, body decoded), called inside the page
    // transaction in feed order; throwing rolls the whole page back. The merge engine applies it.
    std::function<void(const wire::ChangeSet&, const wire::AdmissionRecord&)> onChangeSet;
    // The admission record of one of this device's own change-sets (§5.6), inside the page transaction.
    std::function<void(const wire::AdmissionRecord&)> onReceipt;
    // A verified refusal notice for this device (§7.5), in its own transaction. The file is deleted afterwards.
    std::function<void(const wire::RefusalNotice&)> onRefusal;
    // Optional: after a page's entries, inside its transaction (a restored vault decides there whether it has
    // re-read all its own change-sets, §7.7). Throwing rolls the page back. Not called for a part of a page.
    std::function<void(const wire::Page&)> onPageApplied;
    // Optional: when a page's transaction (or a step's) begins, and just before it commits. The merge applier
    // writes each case it touched once per transaction there (merge::VaultApplier::beginBatch/endBatch); a
    // transaction rolled back never reaches beforeCommit.
    std::function<void()> onTransactionBegin;
    std::function<void()> beforeCommit;
    // Optional: how long beforeCommit is expected to take with what is pending now. A step's budget counts it, so
    // the step ends on time with the deferred writes included.
    std::function<std::chrono::nanoseconds()> pendingCommitWork;
};

struct InboxContext {
    wire::Id16 deviceId{};
    const crypto::BoxKeyPair* boxKey = nullptr;  // this device's box key (opens pages)
    wire::HubDescriptor hub;                     // the enrolled hub (id, identity key)
    journal::HybridLogicalClock* clock = nullptr;  // optional: observes each page's hub time (§5.1)
};

// How long one call may apply for. The app applies in steps, returning to its event loop between them, so its
// window answers input while a first sync applies thousands of change-sets (sync/PROTOCOL.md §7.3 A5).
struct ApplyBudget {
    std::chrono::nanoseconds time{0};  // 0: no limit; otherwise stop after the entry that reaches it
    // Optional, for callers that step: keeps a page decoded from one step to the next (decoded_page_cache.h).
    DecodedPageCache* pageCache = nullptr;
};

struct InboxResult {
    std::size_t pagesApplied = 0;
    bool more = false;                     // the budget ran out: entries remain to apply (call again)
    std::size_t pagesSkipped = 0;          // last_seq <= checkpoint: deleted unapplied
    std::size_t changeSetsDelivered = 0;
    std::size_t receipts = 0;
    std::size_t refusals = 0;
    std::uint64_t checkpoint = 0;
    std::optional<wire::SyncError> waiting;  // page_gap: the next page starts after checkpoint + 1
    std::vector<wire::SyncError> rejected;   // files that failed verification; renamed to ".bad-<name>"
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
// With a time budget, a page may be applied over several calls: each call commits the entries it applied with
// meta.sync_checkpoint = the last one's office_seq (every entry is verified on its own, so a committed part is
// sound), keeps the page file, and the next call goes on after the checkpoint, as for overlapping pages.
InboxResult applyInbox(storage::Database& db, const InboxContext& context, const std::filesystem::path& inboxDir,
                       const std::filesystem::path& checkpointFile, const InboxHandlers& handlers,
                       const ApplyBudget& budget = {});

// The office_seq up to which this device's downloaded pages in `inboxDir` reach (0 without any): with the
// checkpoint, how many entries are still to apply.
std::uint64_t downloadedThrough(const std::filesystem::path& inboxDir, const wire::Id16& deviceId);

// Enrolment state (sync_enrolment) as stored: the hub descriptor and this device's certificate, when enrolled.
std::optional<wire::HubDescriptor> storedHubDescriptor(storage::Database& db);
void storeEnrolment(storage::Database& db, const std::string& state, std::span<const std::uint8_t> certificate,
                    std::span<const std::uint8_t> descriptor, const std::string& hubAddress, std::int64_t nowMs);

}  // namespace abri::devicesync
