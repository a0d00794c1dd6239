// abri-cli case erase, retention show|set|apply: erasure on request and the retention policy (core/erasure,
// docs/erasure.md). Output names cases by code only for the one the user named; never anything of the person.
#include <iostream>
#include <optional>
#include <string>

#include "cases/case_repository.h"
#include "command.h"
#include "common/arguments.h"
#include "common/decimal.h"
#include "erasure/case_erasure.h"
#include "erasure/retention_policy.h"
#include "text_table.h"
#include "vault/vault.h"

namespace abri::cli {
namespace {

int runCaseErase(const ParsedArgs& args, Io& io) {
    // Irreversible on every copy once synced: no default, the flag says the person's request was checked.
    if (!args.has("confirm")) throw UsageError("case erase cannot be undone: add --confirm to erase the case");
    auto session = unlockFromArgs(args);
    cases::CaseRepository repository(*session);
    const std::string& wanted = args.positional(1);
    const std::string id = repository.findIdByCode(wanted).value_or(wanted);
    erasure::eraseCase(*session, id);
    if (io.json) {
        io.out << jsonText({{"erased", {{"id", id}}}}) << "\n";
    } else {
        io.out << "Erased case " << sanitizeForTerminal(wanted)
               << " from this vault. The erasure reaches the hub and every other device at the next sync.\n";
    }
    return 0;
}

int runRetentionShow(const ParsedArgs& args, Io& io) {
    auto session = unlockFromArgs(args);
    const auto years = erasure::retentionYears(session->db());
    if (io.json) {
        io.out << jsonText({{"retention_years", years ? nlohmann::json(*years) : nlohmann::json()}}) << "\n";
    } else if (years) {
        io.out << "Closed cases are purged " << *years << " year(s) after their closing date.\n";
    } else {
        io.out << "Retention is off: closed cases are kept.\n";
    }
    return 0;
}

int runRetentionSet(const ParsedArgs& args, Io& io) {
    const std::string& text = args.positional(1);
    std::optional<int> years;
    if (text != "off") {
        const auto parsed = parseNonNegativeDecimal(text);
        if (!parsed || *parsed > 1000) throw UsageError("YEARS must be a whole number of years, or off");
        years = static_cast<int>(*parsed);
    }
    auto session = unlockFromArgs(args);
    erasure::setRetentionYears(*session, years);
    if (io.json) {
        io.out << jsonText({{"retention_years", years ? nlohmann::json(*years) : nlohmann::json()}}) << "\n";
    } else if (years) {
        io.out << "Closed cases will be purged " << *years
               << " year(s) after their closing date (abri-cli retention apply, or at the next unlock in the app).\n";
    } else {
        io.out << "Retention is off.\n";
    }
    return 0;
}

int runRetentionApply(const ParsedArgs& args, Io& io) {
    auto session = unlockFromArgs(args);
    const auto run = erasure::applyRetention(*session);
    if (io.json) {
        io.out << jsonText({{"purged", run.purged}, {"log_truncated", run.scrubbed}}) << "\n";
    } else {
        io.out << "Purged " << run.purged << " closed case(s) past the retention period.\n";
    }
    return 0;
}

}  // namespace

std::vector<Command> erasureCommands() {
    auto eraseOptions = unlockOptions();
    eraseOptions.push_back({.name = "confirm", .help = "Required: the erasure cannot be undone"});
    auto vaultOnly = std::vector<PositionalSpec>{{"VAULT", "The vault file"}};
    return {
        {.spec = {.name = "case erase",
                  .summary = "Erase a case at the person's request, on this vault and (by sync) every copy",
                  .positionals = {{"VAULT", "The vault file"}, {"CASE", "Case code or case id"}},
                  .options = eraseOptions,
                  .details = "Supervisors only. Everything of the case leaves the vault at once (documents, "
                             "items,\nhistory, attachments, search index); the audit log keeps that it was "
                             "erased, by whom and\nwhen. The erasure syncs like an edit: the hub and every device "
                             "holding the case purge it,\nand nothing brings it back. See docs/erasure.md.",
                  .example = "abri-cli case erase office.abri --user supervisor TUN-SFX-25-7KD2MQ --confirm"},
         .run = runCaseErase},
        {.spec = {.name = "retention show",
                  .summary = "Show how long closed cases are kept",
                  .positionals = vaultOnly,
                  .options = unlockOptions(),
                  .example = "abri-cli retention show office.abri --user admin"},
         .run = runRetentionShow},
        {.spec = {.name = "retention set",
                  .summary = "Purge closed cases YEARS after closing (administrators; default off)",
                  .positionals = {{"VAULT", "The vault file"}, {"YEARS", "Whole years, at least 1; or off"}},
                  .options = unlockOptions(),
                  .example = "abri-cli retention set office.abri --user admin 10"},
         .run = runRetentionSet},
        {.spec = {.name = "retention apply",
                  .summary = "Purge the closed cases past the retention period now",
                  .positionals = vaultOnly,
                  .options = unlockOptions(),
                  .example = "abri-cli retention apply office.abri --user admin"},
         .run = runRetentionApply},
    };
}

}  // namespace abri::cli
