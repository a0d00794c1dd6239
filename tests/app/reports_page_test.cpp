#include "catch_qt.h"

#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCore/QPointer>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeWidget>

#include "audit/audit_log.h"
#include "cases/case_repository.h"
#include "model/duplicate_links.h"
#include "demo_vault.h"
#include "dialogs/settings_dialog.h"
#include "i18n/error_messages.h"
#include "language_guard.h"
#include "main/main_window.h"
#include "main/workspace.h"
#include "reports/builtin_reports.h"
#include "reports/cross_tab_dialog.h"
#include "reports/report_chart.h"
#include "reports/report_engine.h"
#include "reports/report_labels.h"
#include "reports/report_settings.h"
#include "reports/report_table_model.h"
#include "reports/reports_page.h"
#include "reports/saved_reports.h"
#include "screens/unlock_page.h"
#include "ui/optional_date_edit.h"
#include "session/session.h"
#include "settings/app_settings.h"
#include "sync_fixture.h"
#include "vault/vault.h"

using abri::app::AppOptions;
using abri::app::AppSettings;
using abri::app::MainWindow;
using abri::app::ReportLabels;
using abri::app::ReportsPage;
using abri::app::ReportTableModel;
using abri::app::test::DemoVault;
using abri::reports::Dimension;
using abri::reports::PublishedTable;

namespace {

// The files of a test folder other than the app's settings file (written whenever Qt syncs its settings).
QStringList filesBeside(const QString& folder) {
    QStringList files = QDir(folder).entryList(QDir::Files | QDir::Hidden);
    files.removeAll(QStringLiteral("settings.ini"));
    return files;
}

}  // namespace

namespace {

// One demo vault for the whole file (300 synthetic cases plus the hand-written ones; a supervisor added).
const DemoVault& demoVault() {
    static const DemoVault* demo = [] {
        auto* created = new DemoVault(300);
        abri::app::test::addSupervisor(*created);
        return created;
    }();
    return *demo;
}

struct OpenReports {
    explicit OpenReports(const char* user, const char* password)
        : settings(dir.filePath(QStringLiteral("settings.ini"))), window(options(), settings) {
        window.resize(1400, 900);
        window.show();
        window.start();
        auto* unlock = window.unlockPage();
        unlock->userCombo()->setCurrentIndex(unlock->userCombo()->findText(QString::fromLatin1(user)));
        unlock->passwordEdit()->setText(QString::fromLatin1(password));
        unlock->unlock();
        REQUIRE(window.isUnlocked());
        page = window.showReports();
        REQUIRE(page != nullptr);
        waitIdle();
    }

    static AppOptions options() {
        AppOptions options;
        options.vaultPath = demoVault().qpath();
        options.kdf = DemoVault::kdf();
        return options;
    }

    void waitIdle() {
        for (int i = 0; i < 500 && page->isBusy(); ++i) QTest::qWait(10);
        REQUIRE_FALSE(page->isBusy());
    }

    void show(const std::string& id) {
        REQUIRE(page->showBuiltinReport(id));
        waitIdle();
        REQUIRE(page->currentTable().has_value());
        REQUIRE(page->currentTable()->definition.id == id);
    }

    // The same report run by the engine on the same vault.
    PublishedTable engineTable(const std::string& id) {
        abri::reports::ReportEngine engine(window.session()->vault());
        return engine.run(*abri::reports::findBuiltinReport(id));
    }

    QString cellText(int row, int column) const {
        return page->model()->index(row, column).data().toString().section(QLatin1Char('\n'), 0, 0);
    }

    QTemporaryDir dir;
    AppSettings settings;
    MainWindow window;
    ReportsPage* page = nullptr;
};

// CSV lines without comments, split on commas (the labels here hold no commas or quotes).
QList<QStringList> csvRows(const QByteArray& bytes) {
    QList<QStringList> rows;
    const QString text = QString::fromUtf8(bytes.mid(3));
    for (const QString& line : text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1Char('#')) || line.startsWith(QStringLiteral("\"#"))) continue;
        rows << line.split(QLatin1Char(','));
    }
    return rows;
}

