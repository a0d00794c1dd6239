// abri-cli report list | run | save | export-anonymised | settings: statistics from the vault through the core's
// report engine (core/reports). Every table printed has been through disclosure control: counts below the vault's
// minimum cell size k show as "<k", and so does any value that could be worked out from the totals. Breakdowns by
// office or caseworker are internal and say so; CSV and JSON output are exports and go into the audit log.
#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <ostream>

#include "command.h"
#include "common/error.h"
#include "reports/anonymised_export.h"
#include "reports/builtin_reports.h"
#include "reports/report_engine.h"
#include "reports/report_settings.h"
#include "reports/saved_reports.h"
#include "text_table.h"
#include "vault/vault.h"

namespace abri::cli {

namespace {

using Json = nlohmann::json;

constexpr std::array<std::string_view, 3> kRunFormats = {"table", "csv", "json"};
// Bounds of k for a parsed number; the core enforces the real floor and ceiling with a typed error.
constexpr long long kAnyK = 1'000'000'000LL;

// ---- shared ----

Json readDefinitionFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw Error(ErrorCode::IoError, path, "cannot read the file");
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    try {
        return Json::parse(text);
    } catch (const Json::parse_error&) {
        // The parser's message may quote the file: say where, not what.
        throw Error(ErrorCode::InvalidJson, path, "not a JSON object");
    }
}

std::string periodText(const reports::ReportDefinition& d) {
    if (d.from && d.to) return "registered " + *d.from + " to " + *d.to;
    if (d.from) return "registered from " + *d.from;
    if (d.to) return "registered until " + *d.to;
    return "all registrations";
}

std::string codesText(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
    return out;
}

// ---- report list ----

Json listEntry(const reports::ReportDefinition& d, const char* kind) {
    return {{"id", d.id}, {"kind", kind}, {"title", d.title}, {"definition", reports::toJson(d)}};
}

int runReportList(const ParsedArgs& args, Io& io) {
    const bool json = wantsJson(args, io);
    auto session = unlockFromArgs(args);
    session->require(vault::Permission::ViewStatistics);
    const auto saved = reports::savedReports(*session);
    if (json) {
        Json list = Json::array();
        for (const auto& d : reports::builtinReports()) list.push_back(listEntry(d, "builtin"));
        for (const auto& d : saved) list.push_back(listEntry(d, "saved"));
        io.out << jsonText({{"reports", list}}) << "\n";
        return 0;
    }
    TextTable table({"ID", "KIND", "ROWS", "COLUMNS", "TITLE"}, 60);
    auto add = [&](const reports::ReportDefinition& d, const char* kind) {
        table.addRow({d.id, kind, std::string(reports::dimensionCode(d.rows)),
                      d.columns ? std::string(reports::dimensionCode(*d.columns)) : "", d.title});
    };
    for (const auto& d : reports::builtinReports()) add(d, "built-in");
    for (const auto& d : saved) add(d, "saved");
    io.out << table.render() << reports::builtinReports().size() << " built-in and " << saved.size()
           << " saved report(s). Run one with 'abri-cli report run VAULT --report ID'.\n";
    return 0;
}

// ---- report run ----

// --filter DIMENSION=CODE1,CODE2: the codes are checked here so the error names the option the user typed.
reports::ReportFilter parseFilter(const std::string& text) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
        throw UsageError("--filter expects DIMENSION=CODE[,CODE...], e.g. --filter gender=female");
    }
    const std::string dimensionText = text.substr(0, eq);
    const auto dimension = reports::dimensionFromCode(dimensionText);
    if (!dimension) throw Error(ErrorCode::UnknownField, "--filter " + dimensionText, "unknown dimension");
    reports::ReportFilter filter;
    filter.dimension = *dimension;
    std::size_t start = eq + 1;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const std::string code = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        reports::checkCategory(*dimension, code, "--filter " + dimensionText);
        filter.codes.push_back(code);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return filter;
}

