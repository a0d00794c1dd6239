#include "reports_bench.h"

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "cases/case_repository.h"
#include "demo/synthetic_cases.h"
#include "reports/anonymised_export.h"
#include "reports/builtin_reports.h"
#include "reports/report_engine.h"
#include "sql_workload.h"
#include "storage/schema.h"
#include "timing.h"
#include "vault/vault.h"
#include "work_folder.h"

namespace abri::bench {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr double kReportTargetMs = 100.0;
constexpr double kExportTargetSeconds = 5.0;
constexpr double kRatioTarget = 1.5;
constexpr const char* kOffice = "BEN-CH1";
constexpr const char* kPassword = "Bench-Fake-Password-2024";

// Every case with its full set of child records (events, consents, services, referrals, notes), so services,
// referrals, countries of exploitation and research consent have something to count.
std::vector<Json> makeDocuments(const ReportsBenchOptions& options, const std::string& today) {
    auto docs = demo::makeSyntheticCases(options.cases, options.seed, kOffice, today);
    for (std::size_t i = 0; i < docs.size(); ++i) {
        Json items = Json::array();
        for (auto& item : demo::makeSyntheticItems(docs[i], options.seed + i, today)) {
            item.doc["kind"] = model::entityCode(item.kind);
            items.push_back(std::move(item.doc));
        }
        docs[i]["items"] = std::move(items);
    }
    return docs;
}

// The built-in reports, then the ad hoc cross-tabs a user would build: two scalar dimensions, and one with a
// multi-valued dimension, a filter and a period.
std::vector<reports::ReportDefinition> reportsToTime(const std::string& today) {
    auto all = reports::builtinReports();
    reports::ReportDefinition crossTab;
    crossTab.id = "cross-tab: citizenship x age_band";
    crossTab.rows = reports::Dimension::Citizenship;
    crossTab.columns = reports::Dimension::AgeBand;
    all.push_back(crossTab);
    reports::ReportDefinition filtered;
    filtered.id = "cross-tab: means x sex, filtered";
    filtered.rows = reports::Dimension::ControlMeans;
    filtered.columns = reports::Dimension::Gender;
    filtered.filters.push_back({reports::Dimension::MinorStatus, {"adult"}});
    filtered.from = std::to_string(std::stoi(today.substr(0, 4)) - 1) + "-01-01";
    filtered.to = today;
    all.push_back(filtered);
    return all;
}

// The annex of a country office fact sheet (builtin_reports.cpp): the tables the targets are set for.
bool isAnnexTable(const reports::ReportDefinition& d) {
    return d.id == "persons_by_age_band" || d.id == "persons_by_minor_status" || d.id == "persons_by_sex" ||
           d.id == "persons_by_international" || d.id == "persons_by_exploitation_type";
}

bool sameCounts(const reports::RawTable& a, const reports::RawTable& b) {
    return a.rowKeys == b.rowKeys && a.columnKeys == b.columnKeys && a.cells == b.cells &&
           a.rowTotals == b.rowTotals && a.columnTotals == b.columnTotals && a.grandTotal == b.grandTotal;
}

std::unique_ptr<vault::Vault> createVault(const fs::path& path) {
    crypto::SecureBuffer recoveryKey;
    vault::CreateOptions create;
    create.path = path;
    create.office = kOffice;
    create.adminUsername = "benchadmin";
    create.adminDisplayName = "Benchadmin Test";
    create.adminPassword = kPassword;
    create.kdf = crypto::KdfParams::minimum();  // unlock time is not measured here
    auto admin = vault::Vault::create(create, recoveryKey);
    // A supervisor: runs reports and may write the research export.
    admin->addUser("benchsuper", "Benchsuper Test", vault::Role::Supervisor, kPassword, crypto::KdfParams::minimum());
    admin->lock();
    return vault::Vault::unlock(path, "benchsuper", kPassword);
}

struct Row {
    std::string label, engine, vaultCount, plainCount, ratio, target, result;
};

void printRows(const std::vector<Row>& rows) {
    std::printf("%-44s %-22s %-22s %-22s %-6s %-22s %s\n", "report (p50 / p95)", "vault (engine)", "vault (count)",
                "plain (count)", "ratio", "target", "result");
    for (const auto& r : rows) {
        std::printf("%-44s %-22s %-22s %-22s %-6s %-22s %s\n", r.label.c_str(), r.engine.c_str(),
                    r.vaultCount.c_str(), r.plainCount.c_str(), r.ratio.c_str(), r.target.c_str(), r.result.c_str());
    }
}

std::string verdict(bool timeOk, bool ratioOk) {
    if (timeOk && ratioOk) return "PASS";
    if (!timeOk && !ratioOk) return "MISS (time, ratio)";
    return timeOk ? "MISS (ratio)" : "MISS (time)";
}

}  // namespace

