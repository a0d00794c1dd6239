#include "devicesync/device_sync.h"

#include <chrono>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "devicesync/device_keys.h"
#include "wire/chunks_wanted.h"
#include "wire/limits.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"
#include "common/error.h"
#include "devicesync/admitted_adapter.h"
#include "devicesync/attachment_inbox.h"
#include "devicesync/attachment_outbox.h"
#include "devicesync/held_outbox.h"
#include "devicesync/refusals.h"
#include "devicesync/restored_vault.h"
#include "erasure/case_purge.h"
#include "journal/journal.h"
#include "merge/conflicts_view.h"
#include "merge/vault_applier.h"
#include "vault/vault.h"

namespace abri::devicesync {

namespace fs = std::filesystem;
using wire::SyncCode;
using wire::SyncError;

namespace {

constexpr std::size_t kMaxChunksReceivedBytes = 1024 * 1024;

wire::Id16 vaultDeviceId(vault::Vault& vault) {
    auto id = wire::idFromHex(vault.deviceId());
    if (!id) throw Error(ErrorCode::VaultCorrupted, "device_id");
    return *id;
}

// The daemon's status file, if it has written one; a damaged file reads as "no status" (it is rewritten each second).
std::optional<nlohmann::json> readStatusFile(const fs::path& syncDir) {
    std::ifstream in(syncDir / kStatusFile);
    if (!in) return std::nullopt;
    auto status = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (status.is_discarded() || !status.is_object()) return std::nullopt;
    return status;
}

}  // namespace

std::uint64_t ackedSeqFromStatus(const fs::path& syncDir) {
    auto status = readStatusFile(syncDir);
    if (!status) return 0;
    const auto& acked = (*status)["acked_seq"];
    return acked.is_number_unsigned() ? acked.get<std::uint64_t>() : 0;
}

bool isEnrolled(vault::Vault& vault) {
    auto state = vault.db().queryText("SELECT state FROM sync_enrolment WHERE id = 1");
    return state && *state == "enrolled";
}

SyncStepResult syncVault(vault::Vault& vault, const fs::path& vaultPath, const SyncStepOptions& options) {
    auto hub = storedHubDescriptor(vault.db());
    if (!hub) throw SyncError(SyncCode::UnknownDevice, "not enrolled");
    auto keys = loadDeviceKeys(vault.db());
    if (!keys) throw SyncError(SyncCode::UnknownDevice, "no device keys");
    const auto syncDir = wire::syncFolder(vaultPath);
    DeviceIdentity identity{vaultDeviceId(vault), vault.office()};
    SyncStepResult result;
    fs::create_directories(syncDir / "outbox");
    fs::create_directories(syncDir / "inbox");
    // A restored vault packs nothing until it has re-read its own change-sets from the hub (restored_vault.h).
    const bool recovering = isRecovering(vault);
    if (recovering) {
        // Written once: the app's applying steps call this every 50 ms, and the marker never changes.
        if (!fs::exists(syncDir / kRecoveringFile))
            wire::writeFileAtomically(syncDir, kRecoveringFile, crypto::asBytes(std::string_view("restored\n")));
    } else {
        std::error_code ec;
        fs::remove(syncDir / kRecoveringFile, ec);  // left by a crash right after recovery ended
    }
    if (options.pack) {
        const std::uint64_t acked = ackedSeqFromStatus(syncDir);
        const HeldOutbox held = removeUnreadableHeldFile(vault.db(), syncDir, acked);
        result.heldRefusal = held.stillHeld;
        if (!recovering) result.packed = packUnshipped(vault.db(), identity, keys->sign);
        result.outboxFiles = writeOutboxFiles(vault.db(), identity, *hub, syncDir / "outbox", acked);
        removeWithdrawnUploadFiles(vault, syncDir / "outbox");
        result.attachmentFiles = writeAttachmentOutboxFiles(vault, *hub, keys->sign, syncDir / "outbox");
        if (!held.removedFile.empty()) {
            result.resealedFile = held.removedFile;
            rememberResealedFiles(vault.db(), syncDir / "outbox", result.outboxFiles);
        }
    }

    merge::VaultApplier applier(vault);
    InboxContext context;
    context.deviceId = identity.deviceId;
    context.boxKey = &keys->box;
    context.hub = *hub;
    context.clock = &vault.clock();
    InboxHandlers handlers;
    handlers.onChangeSet = [&](const wire::ChangeSet& cs, const wire::AdmissionRecord& admission) {
        applier.apply(toAdmitted(cs, admission));
        // Only a recovering vault gets its own change-sets in full (OWN_CHANGESETS).
        if (cs.header.deviceId == identity.deviceId) followOwnChangeSet(vault, cs);
    };
    handlers.onTransactionBegin = [&] { applier.beginBatch(); };
    handlers.beforeCommit = [&] { applier.endBatch(); };
    handlers.pendingCommitWork = [&] { return applier.pendingWork(); };
    bool recoveryEnded = false;
    handlers.onPageApplied = [&](const wire::Page& page) {
        if (recovering && finishRecoveryIfComplete(vault, page.lastSeq, page.headSeq, page.ackedDeviceSeq)) {
            recoveryEnded = true;
        }
    };
    handlers.onReceipt = [&](const wire::AdmissionRecord& admission) {
        // A recovering vault gets a receipt, not the change-set, when an erasure emptied it at the hub (§5.9).
        if (recovering) followOwnReceipt(vault, admission);
        // Our own change-set: its ops are journalled already; a clamp or exclusions must still be recorded (§5.6),
        // for which the applier needs the ops' HLCs: decode our stored copy (not yet pruned in this transaction).
        if (admission.clampCeiling == 0 && admission.excluded.empty()) return;
        auto stored = vault.db().prepare("SELECT bytes FROM sync_outgoing WHERE device_seq = ?");
        stored.bind(1, static_cast<std::int64_t>(admission.deviceSeq));
        if (!stored.step()) return;
        auto own = wire::decodeChangeSet(stored.blob(0), {}, "sync_outgoing");
        if (own.id != admission.changeSetId) return;
        applier.apply(toAdmitted(own, admission));
    };
    // Verified notices are recorded for the user (open until re-stamped or settled); stale ones, about change-sets
    // this device no longer holds, are dropped with their file.
    handlers.onRefusal = [&](const wire::RefusalNotice& notice) { recordRefusal(vault, notice); };
    result.inbox =
        applyInbox(vault.db(), context, syncDir / "inbox", syncDir / kCheckpointFile, handlers, options.budget);
    if (applier.takeErasures()) erasure::scrubAfterPurge(vault);
    // Chunks after the pages (§11.4): the records they belong to arrive in pages. The want list is rewritten only
    // once the inbox is applied, so the daemon never asks for a chunk a waiting page would have made unnecessary.
    if (!result.inbox.more && !result.inbox.waiting) {
        result.chunks = applyChunkFiles(vault, syncDir / "inbox", keys->box);
        result.chunksWanted = writeChunksWanted(vault, syncDir);
    }
    // A page may have acknowledged a refused change-set after all (the hub took a later retry).
    closeSettledRefusals(vault);
    if (recoveryEnded) {
        // Back on its chain: what was made since (and what the hub did not hold) goes out now.
        std::error_code ec;
        fs::remove(syncDir / kRecoveringFile, ec);
        result.packed = packUnshipped(vault.db(), identity, keys->sign);
        result.outboxFiles =
            writeOutboxFiles(vault.db(), identity, *hub, syncDir / "outbox", ackedSeqFromStatus(syncDir));
        result.attachmentFiles = writeAttachmentOutboxFiles(vault, *hub, keys->sign, syncDir / "outbox");
    }
    return result;
}

std::size_t exportBundle(vault::Vault& vault, const fs::path& vaultPath, const fs::path& dir) {
    const auto syncDir = wire::syncFolder(vaultPath);
    const auto bundle = dir / "abri-bundle";
    fs::create_directories(bundle / "to-hub");
    wire::writeFileAtomically(bundle, "VERSION", crypto::asBytes(std::string_view("abri-bundle 1\n")));
    const auto device = vaultDeviceId(vault);
    removeWithdrawnUploadFiles(vault, syncDir / "outbox");  // nothing removed goes out on a stick either
    std::size_t copied = 0;
    std::set<std::string> current;
    if (fs::is_directory(syncDir / "outbox")) {
        for (const auto& entry : fs::directory_iterator(syncDir / "outbox")) {
            const std::string fileName = entry.path().filename().string();
            std::size_t maxBytes = 0;
            if (auto name = wire::parseSyncFileName(fileName);
                name && name->kind == wire::SyncFileKind::OutboxBatch && name->deviceId == device) {
                maxBytes = wire::kMaxBatchPayload + 1024;
            } else if (auto upload = wire::parseAttachmentUploadFileName(fileName); upload && upload->deviceId == device) {
                maxBytes = wire::kMaxSealedChunkFile;  // attachment chunks travel on the stick too (§11.6)
            } else {
                continue;
            }
            auto bytes = wire::readWholeFile(entry.path(), maxBytes);
            wire::writeFileAtomically(bundle / "to-hub", fileName, bytes);
            current.insert(fileName);
            ++copied;
        }
    }
    // This device's files from an earlier export that are no longer in the outbox were acknowledged (harmless to
    // drop) or replaced by re-stamping after a clock refusal (§7.5): those must not reach the hub after the new
    // change-sets of the same seqs, which it would then take for a fork.
    std::vector<fs::path> stale;
    for (const auto& entry : fs::directory_iterator(bundle / "to-hub")) {
        const std::string fileName = entry.path().filename().string();
        auto name = wire::parseSyncFileName(fileName);
        auto upload = wire::parseAttachmentUploadFileName(fileName);
        const bool ours = (name && name->kind == wire::SyncFileKind::OutboxBatch && name->deviceId == device) ||
                          (upload && upload->deviceId == device);
        if (ours && current.count(fileName) == 0) stale.push_back(entry.path());
    }
    for (const auto& path : stale) fs::remove(path);
    const auto want = "office_seq " + std::to_string(readCheckpoint(vault.db())) + "\n";
    wire::writeFileAtomically(bundle / "to-hub", "want-" + wire::idToHex(device) + ".txt", crypto::asBytes(want));
    // The chunks this vault still lacks, as the daemon would ask for them (§11.6): ids and hashes only.
    std::error_code ec;
    if (fs::is_regular_file(syncDir / kChunksWantedFile, ec)) {
        const auto wanted = wire::readWholeFile(syncDir / kChunksWantedFile, wire::kMaxChunksWantedBytes);
        wire::writeFileAtomically(bundle / "to-hub", "chunks-" + wire::idToHex(device) + ".txt", wanted);
    }
    return copied;
}

std::size_t importBundle(vault::Vault& vault, const fs::path& vaultPath, const fs::path& dir) {
    const auto syncDir = wire::syncFolder(vaultPath);
    const auto device = vaultDeviceId(vault);
    const auto from = dir / "abri-bundle" / "to-device" / wire::idToHex(device);
    fs::create_directories(syncDir / "inbox");
    std::size_t moved = 0;
    if (!fs::is_directory(from)) return 0;
    for (const auto& entry : fs::directory_iterator(from)) {
        const std::string fileName = entry.path().filename().string();
        std::size_t maxBytes = 0;
        if (auto name = wire::parseSyncFileName(fileName);
            name && name->deviceId == device && name->kind != wire::SyncFileKind::OutboxBatch) {
            maxBytes = wire::kMaxPagePayload + 1024;
        } else if (wire::parseChunkFileName(fileName)) {
            // Sealed to this device (the folder is its own); applied after the pages, checked by hash (§11.6).
            maxBytes = wire::kMaxSealedChunkFile;
        } else {
            continue;
        }
        auto bytes = wire::readWholeFile(entry.path(), maxBytes);
        wire::writeFileAtomically(syncDir / "inbox", fileName, bytes);
        ++moved;
    }
    // The hub's list of this device's at- files it holds now: they leave the outbox, as the daemon deletes them
    // once uploaded. Only names of this device's at- files are acted on.
    std::error_code ec;
    if (fs::is_regular_file(from / kChunksReceivedFile, ec)) {
        const auto text = wire::readWholeFile(from / kChunksReceivedFile, kMaxChunksReceivedBytes);
        std::string_view rest(reinterpret_cast<const char*>(text.data()), text.size());
        while (!rest.empty()) {
            const auto end = rest.find('\n');
            const std::string_view line = rest.substr(0, end);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
            auto upload = wire::parseAttachmentUploadFileName(line);
            if (upload && upload->deviceId == device) fs::remove(syncDir / "outbox" / std::string(line), ec);
        }
    }
    return moved;
}

SyncOverview readSyncOverview(vault::Vault& vault, const fs::path& vaultPath) {
    SyncOverview overview;
    overview.enrolled = isEnrolled(vault);
    overview.pendingChanges =
        vault.journal().unshippedCount() +
        vault.db().queryInt64("SELECT count(*) FROM sync_outgoing").value_or(0);
    overview.openConflicts = static_cast<std::int64_t>(merge::openConflicts(vault).size());
    for (const auto& refusal : pendingRefusals(vault)) {
        ++overview.openRefusals;
        overview.clockRefused = overview.clockRefused || refusal.isClockRefusal();
    }
    const auto syncDir = wire::syncFolder(vaultPath);
    if (overview.enrolled) {
        overview.resealRefused = refusedAfterReseal(vault.db(), syncDir);
        const std::uint64_t through = downloadedThrough(syncDir / "inbox", vaultDeviceId(vault));
        const std::uint64_t checkpoint = readCheckpoint(vault.db());
        overview.incomingChanges = through > checkpoint ? static_cast<std::int64_t>(through - checkpoint) : 0;
    }
    if (auto status = readStatusFile(syncDir)) {
        overview.link = status->value("link", "");
        // The daemon rewrites the file on every attempt (retries back off to 15 minutes at most): a file older
        // than that was left by a daemon that is no longer running, so its link state means nothing now.
        std::error_code ec;
        const auto written = fs::last_write_time(syncDir / kStatusFile, ec);
        if (!ec && fs::file_time_type::clock::now() - written > std::chrono::minutes(30)) overview.link.clear();
        if ((*status)["last_sync_ms"].is_number_integer())
            overview.lastSyncMs = (*status)["last_sync_ms"].get<std::int64_t>();
        if ((*status)["error"].is_object()) overview.errorName = (*status)["error"].value("name", "");
    }
    return overview;
}

}  // namespace abri::devicesync
