// abri-syncd: the sync courier (PROTOCOL.md §1). Usage:
//   abri-syncd SYNC_DIR [--once] [--poll-ms N] [--bandwidth BYTES_PER_S] [--download-wait-ms N]
// SYNC_DIR is `<vault>.sync` (daemon.conf, transport.key, outbox/, inbox/, checkpoint, status.json).
// Exit codes: 0 ok (with --once), 1 failed (with --once), 2 usage, 3 refused by the hub or wrong hub key.
#include <iostream>
#include <string>
#include <string_view>

#include "common/error.h"
#include "courier.h"

int main(int argc, char** argv) {
    if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
        (argc < 2 ? std::cerr : std::cout)
            << "Usage: abri-syncd SYNC_DIR [--once] [--poll-ms N] [--bandwidth BYTES_PER_S]\n\n"
               "The sync courier: uploads the sealed outbox of SYNC_DIR (<vault>.sync, written by abri-cli enroll)\n"
               "to the hub and downloads pages into its inbox. It never holds the vault key: the app or abri-cli\n"
               "seals and applies the files while the vault is unlocked. Status goes to SYNC_DIR/status.json.\n"
               "  --once               one pass, then exit (0 ok, 1 failed, 3 refused by the hub)\n"
               "  --poll-ms N          wait between passes (default 5 minutes)\n"
               "  --bandwidth B        cap the link at B bytes per second (e.g. 4000 on 2G)\n";
        return argc < 2 ? 2 : 0;
    }
    abri::sync::daemon::CourierOptions options;
    options.syncDir = argv[1];
    try {
        for (int i = 2; i < argc; ++i) {
            const std::string a = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw abri::Error(abri::ErrorCode::InvalidValue, a, "missing value");
                return argv[++i];
            };
            if (a == "--once") options.once = true;
            else if (a == "--poll-ms") options.pollInterval = std::chrono::milliseconds(std::stoull(value()));
            else if (a == "--bandwidth") options.bandwidthBytesPerSecond = std::stoull(value());
            else if (a == "--download-wait-ms")
                options.downloadWaitMs = static_cast<std::uint32_t>(std::stoul(value()));
            else if (a == "--backoff-ms") options.backoffStart = std::chrono::milliseconds(std::stoull(value()));
            else if (a == "--reply-timeout-ms") options.replyTimeout = std::chrono::milliseconds(std::stoull(value()));
            else if (a == "--clock-hold-refresh-ms")
                options.clockHoldRefresh = std::chrono::milliseconds(std::stoull(value()));
            else {
                std::cerr << "abri-syncd: unknown option\n";
                return 2;
            }
        }
        abri::sync::daemon::Courier courier(options);
        return courier.run();
    } catch (const abri::Error& e) {
        std::cerr << "abri-syncd: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "abri-syncd: " << e.what() << "\n";
        return 1;
    }
}
