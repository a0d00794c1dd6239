// abri-bench: benchmarks that print figures (never a pass/fail test). Exit code 0 even when a target is missed.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "attachments_bench.h"
#include "duplicates_bench.h"
#include "common/error.h"
#include "hostile_bench.h"
#include "hub_ingest_bench.h"
#include "reports_bench.h"
#include "sync_bench.h"
#include "attachment_sync_bench.h"
#include "vault_bench.h"

namespace {

constexpr const char* kUsage =
    "Usage: abri-bench vault [--cases N] [--dir DIR] [--runs R] [--items none|note|full] [--seed S] [--keep]\n"
    "\n"
    "  --cases N   synthetic cases to import (default 100000)\n"
    "  --dir DIR   folder for the throw-away databases (default: the system temp folder)\n"
    "  --runs R    timed runs per query after one cold run (default 50)\n"
    "  --items M   child records per case: none, note (one note, default) or full (events, consent,\n"
    "              services, notes)\n"
    "  --seed S    generator seed (default 1)\n"
    "  --keep      keep the database files afterwards\n"
    "\n"
    "Usage: abri-bench sync [--cases N] [--ingest-edits E] [--day-edits D] [--rate B] [--laptops L] [--dir DIR]\n"
    "                       [--seed S] [--keep]\n"
    "\n"
    "  --cases N         cases on the first laptop, then synced to a newly enrolled one (default 10000)\n"
    "  --ingest-edits E  field edits added to the hub's ingest workload (default 20000)\n"
    "  --day-edits D     a day's field edits sent through the 2G proxy (default 500)\n"
    "  --rate B          the proxy's bytes per second each way (default 5000, a 2G link)\n"
    "  --laptops L       laptops of a second office syncing at once (default 50)\n"
    "\n"
    "Usage: abri-bench sync-attachment [--bytes N] [--rate B] [--cuts C] [--dir DIR] [--keep]\n"
    "\n"
    "  --bytes N         the attachment laptop 1 sends laptop 2 through the hub (default 5000000, max 20971520)\n"
    "  --rate B          the proxy's bytes per second each way (default 5000, a 2G link)\n"
    "  --cuts C          link cuts in each leg, spread over the transfer (default 2)\n"
    "\n"
    "Usage: abri-bench sync-stage --cases N --dir DIR [--seed S]\n"
    "\n"
    "  Prepares a first sync for abri-app-bench --first-sync: laptop 2's pages downloaded, none applied.\n"
    "\n"
    "Usage: abri-bench hub-ingest [--held N,N,...] [--workload W] [--dir DIR] [--seed S] [--keep]\n"
    "\n"
    "  --held N,N,...    cases the hub holds before each measurement, ascending (default 1000,10000,100000)\n"
    "  --workload W      change-sets ingested at each size: half new cases, half edits (default 4000)\n"
    "\n"
    "Usage: abri-bench hostile [--laptops L] [--raw N] [--enrol N] [--nofile F] [--seconds S] [--dir DIR] [--keep]\n"
    "\n"
    "  --laptops L       enrolled laptops syncing during the attack (default 20)\n"
    "  --raw N           hostile TCP connections that never start TLS (default 1200)\n"
    "  --enrol N         hostile TLS connections sending HELLO purpose enrol, then idle (default 1200)\n"
    "  --nofile F        the hub's RLIMIT_NOFILE (default 1024, systemd's default for a service)\n"
    "  --seconds S       how long the attack lasts (default 15)\n"
    "\n"
    "Usage: abri-bench reports [N] [--runs R] [--export-runs E] [--dir DIR] [--seed S] [--keep]\n"
    "\n"
    "  N                 synthetic cases with their records (default 100000)\n"
    "  --runs R          timed runs per report after one cold run (default 20)\n"
    "  --export-runs E   timed anonymised exports after one cold run (default 3)\n"
    "\n"
    "Usage: abri-bench attachments [--cases N] [--attachments A] [--kib K] [--large-mib M] [--runs R] [--dir DIR]\n"
    "                              [--seed S] [--keep]\n"
    "\n"
    "  --cases N         synthetic cases in each of the two vaults (default 10000)\n"
    "  --attachments A   attachments in the second vault (default 10000)\n"
    "  --kib K           size of each of those attachments in KiB (default 32)\n"
    "  --large-mib M     the large attachment added and opened, in MiB (default 10)\n"
    "  --runs R          timed case-list runs on each vault, interleaved, after one cold run (default 200)\n"
    "\n"
    "Usage: abri-bench duplicates [--cases N] [--duplicates P] [--seed S]\n"
    "\n"
    "  --cases N         synthetic persons, some registered twice (default 100000)\n"
    "  --duplicates P    percent of them that are a second registration (default 10)\n";

template <typename T>
bool parseNumber(const std::string& text, T& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

int usage(const char* message) {
    if (message != nullptr) std::fprintf(stderr, "abri-bench: %s\n", message);
    std::fputs(kUsage, stderr);
    return 2;
}

template <typename Run>
int guarded(Run&& run) {
    try {
        return run();
    } catch (const abri::Error& error) {
        std::fprintf(stderr, "abri-bench: %s\n", error.what());
        return 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "abri-bench: internal error (%s)\n", error.what());
        return 1;
    }
}

int runSync(const std::vector<std::string>& args) {
    abri::bench::SyncBenchOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& name = args[i];
        if (name == "--keep") {
            options.keepFiles = true;
            continue;
        }
        if (i + 1 >= args.size()) return usage(("missing value for " + name).c_str());
        const std::string& value = args[++i];
        if (name == "--cases") {
            if (!parseNumber(value, options.cases) || options.cases == 0) return usage("--cases expects N >= 1");
        } else if (name == "--ingest-edits") {
            if (!parseNumber(value, options.ingestEdits)) return usage("--ingest-edits expects a number");
        } else if (name == "--day-edits") {
            if (!parseNumber(value, options.dayEdits) || options.dayEdits == 0) return usage("--day-edits expects D >= 1");
        } else if (name == "--rate") {
            if (!parseNumber(value, options.rateBytesPerSecond) || options.rateBytesPerSecond == 0)
                return usage("--rate expects B >= 1");
        } else if (name == "--laptops") {
            if (!parseNumber(value, options.crowdLaptops)) return usage("--laptops expects a number");
        } else if (name == "--seed") {
            if (!parseNumber(value, options.seed)) return usage("--seed expects a number");
        } else if (name == "--dir") {
            options.dir = value;
        } else {
            return usage(("unknown option " + name).c_str());
        }
    }
    return guarded([&] { return abri::bench::runSyncBench(options); });
}

