// abri-cli demo: fills a vault with N synthetic, obviously fake cases (names like "Testa Fakeson-Koru").
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ostream>

#include "cases/case_repository.h"
#include "command.h"
#include "crypto/primitives.h"
#include "demo/synthetic_cases.h"
#include "model/fields.h"
#include "vault/vault.h"

namespace abri::cli {

namespace {

std::uint64_t randomSeed() {
    std::uint64_t seed = 0;
    crypto::randomFill(std::span<std::uint8_t>(reinterpret_cast<std::uint8_t*>(&seed), sizeof seed));
    return seed % 1'000'000'000ULL;  // short enough to type back with --seed
}

std::size_t countFromArgs(const ParsedArgs& args) {
    const std::string& text = args.positional(1);
    std::size_t n = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, n);
    if (ec != std::errc() || ptr != end || n < 1 || n > 1'000'000) throw UsageError("N must be from 1 to 1000000");
    return n;
}

int runDemo(const ParsedArgs& args, Io& io) {
    const std::size_t n = countFromArgs(args);
    const std::uint64_t seed = args.has("seed")
                                   ? static_cast<std::uint64_t>(*args.integer("seed", 0, 999'999'999'999'999'999LL))
                                   : randomSeed();
    auto session = unlockFromArgs(args);
    const std::string today = session->today();
    auto docs = demo::makeSyntheticCases(n, seed, session->office(), today);
    // Half the cases are assigned to the importing user, so --caseworker has something to find. (A caseworker's
    // new cases are all assigned to them by the repository anyway.)
    const std::string me = session->currentUser().id;
    for (std::size_t i = 0; i < docs.size(); ++i) {
        if (i % 2 == 0 && !session->isRecoverySession()) docs[i]["caseworker"] = me;
        if (args.has("no-items")) continue;
        nlohmann::json items = nlohmann::json::array();
        for (auto& item : demo::makeSyntheticItems(docs[i], seed + i, today)) {
            item.doc["kind"] = model::entityCode(item.kind);
            items.push_back(std::move(item.doc));
        }
        docs[i]["items"] = std::move(items);
    }

    const bool showProgress = !io.json && ::isatty(STDERR_FILENO) != 0;
    auto progress = [&](std::size_t done, std::size_t total) {
        if (showProgress) io.err << "\rImporting synthetic cases: " << done << "/" << total << std::flush;
    };
    cases::CaseRepository repository(*session);
    const auto started = std::chrono::steady_clock::now();
    const auto ids = repository.importCases(docs, progress);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (showProgress) io.err << "\n";

    if (io.json) {
        io.out << jsonText({{"imported", ids.size()}, {"seed", seed}, {"seconds", seconds}}) << "\n";
    } else {
        char secondsText[32];
        std::snprintf(secondsText, sizeof secondsText, "%.1f", seconds);
        io.out << "Imported " << ids.size() << " synthetic cases (seed " << seed << ") in " << secondsText << " s.\n";
    }
    return 0;
}

}  // namespace

std::vector<Command> demoCommands() {
    auto options = unlockOptions();
    options.insert(options.end(),
                   {{.name = "seed", .valueName = "S", .help = "Seed for the generator (default: random, printed)"},
                    {.name = "no-items", .help = "Cases only: no events, consents, services or notes"}});
    return {{.spec = {.name = "demo",
                      .summary = "Fill the vault with N synthetic, obviously fake cases",
                      .positionals = {{"VAULT", "The vault file"}, {"N", "How many cases (1-1000000)"}},
                      .options = options,
                      .details = "All names carry a Test/Fake marker. The same --seed gives the same cases. The "
                                 "import\nis one transaction: all N cases or none.",
                      .example = "abri-cli demo office.abri --user testworker 1000 --seed 7"},
             .run = runDemo}};
}

}  // namespace abri::cli
