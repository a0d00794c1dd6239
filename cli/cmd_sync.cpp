// abri-cli enroll / sync / bundle export / bundle import: the vault side of sync (sync/PROTOCOL.md §2.6, §7).
// Enrolment needs the network (sync/client); the local steps are core/devicesync, which the app calls too.
#include <ostream>

#include "wire/sync_error.h"
#include "client/enrolment.h"
#include "devicesync/inbox.h"
#include "devicesync/device_sync.h"
#include "merge/vault_applier.h"
#include "command.h"
#include "common/error.h"
#include "vault/vault.h"

namespace abri::cli {

namespace {

int runEnroll(const ParsedArgs& args, Io& io) {
    auto session = unlockFromArgs(args);
    sync::client::EnrolOptions options;
    options.label = args.valueOr("label", "device");
    if (auto address = args.value("address")) options.addressOverride = *address;
    auto result = sync::client::enrolDevice(*session, session->path(), args.positional(1), options);
    if (io.json) {
        io.out << jsonText({{"device_id", wire::idToHex(result.deviceId)},
                            {"office", result.office},
                            {"certificate_serial", result.certificateSerial},
                            {"sync_folder", result.syncDir.string()}})
               << "\n";
    } else {
        io.out << "Enrolled device " << wire::idToHex(result.deviceId) << " for office " << result.office
               << ". Start abri-syncd " << result.syncDir.string() << "\n";
    }
    return 0;
}

int runSync(const ParsedArgs& args, Io& io) {
    auto session = unlockFromArgs(args);
    auto result = devicesync::syncVault(*session, session->path());
    // A held file the hub could not read is sealed again by syncVault itself (devicesync/held_outbox.h); what is
    // said here is only names of codes and files (device id and seqs), never content.
    const std::string held = result.heldRefusal ? std::string(wire::syncCodeName(*result.heldRefusal)) : "";
    if (io.json) {
        io.out << jsonText({{"packed_change_sets", result.packed.changeSets},
                            {"outbox_files", result.outboxFiles.size()},
                            {"pages_applied", result.inbox.pagesApplied},
                            {"change_sets_applied", result.inbox.changeSetsDelivered},
                            {"checkpoint", result.inbox.checkpoint},
                            {"rejected_files", result.inbox.rejected.size()},
                            {"attachment_files", result.attachmentFiles.size()},
                            {"chunks_stored", result.chunks.stored},
                            {"chunks_refused", result.chunks.refused.size()},
                            {"chunks_wanted", result.chunksWanted},
                            {"resealed_file", result.resealedFile.empty() ? nlohmann::json()
                                                                          : nlohmann::json(result.resealedFile)},
                            {"held_refusal", held.empty() ? nlohmann::json() : nlohmann::json(held)}})
               << "\n";
    } else {
        io.out << "Sealed " << result.packed.changeSets << " change-set(s) into " << result.outboxFiles.size()
               << " outbox file(s); applied " << result.inbox.pagesApplied << " page(s) ("
               << result.inbox.changeSetsDelivered << " change-set(s)); checkpoint " << result.inbox.checkpoint
               << ".\n";
        if (!result.attachmentFiles.empty() || result.chunks.stored > 0 || !result.chunks.refused.empty() ||
            result.chunksWanted > 0) {
            io.out << "Attachments: " << result.attachmentFiles.size() << " chunk file(s) to send; "
                   << result.chunks.stored << " chunk(s) received, " << result.chunks.refused.size()
                   << " refused (asked for again); " << result.chunksWanted << " still to come.\n";
        }
        if (!result.resealedFile.empty()) {
            io.out << "The hub could not read outbox file " << result.resealedFile
                   << "; its changes were sealed again for the sync service to send.\n";
        }
        if (!held.empty()) {
            io.out << "The sync service holds back an outbox file the hub refused (" << held
                   << "); the changes in it stay pending. See the refusal notices or ask the hub operator.\n";
        }
    }
    return result.inbox.rejected.empty() ? 0 : 1;
}

// What this laptop holds, as a hash comparable with `abri-hub state --office` (§5.8): equal once the laptop has
// sent everything and applied every page up to the head. Reads the whole journal, so it is its own command.
int runState(const ParsedArgs& args, Io& io) {
    auto session = unlockFromArgs(args);
    const auto hash = wire::hashToHex(merge::vaultStateHash(*session));
    const auto overview = devicesync::readSyncOverview(*session, session->path());
    const auto checkpoint = devicesync::readCheckpoint(session->db());
    if (io.json) {
        io.out << jsonText({{"state_hash", hash},
                            {"checkpoint", checkpoint},
                            {"pending_changes", overview.pendingChanges},
                            {"open_conflicts", overview.openConflicts}})
               << "\n";
    } else {
        io.out << "state_hash " << hash << "\ncheckpoint " << checkpoint << "\npending_changes "
               << overview.pendingChanges << "\nopen_conflicts " << overview.openConflicts << "\n";
    }
    return 0;
}

int runBundleExport(const ParsedArgs& args, Io& io) {
    auto session = unlockFromArgs(args);
    devicesync::syncVault(*session, session->path());  // seal what is pending first
    const auto copied = devicesync::exportBundle(*session, session->path(), args.positional(1));
    if (io.json) {
        io.out << jsonText({{"files", copied}}) << "\n";
    } else {
        io.out << "Copied " << copied << " file(s) to " << args.positional(1) << "/abri-bundle/to-hub.\n";
    }
    return 0;
}

int runBundleImport(const ParsedArgs& args, Io& io) {
    auto session = unlockFromArgs(args);
    const auto moved = devicesync::importBundle(*session, session->path(), args.positional(1));
    auto result = devicesync::syncVault(*session, session->path());
    if (io.json) {
        io.out << jsonText({{"files", moved}, {"pages_applied", result.inbox.pagesApplied}}) << "\n";
    } else {
        io.out << "Imported " << moved << " file(s); applied " << result.inbox.pagesApplied << " page(s).\n";
    }
    return 0;
}

std::vector<OptionSpec> withUnlock(std::vector<OptionSpec> extra) {
    auto options = unlockOptions();
    options.insert(options.end(), extra.begin(), extra.end());  // unlockOptions() already has --json
    return options;
}

}  // namespace

std::vector<Command> syncCommands() {
    return {
        {.spec = {.name = "enroll",
                  .summary = "Enrol this vault's device with a hub using a one-time token",
                  .positionals = {{"VAULT", "The vault file"}, {"TOKEN", "The token printed by abri-hub enroll"}},
                  .options = withUnlock({{.name = "label", .valueName = "LABEL",
                                          .help = "Non-personal device label, e.g. laptop-03"},
                                         {.name = "address", .valueName = "HOST:PORT",
                                          .help = "Hub address instead of the token's", .hidden = true}}),
                  .details = "Needs an administrator. Writes <vault>.sync/ for abri-syncd.",
                  .example = "abri-cli enroll office.abri ABRI1:... --user admin --label laptop-03"},
         .run = runEnroll},
        {.spec = {.name = "sync",
                  .summary = "Seal pending edits into the outbox and apply downloaded pages",
                  .positionals = {{"VAULT", "The vault file"}},
                  .options = withUnlock({}),
                  .example = "abri-cli sync office.abri --user amina"},
         .run = runSync},
        {.spec = {.name = "state",
                  .summary = "Print this laptop's state hash, to compare with abri-hub state",
                  .positionals = {{"VAULT", "The vault file"}},
                  .options = withUnlock({}),
                  .details = "Equal to `abri-hub state HUB --office CODE` once the laptop has sent everything "
                             "(pending_changes 0) and applied every page.",
                  .example = "abri-cli state office.abri --user amina"},
         .run = runState},
        {.spec = {.name = "bundle export",
                  .summary = "Copy the outbox to a folder for a hub without a network link",
                  .positionals = {{"VAULT", "The vault file"}, {"DIR", "The folder (e.g. a USB stick)"}},
                  .options = withUnlock({}),
                  .example = "abri-cli bundle export office.abri /media/usb --user amina"},
         .run = runBundleExport},
        {.spec = {.name = "bundle import",
                  .summary = "Apply the pages a hub wrote to a folder",
                  .positionals = {{"VAULT", "The vault file"}, {"DIR", "The folder (e.g. a USB stick)"}},
                  .options = withUnlock({}),
                  .example = "abri-cli bundle import office.abri /media/usb --user amina"},
         .run = runBundleImport},
    };
}

}  // namespace abri::cli
