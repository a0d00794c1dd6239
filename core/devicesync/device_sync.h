#pragma once
// The device's side of sync that needs the unlocked vault (sync/PROTOCOL.md §7.1 A1-A2, §7.3 A4-A5, §7.6):
// seal the unshipped journal into outbox files, verify and apply the inbox pages the daemon downloaded, carry the
// same files on a folder (sneakernet), and read what the app shows in its status bar. The app and abri-cli call
// this; the network (enrolment, the daemon) lives in sync/.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "devicesync/attachment_inbox.h"
#include "devicesync/inbox.h"
#include "devicesync/outbox.h"
#include "wire/sync_error.h"

namespace abri::vault {
class Vault;
}

namespace abri::devicesync {

// File names inside <vault>.sync/ shared by the app, abri-cli and abri-syncd.
inline constexpr const char* kStatusFile = "status.json";   // written by abri-syncd (§4.8)
inline constexpr const char* kCheckpointFile = "checkpoint";  // written by the app (§7.3)
inline constexpr const char* kChunksWantedFile = "chunks-wanted";  // written by the app (§11.4)
// In a bundle's to-device/<device>/: the at- files of that device the hub holds (§11.6), one name per line.
inline constexpr const char* kChunksReceivedFile = "chunks-received.txt";

bool isEnrolled(vault::Vault& vault);

// acked_seq from the sync service's status.json (0 without one): the highest seq the hub acknowledged at the
// service's last session. The app skips rewriting outbox files the hub already holds (§7.1).
std::uint64_t ackedSeqFromStatus(const std::filesystem::path& syncDir);

struct SyncStepResult {
    PackResult packed;
    std::vector<std::string> outboxFiles;  // names written
    std::vector<std::string> attachmentFiles;  // at- files written (attachment chunks, §11.3)
    InboxResult inbox;
    ChunkInboxResult chunks;       // ck- files applied after the pages (§11.4)
    std::size_t chunksWanted = 0;  // chunks the want list now names (0 also when the inbox is not finished)
    // The outbox file the hub could not read that this step sealed again (held_outbox.h); empty when none.
    std::string resealedFile;
    // The sync service holds back a file the hub refused and this step left it (a change-set refusal, see the
    // refusal notices; or the hub refuses even a fresh seal): its changes stay pending. Only set when sealing.
    std::optional<wire::SyncCode> heldRefusal;
};
// While unlocked: seal the unshipped journal into the outbox (first replacing a held file the hub could not read,
// held_outbox.h), then verify and apply every page in the inbox, and record the hub's refusal notices
// (devicesync/refusals.h).
// Throws SyncError(UnknownDevice) when the vault is not enrolled.
// How long one step of the app's applying may hold its UI thread (app SyncController, abri-bench sync): input
// waits at most about this long while a large inbox is applied.
inline constexpr int kApplyStepMs = 50;

struct SyncStepOptions {
    bool pack = true;      // seal the unshipped journal first (a step that only continues applying skips it)
    ApplyBudget budget{};  // how long applying may take before the step returns (inbox.h); none by default
};
SyncStepResult syncVault(vault::Vault& vault, const std::filesystem::path& vaultPath, const SyncStepOptions& options = {});

// Sneakernet (§7.6, §11.6): copy outbox files (cs- and at-), the want file and the chunk want list to
// DIR/abri-bundle/to-hub (removing this device's files there that are no longer in the outbox: acknowledged, or
// replaced by re-stamping); bring this device's pages, notices and ck- chunk files from
// DIR/abri-bundle/to-device/<device>/ into the inbox (then apply them with syncVault), and drop from the outbox the
// at- files the hub lists as held (chunks-received.txt).
std::size_t exportBundle(vault::Vault& vault, const std::filesystem::path& vaultPath, const std::filesystem::path& dir);
std::size_t importBundle(vault::Vault& vault, const std::filesystem::path& vaultPath, const std::filesystem::path& dir);

// What the status bar shows: the daemon's last status file (if any) plus what the vault knows.
struct SyncOverview {
    bool enrolled = false;
    std::string link;  // "up" | "down" | "connecting" | "refused" | "" (no status, or none for 30 min)
    std::optional<std::int64_t> lastSyncMs;
    std::int64_t pendingChanges = 0;        // unshipped local journal entries + sealed, unacknowledged change-sets
    std::int64_t incomingChanges = 0;       // entries downloaded from the hub and not applied yet
    std::int64_t openConflicts = 0;
    std::string errorName;                  // the daemon's last error code name, if any
    std::int64_t openRefusals = 0;          // change-sets the hub refused (devicesync::pendingRefusals)
    bool clockRefused = false;              // one of them for this computer's clock (re-stamping applies)
    // The hub refused even a fresh seal of an outbox file (held_outbox.h): its changes wait for the hub operator.
    std::optional<wire::SyncCode> resealRefused;
};
SyncOverview readSyncOverview(vault::Vault& vault, const std::filesystem::path& vaultPath);

}  // namespace abri::devicesync