abri::audit::Entry lastAuditEntry(MainWindow& window) {
    const auto entries = window.session()->vault().audit().page(0, 1);
    REQUIRE(entries.size() == 1);
    return entries.front();
}

}  // namespace

TEST_CASE("the Reports screen opens from the main window with the annex", "[app][reports]") {
    OpenReports open(abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    auto* workspace = open.window.workspace();
    CHECK(workspace->tabs()->currentWidget() == open.page);
    CHECK(open.window.reportsAction()->isEnabled());
    CHECK(open.window.reportsAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_R));
    // A second request brings the same tab forward.
    CHECK(open.window.showReports() == open.page);
    CHECK(workspace->tabs()->count() == 2);
    // The picker lists every built-in report, by its translated title.
    auto* builtins = open.page->picker()->topLevelItem(0);
    REQUIRE(builtins->childCount() == static_cast<int>(abri::reports::builtinReports().size()));
    CHECK(builtins->child(0)->text(0) == QStringLiteral("Persons assisted by age"));
    // It opens on the first annex table.
    REQUIRE(open.page->currentTable().has_value());
    CHECK(open.page->currentTable()->definition.id == "persons_by_age_band");
    CHECK(open.page->titleLabel()->text().contains(QStringLiteral("Persons assisted by age")));
    CHECK(open.page->chartView()->chart()->series().size() == 1);

    // Closing the tab and locking leave nothing behind.
    QPointer<ReportsPage> page = open.page;
    REQUIRE(workspace->closeCaseTab(workspace->tabs()->indexOf(open.page)));
    CHECK(page.isNull());
}