reports::ReportDefinition definitionFromArgs(const ParsedArgs& args, vault::Vault& session) {
    const auto id = args.value("report");
    const auto file = args.value("definition");
    if (id.has_value() == file.has_value()) throw UsageError("give either --report ID or --definition FILE.json");
    std::optional<reports::ReportDefinition> definition;
    if (file) {
        definition = reports::definitionFromJson(readDefinitionFile(*file));
    } else if (!(definition = reports::findBuiltinReport(*id))) {
        for (auto& saved : reports::savedReports(session))
            if (saved.id == *id) definition = std::move(saved);
        if (!definition)
            throw Error(ErrorCode::InvalidValue, "report", "unknown report id; see 'abri-cli report list'");
    }
    for (const auto& text : args.values("filter")) definition->filters.push_back(parseFilter(text));
    if (auto from = args.value("from")) definition->from = *from;
    if (auto to = args.value("to")) definition->to = *to;
    reports::validate(*definition);  // names the field: "from", "to", "period", "filters[1].codes[0]"...
    return *definition;
}

std::string percentText(const reports::PublishedTable& t, std::size_t row) {
    const auto p = t.percent(row, 0);
    if (!p) return "";
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", *p);
    return text;
}

void printTable(const reports::PublishedTable& t, std::ostream& out) {
    const auto& d = t.definition;
    out << (d.title.empty() ? std::string("Report") : sanitizeForTerminal(d.title))
        << (d.id.empty() ? "" : " [" + d.id + "]") << "\n";
    out << "Period: " << periodText(d) << "\n";
    for (const auto& f : d.filters)
        out << "Filter: " << reports::dimensionCode(f.dimension) << "=" << codesText(f.codes) << "\n";
    if (t.internalOnly) out << "INTERNAL: broken down by office or caseworker, not for publication.\n";
    out << "\n";

    const std::string rowsCode(reports::dimensionCode(d.rows));
    if (t.columnKeys.empty()) {
        TextTable table({rowsCode, "persons", "%"});
        for (std::size_t r = 0; r < t.rowKeys.size(); ++r)
            table.addRow({t.rowKeys[r], reports::formatValue(t, t.cells[r][0]), percentText(t, r)});
        table.addRow({"total", reports::formatValue(t, t.grandTotal), ""});
        out << table.render();
    } else {
        std::vector<std::string> headers{rowsCode + " \\ " + std::string(reports::dimensionCode(*d.columns))};
        headers.insert(headers.end(), t.columnKeys.begin(), t.columnKeys.end());
        headers.push_back("total");
        TextTable table(headers);
        for (std::size_t r = 0; r < t.rowKeys.size(); ++r) {
            std::vector<std::string> row{t.rowKeys[r]};
            for (const auto& v : t.cells[r]) row.push_back(reports::formatValue(t, v));
            row.push_back(reports::formatValue(t, t.rowTotals[r]));
            table.addRow(std::move(row));
        }
        std::vector<std::string> totals{"total"};
        for (const auto& v : t.columnTotals) totals.push_back(reports::formatValue(t, v));
        totals.push_back(reports::formatValue(t, t.grandTotal));
        table.addRow(std::move(totals));
        out << table.render();
    }
    out << "\nPersons. Counts from 1 to " << t.minimumCellSize - 1 << " show as <" << t.minimumCellSize
        << ", and further values where one could be worked out from the totals (" << t.suppressedCount
        << " suppressed).\n";
    if (t.multiValued) out << "A person may count in several rows or columns; totals count each person once.\n";
    if (t.rounded) out << "Values are rounded to base 5.\n";
}

