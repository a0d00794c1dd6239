// abri-syncd: the sync courier (PROTOCOL.md §1). Usage:
//   abri-syncd SYNC_DIR [--once] [--poll-ms N] [--bandwidth BYTES_PER_S] [--download-wait-ms N]
// SYNC_DIR is `<vault>.sync` (daemon.conf, transport.key, outbox/, inbox/, checkpoint, status.json).
//   abri-syncd --version
// Exit codes: 0 ok (with --once), 1 failed (with --once), 2 usage, 3 refused by the hub or wrong hub key.
#include <chrono>
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "common/arguments.h"
#include "common/error.h"
#include "courier.h"

namespace {

constexpr int kExitUsage = 2;
constexpr long long kMaxMs = 7LL * 24 * 3600 * 1000;

const abri::CommandSpec kSpec{
    .summary = "The sync courier: carries sealed files between SYNC_DIR and the hub",
    .positionals = {{"SYNC_DIR", "The vault's sync folder, <vault>.sync (written by abri-cli enroll)"}},
    .options = {{.name = "once", .help = "One pass, then exit (0 ok, 1 failed, 3 refused by the hub)"},
                {.name = "poll-ms", .valueName = "N", .help = "Wait between passes (default 5 minutes)"},
                {.name = "bandwidth", .valueName = "B", .help = "Cap the link at B bytes per second (e.g. 4000 on 2G)"},
                {.name = "download-wait-ms", .valueName = "N", .help = "Long poll while downloading"},
                // Test knobs: accepted but left out of --help.
                {.name = "backoff-ms", .valueName = "N", .help = "First wait after a failure", .hidden = true},
                {.name = "reply-timeout-ms", .valueName = "N", .help = "Wait for a hub reply", .hidden = true},
                {.name = "clock-hold-refresh-ms", .valueName = "N", .help = "Re-offer a clock-held file",
                 .hidden = true}},
    .details = "Uploads the sealed outbox of SYNC_DIR to the hub and downloads pages into its inbox. It never\n"
               "holds the vault key: the app or abri-cli seals and applies the files while the vault is unlocked.\n"
               "Status goes to SYNC_DIR/status.json.",
    .example = "abri-syncd office.abri.sync --once"};

abri::sync::daemon::CourierOptions optionsFrom(const abri::ParsedArgs& args) {
    using std::chrono::milliseconds;
    abri::sync::daemon::CourierOptions options;
    options.syncDir = args.positional(0);
    options.once = args.has("once");
    if (auto ms = args.integer("poll-ms", 0, kMaxMs)) options.pollInterval = milliseconds(*ms);
    if (auto bytes = args.integer("bandwidth", 0, INT64_MAX)) {
        options.bandwidthBytesPerSecond = static_cast<std::uint64_t>(*bytes);
    }
    if (auto ms = args.integer("download-wait-ms", 0, UINT32_MAX)) {
        options.downloadWaitMs = static_cast<std::uint32_t>(*ms);
    }
    if (auto ms = args.integer("backoff-ms", 0, kMaxMs)) options.backoffStart = milliseconds(*ms);
    if (auto ms = args.integer("reply-timeout-ms", 0, kMaxMs)) options.replyTimeout = milliseconds(*ms);
    if (auto ms = args.integer("clock-hold-refresh-ms", 0, kMaxMs)) options.clockHoldRefresh = milliseconds(*ms);
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) {
        std::cerr << abri::helpText("abri-syncd", kSpec);
        return kExitUsage;
    }
    if (words[0] == "--version") {
        std::cout << "abri-syncd " << ABRI_VERSION << "\n";
        return 0;
    }
    try {
        const abri::ParsedArgs args = abri::parseArguments(kSpec, words);
        if (args.helpRequested) {
            std::cout << abri::helpText("abri-syncd", kSpec);
            return 0;
        }
        abri::sync::daemon::Courier courier(optionsFrom(args));
        return courier.run();
    } catch (const abri::UsageError& e) {
        std::cerr << "abri-syncd: " << e.what() << "\nRun 'abri-syncd --help' for its options.\n";
        return kExitUsage;
    } catch (const abri::Error& e) {
        std::cerr << "abri-syncd: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "abri-syncd: " << e.what() << "\n";
        return 1;
    }
}