int runSyncStage(const std::vector<std::string>& args) {
    abri::bench::SyncStageOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& name = args[i];
        if (i + 1 >= args.size()) return usage(("missing value for " + name).c_str());
        const std::string& value = args[++i];
        if (name == "--cases") {
            if (!parseNumber(value, options.cases) || options.cases == 0) return usage("--cases expects N >= 1");
        } else if (name == "--seed") {
            if (!parseNumber(value, options.seed)) return usage("--seed expects a number");
        } else if (name == "--dir") {
            options.dir = value;
        } else {
            return usage(("unknown option " + name).c_str());
        }
    }
    if (options.dir.empty()) return usage("sync-stage needs --dir DIR");
    return guarded([&] { return abri::bench::stageFirstSync(options); });
}

int runHostile(const std::vector<std::string>& args) {
    abri::bench::HostileBenchOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& name = args[i];
        if (name == "--keep") {
            options.keepFiles = true;
            continue;
        }
        if (i + 1 >= args.size()) return usage(("missing value for " + name).c_str());
        const std::string& value = args[++i];
        if (name == "--laptops") {
            if (!parseNumber(value, options.laptops) || options.laptops == 0) return usage("--laptops expects L >= 1");
        } else if (name == "--raw") {
            if (!parseNumber(value, options.rawConnections)) return usage("--raw expects a number");
        } else if (name == "--enrol") {
            if (!parseNumber(value, options.enrolConnections)) return usage("--enrol expects a number");
        } else if (name == "--nofile") {
            if (!parseNumber(value, options.hubFileLimit) || options.hubFileLimit < 128)
                return usage("--nofile expects F >= 128");
        } else if (name == "--seconds") {
            if (!parseNumber(value, options.seconds) || options.seconds < 3) return usage("--seconds expects S >= 3");
        } else if (name == "--dir") {
            options.dir = value;
        } else {
            return usage(("unknown option " + name).c_str());
        }
    }
    return guarded([&] { return abri::bench::runHostileBench(options); });
}

