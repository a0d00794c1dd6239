// abri-bench: benchmarks that print figures (never a pass/fail test). Exit code 0 even when a target is missed.
#include <charconv>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
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
    "  --keep      keep the database files afterwards\n";

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

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage(nullptr);
    if (args[0] == "--help" || args[0] == "-h") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (args[0] != "vault") return usage("unknown benchmark (available: vault)");

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
    try {
        return abri::bench::runVaultBench(options);
    } catch (const abri::Error& error) {
        std::fprintf(stderr, "abri-bench: %s\n", error.what());
        return 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "abri-bench: internal error (%s)\n", error.what());
        return 1;
    }
}
