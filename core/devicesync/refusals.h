#pragma once
// What the device does with the hub's refusal notices (sync/PROTOCOL.md §3.9, §7.5). A verified notice for a
// change-set this device still holds is recorded in the vault (sync_refusals) and stays open for the user. The hub
// never stored a refused change-set, and the sync service uploads nothing after it, so the chain is blocked there:
// - clock_ahead / clock_out_of_bounds: once the system clock is corrected, restampAfterClockRefusal gives the
//   refused and every later change-set's entries new HLCs and the next syncVault packs them again from the same seq;
// - any other code: the protocol defines no recovery on the device (the hub operator has to look at it); the notice
//   stays listed so the user can quote it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "wire/refusal_notice.h"
#include "wire/sync_error.h"
#include "wire/wire_types.h"
#include "journal/hlc.h"

namespace abri::vault {
class Vault;
}

namespace abri::devicesync {

struct RecordedRefusal {
    std::uint64_t deviceSeq = 0;
    wire::Hash32 changeSetId{};            // zeros when the hub could not name the change-set
    std::uint16_t wireCode = 0;            // as the hub sent it (§9)
    std::optional<wire::SyncCode> code;    // nullopt: a code this version does not know (a newer hub)
    std::optional<std::uint16_t> opIndex;  // the op the hub pointed at (bad_op)
    std::uint64_t hubTimeMs = 0;           // the hub's clock in the latest notice for this change-set
    std::int64_t receivedMs = 0;           // this computer's clock when the first notice was applied

    // clock_ahead or clock_out_of_bounds: re-stamping (§7.5) applies.
    bool isClockRefusal() const;
};

// Records a verified notice (inside the caller's transaction: applyInbox's notice transaction). Returns false, and
// records nothing, for a stale notice: one about a change-set this device no longer holds (replaced by a re-stamp,
// or acknowledged by the hub). A repeated notice for an open refusal moves its hub time forward.
bool recordRefusal(vault::Vault& vault, const wire::RefusalNotice& notice);

// The open refusals, oldest seq first.
std::vector<RecordedRefusal> pendingRefusals(vault::Vault& vault);

// Closes open refusals whose change-set has left sync_outgoing (the hub acknowledged it after all). Runs its own
// transaction; syncVault calls it after applying the inbox. Returns the number closed.
std::size_t closeSettledRefusals(vault::Vault& vault);

struct RestampResult {
    std::uint64_t fromSeq = 0;            // the refused seq n: the next syncVault packs from here
    std::size_t changeSetsDropped = 0;    // sync_outgoing rows >= n deleted
    std::size_t entriesRestamped = 0;     // unshipped journal entries given new HLCs
    std::vector<std::string> filesRemoved;  // outbox files that held seqs >= n
    journal::Hlc restartAt = 0;
};

// §7.5, in ONE vault transaction: deletes sync_outgoing rows >= n and the outbox files holding them, marks their
// journal entries unshipped, resets the chain head to n - 1 (prev_hash = id of n - 1, read from the refused
// change-set's header), re-stamps every unshipped entry from max(wall clock, latest hub time seen, greatest HLC of
// this device's admitted ops and of the remote ops applied), and closes the refusal.
// Refuses, with nothing changed:
// - SyncError(ClockAhead, "system clock", hub time) while the wall clock is more than MAX_AHEAD_MS ahead of the latest
//   hub time this device has seen (the clock was not corrected: the hub would refuse the new stamps too);
// - SyncError(ClockOutOfBounds, "system clock") while the wall clock is before HLC_EPOCH_MS;
// - SyncError(Duplicate, "device_seq") when the sync service reports the hub has acknowledged seq n after all (a new
//   change-set n would be a fork);
// - Error(InvalidValue, "sync_refusals.code") for a refusal that is not about the clock;
// - Error(NotFound, "sync_refusals") when the refusal is no longer open (or its change-set no longer held).
RestampResult restampAfterClockRefusal(vault::Vault& vault, const std::filesystem::path& vaultPath,
                                       const RecordedRefusal& refusal);

}  // namespace abri::devicesync
