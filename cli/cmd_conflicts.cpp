// abri-cli conflicts | conflicts resolve: the vault's open conflicts (two devices edited the same field without
// seeing each other's edit, sync/PROTOCOL.md §5.3) and a supervisor's choice of the value to keep (§5.5).
// Values of sensitive fields are masked like `case show` masks them; --reveal is audited per field by the
// repository, exactly as `case show --reveal` is.
#include <array>
#include <ctime>
#include <ostream>

#include "cases/case_repository.h"
#include "command.h"
#include "common/error.h"
#include "merge/conflict_resolution.h"
#include "merge/vault_applier.h"
#include "model/case_rules.h"
#include "text_table.h"
#include "value_text.h"
#include "vault/vault.h"

namespace abri::cli {

namespace {

using Json = nlohmann::json;

// Devices are known by the first hex digits of their id, as in abri-hub's listings.
constexpr std::size_t kDevicePrefix = 8;

struct ShownVersion {
    journal::Version version;
    Json value;  // null when masked
};

// One open conflict as the CLI shows it.
struct ConflictView {
    merge::OpenConflict row;
    std::string caseId;
    std::string caseCode;   // empty when the case is gone (deleted)
    std::string entity;     // "case", or the item kind ("event", "consent", ...)
    bool sensitive = true;  // unknown fields count as sensitive: mask rather than guess
    bool masked = false;
    ShownVersion winning;
    ShownVersion losing;
};

std::string isoUtcOfHlc(journal::Hlc hlc) {
    const auto seconds = static_cast<std::time_t>(journal::hlcPhysicalMs(hlc) / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 32> text{};
    std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text.data();
}

std::string devicePrefix(const std::string& device) { return device.substr(0, kDevicePrefix); }

// Builds the view of one conflicts row: its case, its field's sensitivity and both values from the journal.
ConflictView viewOf(vault::Vault& session, cases::CaseRepository& repository, const merge::OpenConflict& row) {
    ConflictView view;
    view.row = row;
    view.winning.version = row.winning;
    view.losing.version = row.losing;
    view.losing.value = merge::parseValue(row.losingValueJson);

    const merge::MergeState state = merge::loadEntityState(session, row.entityId);
    const merge::EntityState* entity = state.find(row.entityId);
    if (entity == nullptr) return view;
    view.caseId = entity->entity == merge::EntityKind::Case ? entity->id : entity->caseId;
    if (const auto kind = entity->modelKind()) {
        view.entity = std::string(model::entityCode(*kind));
        const model::FieldSpec* spec = model::findField(*kind, row.field);
        view.sensitive = spec == nullptr || spec->sensitive;
    }
    // The value that wins now (what `case show` shows); the recorded winner when the field has no ops left.
    if (auto reg = entity->fields.find(row.field); reg != entity->fields.end()) {
        if (const merge::RemoteOp* winner = reg->second.winner()) {
            view.winning.version = winner->identity();
            view.winning.value = merge::parseValue(winner->valueJson);
        }
    }
    if (auto current = repository.load(view.caseId)) {
        const Json code = model::getField(current->doc, "case_code");
        if (code.is_string()) view.caseCode = code.get<std::string>();
    }
    return view;
}

// Sensitive values stay hidden unless revealed; each reveal goes through the repository, which checks the role and
// writes the audit entry before anything is shown. A deleted entity cannot be revealed and stays masked.
void applyMasking(cases::CaseRepository& repository, ConflictView& view, bool reveal) {
    if (!view.sensitive) return;
    if (reveal) {
        try {
            repository.reveal(view.row.entityId, view.row.field);
            return;
        } catch (const Error& error) {
            if (error.code() != ErrorCode::NotFound) throw;
        }
    }
    view.masked = true;
    view.winning.value = nullptr;
    view.losing.value = nullptr;
}

std::vector<ConflictView> loadConflicts(vault::Vault& session, bool reveal) {
    session.require(vault::Permission::ViewCases);
    // Refused up front, so an administrator's --reveal fails the same way whether or not a field needs it.
    if (reveal) session.require(vault::Permission::RevealSensitive);
    cases::CaseRepository repository(session);
    std::vector<ConflictView> views;
    for (const auto& row : merge::openConflicts(session)) {
        views.push_back(viewOf(session, repository, row));
        applyMasking(repository, views.back(), reveal);
    }
    return views;
}

Json versionJson(const ShownVersion& shown, const std::string& ownDevice) {
    return {{"device", shown.version.device},
            {"this_device", shown.version.device == ownDevice},
            {"hlc", shown.version.hlc},
            {"time", isoUtcOfHlc(shown.version.hlc)},
            {"value", shown.value}};
}

std::string deviceCell(const journal::Version& version, const std::string& ownDevice) {
    return devicePrefix(version.device) + (version.device == ownDevice ? " (this device)" : "");
}

std::string valueCell(const ConflictView& view, const Json& value) {
    return view.masked ? std::string(kHiddenValue) : plainValue(value);
}

int runConflicts(const ParsedArgs& args, Io& io) {
    const bool json = wantsJson(args, io);
    auto session = unlockFromArgs(args);
    const auto views = loadConflicts(*session, args.has("reveal"));
    const std::string ownDevice = session->deviceId();

    if (json) {
        Json list = Json::array();
        for (const auto& view : views) {
            list.push_back({{"id", view.row.id},
                            {"case_code", view.caseCode},
                            {"case_id", view.caseId},
                            {"entity", view.entity},
                            {"entity_id", view.row.entityId},
                            {"field", view.row.field},
                            {"masked", view.masked},
                            {"detected_ms", view.row.detectedMs},
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
        const std::string field = view.entity == "case" || view.entity.empty() ? view.row.field
                                                                                : view.entity + ":" + view.row.field;
        table.addRow({std::to_string(view.row.id), view.caseCode.empty() ? "(deleted)" : view.caseCode, field,
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
    std::int64_t id = 0;
    std::size_t used = 0;
    try {
        id = std::stoll(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size() || id <= 0) {
        throw UsageError("ID expects a conflict id from 'abri-cli conflicts'");
    }
    return id;
}

int runConflictsResolve(const ParsedArgs& args, Io& io) {
    const std::int64_t id = conflictIdArg(args.positional(1));
    const auto keep = args.choice("keep", kKeepChoices);
    if (!keep) throw UsageError("missing option '--keep winning|losing'");
    auto session = unlockFromArgs(args);
    session->require(vault::Permission::ResolveConflicts);
    cases::CaseRepository repository(*session);

    std::optional<ConflictView> found;
    for (const auto& row : merge::openConflicts(*session)) {
        if (row.id == id) found = viewOf(*session, repository, row);
    }
    if (!found) throw Error(ErrorCode::NotFound, "conflict");
    const Json& chosen = *keep == "winning" ? found->winning.value : found->losing.value;
    // One resolve op (a local change that syncs like any edit); the core validates the value and audits.
    merge::resolveConflict(*session, found->row.entityId, found->row.field, chosen);

    if (io.json) {
        io.out << jsonText({{"resolved", {{"id", id},
                                          {"case_code", found->caseCode},
                                          {"field", found->row.field},
                                          {"kept", *keep}}}})
               << "\n";
    } else {
        io.out << "Resolved conflict " << id << " on " << found->row.field << " of case "
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