int runReportRun(const ParsedArgs& args, Io& io) {
    const std::string format = io.json ? "json" : args.choice("format", kRunFormats).value_or("table");
    auto session = unlockFromArgs(args);
    const auto definition = definitionFromArgs(args, *session);
    reports::ReportEngine engine(*session);
    const auto table = engine.run(definition, args.has("round"));
    if (format == "table") {
        printTable(table, io.out);
        return 0;
    }
    // A table in a file format leaves the vault: recorded like the app's CSV export.
    engine.recordExport(definition, format);
    if (format == "csv") {
        io.out << reports::toCsv(table);
    } else {
        io.out << jsonText(reports::toJson(table)) << "\n";
    }
    return 0;
}

// ---- report save ----

int runReportSave(const ParsedArgs& args, Io& io) {
    // Parsed and checked before unlocking: a broken file costs no Argon2id and touches nothing.
    const auto definition = reports::definitionFromJson(readDefinitionFile(*args.value("definition")));
    auto session = unlockFromArgs(args);
    const std::string id = reports::saveReport(*session, definition);
    if (io.json) {
        io.out << jsonText({{"saved", {{"id", id}, {"title", definition.title}}}}) << "\n";
    } else {
        io.out << "Saved report '" << sanitizeForTerminal(definition.title) << "' as " << id
               << ". Run it with 'abri-cli report run VAULT --report " << id << "'.\n";
    }
    return 0;
}

// ---- report export-anonymised ----

int runReportExport(const ParsedArgs& args, Io& io) {
    reports::ExportOptions options;
    options.k = static_cast<int>(args.integer("k", -kAnyK, kAnyK).value_or(reports::kDefaultMinimumCellSize));
    // Refused before unlocking, so nothing is opened or written for a k the core would refuse anyway.
    if (options.k < reports::kMinimumCellSizeFloor) throw Error(ErrorCode::ValueOutOfRange, "k", "at least 5");
    options.from = args.value("from");
    options.to = args.value("to");
    const std::filesystem::path output = *args.value("output");
    auto session = unlockFromArgs(args);
    const auto summary = reports::exportAnonymised(*session, output, options);
    if (io.json) {
        io.out << jsonText({{"output", output.string()},
                            {"k", options.k},
                            {"consenting", summary.consenting},
                            {"exported", summary.exported},
                            {"withheld", summary.withheld},
                            {"generalised", summary.generalised}})
               << "\n";
        return 0;
    }
    io.out << "Anonymised export written to " << sanitizeForTerminal(output.string()) << " (k = " << options.k << ").\n"
           << "  consenting: " << summary.consenting << " person(s) whose consent covers research\n"
           << "  exported:   " << summary.exported << "\n"
           << "  withheld:   " << summary.withheld << " (to keep every combination of year, gender, age, citizenship "
           << "and country of exploitation at least " << options.k << " times)\n";
    if (!summary.generalised.empty()) io.out << "  generalised: " << codesText(summary.generalised) << "\n";
    return 0;
}

// ---- report settings ----

int runReportSettings(const ParsedArgs& args, Io& io) {
    const auto requested = args.integer("min-cell-size", -kAnyK, kAnyK);
    auto session = unlockFromArgs(args);
    session->require(vault::Permission::ViewStatistics);
    if (requested) reports::setMinimumCellSize(*session, static_cast<int>(*requested));
    const int k = reports::minimumCellSize(*session);
    if (io.json) {
        io.out << jsonText({{"minimum_cell_size", k}, {"changed", requested.has_value()}}) << "\n";
        return 0;
    }
    io.out << (requested ? "Minimum cell size set to " : "Minimum cell size: ") << k << " (counts from 1 to " << k - 1
           << " show as <" << k << " in every report of this vault).\n";
    return 0;
}

}  // namespace

