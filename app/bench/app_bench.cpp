// abri-app-bench: what a caseworker waits for in the client, on a large synthetic vault.
//   1. unlock (key derivation + open), then the time from "key derived" to the first painted case list;
//   2. filter and search latency as seen by the UI model: set the filter, count, fetch the rows in view.
//   3. with --first-sync N instead: how the window answers input while a newly enrolled laptop applies its first
//      sync of N cases (staged with real hub and sync-service processes by `abri-bench sync-stage`), against
//      applying the same pages in one go on a copy.
// Prints figures; never asserts (timing targets belong to benchmarks, not tests).
//
//   abri-app-bench [--cases 100000] [--vault PATH] [--runs 20]
//   abri-app-bench --first-sync 10000
// Without --vault a temporary vault is created and removed. With --vault, an existing vault is reused
// (user "benchworker", password "bench password 1234") or created there.
#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QTableView>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <filesystem>
#include <string>
#include <vector>

#include "app_resources.h"
#include "caselist/case_list_page.h"
#include "cases/case_repository.h"
#include "crypto/secure_buffer.h"
#include "demo/synthetic_cases.h"
#include "devicesync/device_sync.h"
#include "main/sync_controller.h"
#include "i18n/language.h"
#include "model/code_lists.h"
#include "models/case_list_model.h"
#include "session/session.h"
#include "vault/vault.h"

namespace {

using abri::app::CaseListModel;
using abri::app::CaseListPage;
using abri::app::Session;
using Clock = QElapsedTimer;

constexpr const char* kUser = "benchworker";
constexpr const char* kPassword = "bench password 1234";

// Watches a widget for its first paint event.
class PaintProbe : public QObject {
public:
    bool painted = false;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint) painted = true;
        return QObject::eventFilter(watched, event);
    }
};

void createVault(const std::filesystem::path& path, std::size_t cases) {
    std::printf("creating a vault with %zu synthetic cases in %s ...\n", cases, path.string().c_str());
    Clock timer;
    timer.start();
    abri::crypto::SecureBuffer recoveryKey;
    abri::vault::CreateOptions options;
    options.path = path;
    options.office = "BEN-CHM";
    options.adminUsername = "benchadmin";
    options.adminDisplayName = "Benchadmin Fake";
    options.adminPassword = kPassword;
    {
        auto admin = abri::vault::Vault::create(options, recoveryKey);
        admin->addUser(kUser, "Benchworker Fake", abri::vault::Role::Caseworker, kPassword);
    }
    auto worker = abri::vault::Vault::unlock(path, kUser, kPassword);
    abri::cases::CaseRepository repository(*worker);
    constexpr std::size_t kBatch = 10000;
    for (std::size_t done = 0; done < cases; done += kBatch) {
        const std::size_t n = std::min(kBatch, cases - done);
        repository.importCases(abri::demo::makeSyntheticCases(n, 1000 + done, "BEN-CHM", worker->today()));
        std::printf("  %zu / %zu\r", done + n, cases);
        std::fflush(stdout);
    }
    std::printf("\n  created in %.1f s\n", static_cast<double>(timer.elapsed()) / 1000.0);
}

struct Stats {
    double p50 = 0, p95 = 0, max = 0;
};

Stats stats(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    auto at = [&samples](double q) {
        return samples[std::min(samples.size() - 1, static_cast<std::size_t>(q * static_cast<double>(samples.size())))];
    };
    return {at(0.50), at(0.95), samples.back()};
}

