// abri-cli case add | list | show | set.
#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <iterator>

#include "case_listing.h"
#include "cases/case_repository.h"
#include "common/error.h"
#include "model/case_rules.h"
#include "model/code_lists.h"
#include "text_table.h"
#include "value_text.h"
#include "vault/vault.h"

namespace abri::cli {

namespace {

using Json = nlohmann::json;

// ---- case add ----

std::string readInput(const std::string& source) {
    if (source == "-") {
        return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    std::ifstream file(source, std::ios::binary);
    if (!file) throw Error(ErrorCode::IoError, source, "cannot read the file");
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

// Line and column of a byte offset, for the parse error (the parser's own message may quote the input).
std::string positionOf(const std::string& text, std::size_t byte) {
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < text.size() && i + 1 < byte; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

Json parseDocument(const std::string& text, const std::string& source) {
    try {
        return Json::parse(text);
    } catch (const Json::parse_error& error) {
        throw Error(ErrorCode::InvalidJson, source == "-" ? "standard input" : source, positionOf(text, error.byte));
    }
}

int runCaseAdd(const ParsedArgs& args, Io& io) {
    const std::string source = args.positional(1);
    // Parse before unlocking: a broken file costs no Argon2id and touches nothing.
    // (With --password-stdin and FILE "-", the password line comes first, so unlock first in that case.)
    std::unique_ptr<vault::Vault> session;
    if (source == "-" && args.has("password-stdin")) session = unlockFromArgs(args);
    const Json doc = parseDocument(readInput(source), source);
    if (!doc.is_object() && !doc.is_array()) {
        throw Error(ErrorCode::InvalidValue, source, "expected a case object or an array of case objects");
    }
    if (!session) session = unlockFromArgs(args);
    cases::CaseRepository repository(*session);

    std::vector<std::string> ids;
    if (doc.is_array()) {
        ids = repository.importCases(doc.get<std::vector<Json>>());
    } else {
        ids.push_back(repository.createCase(doc));
    }
    // Report the generated case codes: people refer to cases by code, never by the internal id.
    Json created = Json::array();
    for (const auto& id : ids) {
        auto view = repository.load(id);
        const Json code = view ? model::getField(view->doc, "case_code") : Json();
        created.push_back({{"id", id}, {"case_code", code}});
    }
    if (io.json) {
        io.out << jsonText({{"created", created}}) << "\n";
    } else {
        for (const auto& entry : created) {
            io.out << "Created case " << plainValue(entry["case_code"]) << " (id " << entry["id"].get<std::string>()
                   << ")\n";
        }
    }
    return 0;
}

// ---- case list ----

constexpr std::array<std::string_view, 5> kSortKeys = {"registered", "code", "status", "office", "updated"};
constexpr std::array<std::string_view, 2> kYesNo = {"yes", "no"};

std::optional<std::string> codeOption(const ParsedArgs& args, std::string_view option, model::CodeList list) {
    auto value = args.value(option);
    if (value && !model::isValidCode(list, *value)) {
        std::string valid;
        for (auto code : model::codes(list)) valid += (valid.empty() ? "" : ", ") + std::string(code);
        throw UsageError("--" + std::string(option) + " '" + *value + "' is not a known code; use one of: " + valid);
    }
    return value;
}

std::optional<std::string> dateOption(const ParsedArgs& args, std::string_view option) {
    auto value = args.value(option);
    if (value && !model::isValidDate(*value)) throw UsageError("--" + std::string(option) + " expects YYYY-MM-DD");
    return value;
}

cases::CaseQuery queryFromArgs(const ParsedArgs& args) {
    cases::CaseQuery query;
    query.filter.status = codeOption(args, "status", model::CodeList::CaseStatus);
    query.filter.office = args.value("office");
    query.filter.exploitationType = codeOption(args, "exploitation", model::CodeList::ExploitationType);
    query.filter.caseworker = args.value("caseworker");
    if (auto minor = args.choice("minor", kYesNo)) query.filter.minor = *minor == "yes";
    query.filter.registeredFrom = dateOption(args, "from");
    query.filter.registeredTo = dateOption(args, "to");
    const auto sort = args.choice("sort", kSortKeys).value_or("registered");
    query.sort = sort == "code"     ? cases::SortKey::CaseCode
                 : sort == "status" ? cases::SortKey::Status
                 : sort == "office" ? cases::SortKey::Office
                 : sort == "updated" ? cases::SortKey::UpdatedAt
                                    : cases::SortKey::RegisteredOn;
    query.descending = !args.has("asc");
    query.limit = static_cast<int>(args.integer("limit", 1, 10'000).value_or(50));
    query.offset = args.integer("offset", 0, 1'000'000'000).value_or(0);
    return query;
}

// --caseworker accepts a user name as well as a user id.
void resolveCaseworker(vault::Vault& session, cases::CaseQuery& query) {
    if (!query.filter.caseworker) return;
    try {
        if (auto user = session.findUser(*query.filter.caseworker)) query.filter.caseworker = user->id;
    } catch (const Error&) {
        // Without the right to read users, the value is taken as an id.
    }
}

int runCaseList(const ParsedArgs& args, Io& io) {
    auto query = queryFromArgs(args);  // usage errors before the password prompt
    const bool json = wantsJson(args, io);
    auto session = unlockFromArgs(args);
    resolveCaseworker(*session, query);
    cases::CaseRepository repository(*session);
    const auto page = repository.list(query);
    const auto total = repository.count(query.filter);
    printCaseList(*session, page, total, query, json, io);
    return 0;
}

// ---- case show ----

bool isMasked(const std::vector<std::string>& masked, std::string_view path) {
    return std::find(masked.begin(), masked.end(), path) != masked.end();
}

// Shows every masked field of an entity (each reveal is audited by the repository).
void revealAll(cases::CaseRepository& repository, std::string_view entityId, Json& doc,
               std::vector<std::string>& masked) {
    for (const auto& path : masked) model::setField(doc, path, repository.reveal(entityId, path));
    masked.clear();
}

void printFields(model::Entity entity, const Json& doc, const std::vector<std::string>& masked, std::ostream& out,
                 std::string_view indent) {
    std::string group;
    std::size_t width = 0;
    for (const auto& spec : model::fieldsOf(entity)) width = std::max(width, spec.path.size());
    for (const auto& spec : model::fieldsOf(entity)) {
        const bool hidden = isMasked(masked, spec.path);
        const Json value = model::getField(doc, spec.path);
        if (!hidden && value.is_null()) continue;
        const auto dot = spec.path.find('.');
        const std::string thisGroup = dot == std::string_view::npos ? "" : std::string(spec.path.substr(0, dot));
        if (thisGroup != group && !thisGroup.empty()) out << indent << "[" << thisGroup << "]\n";
        group = thisGroup;
        out << indent << "  " << spec.path << std::string(width - spec.path.size() + 2, ' ')
            << (hidden ? std::string(kHiddenValue) : sanitizeForTerminal(plainValue(value))) << "\n";
    }
}

Json itemToJson(const cases::Item& item) {
    Json out = {{"id", item.id},
                {"kind", model::entityCode(item.kind)},
                {"author", item.author},
                {"created_ms", item.createdMs},
                {"superseded", item.superseded},
                {"doc", item.doc},
                {"masked", item.masked}};
    out["supersedes"] = item.supersedes ? Json(*item.supersedes) : Json();
    return out;
}

int runCaseShow(const ParsedArgs& args, Io& io) {
    const bool json = wantsJson(args, io);
    auto session = unlockFromArgs(args);
    cases::CaseRepository repository(*session);
    const std::string& wanted = args.positional(1);
    std::string id = repository.findIdByCode(wanted).value_or(wanted);
    auto view = repository.load(id);
    if (!view) throw Error(ErrorCode::NotFound, "case");

    if (args.has("reveal")) {
        revealAll(repository, view->id, view->doc, view->masked);
        for (auto& item : view->items) revealAll(repository, item.id, item.doc, item.masked);
    }

    if (json) {
        Json items = Json::array();
        for (const auto& item : view->items) items.push_back(itemToJson(item));
        Json derived = {{"minor", view->minor}, {"screening_outcome", view->screeningOutcome}};
        derived["age"] = view->age ? Json(*view->age) : Json();
        derived["international"] = view->international ? Json(*view->international) : Json();
        io.out << jsonText({{"id", view->id},
                            {"case", view->doc},
                            {"masked", view->masked},
                            {"derived", derived},
                            {"items", items},
                            {"updated_ms", view->updatedMs}})
               << "\n";
        return 0;
    }

    // People know colleagues by user name; the id stays visible for scripts.
    Json shown = view->doc;
    if (const Json worker = model::getField(shown, "caseworker"); worker.is_string()) {
        try {
            for (const auto& user : session->users()) {
                if (user.id == worker.get<std::string>()) shown["caseworker"] = user.username + " (" + user.id + ")";
            }
        } catch (const Error&) {
            // Not allowed to read the user list: show the id.
        }
    }
    auto& out = io.out;
    out << "Case " << sanitizeForTerminal(model::getField(view->doc, "case_code").get<std::string>()) << "  (id "
        << view->id << ")\n";
    printFields(model::Entity::Case, shown, view->masked, out, "");
    out << "[derived]\n"
        << "  minor              " << (view->minor ? "yes" : "no") << "\n"
        << "  age                " << (view->age ? std::to_string(*view->age) : "unknown") << "\n"
        << "  screening_outcome  " << view->screeningOutcome << "\n"
        << "  international      "
        << (view->international ? (*view->international ? "yes" : "no (internal)") : "unknown") << "\n";
    out << "[items] " << view->items.size() << "\n";
    for (const auto& item : view->items) {
        out << "  " << model::entityCode(item.kind) << "  " << model::dateFromMs(item.createdMs) << "  " << item.id
            << (item.superseded ? "  (superseded)" : "") << "\n";
        printFields(item.kind, item.doc, item.masked, out, "    ");
    }
    std::size_t hidden = view->masked.size();
    for (const auto& item : view->items) hidden += item.masked.size();
    if (hidden > 0) {
        out << "\n" << hidden << " sensitive field(s) hidden. Use --reveal to show them (recorded in the audit log).\n";
    }
    return 0;
}

// ---- case set ----

// VALUE is JSON when it parses; otherwise a bare word is the string itself, so `status under_assistance` and
// `person.family_name Testname` need no quotes. Text that looks like JSON structure but does not parse is an error
// rather than a surprising string.
Json parseFieldValue(const std::string& text) {
    try {
        return Json::parse(text);
    } catch (const Json::parse_error& error) {
        const auto first = text.find_first_not_of(" \t\r\n");
        if (first != std::string::npos && (text[first] == '[' || text[first] == '{' || text[first] == '"')) {
            throw Error(ErrorCode::InvalidJson, "VALUE", positionOf(text, error.byte));
        }
        return Json(text);
    }
}

// VALUE "-": standard input without its final line end (a sensitive value then stays out of the process list).
std::string valueFromStdin() {
    std::string text = readInput("-");
    if (!text.empty() && text.back() == '\n') text.pop_back();
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return text;
}

std::string caseCodeOf(cases::CaseRepository& repository, std::string_view caseId) {
    auto view = repository.load(caseId);
    const Json code = view ? model::getField(view->doc, "case_code") : Json();
    return code.is_string() ? code.get<std::string>() : std::string(caseId);
}

int runCaseSet(const ParsedArgs& args, Io& io) {
    const std::string& field = args.positional(2);
    // Parse before unlocking (no Argon2id for a typo); with --password-stdin the password line comes first.
    std::unique_ptr<vault::Vault> session;
    std::string text = args.positional(3);
    if (text == "-") {
        if (args.has("password-stdin")) session = unlockFromArgs(args);
        text = valueFromStdin();
    }
    const Json value = parseFieldValue(text);
    if (!session) session = unlockFromArgs(args);
    cases::CaseRepository repository(*session);
    const std::string& wanted = args.positional(1);
    const std::string id = repository.findIdByCode(wanted).value_or(wanted);
    // Validation, the status lifecycle, the journal op and the audit entry are all the repository's.
    repository.updateField(id, field, value);
    const std::string code = caseCodeOf(repository, id);
    if (io.json) {
        io.out << jsonText({{"updated", {{"id", id}, {"case_code", code}, {"field", field}}}}) << "\n";
    } else {
        io.out << "Updated " << sanitizeForTerminal(field) << " of case " << sanitizeForTerminal(code) << ".\n";
    }
    return 0;
}

}  // namespace

std::vector<Command> caseCommands() {
    auto addOptions = unlockOptions();
    auto listOptions = unlockOptions();
    listOptions.insert(listOptions.end(),
                       {{.name = "status", .valueName = "CODE", .help = "Only cases with this status"},
                        {.name = "office", .valueName = "CODE", .help = "Only cases of this office"},
                        {.name = "exploitation", .valueName = "CODE", .help = "Only cases with this exploitation type"},
                        {.name = "minor", .valueName = "yes|no", .help = "Only minors, or only adults"},
                        {.name = "caseworker", .valueName = "USER", .help = "Only cases assigned to USER (name or id)"},
                        {.name = "from", .valueName = "DATE", .help = "Registered on or after DATE (YYYY-MM-DD)"},
                        {.name = "to", .valueName = "DATE", .help = "Registered on or before DATE (YYYY-MM-DD)"},
                        {.name = "sort", .valueName = "registered|code|status|office|updated",
                         .help = "Sort key (default: registered)"},
                        {.name = "asc", .help = "Ascending order (default: descending)"},
                        {.name = "limit", .valueName = "N", .help = "Page size, 1-10000 (default: 50)"},
                        {.name = "offset", .valueName = "N", .help = "Skip the first N cases (default: 0)"},
                        formatOption()});
    auto showOptions = unlockOptions();
    showOptions.insert(showOptions.end(),
                       {{.name = "reveal",
                         .help = "Show sensitive fields (names, contacts, documents, notes); audited"},
                        formatOption()});
    return {
        {.spec = {.name = "case add",
                  .summary = "Create a case (or several) from a JSON file",
                  .positionals = {{"VAULT", "The vault file"},
                                  {"FILE", "JSON case document, or an array of them; - reads standard input"}},
                  .options = addOptions,
                  .details = "The document layout is described in docs/cli.md. Missing case_code, office, status "
                             "and\nregistered_on are filled in. Everything is validated first: on any error the "
                             "field path\nand the reason are printed and nothing is written.",
                  .example = "abri-cli case add office.abri --user testworker new-case.json"},
         .run = runCaseAdd},
        {.spec = {.name = "case list",
                  .summary = "List cases with filters, sorting and paging",
                  .positionals = {{"VAULT", "The vault file"}},
                  .options = listOptions,
                  .example = "abri-cli case list office.abri --user testworker --status under_assistance "
                             "--exploitation forced_labour --limit 20"},
         .run = runCaseList},
        {.spec = {.name = "case show",
                  .summary = "Show one case with its items (sensitive fields masked)",
                  .positionals = {{"VAULT", "The vault file"}, {"CASE", "Case code or case id"}},
                  .options = showOptions,
                  .example = "abri-cli case show office.abri --user testworker TUN-SFX-2025-0042"},
         .run = runCaseShow},
        {.spec = {.name = "case set",
                  .summary = "Change one field of a case (validated, journalled, audited)",
                  .positionals = {{"VAULT", "The vault file"},
                                  {"CASE", "Case code or case id"},
                                  {"FIELD", "Field path, e.g. status or person.family_name (docs/cli.md)"},
                                  {"VALUE", "A JSON value; a bare word is a string; null clears; - reads standard "
                                            "input"}},
                  .options = unlockOptions(),
                  .details = "The value is checked like the desktop client checks it (codes, dates, the status "
                             "lifecycle);\non an error the field path and the reason are printed and nothing is "
                             "written. The change\nis journalled, so it syncs like any edit. A value typed on the "
                             "command line is visible to\nother local users while the command runs: give names "
                             "with VALUE - on standard input.",
                  .example = "abri-cli case set office.abri --user testworker TUN-SFX-25-7KD2MQ status "
                             "under_assistance"},
         .run = runCaseSet},
    };
}

}  // namespace abri::cli