TEST_CASE("a built-in report shows the engine's numbers, suppressed cells as <11", "[app][reports]") {
    OpenReports open(abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    for (const std::string id : {"exploitation_by_sex", "persons_by_age_band", "case_flow_by_month"}) {
        INFO(id);
        open.show(id);
        const PublishedTable expected = open.engineTable(id);
        const PublishedTable& shown = *open.page->currentTable();
        REQUIRE(shown.rowKeys == expected.rowKeys);
        REQUIRE(shown.columnKeys == expected.columnKeys);
        auto* model = open.page->model();
        REQUIRE(model->rowCount() == static_cast<int>(expected.rowKeys.size()) + 1);
        int suppressed = 0;
        for (std::size_t r = 0; r < expected.rowKeys.size(); ++r) {
            const int row = static_cast<int>(r);
            CHECK(open.cellText(row, 0) == ReportLabels::category(expected.definition.rows, expected.rowKeys[r]));
            for (std::size_t c = 0; c < expected.columnCount(); ++c) {
                const int column = model->valueColumn(c);
                const auto& value = expected.cells[r][c];
                const QModelIndex index = model->index(row, column);
                CHECK(index.data(ReportTableModel::SuppressedRole).toBool() == !value.has_value());
                if (value) {
                    CHECK(open.cellText(row, column) == QString::number(*value));
                } else {
                    ++suppressed;
                    // The number never shows: only "<11", on a marked background, with the reason.
                    CHECK(index.data().toString() == QStringLiteral("<11"));
                    CHECK(index.data(Qt::BackgroundRole).value<QColor>() == ReportTableModel::suppressedColour());
                    CHECK(index.data(Qt::ToolTipRole).toString().startsWith(
                        QStringLiteral("Suppressed: fewer than 11 persons")));
                }
            }
            if (!expected.columnKeys.empty()) {
                const auto& total = expected.rowTotals[r];
                CHECK(open.cellText(row, model->totalColumn()) ==
                      (total ? QString::number(*total) : QStringLiteral("<11")));
            }
        }
        const int totalRow = model->totalRow();
        CHECK(open.cellText(totalRow, 0) == QStringLiteral("Total"));
        CHECK(open.cellText(totalRow, model->totalColumn()) ==
              (expected.grandTotal ? QString::number(*expected.grandTotal) : QStringLiteral("<11")));
        if (id == "exploitation_by_sex") CHECK(suppressed > 0);  // the demo data has small cells here
    }
    // Percentages: one-way tables have a share column; cross-tabs a second line with the row share.
    open.show("persons_by_age_band");
    CHECK(open.page->model()->headerData(2, Qt::Horizontal).toString() == QStringLiteral("Share"));
    const auto& ages = *open.page->currentTable();
    for (std::size_t r = 0; r < ages.rowKeys.size(); ++r) {
        const auto share = ages.percent(r, 0);
        const bool shown = share && ages.cells[r][0] && *ages.cells[r][0] > 0;  // none for suppressed or zero rows
        CHECK(open.page->model()->index(static_cast<int>(r), 2).data().toString() ==
              (shown ? ReportLabels::percent(*share) : QString()));
    }
    // Exploitation types are multi-valued: the screen says so.
    open.show("exploitation_by_sex");
    CHECK(open.page->notesLabel()->text().contains(QStringLiteral("A person can count in several rows")));
    CHECK(open.page->notesLabel()->text().contains(QStringLiteral("below 11")));
}

TEST_CASE("charts: bars for every table, a pie where it fits, suppressed values not drawn", "[app][reports]") {
    OpenReports open(abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    open.show("persons_by_sex");
    CHECK(abri::app::ReportChart::pieFits(*open.page->currentTable()));
    CHECK(open.page->chartKindCombo()->isVisible());
    open.page->setChartKind(abri::app::ReportChart::Kind::Pie);
    auto* chart = open.page->chartView()->chart();
    REQUIRE(chart->series().size() == 1);
    CHECK(chart->series().front()->type() == QAbstractSeries::SeriesTypePie);

    open.show("exploitation_by_sex");
    CHECK_FALSE(open.page->chartKindCombo()->isVisible());  // cross-tab: bars only
    chart = open.page->chartView()->chart();
    REQUIRE(chart->series().size() == 1);
    CHECK(chart->series().front()->type() == QAbstractSeries::SeriesTypeHorizontalBar);
    CHECK(chart->title().contains(QStringLiteral("are not drawn")));

    // No value of a suppressed cell is drawn anywhere.
    const PublishedTable& table = *open.page->currentTable();
    const auto* bars = static_cast<QAbstractBarSeries*>(chart->series().front());
    for (const QBarSet* set : bars->barSets()) {
        for (int i = 0; i < set->count(); ++i) CHECK((set->at(i) == 0 || set->at(i) >= table.minimumCellSize));
    }
}

TEST_CASE("CSV export: translated labels, the published cells, atomically, audited", "[app][reports]") {
    OpenReports open(abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    open.show("exploitation_by_sex");
    const QString path = open.dir.filePath(QStringLiteral("exploitation.csv"));
    REQUIRE(open.page->exportCsv(path));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF"));
    CHECK(bytes.contains("# Type of exploitation by sex"));
    const PublishedTable& table = *open.page->currentTable();
    const auto rows = csvRows(bytes);
    REQUIRE(rows.size() == static_cast<int>(table.rowKeys.size()) + 2);
    CHECK(rows[0].front() == QStringLiteral("Type of exploitation"));
    CHECK(rows[0].back() == QStringLiteral("Total"));
    for (std::size_t c = 0; c < table.columnKeys.size(); ++c) {
        CHECK(rows[0][static_cast<int>(c) + 1] == ReportLabels::category(Dimension::Gender, table.columnKeys[c]));
    }
    for (std::size_t r = 0; r < table.rowKeys.size(); ++r) {
        const QStringList& line = rows[static_cast<int>(r) + 1];
        CHECK(line.front() == ReportLabels::category(Dimension::ExploitationType, table.rowKeys[r]));
        for (std::size_t c = 0; c < table.columnKeys.size(); ++c) {
            const auto& value = table.cells[r][c];
            CHECK(line[static_cast<int>(c) + 1] == (value ? QString::number(*value) : QStringLiteral("<11")));
        }
    }
    CHECK(rows.back().front() == QStringLiteral("Total"));
    const auto entry = lastAuditEntry(open.window);
    CHECK(entry.action == abri::audit::Action::Exported);
    CHECK(entry.detail == "exploitation_by_sex csv");
    // Nothing else in the folder: the temporary file of the atomic write is gone.
    CHECK(filesBeside(open.dir.path()) == QStringList{QStringLiteral("exploitation.csv")});
}

TEST_CASE("PDF export writes a PDF that renders to a page image", "[app][reports]") {
    OpenReports open(abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    open.show("persons_by_age_band");
    const QString path = open.dir.filePath(QStringLiteral("ages.pdf"));
    REQUIRE(open.page->exportPdf(path));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("%PDF-"));
    CHECK(bytes.size() > 10000);  // text, a table and a chart image
    CHECK(lastAuditEntry(open.window).detail == "persons_by_age_band pdf");

    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (pdftoppm.isEmpty()) {
        WARN("pdftoppm not installed: the PDF was not rendered");
        return;
    }
    const QString prefix = open.dir.filePath(QStringLiteral("page"));
    QProcess render;
    render.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), QStringLiteral("-f"),
                            QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), path, prefix});
    REQUIRE(render.waitForFinished(60000));
    CHECK(render.exitCode() == 0);
    const QStringList pages = QDir(open.dir.path()).entryList({QStringLiteral("page*.png")}, QDir::Files);
    REQUIRE(pages.size() == 1);
    const QImage image(QDir(open.dir.path()).filePath(pages.front()));
    CHECK(image.width() > 400);   // A4 at 60 dpi: 496 x 702
    CHECK(image.height() > 600);
    // Not a blank page: the table and chart put dark pixels on it.
    int dark = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            if (qGray(image.pixel(x, y)) < 128) ++dark;
    CHECK(dark > 500);
}