// What the view needs before it can paint after a filter change: the count and the rows in view.
double timeFilter(CaseListPage& page, const abri::cases::CaseFilter& filter) {
    Clock timer;
    timer.start();
    page.model()->setFilter(filter);
    const int visible = std::min(page.model()->rowCount(), 40);
    for (int row = 0; row < visible; ++row) {
        for (int column = 0; column < CaseListModel::ColumnCount; ++column) {
            (void)page.model()->data(page.model()->index(row, column), Qt::DisplayRole);
        }
    }
    page.table()->viewport()->repaint();
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// An event posted from another thread, standing in for a key press: it waits in the UI thread's queue exactly as
// input does while an applying step runs, and records how long that was.
class ProbeEvent : public QEvent {
public:
    static QEvent::Type type() {
        static const auto registered = static_cast<QEvent::Type>(QEvent::registerEventType());
        return registered;
    }
    explicit ProbeEvent(std::chrono::steady_clock::time_point postedAt) : QEvent(type()), posted(postedAt) {}
    std::chrono::steady_clock::time_point posted;
};

class ProbeReceiver : public QObject {
public:
    std::vector<double> latenciesMs;
    bool recording = false;

protected:
    bool event(QEvent* event) override {
        if (event->type() != ProbeEvent::type()) return QObject::event(event);
        const auto waited = std::chrono::steady_clock::now() - static_cast<ProbeEvent*>(event)->posted;
        if (recording) latenciesMs.push_back(std::chrono::duration<double, std::milli>(waited).count());
        return true;
    }
};

std::string valueAfter(const QString& output, const QString& key) {
    for (const QString& line : output.split(QLatin1Char('\n'))) {
        if (line.startsWith(key + QLatin1Char('='))) return line.mid(key.size() + 1).trimmed().toStdString();
    }
    return {};
}

// 3. The first sync as the window lives it (SyncController's steps on the UI thread, with the case list shown),
// against the same pages applied in one go on a copy of the staged laptop.
int benchFirstSync(std::size_t cases) {
    namespace fs = std::filesystem;
    QTemporaryDir scratch;
    const fs::path stageDir = fs::path(scratch.path().toStdString()) / "stage";
    std::printf("staging a first sync of %zu cases (real abri-hub and abri-syncd)...\n", cases);
    std::fflush(stdout);
    QProcess stage;
    stage.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    stage.start(QStringLiteral(ABRI_BENCH_BIN),
                {QStringLiteral("sync-stage"), QStringLiteral("--cases"), QString::number(cases), QStringLiteral("--dir"),
                 QString::fromStdString(stageDir.string())});
    if (!stage.waitForFinished(-1) || stage.exitCode() != 0) {
        std::fprintf(stderr, "abri-bench sync-stage failed\n");
        return 1;
    }
    const QString staged = QString::fromUtf8(stage.readAllStandardOutput());
    const fs::path vaultPath = valueAfter(staged, QStringLiteral("vault"));
    const std::string user = valueAfter(staged, QStringLiteral("user"));
    const std::string password = valueAfter(staged, QStringLiteral("password"));

    // The copy: every file of laptop 2 (vault, key slots, sync folder), applied with no step budget.
    const fs::path copyDir = fs::path(scratch.path().toStdString()) / "copy";
    fs::create_directories(copyDir);
    for (const auto& entry : fs::directory_iterator(vaultPath.parent_path())) {
        if (entry.path().filename().string().rfind(vaultPath.filename().string(), 0) == 0) {
            fs::copy(entry.path(), copyDir / entry.path().filename(), fs::copy_options::recursive);
        }
    }
    double oneGoSeconds = 0;
    {
        const fs::path copyVault = copyDir / vaultPath.filename();
        auto vault = abri::vault::Vault::unlock(copyVault, user, password);
        Clock timer;
        timer.start();
        abri::devicesync::syncVault(*vault, copyVault);
        oneGoSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    }

    Session session(abri::vault::Vault::unlock(vaultPath, user, password), abri::crypto::KdfParams::interactive());
    CaseListPage page(session);
    page.resize(1200, 760);
    page.show();
    abri::app::SyncController controller(session, vaultPath);
    QObject::connect(&controller, &abri::app::SyncController::casesChanged, &page, &CaseListPage::refresh);
    controller.setIntervals(600'000, 600'000);  // only the run started below

    ProbeReceiver receiver;
    std::atomic<bool> probing{true};
    std::thread poster([&] {
        while (probing) {
            QCoreApplication::postEvent(&receiver, new ProbeEvent(std::chrono::steady_clock::now()));
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });
    QCoreApplication::processEvents();
    receiver.recording = true;
    Clock timer;
    timer.start();
    controller.syncNow();
    while (controller.isApplying()) QCoreApplication::processEvents(QEventLoop::AllEvents);
    const double steppedSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    QCoreApplication::processEvents();
    receiver.recording = false;
    probing = false;
    poster.join();
    QCoreApplication::processEvents();

    const auto applied = session.cases().count({});
    const bool failed = controller.problem().has_value();
    std::printf("\nfirst sync of %zu cases applied in the window: %lld cases afterwards%s\n", cases,
                static_cast<long long>(applied), failed ? " (the sync step reported a problem)" : "");
    std::printf("applying in steps on the UI thread:        %8.2f s\n", steppedSeconds);
    std::printf("the same pages in one go (a copy):         %8.2f s   (steps cost x%.2f)\n", oneGoSeconds,
                oneGoSeconds > 0 ? steppedSeconds / oneGoSeconds : 0.0);
    if (receiver.latenciesMs.empty()) {
        std::printf("no input probe was handled while applying\n");
        return 0;
    }
    const Stats s = stats(receiver.latenciesMs);
    std::printf("input posted every 10 ms while applying: %zu events, waited p50 %.1f ms, p95 %.1f ms, max %.1f ms   "
                "(target max <= 100 ms: %s)\n",
                receiver.latenciesMs.size(), s.p50, s.p95, s.max, s.max <= 100.0 ? "PASS" : "MISS");
    return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    abri::app::initResources();
    abri::app::Language::apply(QStringLiteral("en"));

    QCommandLineParser parser;
    const QCommandLineOption casesOption(QStringLiteral("cases"), QStringLiteral("Cases in a new vault."),
                                         QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption vaultOption(QStringLiteral("vault"), QStringLiteral("Vault to reuse or create."),
                                         QStringLiteral("path"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Repetitions per query."),
                                        QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption firstSyncOption(QStringLiteral("first-sync"),
                                             QStringLiteral("Measure input latency during a first sync of n cases."),
                                             QStringLiteral("n"));
    parser.addOptions({casesOption, vaultOption, runsOption, firstSyncOption});
    parser.addHelpOption();
    parser.process(application);
    if (parser.isSet(firstSyncOption)) return benchFirstSync(parser.value(firstSyncOption).toULong());

    QTemporaryDir scratch;
    const std::filesystem::path path = parser.isSet(vaultOption)
                                           ? std::filesystem::path(parser.value(vaultOption).toStdString())
                                           : std::filesystem::path(scratch.filePath(QStringLiteral("bench.vault")).toStdString());
    if (!std::filesystem::exists(path)) createVault(path, parser.value(casesOption).toULong());

    // 1. Unlock, then first paint.
    Clock timer;
    timer.start();
    auto vault = abri::vault::Vault::unlock(path, kUser, kPassword);
    const double unlockMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    Session session(std::move(vault), abri::crypto::KdfParams::interactive());
    CaseListPage page(session);
    PaintProbe probe;
    page.table()->viewport()->installEventFilter(&probe);
    page.resize(1200, 760);
    page.show();
    while (!probe.painted) QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const double firstPaintMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const auto total = page.model()->totalCount();
    std::printf("\ncases in vault: %lld\n", static_cast<long long>(total));
    std::printf("unlock (Argon2id key derivation + open): %8.1f ms\n", unlockMs);
    std::printf("key derived -> first painted case list:  %8.1f ms   (target < 300 ms)\n", firstPaintMs);

    // 2. Filters and searches through the UI model.
    std::vector<std::pair<std::string, abri::cases::CaseFilter>> queries;
    for (std::string_view status : abri::model::codes(abri::model::CodeList::CaseStatus)) {
        abri::cases::CaseFilter filter;
        filter.status = std::string(status);
        queries.emplace_back("status=" + std::string(status), filter);
    }
    for (std::string_view type : {"forced_labour", "sexual_exploitation", "organ_removal"}) {
        abri::cases::CaseFilter filter;
        filter.exploitationType = std::string(type);
        queries.emplace_back("exploitation=" + std::string(type), filter);
    }
    {
        abri::cases::CaseFilter filter;
        filter.minor = true;
        queries.emplace_back("minor", filter);
        filter = {};
        filter.registeredFrom = "2025-01-01";
        filter.registeredTo = "2025-03-31";
        queries.emplace_back("registered in a quarter", filter);
    }
    // Searches: a case code seen in the list, and name fragments of the synthetic generator.
    const std::string someCode = page.model()->data(page.model()->index(total > 100 ? 100 : 0, 0), Qt::DisplayRole)
                                     .toString()
                                     .toStdString();
    for (const std::string& text : {someCode, std::string("Test"), std::string("Fake"), std::string("zzzznothing")}) {
        abri::cases::CaseFilter filter;
        filter.text = text;
        queries.emplace_back("search \"" + text + "\"", filter);
    }

    const int runs = std::max(1, parser.value(runsOption).toInt());
    std::vector<double> all;
    std::printf("\n%-34s %8s %8s %8s %8s %10s %10s\n", "filter / search (UI model)", "rows", "p50 ms", "p95 ms",
                "max ms", "count ms", "page ms");
    for (const auto& [name, filter] : queries) {
        std::vector<double> samples;
        for (int run = 0; run < runs; ++run) {
            samples.push_back(timeFilter(page, filter));
            // Alternate with the unfiltered list so that every run really changes the query.
            timeFilter(page, {});
        }
        all.insert(all.end(), samples.begin(), samples.end());
        page.model()->setFilter(filter);
        const Stats s = stats(samples);
        // Where the time goes, straight from core: the count (row total) and the first page of rows.
        abri::cases::CaseQuery query;
        query.filter = filter;
        query.limit = CaseListModel::kPageSize;
        timer.restart();
        (void)session.cases().count(filter);
        const double countMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        timer.restart();
        (void)session.cases().list(query);
        const double pageMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        std::printf("%-34s %8d %8.1f %8.1f %8.1f %10.1f %10.1f\n", name.c_str(), page.model()->rowCount(), s.p50,
                    s.p95, s.max, countMs, pageMs);
    }
    const Stats overall = stats(all);
    std::printf("%-34s %8s %8.1f %8.1f %8.1f   (target p95 < 50 ms)\n", "all filters and searches", "",
                overall.p50, overall.p95, overall.max);

    // Scrolling deep into the list: a page fetched at a large offset.
    page.model()->setFilter({});
    std::vector<double> deep;
    for (int run = 0; run < runs; ++run) {
        timer.restart();
        const int row = static_cast<int>((total - 1) * (run + 1) / (runs + 1));
        page.table()->scrollTo(page.model()->index(row, 0));
        page.table()->viewport()->repaint();
        deep.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    const Stats scroll = stats(deep);
    std::printf("%-34s %8s %8.1f %8.1f %8.1f\n", "jump to a random depth (scroll)", "", scroll.p50, scroll.p95,
                scroll.max);
    std::printf("pages held in memory at the end: %d (of %lld rows)\n", page.model()->cachedPageCount(),
                static_cast<long long>(total));
    return 0;
}
