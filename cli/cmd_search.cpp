// abri-cli search: full-text search over case codes, names, aliases and notes. Results are case summaries:
// a match on a name or note shows which case matched, never the matching text.
#include "case_listing.h"
#include "cases/case_repository.h"
#include "vault/vault.h"

namespace abri::cli {

namespace {

int runSearch(const ParsedArgs& args, Io& io) {
    cases::CaseQuery query;
    query.filter.text = args.positional(1);
    if (query.filter.text.find_first_not_of(" \t") == std::string::npos) throw UsageError("TEXT is empty");
    query.limit = static_cast<int>(args.integer("limit", 1, 10'000).value_or(50));
    query.offset = args.integer("offset", 0, 1'000'000'000).value_or(0);
    const bool json = wantsJson(args, io);
    auto session = unlockFromArgs(args);
    cases::CaseRepository repository(*session);
    const auto page = repository.list(query);
    const auto total = repository.count(query.filter);
    printCaseList(*session, page, total, query, json, io);
    return 0;
}

}  // namespace

std::vector<Command> searchCommands() {
    auto options = unlockOptions();
    options.insert(options.end(), {{.name = "limit", .valueName = "N", .help = "At most N results (default: 50)"},
                                   {.name = "offset", .valueName = "N", .help = "Skip the first N results"},
                                   formatOption()});
    return {{.spec = {.name = "search",
                      .summary = "Full-text search over case codes, names, aliases and notes",
                      .positionals = {{"VAULT", "The vault file"}, {"TEXT", "Words to find (all must match)"}},
                      .options = options,
                      .details = "Prints the matching cases' summaries; the matching names or notes stay hidden.",
                      .example = "abri-cli search office.abri --user testworker Fakeson"},
             .run = runSearch}};
}

}  // namespace abri::cli
