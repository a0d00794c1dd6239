// abri-cli conflicts | conflicts resolve: the vault's open conflicts (two devices edited the same field without
// seeing each other's edit, sync/PROTOCOL.md §5.3) and a supervisor's choice of the value to keep (§5.5).
// Values of sensitive fields are masked by the core (merge/conflicts_view.h) like `case show` masks them; --reveal
// is checked and audited per field there, exactly as `case show --reveal` is.
#include <array>
#include <ctime>
#include <ostream>

#include "command.h"
#include "common/decimal.h"
#include "common/error.h"
#include "merge/conflicts_view.h"
#include "model/case_rules.h"
#include "text_table.h"
#include "value_text.h"
#include "vault/vault.h"

namespace abri::cli {

namespace {

using Json = nlohmann::json;

// Devices are known by the first hex digits of their id, as in abri-hub's listings.
constexpr std::size_t kDevicePrefix = 8;

std::string isoUtcOfHlc(journal::Hlc hlc) {
    const auto seconds = static_cast<std::time_t>(journal::hlcPhysicalMs(hlc) / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 32> text{};
    std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text.data();
}

std::string devicePrefix(const std::string& device) { return device.substr(0, kDevicePrefix); }

Json versionJson(const merge::ConflictValue& shown, const std::string& ownDevice) {
    return {{"device", shown.version.device},
            {"this_device", shown.version.device == ownDevice},
            {"hlc", shown.version.hlc},
            {"time", isoUtcOfHlc(shown.version.hlc)},
            {"value", shown.value}};
}

std::string deviceCell(const journal::Version& version, const std::string& ownDevice) {
    return devicePrefix(version.device) + (version.device == ownDevice ? " (this device)" : "");
}

std::string valueCell(const merge::ConflictView& view, const Json& value) {
    return view.masked ? std::string(kHiddenValue) : plainValue(value);
}

// "case", or the item kind ("event", "consent", ...); empty for an entity this version cannot interpret.
std::string entityName(const merge::ConflictView& view) {
    return view.kind ? std::string(model::entityCode(*view.kind)) : std::string();
}

int runConflicts(const ParsedArgs& args, Io& io) {
    const bool json = wantsJson(args, io);
    auto session = unlockFromArgs(args);
    // The core masks sensitive values; --reveal is checked (administrators are refused) and audited there.
    const auto views = merge::viewOpenConflicts(*session, {.all = args.has("reveal")});
    const std::string ownDevice = session->deviceId();

    if (json) {
        Json list = Json::array();
        for (const auto& view : views) {
            list.push_back({{"id", view.conflict.id},
                            {"case_code", view.caseCode},
                            {"case_id", view.caseId},
                            {"entity", entityName(view)},
                            {"entity_id", view.conflict.entityId},
                            {"field", view.conflict.field},
                            {"masked", view.masked},
                            {"detected_ms", view.conflict.detectedMs},
                            {"winning", versionJson(view.winning, ownDevice)},
                            {"losing", versionJson(view.losing, ownDevice)}});
        }
        io.out << jsonText({{"conflicts", list}}) << "\n";
        return 0;
    }
    if (views.empty()) {
        io.out << "No open conflicts.\n";
        return 0;
    }
    TextTable table({"ID", "CASE", "FIELD", "VERSION", "DEVICE", "TIME (UTC)", "VALUE"});
    std::size_t masked = 0;
    for (const auto& view : views) {
        const std::string entity = entityName(view);
        const std::string field = entity == "case" || entity.empty() ? view.conflict.field
                                                                     : entity + ":" + view.conflict.field;
        table.addRow({std::to_string(view.conflict.id), view.caseCode.empty() ? "(deleted)" : view.caseCode, field,
                      "winning", deviceCell(view.winning.version, ownDevice), isoUtcOfHlc(view.winning.version.hlc),
                      valueCell(view, view.winning.value)});
        table.addRow({"", "", "", "losing", deviceCell(view.losing.version, ownDevice),
                      isoUtcOfHlc(view.losing.version.hlc), valueCell(view, view.losing.value)});
        masked += view.masked ? 1 : 0;
    }
    io.out << table.render() << views.size() << " open conflict(s). Every device shows the winning value; a supervisor "
           << "keeps one with\n'abri-cli conflicts resolve VAULT ID --keep winning|losing'.\n";
    if (masked > 0) {
        io.out << masked << " conflict(s) on sensitive fields hidden. Use --reveal to show them (recorded in the "
               << "audit log).\n";
    }
    return 0;
}

// ---- conflicts resolve ----

constexpr std::array<std::string_view, 2> kKeepChoices = {"winning", "losing"};

std::int64_t conflictIdArg(const std::string& text) {
    const auto id = parseNonNegativeDecimal(text);
    if (!id || *id <= 0) throw UsageError("ID expects a conflict id from 'abri-cli conflicts'");
    return *id;
}

int runConflictsResolve(const ParsedArgs& args, Io& io) {
    const std::int64_t id = conflictIdArg(args.positional(1));
    const auto keep = args.choice("keep", kKeepChoices);
    if (!keep) throw UsageError("missing option '--keep winning|losing'");
    auto session = unlockFromArgs(args);
    session->require(vault::Permission::ResolveConflicts);

    // Masked is enough: the choice is by side, the core takes the value (and validates it, and audits).
    std::optional<merge::ConflictView> found;
    for (auto& view : merge::viewOpenConflicts(*session)) {
        if (view.conflict.id == id) found = std::move(view);
    }
    if (!found) throw Error(ErrorCode::NotFound, "conflict");
    // One resolve op (a local change that syncs like any edit).
    merge::resolveOpenConflict(*session, id, *keep == "winning" ? merge::KeptValue::Winning : merge::KeptValue::Losing);

    if (io.json) {
        io.out << jsonText({{"resolved", {{"id", id},
                                          {"case_code", found->caseCode},
                                          {"field", found->conflict.field},
                                          {"kept", *keep}}}})
               << "\n";
    } else {
        io.out << "Resolved conflict " << id << " on " << found->conflict.field << " of case "
               << sanitizeForTerminal(found->caseCode) << ": kept the " << *keep << " value.\n";
    }
    return 0;
}

}  // namespace

std::vector<Command> conflictCommands() {
    auto listOptions = unlockOptions();
    listOptions.insert(listOptions.end(),
                       {{.name = "reveal", .help = "Show the values of sensitive fields; audited"}, formatOption()});
    auto resolveOptions = unlockOptions();
    resolveOptions.push_back(
        {.name = "keep", .valueName = "winning|losing", .help = "The value to keep", .required = true});
    return {
        {.spec = {.name = "conflicts",
                  .summary = "List open conflicts: fields two devices edited without seeing each other's edit",
                  .positionals = {{"VAULT", "The vault file"}},
                  .options = listOptions,
                  .details = "For each conflict: the case, the field, and both versions (device, time, value). "
                             "The winning\nvalue is the one every device shows; the losing value is kept here "
                             "until a supervisor\nresolves the conflict. Values of sensitive fields show as "
                             "[hidden] unless --reveal is given\n(recorded in the audit log; administrators are "
                             "refused).",
                  .example = "abri-cli conflicts office.abri --user amina"},
         .run = runConflicts},
        {.spec = {.name = "conflicts resolve",
                  .summary = "Keep one value of a conflict (supervisors); the choice syncs like an edit",
                  .positionals = {{"VAULT", "The vault file"}, {"ID", "The conflict id from 'abri-cli conflicts'"}},
                  .options = resolveOptions,
                  .example = "abri-cli conflicts resolve office.abri 3 --user amina --keep losing"},
         .run = runConflictsResolve},
    };
}

}  // namespace abri::cli