int runReportsBench(const ReportsBenchOptions& options) {
    const WorkFolder folder(options.dir, "abri-bench-reports-", options.keepFiles);
    const fs::path& work = folder.path();
    const std::string today = todayUtc();

    std::fprintf(stderr, "abri-bench reports: generating %zu synthetic cases with their records...\n", options.cases);
    Stopwatch generateWatch;
    const auto docs = makeDocuments(options, today);
    const double generateSeconds = generateWatch.seconds();

    auto session = createVault(work / "vault.abri");
    std::fprintf(stderr, "  vault: importing through the repository...\n");
    Stopwatch vaultImportWatch;
    cases::CaseRepository(*session).importCases(docs);
    const double vaultImportSeconds = vaultImportWatch.seconds();

    auto plain = storage::Database::openPlain(work / "plain.db", storage::Database::Mode::CreateNew);
    storage::migrate(plain);
    std::fprintf(stderr, "  plain: importing through the same case store...\n");
    Stopwatch plainImportWatch;
    SqlWorkload(plain, today).importCases(docs);
    const double plainImportSeconds = plainImportWatch.seconds();

    // Reports on a fresh session and connection: the first run of each is cold, as after an unlock.
    session->lock();
    session = vault::Vault::unlock(work / "vault.abri", "benchsuper", kPassword);
    plain.close();
    plain = storage::Database::openPlain(work / "plain.db", storage::Database::Mode::OpenExisting);

    reports::ReportEngine engine(*session);
    std::vector<Row> rows;
    bool countsAgree = true;
    for (const auto& definition : reportsToTime(today)) {
        std::fprintf(stderr, "  %s...\n", definition.id.c_str());
        const Latency viaEngine = measure(options.runs, [&](int) { (void)engine.run(definition); });
        const Latency vaultCount =
            measure(options.runs, [&](int) { (void)reports::countReport(session->db(), definition); });
        const Latency plainCount = measure(options.runs, [&](int) { (void)reports::countReport(plain, definition); });
        countsAgree = countsAgree && sameCounts(reports::countReport(session->db(), definition),
                                                reports::countReport(plain, definition));
        const double ratio = plainCount.p50Ms > 0 ? vaultCount.p50Ms / plainCount.p50Ms : 0;
        const bool annex = isAnnexTable(definition);
        rows.push_back({definition.id + (annex ? " *" : ""), latencyText(viaEngine), latencyText(vaultCount),
                        latencyText(plainCount), number(ratio, 2), "p95 <= 100 ms, <= 1.5",
                        verdict(viaEngine.p95Ms <= kReportTargetMs, ratio <= kRatioTarget)});
    }

    std::fprintf(stderr, "  anonymised export...\n");
    reports::ExportSummary summary;
    const fs::path exportPath = work / "research.csv";
    const Latency exportLatency = measure(options.exportRuns, [&](int) {
        summary = reports::exportAnonymised(*session, exportPath, reports::ExportOptions{});
    });
    std::error_code ec;
    const auto exportBytes = fs::file_size(exportPath, ec);

    std::printf("Abri reports benchmark: %zu synthetic cases with their records (seed %llu), %d timed runs per report "
                "after one cold run\n",
                options.cases, static_cast<unsigned long long>(options.seed), options.runs);
    std::printf("SQLCipher %s, %u CPUs, files in %s (generating the documents took %.1f s, not counted)\n",
                storage::sqlcipherVersion().c_str(), std::thread::hardware_concurrency(), work.string().c_str(),
                generateSeconds);
    std::printf("import: vault (repository) %.1f s, plain (same case store) %.1f s\n\n", vaultImportSeconds,
                plainImportSeconds);
    printRows(rows);
    std::printf("\n%-44s %-22s %s\n", "anonymised export (p50 / p95)", latencyText(exportLatency).c_str(),
                verdict(exportLatency.p95Ms <= kExportTargetSeconds * 1000.0, true).c_str());
    std::printf("  cold (first run) %.0f ms; consenting %lld, exported %lld, withheld %lld; %.1f MiB of CSV\n",
                exportLatency.coldMs, static_cast<long long>(summary.consenting),
                static_cast<long long>(summary.exported), static_cast<long long>(summary.withheld),
                static_cast<double>(ec ? 0 : exportBytes) / (1024.0 * 1024.0));
    std::printf("\n* a table of the fact sheet's annex; the targets (report p95 <= 100 ms, export p95 <= 5 s, ratio <= "
                "1.5) are checked on every row.\n"
                "vault (engine) = ReportEngine::run: the counts and disclosure control, as the app and abri-cli run "
                "them.\nvault (count), plain (count) = reports::countReport alone on the encrypted vault and on the "
                "unencrypted copy;\nratio = vault (count) / plain (count) at p50: the cost of encryption alone.\n");
    if (!countsAgree) std::printf("WARNING: the vault and the plain database counted differently.\n");
    return 0;
}

}  // namespace abri::bench