std::vector<Command> reportCommands() {
    auto listOptions = unlockOptions();
    listOptions.push_back(formatOption());

    auto runOptions = unlockOptions();
    runOptions.insert(
        runOptions.end(),
        {{.name = "report", .valueName = "ID", .help = "A built-in or saved report (see 'abri-cli report list')"},
         {.name = "definition", .valueName = "FILE.json", .help = "An ad hoc report definition (docs/cli.md)"},
         {.name = "format", .valueName = "table|csv|json", .help = "Output format (default: table)"},
         {.name = "from", .valueName = "YYYY-MM-DD", .help = "Registered on or after this date"},
         {.name = "to", .valueName = "YYYY-MM-DD", .help = "Registered on or before this date"},
         {.name = "round", .help = "Round published values to base 5"},
         {.name = "filter",
          .valueName = "DIM=CODE,...",
          .help = "Only persons with one of these codes (repeatable; all must hold)",
          .repeatable = true}});

    auto saveOptions = unlockOptions();
    saveOptions.push_back(
        {.name = "definition", .valueName = "FILE.json", .help = "The definition, with a title", .required = true});

    auto exportOptions = unlockOptions();
    exportOptions.insert(
        exportOptions.end(),
        {{.name = "output", .valueName = "FILE.csv", .help = "Where to write the CSV (atomically)", .required = true},
         {.name = "k", .valueName = "K", .help = "Each combination of quasi-identifiers K times or more (default 11)"},
         {.name = "from", .valueName = "YYYY-MM-DD", .help = "Registered on or after this date"},
         {.name = "to", .valueName = "YYYY-MM-DD", .help = "Registered on or before this date"}});

    auto settingsOptions = unlockOptions();
    settingsOptions.push_back({.name = "min-cell-size",
                               .valueName = "K",
                               .help = "Set the minimum cell size (5 to 1000; supervisors and administrators)"});

    return {
        {.spec = {.name = "report list",
                  .summary = "List the built-in reports and the reports saved in this vault",
                  .positionals = {{"VAULT", "The vault file"}},
                  .options = listOptions,
                  .example = "abri-cli report list office.abri --user amina"},
         .run = runReportList},
        {.spec = {.name = "report run",
                  .summary = "Run a report: counts of persons after disclosure control",
                  .positionals = {{"VAULT", "The vault file"}},
                  .options = runOptions,
                  .details = "Counts below the vault's minimum cell size k (default 11) print as \"<k\", and so does "
                             "any value\nthat could be worked out from the totals. --filter and --from/--to narrow a "
                             "built-in or saved\nreport. CSV and JSON output are exports and are recorded in the audit "
                             "log.",
                  .example = "abri-cli report run office.abri --user amina --report persons_by_sex --from 2025-01-01"},
         .run = runReportRun},
        {.spec = {.name = "report save",
                  .summary = "Save a report definition (a cross-tab) in the vault under its title",
                  .positionals = {{"VAULT", "The vault file"}},
                  .options = saveOptions,
                  .details = "A definition with the title of a saved report replaces it. Saved reports stay on this "
                             "laptop.",
                  .example = "abri-cli report save office.abri --user amina --definition by-age-and-sex.json"},
         .run = runReportSave},
        {.spec = {.name = "report export-anonymised",
                  .summary = "Write the anonymised record-level CSV for researchers (supervisors; audited)",
                  .positionals = {{"VAULT", "The vault file"}},
                  .options = exportOptions,
                  .details = "Only persons whose consent covers research; no names, codes, places, free text or "
                             "dates finer\nthan the year; k-anonymous over year, gender, age band, citizenship and "
                             "country of\nexploitation (records that would stand out are withheld and counted). "
                             "Columns: docs/reports.md.",
                  .example = "abri-cli report export-anonymised office.abri --user amina --output research.csv"},
         .run = runReportExport},
        {.spec = {.name = "report settings",
                  .summary = "Show or set the vault's minimum cell size for reports",
                  .positionals = {{"VAULT", "The vault file"}},
                  .options = settingsOptions,
                  .example = "abri-cli report settings office.abri --user amina --min-cell-size 15"},
         .run = runReportSettings},
    };
}

}  // namespace abri::cli