int runHubIngest(const std::vector<std::string>& args) {
    abri::bench::HubIngestBenchOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& name = args[i];
        if (name == "--keep") {
            options.keepFiles = true;
            continue;
        }
        if (i + 1 >= args.size()) return usage(("missing value for " + name).c_str());
        const std::string& value = args[++i];
        if (name == "--held") {
            options.held.clear();
            for (std::size_t start = 0; start <= value.size();) {
                const auto comma = std::min(value.find(',', start), value.size());
                std::size_t n = 0;
                if (!parseNumber(value.substr(start, comma - start), n)) return usage("--held expects N,N,...");
                if (!options.held.empty() && n < options.held.back()) return usage("--held sizes must ascend");
                options.held.push_back(n);
                start = comma + 1;
            }
        } else if (name == "--workload") {
            if (!parseNumber(value, options.workload) || options.workload < 2) return usage("--workload expects W >= 2");
        } else if (name == "--seed") {
            if (!parseNumber(value, options.seed)) return usage("--seed expects a number");
        } else if (name == "--dir") {
            options.dir = value;
        } else {
            return usage(("unknown option " + name).c_str());
        }
    }
    return guarded([&] { return abri::bench::runHubIngestBench(options); });
}

int runAttachments(const std::vector<std::string>& args) {
    abri::bench::AttachmentsBenchOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& name = args[i];
        if (name == "--keep") {
            options.keepFiles = true;
            continue;
        }
        if (i + 1 >= args.size()) return usage(("missing value for " + name).c_str());
        const std::string& value = args[++i];
        if (name == "--cases") {
            if (!parseNumber(value, options.cases) || options.cases == 0) return usage("--cases expects N >= 1");
        } else if (name == "--attachments") {
            if (!parseNumber(value, options.attachments)) return usage("--attachments expects a number");
        } else if (name == "--kib") {
            if (!parseNumber(value, options.attachmentKiB) || options.attachmentKiB == 0 ||
                options.attachmentKiB > 20 * 1024)
                return usage("--kib expects 1..20480");
        } else if (name == "--large-mib") {
            if (!parseNumber(value, options.largeMiB) || options.largeMiB == 0 || options.largeMiB > 1024)
                return usage("--large-mib expects 1..1024");
        } else if (name == "--runs") {
            if (!parseNumber(value, options.runs) || options.runs < 1) return usage("--runs expects R >= 1");
        } else if (name == "--seed") {
            if (!parseNumber(value, options.seed)) return usage("--seed expects a number");
        } else if (name == "--dir") {
            options.dir = value;
        } else {
            return usage(("unknown option " + name).c_str());
        }
    }
    return guarded([&] { return abri::bench::runAttachmentsBench(options); });
}

int runSyncAttachment(const std::vector<std::string>& args) {
    abri::bench::AttachmentSyncBenchOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& name = args[i];
        if (name == "--keep") {
            options.keepFiles = true;
            continue;
        }
        if (i + 1 >= args.size()) return usage(("missing value for " + name).c_str());
        const std::string& value = args[++i];
        if (name == "--bytes") {
            if (!parseNumber(value, options.bytes) || options.bytes < 64 || options.bytes > 20'971'520)
                return usage("--bytes expects 64..20971520");
        } else if (name == "--rate") {
            if (!parseNumber(value, options.rateBytesPerSecond) || options.rateBytesPerSecond == 0)
                return usage("--rate expects B >= 1");
        } else if (name == "--cuts") {
            if (!parseNumber(value, options.cuts) || options.cuts > 10) return usage("--cuts expects 0..10");
        } else if (name == "--dir") {
            options.dir = value;
        } else {
            return usage(("unknown option " + name).c_str());
        }
    }
    return guarded([&] { return abri::bench::runAttachmentSyncBench(options); });
}