TEST_CASE("an export to a path that cannot be written: a clear error and no file", "[app][reports]") {
    OpenReports open(abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    open.show("persons_by_sex");
    const auto auditBefore = open.window.session()->vault().audit().count();
    const QString missingFolder = open.dir.filePath(QStringLiteral("no/such/folder"));
    for (const QString& name : {QStringLiteral("r.csv"), QStringLiteral("r.pdf")}) {
        const QString path = QDir(missingFolder).filePath(name);
        const bool ok = name.endsWith(QStringLiteral(".csv")) ? open.page->exportCsv(path) : open.page->exportPdf(path);
        CHECK_FALSE(ok);
        CHECK_FALSE(QFileInfo::exists(path));
        CHECK(open.page->errorLabel()->isVisible());
        CHECK(open.page->errorLabel()->text().startsWith(QStringLiteral("The report could not be saved as")));
        CHECK(open.page->errorLabel()->text().contains(QStringLiteral("nothing was written")));
    }
    // A folder in the place of the file: refused, the folder untouched, no temporary file left beside it.
    const QString folder = open.dir.filePath(QStringLiteral("taken.csv"));
    REQUIRE(QDir().mkpath(folder));
    CHECK_FALSE(open.page->exportCsv(folder));
    CHECK(QFileInfo(folder).isDir());
    CHECK(filesBeside(open.dir.path()).isEmpty());
    // A failed export is not recorded as an export.
    CHECK(open.window.session()->vault().audit().count() == auditBefore);
}

// Persons of the demo vault: its cases but those closed as duplicates (their person counts through another case).
std::int64_t demoPersons(abri::vault::Vault& vault) {
    abri::cases::CaseRepository repository(vault);
    abri::cases::CaseQuery query;
    query.limit = 100'000;
    std::int64_t persons = 0;
    for (const auto& row : repository.list(query))
        if (!abri::model::isRetiredDuplicate(repository.load(row.id)->doc)) ++persons;
    return persons;
}

TEST_CASE("the period and rounding change the report", "[app][reports]") {
    OpenReports open(abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    open.show("persons_by_sex");
    const auto allTime = *open.page->currentTable()->grandTotal;
    CHECK(allTime == demoPersons(open.window.session()->vault()));
    CHECK(allTime < static_cast<std::int64_t>(demoVault().caseCount()));  // the demo closes a few as duplicates
    CHECK(open.page->currentTable()->definition.from == std::nullopt);

    open.page->setPeriodPreset(ReportsPage::PeriodPreset::LastYear);
    open.waitIdle();
    const int lastYear = QDate::currentDate().year() - 1;
    CHECK(open.page->currentTable()->definition.from == QStringLiteral("%1-01-01").arg(lastYear).toStdString());
    CHECK(open.page->currentTable()->definition.to == QStringLiteral("%1-12-31").arg(lastYear).toStdString());
    abri::reports::ReportEngine engine(open.window.session()->vault());
    CHECK(open.page->currentTable()->grandTotal == engine.run(open.page->currentTable()->definition).grandTotal);

    // A period that ends before it starts: core's error, in words.
    open.page->fromEdit()->setDate(QDate(2025, 6, 1));
    open.page->toEdit()->setDate(QDate(2025, 1, 1));
    CHECK(open.page->periodPresetCombo()->currentData().toInt() == static_cast<int>(ReportsPage::PeriodPreset::Custom));
    open.waitIdle();
    CHECK(open.page->errorLabel()->isVisible());
    CHECK(open.page->errorLabel()->text() == QStringLiteral("The start of the period is after its end."));

    open.page->setPeriodPreset(ReportsPage::PeriodPreset::AllTime);
    open.page->roundCheck()->setChecked(true);
    open.waitIdle();
    REQUIRE(open.page->currentTable().has_value());
    CHECK(open.page->currentTable()->rounded);
    CHECK_FALSE(open.page->errorLabel()->isVisible());
    for (const auto& row : open.page->currentTable()->cells)
        if (row[0]) CHECK(*row[0] % 5 == 0);
    CHECK(open.page->notesLabel()->text().contains(QStringLiteral("rounded to base 5")));
}

TEST_CASE("cross-tabs: build, save, show and delete, and internal dimensions follow the role", "[app][reports]") {
    SECTION("a caseworker") {
        OpenReports open(abri::app::test::kWorker, abri::app::test::kWorkerPassword);
        auto* dialog = open.page->openCrossTabDialog();
        for (auto* combo : {dialog->rowsCombo(), dialog->columnsCombo(), dialog->filterDimensionCombo()}) {
            CHECK(combo->findData(static_cast<int>(Dimension::Office)) < 0);
            CHECK(combo->findData(static_cast<int>(Dimension::Caseworker)) < 0);
        }
        CHECK(dialog->rowsCombo()->findData(static_cast<int>(Dimension::LabourSector)) >= 0);
        CHECK_FALSE(open.page->anonymisedExportAction()->isVisible());
        dialog->rowsCombo()->setCurrentIndex(dialog->rowsCombo()->findData(static_cast<int>(Dimension::LabourSector)));
        dialog->columnsCombo()->setCurrentIndex(dialog->columnsCombo()->findData(static_cast<int>(Dimension::Gender)));
        // A filter needs at least one value.
        dialog->filterDimensionCombo()->setCurrentIndex(
            dialog->filterDimensionCombo()->findData(static_cast<int>(Dimension::ExploitationType)));
        CHECK_FALSE(dialog->addFilter());
        CHECK_FALSE(dialog->errorLabel()->text().isEmpty());
        auto* values = dialog->filterValues();
        for (int i = 0; i < values->count(); ++i) {
            if (values->item(i)->data(Qt::UserRole).toString() == QStringLiteral("forced_labour")) {
                CHECK(values->item(i)->text() == QStringLiteral("Forced labour"));
                values->item(i)->setCheckState(Qt::Checked);
            }
        }
        REQUIRE(dialog->addFilter());
        CHECK(dialog->filterList()->item(0)->text() == QStringLiteral("Type of exploitation: Forced labour"));
        // Rows and columns must differ: the error comes from core, in words.
        dialog->columnsCombo()->setCurrentIndex(
            dialog->columnsCombo()->findData(static_cast<int>(Dimension::LabourSector)));
        CHECK_FALSE(dialog->showReport());
        CHECK(dialog->errorLabel()->text() == QStringLiteral("Choose a different dimension for the columns than for the rows."));
        dialog->columnsCombo()->setCurrentIndex(dialog->columnsCombo()->findData(static_cast<int>(Dimension::Gender)));
        // Saving needs a name.
        CHECK_FALSE(dialog->save());
        CHECK(dialog->errorLabel()->text() == QStringLiteral("Give the report a name to save it."));
        dialog->nameEdit()->setText(QStringLiteral("Forced labour: sector by sex"));
        REQUIRE(dialog->save());
        open.waitIdle();
        const auto& table = *open.page->currentTable();
        CHECK(table.definition.rows == Dimension::LabourSector);
        CHECK(table.definition.columns == Dimension::Gender);
        REQUIRE(table.definition.filters.size() == 1);
        CHECK(open.page->titleLabel()->text().contains(QStringLiteral("Forced labour: sector by sex")));
        auto* savedGroup = open.page->picker()->topLevelItem(1);
        REQUIRE(savedGroup->childCount() == 1);
        CHECK(savedGroup->child(0)->text(0) == QStringLiteral("Forced labour: sector by sex"));
        CHECK(savedGroup->child(0)->isSelected());
        // The saved report is the same as what the engine runs for it.
        const auto saved = abri::reports::savedReports(open.window.session()->vault());
        REQUIRE(saved.size() == 1);
        abri::reports::ReportEngine engine(open.window.session()->vault());
        CHECK(engine.run(saved.front()).cells == table.cells);

        REQUIRE(open.page->deleteSavedReport(saved.front().id));
        CHECK(abri::reports::savedReports(open.window.session()->vault()).empty());
        CHECK(open.page->picker()->topLevelItem(1)->child(0)->flags() == Qt::NoItemFlags);  // "None yet"
    }
    SECTION("a supervisor") {
        OpenReports open(abri::app::test::kSupervisor, abri::app::test::kSupervisorPassword);
        auto* dialog = open.page->openCrossTabDialog();
        CHECK(dialog->rowsCombo()->findData(static_cast<int>(Dimension::Caseworker)) >= 0);
        dialog->rowsCombo()->setCurrentIndex(dialog->rowsCombo()->findData(static_cast<int>(Dimension::Caseworker)));
        dialog->columnsCombo()->setCurrentIndex(0);  // none: a one-way table
        REQUIRE(dialog->showReport());
        open.waitIdle();
        REQUIRE(open.page->currentTable().has_value());
        CHECK(open.page->currentTable()->internalOnly);
        CHECK(open.page->internalLabel()->isVisible());
        CHECK(open.page->internalLabel()->text().startsWith(QStringLiteral("Internal:")));
        // Caseworkers by their display names, never their ids.
        bool named = false;
        for (int row = 0; row < open.page->model()->rowCount(); ++row) {
            const QString label = open.cellText(row, 0);
            CHECK(label != QString::fromStdString(demoVault().workerId()));
            if (label == QStringLiteral("Testworker Yankee")) named = true;
        }
        CHECK(named);
    }
}

TEST_CASE("the annex runs report by report with progress and becomes one PDF", "[app][reports]") {
    OpenReports open(abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    const QString path = open.dir.filePath(QStringLiteral("annex.pdf"));
    QSignalSpy finished(open.page, &ReportsPage::exportFinished);
    open.page->exportAnnexPdf(path);
    // Nothing ran yet: the window keeps responding while the reports run one per event-loop turn.
    CHECK(open.page->progressBar()->isVisible());
    CHECK(open.page->progressBar()->value() == 0);
    CHECK(open.page->progressBar()->maximum() == static_cast<int>(abri::reports::builtinReports().size()));
    CHECK_FALSE(open.page->picker()->isEnabled());
    REQUIRE(finished.wait(60000));
    CHECK(finished.front().front().toBool());
    CHECK_FALSE(open.page->progressBar()->isVisible());
    CHECK(open.page->picker()->isEnabled());
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll().startsWith("%PDF-"));
    // Each report of the annex is recorded as exported.
    const auto entries = open.window.session()->vault().audit().page(0, 10);
    for (const auto& entry : entries) CHECK(entry.action == abri::audit::Action::Exported);

    // Cancelled: no file.
    const QString cancelled = open.dir.filePath(QStringLiteral("cancelled.pdf"));
    open.page->exportAnnexPdf(cancelled);
    QTest::qWait(1);
    open.page->cancelAnnex();
    open.waitIdle();
    QTest::qWait(50);
    CHECK_FALSE(QFileInfo::exists(cancelled));
    CHECK(open.page->currentTable().has_value());
}

TEST_CASE("the anonymised export for research: supervisors only, with its summary", "[app][reports]") {
    OpenReports open(abri::app::test::kSupervisor, abri::app::test::kSupervisorPassword);
    CHECK(open.page->anonymisedExportAction()->isVisible());
    const QString path = open.dir.filePath(QStringLiteral("research.csv"));
    const auto summary = open.page->exportAnonymisedTo(path);
    REQUIRE(summary.has_value());
    CHECK(QFileInfo::exists(path));
    CHECK(summary->exported + summary->withheld == summary->consenting);
    CHECK(open.page->lastSummary().contains(QStringLiteral("Exported: %1").arg(summary->exported)));
    CHECK(open.page->lastSummary().contains(QStringLiteral("consent covers research")));
    CHECK(open.page->findChild<QMessageBox*>(QStringLiteral("anonymisedSummary")) != nullptr);
    const QString missing = open.dir.filePath(QStringLiteral("missing/research.csv"));
    CHECK_FALSE(open.page->exportAnonymisedTo(missing).has_value());
    CHECK_FALSE(QFileInfo::exists(missing));
    CHECK(open.page->errorLabel()->text().contains(QStringLiteral("nothing was written")));
}

TEST_CASE("settings: the minimum cell size for roles that configure statistics", "[app][reports][settings]") {
    SECTION("a caseworker does not see it") {
        OpenReports open(abri::app::test::kWorker, abri::app::test::kWorkerPassword);
        auto* dialog = open.window.showSettingsDialog();
        CHECK_FALSE(dialog->minimumCellSizeSpin()->isVisible());
        dialog->close();
    }
    SECTION("a supervisor changes it and the reports follow") {
        OpenReports open(abri::app::test::kSupervisor, abri::app::test::kSupervisorPassword);
        open.show("exploitation_by_sex");
        auto* dialog = open.window.showSettingsDialog();
        auto* spin = dialog->minimumCellSizeSpin();
        REQUIRE(spin->isVisible());
        CHECK(spin->value() == 11);
        CHECK(spin->minimum() == 5);
        CHECK(spin->maximum() == 1000);
        spin->setValue(20);
        REQUIRE(dialog->apply());
        open.waitIdle();
        CHECK(abri::reports::minimumCellSize(open.window.session()->vault()) == 20);
        CHECK(open.page->currentTable()->minimumCellSize == 20);
        bool marked = false;
        auto* model = open.page->model();
        for (int row = 0; row < model->rowCount(); ++row)
            for (int column = 1; column < model->columnCount(); ++column)
                if (model->index(row, column).data(ReportTableModel::SuppressedRole).toBool()) {
                    CHECK(model->index(row, column).data().toString() == QStringLiteral("<20"));
                    marked = true;
                }
        CHECK(marked);
        // Back to the default for the other tests.
        spin->setValue(11);
        REQUIRE(dialog->apply());
        dialog->close();
    }
}

TEST_CASE("report labels and errors in French and Arabic", "[app][reports][i18n]") {
    abri::reports::ReportDefinition ages = *abri::reports::findBuiltinReport("persons_by_age_band");
    {
        abri::app::test::LanguageGuard french(QStringLiteral("fr"));
        CHECK(ReportLabels::title(ages) != QStringLiteral("Persons assisted by age"));
        CHECK(ReportLabels::dimensionName(Dimension::Gender) == QStringLiteral("Sexe"));
        CHECK(ReportLabels::category(Dimension::RegistrationMonth, "2026-07").contains(QStringLiteral("juillet")));
        CHECK(ReportLabels::category(Dimension::ClosureReason, "not_closed") != QStringLiteral("Not closed"));
        CHECK(abri::app::ErrorMessages::message(abri::ErrorCode::ValueOutOfRange, QStringLiteral("minimum_cell_size"))
                  .contains(QStringLiteral("1000")));
    }
    {
        abri::app::test::LanguageGuard arabic(QStringLiteral("ar"));
        const QString title = ReportLabels::title(ages);
        CHECK(title.contains(QChar(0x0627)));  // Arabic letters
        CHECK(ReportLabels::category(Dimension::AgeBand, "48+") != QStringLiteral("48+"));
    }
    CHECK(ReportLabels::category(Dimension::AgeBand, "18-20") == QStringLiteral("18–20"));
    CHECK(ReportLabels::category(Dimension::AgeBand, "48+") == QStringLiteral("48 and over"));
    CHECK(ReportLabels::category(Dimension::RegistrationQuarter, "2026-Q3") == QStringLiteral("Q3 2026"));
    CHECK(ReportLabels::category(Dimension::ServiceType, "none") == QStringLiteral("No service"));
    CHECK(ReportLabels::category(Dimension::Caseworker, "unassigned") == QStringLiteral("Unassigned"));
    CHECK(ReportLabels::category(Dimension::Citizenship, "TN") == QStringLiteral("Tunisia"));
}

TEST_CASE("the Reports screen follows a language switch", "[app][reports][i18n]") {
    OpenReports open(abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    open.show("exploitation_by_sex");
    {
        abri::app::test::LanguageGuard french(QStringLiteral("fr"));
        CHECK(open.page->titleLabel()->text() == QStringLiteral("Forme d'exploitation par sexe"));
        CHECK(open.page->model()->headerData(1, Qt::Horizontal).toString() == QStringLiteral("Femme"));
        CHECK(open.cellText(open.page->model()->totalRow(), 0) == QStringLiteral("Total"));
        CHECK(open.page->picker()->topLevelItem(0)->text(0) == QStringLiteral("Rapports intégrés"));
        CHECK(open.page->notesLabel()->text().contains(QStringLiteral("masquées")));
    }
    {
        abri::app::test::LanguageGuard arabic(QStringLiteral("ar"));
        CHECK(open.page->layoutDirection() == Qt::RightToLeft);
        CHECK(open.page->model()->headerData(0, Qt::Horizontal).toString() == QString::fromUtf8("شكل الاستغلال"));
        // Suppressed cells keep their mark in the locale's digits.
        bool suppressed = false;
        auto* model = open.page->model();
        for (int row = 0; row < model->rowCount() && !suppressed; ++row)
            for (int column = 1; column < model->columnCount(); ++column)
                if (model->index(row, column).data(ReportTableModel::SuppressedRole).toBool()) {
                    CHECK(model->index(row, column).data().toString() == QString::fromUtf8("<١١"));
                    suppressed = true;
                    break;
                }
        CHECK(suppressed);
    }
    CHECK(open.page->titleLabel()->text() == QStringLiteral("Type of exploitation by sex"));
}

TEST_CASE("a period without registrations is an empty table, not a crash", "[app][reports]") {
    OpenReports open(abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    open.show("exploitation_by_sex");
    open.page->fromEdit()->setDate(QDate(1990, 1, 1));
    open.page->toEdit()->setDate(QDate(1990, 12, 31));
    open.waitIdle();
    REQUIRE(open.page->currentTable().has_value());
    const PublishedTable& table = *open.page->currentTable();
    CHECK(table.grandTotal == 0);
    CHECK_FALSE(open.page->errorLabel()->isVisible());
    CHECK(open.page->notesLabel()->text().contains(QStringLiteral("No person was registered in this period")));
    CHECK(open.page->model()->rowCount() == static_cast<int>(table.rowKeys.size()) + 1);
    CHECK(open.cellText(open.page->model()->totalRow(), open.page->model()->totalColumn()) == QStringLiteral("0"));
    auto* chart = open.page->chartView()->chart();
    REQUIRE(chart->series().size() == 1);
    CHECK(static_cast<QAbstractBarSeries*>(chart->series().front())->count() == 0);  // nothing to draw
    // It still exports.
    CHECK(open.page->exportPdf(open.dir.filePath(QStringLiteral("empty.pdf"))));
    CHECK(open.page->exportCsv(open.dir.filePath(QStringLiteral("empty.csv"))));
}