int runDuplicates(const std::vector<std::string>& args) {
    abri::bench::DuplicatesBenchOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& name = args[i];
        if (i + 1 >= args.size()) return usage(("missing value for " + name).c_str());
        const std::string& value = args[++i];
        if (name == "--cases") {
            if (!parseNumber(value, options.cases) || options.cases == 0) return usage("--cases expects N >= 1");
        } else if (name == "--duplicates") {
            if (!parseNumber(value, options.duplicatePercent) || options.duplicatePercent > 90)
                return usage("--duplicates expects P from 0 to 90");
        } else if (name == "--seed") {
            if (!parseNumber(value, options.seed)) return usage("--seed expects a number");
        } else {
            return usage(("unknown option " + name).c_str());
        }
    }
    return guarded([&] { return abri::bench::runDuplicatesBench(options); });
}

int runReports(const std::vector<std::string>& args) {
    abri::bench::ReportsBenchOptions options;
    std::size_t i = 1;
    if (i < args.size() && args[i].rfind("--", 0) != 0) {
        if (!parseNumber(args[i], options.cases) || options.cases == 0) return usage("N expects a number >= 1");
        ++i;
    }
    for (; i < args.size(); ++i) {
        const std::string& name = args[i];
        if (name == "--keep") {
            options.keepFiles = true;
            continue;
        }
        if (i + 1 >= args.size()) return usage(("missing value for " + name).c_str());
        const std::string& value = args[++i];
        if (name == "--runs") {
            if (!parseNumber(value, options.runs) || options.runs < 1) return usage("--runs expects R >= 1");
        } else if (name == "--export-runs") {
            if (!parseNumber(value, options.exportRuns) || options.exportRuns < 1)
                return usage("--export-runs expects E >= 1");
        } else if (name == "--seed") {
            if (!parseNumber(value, options.seed)) return usage("--seed expects a number");
        } else if (name == "--dir") {
            options.dir = value;
        } else {
            return usage(("unknown option " + name).c_str());
        }
    }
    return guarded([&] { return abri::bench::runReportsBench(options); });
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage(nullptr);
    if (args[0] == "--help" || args[0] == "-h") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (args[0] == "sync") return runSync(args);
    if (args[0] == "sync-stage") return runSyncStage(args);
    if (args[0] == "sync-attachment") return runSyncAttachment(args);
    if (args[0] == "reports") return runReports(args);
    if (args[0] == "hostile") return runHostile(args);
    if (args[0] == "hub-ingest") return runHubIngest(args);
    if (args[0] == "attachments") return runAttachments(args);
    if (args[0] == "duplicates") return runDuplicates(args);
    if (args[0] != "vault")
        return usage(
            "unknown benchmark (available: vault, sync, sync-attachment, reports, hostile, hub-ingest, attachments, "
            "duplicates)");

    abri::bench::VaultBenchOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& name = args[i];
        if (name == "--keep") {
            options.keepFiles = true;
            continue;
        }
        if (i + 1 >= args.size()) return usage(("missing value for " + name).c_str());
        const std::string& value = args[++i];
        if (name == "--cases") {
            if (!parseNumber(value, options.cases) || options.cases == 0) return usage("--cases expects N >= 1");
        } else if (name == "--runs") {
            if (!parseNumber(value, options.runs) || options.runs < 1) return usage("--runs expects R >= 1");
        } else if (name == "--seed") {
            if (!parseNumber(value, options.seed)) return usage("--seed expects a number");
        } else if (name == "--cache-mib") {  // experiment knob, deliberately not in the usage text
            if (!parseNumber(value, options.cacheMiB) || options.cacheMiB < 1) return usage("--cache-mib expects M >= 1");
        } else if (name == "--dir") {
            options.dir = value;
        } else if (name == "--items") {
            if (value != "none" && value != "note" && value != "full") return usage("--items expects none|note|full");
            options.items = value;
        } else {
            return usage(("unknown option " + name).c_str());
        }
    }
    return guarded([&] { return abri::bench::runVaultBench(options); });
}
