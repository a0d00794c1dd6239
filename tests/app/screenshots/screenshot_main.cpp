// Opens every main screen of the client in English, French and Arabic, saves a PNG of each under
// <output>/<lang>/<screen>.png, and checks that Arabic windows are right-to-left and that no visible French or
// Arabic text was left in English. Exit status 1 on any failed check (it runs as a CTest test).
#include <QtCore/QCommandLineParser>
#include <QtCore/QDateTime>
#include <QtCore/QDir>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QPixmap>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QWizard>

#include <cstdio>
#include <fstream>

#include "app_resources.h"
#include "attachment_fixture.h"
#include "attachments/attachment_repository.h"
#include "attachments/attachment_transfer.h"
#include "casefile/attachment_category_dialog.h"
#include "dialogs/erase_case_dialog.h"
#include "casefile/attachment_viewer.h"
#include "casefile/attachments_section.h"
#include "casefile/case_file_widget.h"
#include "casefile/item_dialog.h"
#include "caselist/case_list_page.h"
#include "cases/case_repository.h"
#include "wire/sync_files.h"
#include "demo_vault.h"
#include "dialogs/conflicts_dialog.h"
#include "dialogs/refusal_dialog.h"
#include "dialogs/settings_dialog.h"
#include "dialogs/users_dialog.h"
#include "forms/field_form.h"
#include "i18n/code_labels.h"
#include "i18n/language.h"
#include "main/main_window.h"
#include "main/sync_controller.h"
#include "main/workspace.h"
#include "model/code_lists.h"
#include "models/case_list_model.h"
#include "screens/first_run_page.h"
#include "screens/unlock_page.h"
#include "session/session.h"
#include "settings/app_settings.h"
#include "storage/database.h"
#include "refusal_fixture.h"
#include "reports/cross_tab_dialog.h"
#include "reports/reports_page.h"
#include "hub_links.h"
#include "sync_fixture.h"
#include "untranslated_text.h"
#include "vault/vault.h"
#include "wizard/new_case_wizard.h"
#include "wizard/screening_step.h"

namespace {

using namespace abri::app;
using abri::app::test::DemoVault;

class Shooter {
public:
    Shooter(QString outputDir, QString language, QSet<QString> englishSources)
        : dir_(std::move(outputDir)), language_(std::move(language)), english_(std::move(englishSources)) {
        QDir().mkpath(QDir(dir_).filePath(language_));
    }

    void settle() {
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
            QTest::qWait(10);
        }
    }

    void shoot(QWidget* window, const QString& name) {
        settle();
        const QString file = QDir(dir_).filePath(language_ + QLatin1Char('/') + name + QStringLiteral(".png"));
        if (!window->grab().save(file)) fail(name, QStringLiteral("could not write ") + file);
        ++shots_;
        if (language_ == QStringLiteral("ar") && window->layoutDirection() != Qt::RightToLeft) {
            fail(name, QStringLiteral("layout direction is not right-to-left"));
        }
        if (language_ != QStringLiteral("ar") && window->layoutDirection() != Qt::LeftToRight) {
            fail(name, QStringLiteral("layout direction is not left-to-right"));
        }
        if (language_ != QStringLiteral("en")) {
            const QStringList left = abri::app::test::untranslatedTexts(window, english_);
            for (const QString& text : left) fail(name, QStringLiteral("untranslated: \"%1\"").arg(text));
        }
    }

    void fail(const QString& screen, const QString& message) {
        std::fprintf(stderr, "FAIL [%s/%s] %s\n", qPrintable(language_), qPrintable(screen), qPrintable(message));
        ++failures_;
    }

    int failures() const { return failures_; }
    int shots() const { return shots_; }

private:
    QString dir_;
    QString language_;
    QSet<QString> english_;
    int failures_ = 0;
    int shots_ = 0;
};

void tickAll(QWidget* editor, const QStringList& codes) {
    const auto boxes = editor->findChildren<QCheckBox*>();
    for (QCheckBox* box : boxes) {
        if (codes.contains(box->property("code").toString())) box->setChecked(true);
    }
}

// The sync line of the status bar in each state: not enrolled, then enrolled with a synthetic hub and each link
// state the sync service reports, then a failure of the app's own sync step. Leaves the vault not enrolled again,
// so that every language starts from the same state.
void shootSyncStates(Shooter& shooter, MainWindow& window, const DemoVault& demo) {
    auto* sync = window.syncController();
    auto* bar = window.statusBar();
    const auto syncDir = abri::wire::syncFolder(demo.path());
    std::filesystem::remove_all(syncDir);
    sync->refresh();
    shooter.shoot(bar, QStringLiteral("26_status_not_enrolled"));

    abri::app::test::TestHub hub;
    hub.enrol(window.session()->vault());
    const std::int64_t lastSync = QDateTime::currentMSecsSinceEpoch() - 12 * 60 * 1000;
    const struct {
        const char* link;
        const char* error;
        const char* name;
    } states[] = {{"connecting", "", "27_status_connecting"},
                  {"up", "", "28_status_up"},
                  {"down", "timeout", "29_status_down"},
                  {"refused", "revoked", "30_status_refused"}};
    for (const auto& state : states) {
        abri::app::test::writeServiceStatus(demo.path(), state.link, lastSync, state.error);
        sync->refresh();
        shooter.shoot(bar, QString::fromLatin1(state.name));
    }
    abri::app::test::writeServiceStatus(demo.path(), "up", lastSync);
    sync->refresh();
    shooter.shoot(&window, QStringLiteral("31_main_window_connected"));
    // Garbage under a page's name in the inbox: the app's own step reports it.
    const auto device = *abri::wire::idFromHex(window.session()->vault().deviceId());
    std::filesystem::create_directories(syncDir / "inbox");
    std::ofstream(syncDir / "inbox" / abri::wire::pageFileName(device, 1, 1), std::ios::binary) << "not a page";
    if (sync->syncNow()) shooter.fail(QStringLiteral("32_status"), QStringLiteral("a damaged page was accepted"));
    shooter.shoot(bar, QStringLiteral("32_status_sync_error"));

    window.session()->vault().db().exec("DELETE FROM sync_enrolment");
    std::filesystem::remove_all(syncDir);
    sync->refresh();
}

// The Reports screen as a supervisor sees it: a cross-tab with grouped bars and suppressed cells, a one-way table
// with bars and with a pie, the cross-tab builder, the settings with the minimum cell size, and the first page of
// a PDF export rendered by pdftoppm.
void shootReports(Shooter& shooter, MainWindow& window, const QString& outputDir, const QString& language) {
    ReportsPage* page = window.showReports();
    if (page == nullptr) {
        shooter.fail(QStringLiteral("36_reports"), QStringLiteral("the Reports screen did not open"));
        return;
    }
    const auto wait = [&] {
        for (int i = 0; i < 500 && page->isBusy(); ++i) QTest::qWait(10);
        if (page->isBusy() || !page->currentTable()) shooter.fail(QStringLiteral("reports"), QStringLiteral("no table"));
    };
    wait();
    page->showBuiltinReport("exploitation_by_sex");
    wait();
    if (page->currentTable() && page->currentTable()->suppressedCount == 0) {
        shooter.fail(QStringLiteral("36_reports"), QStringLiteral("no suppressed cell to show"));
    }
    shooter.shoot(&window, QStringLiteral("36_reports_exploitation_by_sex"));
    page->showBuiltinReport("persons_by_age_band");
    wait();
    shooter.shoot(&window, QStringLiteral("37_reports_persons_by_age_band"));
    page->showBuiltinReport("persons_by_sex");
    wait();
    page->setChartKind(ReportChart::Kind::Pie);
    shooter.shoot(&window, QStringLiteral("38_reports_persons_by_sex_pie"));
    page->setChartKind(ReportChart::Kind::Bar);
    {
        CrossTabDialog* dialog = page->openCrossTabDialog();
        dialog->resize(760, 600);
        dialog->filterDimensionCombo()->setCurrentIndex(
            dialog->filterDimensionCombo()->findData(static_cast<int>(abri::reports::Dimension::ExploitationType)));
        if (dialog->filterValues()->count() > 1) dialog->filterValues()->item(1)->setCheckState(Qt::Checked);
        dialog->addFilter();
        shooter.shoot(dialog, QStringLiteral("39_reports_new_cross_tab"));
        dialog->reject();
    }
    {
        SettingsDialog* settingsDialog = window.showSettingsDialog();
        shooter.shoot(settingsDialog, QStringLiteral("40_settings_supervisor"));
        settingsDialog->close();
    }
    // The PDF of the cross-tab (table, then its chart), its pages as images to look at.
    page->showBuiltinReport("exploitation_by_sex");
    wait();
    // The chart image as it goes into the PDF.
    const QImage chartImage = ReportChart::render(*page->currentTable(), ReportChart::Kind::Bar, window.session(),
                                                  QSize(760, 420));
    chartImage.save(QDir(outputDir).filePath(language + QStringLiteral("/42_report_pdf_chart.png")));
    QTemporaryDir scratch;
    const QString pdf = scratch.filePath(QStringLiteral("report.pdf"));
    if (!page->exportPdf(pdf)) {
        shooter.fail(QStringLiteral("41_report_pdf"), QStringLiteral("the PDF export failed"));
        return;
    }
    const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
    if (pdftoppm.isEmpty()) {
        std::fprintf(stderr, "note: pdftoppm not installed, the PDF page image is skipped\n");
        return;
    }
    QProcess render;
    // pdftoppm names the pages <prefix>-1.png, <prefix>-2.png.
    const QString prefix = QDir(outputDir).filePath(language + QStringLiteral("/41_report_pdf_page"));
    render.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("72"), QStringLiteral("-f"),
                            QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("2"), pdf, prefix});
    if (!render.waitForFinished(60000) || render.exitCode() != 0) {
        shooter.fail(QStringLiteral("41_report_pdf"), QStringLiteral("pdftoppm failed"));
    }
}

// The hub refused this computer's first change-set because its clock is three days ahead of the hub's: the status
// bar's button, the refusals dialog with both times, and the answer when "Resend" is pressed before the clock is
// corrected. Leaves the vault as it was (nothing sealed, not enrolled).
void shootRefusal(Shooter& shooter, MainWindow& window, const DemoVault& demo) {
    auto* sync = window.syncController();
    auto& vault = window.session()->vault();
    const auto syncDir = abri::wire::syncFolder(demo.path());
    abri::app::test::RefusingHub hub;
    hub.enrol(vault);
    if (!sync->syncNow()) shooter.fail(QStringLiteral("33_refusal"), QStringLiteral("the sync step failed"));
    const auto hubTime = static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch() - 3 * 86'400'000LL);
    hub.refuse(vault, demo.path(), 1, abri::wire::SyncCode::ClockAhead, hubTime);
    abri::app::test::writeServiceStatus(demo.path(), "up", QDateTime::currentMSecsSinceEpoch(), "clock_ahead");
    sync->syncNow();
    if (!sync->overview() || sync->overview()->openRefusals != 1) {
        shooter.fail(QStringLiteral("33_refusal"), QStringLiteral("the refusal notice was not recorded"));
    }
    shooter.shoot(window.statusBar(), QStringLiteral("33_status_refused_changes"));
    {
        RefusalDialog dialog(*sync, &window);
        dialog.show();
        if (dialog.refusalCount() != 1) shooter.fail(QStringLiteral("34_refusals"), QStringLiteral("no refusal"));
        shooter.shoot(&dialog, QStringLiteral("34_refusals"));
        if (dialog.resend(0)) shooter.fail(QStringLiteral("35_refusals"), QStringLiteral("resent with a wrong clock"));
        shooter.shoot(&dialog, QStringLiteral("35_refusals_clock_still_wrong"));
    }
    // Back to the state every language starts from.
    auto& db = vault.db();
    db.exec("DELETE FROM sync_refusals; DELETE FROM sync_outgoing; DELETE FROM sync_enrolment; "
            "DELETE FROM meta WHERE key = 'sync_chain_head'; UPDATE journal SET shipped = 0 WHERE origin = 'local';");
    std::filesystem::remove_all(syncDir);
    sync->refresh();
}

// The Attachments tab of "Testperson Alpha" (a specimen ID card, a signed consent form that replaced a draft, a
// typed note): with thumbnails, the viewer on the image and on the PDF, the category asked when adding, and the
// refusal of a program renamed .pdf.
void shootAttachments(Shooter& shooter, MainWindow& window, CaseFileWidget& file) {
    file.tabs()->setCurrentIndex(CaseFileWidget::AttachmentsTab);
    AttachmentsSection* section = file.attachments();
    if (section->attachmentCount() != 4) {
        shooter.fail(QStringLiteral("43_attachments"), QStringLiteral("the demo attachments are missing"));
        return;
    }
    section->showThumbnails();
    section->selectRow(0);
    shooter.shoot(&window, QStringLiteral("44_case_attachments_thumbnails"));
    for (const auto& info : section->attachments()) {
        const bool image = info.type == abri::attachments::ContentType::Png;
        const bool pdf = info.type == abri::attachments::ContentType::Pdf && !info.superseded;
        if (!image && !pdf) continue;
        AttachmentViewer* viewer = section->view(info.id);
        if (viewer == nullptr || viewer->shown() == AttachmentViewer::Shown::Error) {
            shooter.fail(QStringLiteral("45_viewer"), QStringLiteral("the attachment could not be shown"));
            continue;
        }
        viewer->resize(760, 620);
        shooter.shoot(viewer, image ? QStringLiteral("45_attachment_viewer_image")
                                    : QStringLiteral("46_attachment_viewer_pdf"));
        if (pdf && viewer->pageCount() < 1) shooter.fail(QStringLiteral("46_viewer"), QStringLiteral("no page"));
        viewer->accept();
    }
    {
        AttachmentCategoryDialog dialog({QStringLiteral("consent-form-signed.pdf")}, &window);
        dialog.show();
        shooter.shoot(&dialog, QStringLiteral("47_attachment_category"));
    }
    QTemporaryDir scratch;
    const QString program = scratch.filePath(QStringLiteral("consent.pdf"));
    QByteArray elf("\x7f" "ELF\x02\x01\x01", 7);
    elf.append(QByteArray(64, '\0'));
    abri::app::test::writeFile(program.toStdString(), elf);
    if (section->addFiles({program}, abri::attachments::Category::ConsentForm)) {
        shooter.fail(QStringLiteral("48_refused"), QStringLiteral("a program was attached"));
    }
    shooter.shoot(&window, QStringLiteral("48_case_attachment_refused"));
    section->refresh();

    // A scan synced from another laptop of the office: its record came with the case's changes, its three parts
    // are still on their way (sync/PROTOCOL.md §11.4). Taken out again afterwards: every language starts alike.
    auto& vault = window.session()->vault();
    abri::attachments::AttachmentRecord arriving;
    arriving.id = std::string(32, 'e');
    arriving.caseId = section->attachments().front().caseId;
    arriving.fileName = "passport-specimen-page2.jpg";
    arriving.type = abri::attachments::ContentType::Jpeg;
    arriving.size = 700 * 1024;
    arriving.category = abri::attachments::Category::IdentityDocument;
    arriving.contentHash = std::string(64, 'c');
    arriving.chunkHashes = {std::string(64, 'd'), std::string(64, 'a'), std::string(64, 'b')};
    arriving.addedBy = vault.currentUser().id;
    arriving.addedMs = QDateTime::currentMSecsSinceEpoch();
    arriving.createdDevice = std::string(32, 'f');
    abri::attachments::AttachmentTransfer(vault).receiveRecord(arriving);
    section->refresh();
    const auto listed = section->attachments();
    const bool shown = std::any_of(listed.begin(), listed.end(), [&](const auto& info) {
        return info.id == arriving.id && info.chunksHeld == 0 && info.chunkCount == 3;
    });
    if (!shown) shooter.fail(QStringLiteral("51_arriving"), QStringLiteral("the arriving file is not listed"));
    shooter.shoot(&window, QStringLiteral("51_case_attachment_arriving"));
    vault.db().prepare("DELETE FROM attachment_parts WHERE attachment_id = ?1").bind(1, arriving.id).run();
    vault.db().prepare("DELETE FROM attachments WHERE id = ?1").bind(1, arriving.id).run();
    section->refresh();
}

int runLanguage(const QString& language, const QString& outputDir, const DemoVault& demo, const QString& tsDir) {
    Language::apply(language);
    QSet<QString> english;
    if (language != QStringLiteral("en")) {
        english = abri::app::test::englishSourcesOf(QDir(tsDir).filePath(QStringLiteral("abri_%1.ts").arg(language)));
        // Country names must come from iso-codes in the UI language too.
        for (std::string_view code : abri::model::codes(abri::model::CodeList::Country)) {
            const QString englishName = QString::fromUtf8(abri::model::countryEnglishName(code).data());
            if (CodeLabels::label(abri::model::CodeList::Country, code) != englishName) english.insert(englishName);
        }
    }
    Shooter shooter(outputDir, language, english);
    if (language != QStringLiteral("en") && english.size() < 300) {
        // Without the catalogue the untranslated-text check would pass vacuously.
        shooter.fail(QStringLiteral("setup"), QStringLiteral("only %1 English sources read from the .ts file").arg(english.size()));
    }
    QTemporaryDir scratch;
    AppSettings settings(scratch.filePath(QStringLiteral("settings.ini")));
    settings.setLanguage(language);

    AppOptions options;
    options.kdf = DemoVault::kdf();

    // First run and the recovery key.
    {
        options.vaultPath = scratch.filePath(QStringLiteral("new.vault"));
        MainWindow window(options, settings);
        window.show();
        window.start();
        auto* page = window.firstRunPage();
        page->officeEdit()->setText(QStringLiteral("TUN-SFX"));
        page->usernameEdit()->setText(QStringLiteral("testadmin"));
        page->displayNameEdit()->setText(QStringLiteral("Testadmin Zulu"));
        page->passwordEdit()->setText(QStringLiteral("four fake words here"));
        page->confirmEdit()->setText(QStringLiteral("four fake words here"));
        shooter.shoot(&window, QStringLiteral("01_first_run"));
        page->createVault();
        shooter.shoot(&window, QStringLiteral("02_recovery_key"));
    }

    // Lock screen, wrong password, case list.
    options.vaultPath = demo.qpath();
    MainWindow window(options, settings);
    window.show();
    window.start();
    auto* unlock = window.unlockPage();
    unlock->userCombo()->setCurrentIndex(unlock->userCombo()->findText(QString::fromLatin1(abri::app::test::kWorker)));
    shooter.shoot(&window, QStringLiteral("03_unlock"));
    unlock->passwordEdit()->setText(QStringLiteral("wrong password"));
    unlock->unlock();
    shooter.shoot(&window, QStringLiteral("04_unlock_wrong_password"));
    unlock->passwordEdit()->setText(QString::fromLatin1(abri::app::test::kWorkerPassword));
    unlock->unlock();
    if (!window.isUnlocked()) {
        shooter.fail(QStringLiteral("unlock"), QStringLiteral("could not unlock the demo vault"));
        return shooter.failures();
    }
    auto* workspace = window.workspace();
    shooter.shoot(&window, QStringLiteral("05_case_list"));
    workspace->caseList()->searchEdit()->setText(QStringLiteral("Testperson"));
    workspace->caseList()->applyFilter();
    shooter.shoot(&window, QStringLiteral("06_case_list_search"));
    workspace->caseList()->clearFilters();

    // New-case wizard.
    {
        NewCaseWizard* wizard = workspace->newCase();
        wizard->resize(820, 720);
        auto* screening = wizard->screeningStep()->screeningForm();
        tickAll(screening->editor("screening.acts"), {QStringLiteral("recruitment"), QStringLiteral("transport")});
        tickAll(screening->editor("screening.means"), {QStringLiteral("deception")});
        tickAll(screening->editor("screening.purposes"), {QStringLiteral("forced_labour")});
        nlohmann::json age = nlohmann::json::object();
        age["person"]["estimated_age"] = 24;
        wizard->screeningStep()->ageForm()->load(age);
        Q_EMIT wizard->screeningStep()->screeningForm()->edited();
        shooter.shoot(wizard, QStringLiteral("07_new_case_1_screening"));
        wizard->next();
        shooter.shoot(wizard, QStringLiteral("08_new_case_2_person"));
        wizard->next();
        shooter.shoot(wizard, QStringLiteral("09_new_case_3_registration"));
        wizard->reject();
    }

    // The case file, tab by tab.
    abri::cases::CaseQuery query;
    query.filter.text = "Alpha";
    const auto rows = window.session()->cases().list(query);
    if (rows.size() != 1) {
        shooter.fail(QStringLiteral("case"), QStringLiteral("demo case not found"));
        return shooter.failures();
    }
    CaseFileWidget* file = workspace->openCase(QString::fromStdString(rows.front().id));
    // The numbers of the first tabs are older than the Attachments tab (43).
    const std::vector<std::pair<int, QString>> tabShots = {
        {CaseFileWidget::ProfileTab, QStringLiteral("10_case_profile")},
        {CaseFileWidget::ScreeningTab, QStringLiteral("11_case_screening")},
        {CaseFileWidget::SituationTab, QStringLiteral("12_case_situation")},
        {CaseFileWidget::ConsentTab, QStringLiteral("13_case_consent")},
        {CaseFileWidget::AssistanceTab, QStringLiteral("14_case_assistance")},
        {CaseFileWidget::ReferralsTab, QStringLiteral("15_case_referrals")},
        {CaseFileWidget::NotesTab, QStringLiteral("16_case_notes")},
        {CaseFileWidget::AttachmentsTab, QStringLiteral("43_case_attachments")},
        {CaseFileWidget::HistoryTab, QStringLiteral("17_case_history")}};
    if (static_cast<int>(tabShots.size()) != file->tabs()->count()) {
        shooter.fail(QStringLiteral("case"), QStringLiteral("a tab of the case file has no screenshot"));
    }
    for (const auto& [tab, name] : tabShots) {
        file->tabs()->setCurrentIndex(tab);
        shooter.shoot(&window, name);
    }
    shootAttachments(shooter, window, *file);
    {
        // What a supervisor confirms before an erasure on request, the code half typed (the button still off).
        EraseCaseDialog dialog(file->caseCode(), &window);
        dialog.codeEdit()->setText(file->caseCode().left(8));
        dialog.show();
        shooter.shoot(&dialog, QStringLiteral("50_erase_case_confirm"));
    }
    // A case the hub merged into another office's case, and flagged with a third: the duplicate line.
    {
        abri::cases::CaseQuery bravoQuery;
        bravoQuery.filter.text = "Bravo";
        const auto bravo = window.session()->cases().list(bravoQuery);
        if (bravo.size() == 1) {
            CaseFileWidget* merged = workspace->openCase(QString::fromStdString(bravo.front().id));
            merged->tabs()->setCurrentIndex(CaseFileWidget::ProfileTab);
            shooter.shoot(&window, QStringLiteral("49_case_duplicate"));
            const auto* badge = merged->findChild<QLabel*>(QStringLiteral("duplicateBadge"));
            if (badge == nullptr || badge->isHidden())
                shooter.fail(QStringLiteral("49_case_duplicate"), QStringLiteral("no duplicate line on a merged case"));
            workspace->openCase(QString::fromStdString(rows.front().id));
        } else {
            shooter.fail(QStringLiteral("49_case_duplicate"), QStringLiteral("demo case Bravo not found"));
        }
    }
    // Revealed names and a validation message at the field.
    file->tabs()->setCurrentIndex(CaseFileWidget::ProfileTab);
    Q_EMIT file->personForm()->revealRequested(QStringLiteral("person.given_name"));
    Q_EMIT file->personForm()->revealRequested(QStringLiteral("person.family_name"));
    file->situationForm()->editor("situation.started_on")->setValue("2099-01-01");
    Q_EMIT file->situationForm()->edited();
    if (file->save()) shooter.fail(QStringLiteral("18_case_error"), QStringLiteral("a date in the future was saved"));
    shooter.shoot(&window, QStringLiteral("18_case_field_error"));
    file->revert();

    // A service record dialog.
    {
        ItemDialog dialog(abri::model::Entity::Service, ItemDialog::Mode::Add, {}, &window);
        nlohmann::json service = {{"type", "medical"}, {"status", "planned"}, {"provider", "Fakeclinic Sfax"}};
        dialog.load(service, {});
        dialog.show();
        shooter.shoot(&dialog, QStringLiteral("19_service_dialog"));
    }

    // The conflicts view as a caseworker sees it: read-only.
    {
        ConflictsDialog* conflicts = window.showConflictsDialog();
        shooter.shoot(conflicts, QStringLiteral("24_conflicts_caseworker"));
        conflicts->close();
    }

    // Users and settings.
    {
        UsersDialog* users = window.showUsersDialog();
        users->resize(760, 440);
        shooter.shoot(users, QStringLiteral("20_users"));
        users->close();
        SettingsDialog* settingsDialog = window.showSettingsDialog();
        shooter.shoot(settingsDialog, QStringLiteral("21_settings"));
        settingsDialog->close();
    }
    {
        // File > Back up now…, to a fresh file in a scratch folder: the result message.
        QTemporaryDir backupDir;
        if (window.backUpNow(backupDir.filePath(QStringLiteral("office.abribackup")))) {
            for (QMessageBox* box : window.findChildren<QMessageBox*>(QStringLiteral("backupDone"))) {
                shooter.shoot(box, QStringLiteral("41_backup_done"));
                box->close();
            }
        } else {
            shooter.fail(QStringLiteral("41_backup_done"), QStringLiteral("the backup failed"));
        }
    }
    window.lock();
    shooter.shoot(&window, QStringLiteral("22_locked"));

    // An administrator's view of the users (add, disable, reset).
    unlock->userCombo()->setCurrentIndex(unlock->userCombo()->findText(QString::fromLatin1(abri::app::test::kAdmin)));
    unlock->passwordEdit()->setText(QString::fromLatin1(abri::app::test::kAdminPassword));
    unlock->unlock();
    if (window.isUnlocked()) {
        UsersDialog* users = window.showUsersDialog();
        users->resize(760, 440);
        shooter.shoot(users, QStringLiteral("23_users_admin"));
        users->close();
        window.lock();
    }

    // A supervisor: the conflicts view with its choices, then the sync states of the status bar.
    unlock->userCombo()->setCurrentIndex(
        unlock->userCombo()->findText(QString::fromLatin1(abri::app::test::kSupervisor)));
    unlock->passwordEdit()->setText(QString::fromLatin1(abri::app::test::kSupervisorPassword));
    unlock->unlock();
    if (!window.isUnlocked()) {
        shooter.fail(QStringLiteral("supervisor"), QStringLiteral("could not unlock as the supervisor"));
        return shooter.failures();
    }
    {
        ConflictsDialog* conflicts = window.showConflictsDialog();
        if (conflicts->conflictCount() != 1) shooter.fail(QStringLiteral("25_conflicts"), QStringLiteral("no conflict"));
        shooter.shoot(conflicts, QStringLiteral("25_conflicts_supervisor"));
        conflicts->close();
    }
    shootReports(shooter, window, outputDir, language);
    if (auto* reports = window.workspace()->reportsPage()) {
        window.workspace()->closeCaseTab(window.workspace()->tabs()->indexOf(reports));
    }
    shootSyncStates(shooter, window, demo);
    shootRefusal(shooter, window, demo);
    window.lock();
    std::printf("%s: %d screenshots, %d failures\n", qPrintable(language), shooter.shots(), shooter.failures());
    return shooter.failures();
}

}  // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("AbriTest"));
    QApplication::setApplicationName(QStringLiteral("abri-screenshots"));
    initResources();

    QCommandLineParser parser;
    const QCommandLineOption outputOption(QStringLiteral("output"), QStringLiteral("Folder for the PNGs."),
                                          QStringLiteral("dir"), QStringLiteral("screenshots"));
    const QCommandLineOption languagesOption(QStringLiteral("languages"), QStringLiteral("Comma-separated list."),
                                             QStringLiteral("codes"), QStringLiteral("en,fr,ar"));
    parser.addOption(outputOption);
    parser.addOption(languagesOption);
    parser.addHelpOption();
    parser.process(application);

    DemoVault demo(300);
    // One conflict for the conflicts view (and the count in the status bar): the marital status of "Testperson
    // Alpha" was changed here and, at the same time, on another computer of the office.
    abri::app::test::addSupervisor(demo);
    {
        auto worker = demo.unlockWorker();
        abri::cases::CaseQuery query;
        query.filter.text = "Alpha";
        const auto rows = abri::cases::CaseRepository(*worker).list(query);
        if (rows.size() != 1) {
            std::fprintf(stderr, "FAIL [setup] demo case not found\n");
            return 1;
        }
        abri::app::test::makeConflict(*worker, rows.front().id, "person.marital_status", "single", "married");
        // "Testperson Bravo" was merged at the hub into another office's case: closed as its duplicate.
        query.filter.text = "Bravo";
        const auto bravo = abri::cases::CaseRepository(*worker).list(query);
        if (bravo.size() != 1) {
            std::fprintf(stderr, "FAIL [setup] demo case Bravo not found\n");
            return 1;
        }
        abri::app::test::applyHubLinks(*worker, bravo.front().id,
                                       {{"status", "closed"},
                                        {"closure_reason", "duplicate_case"},
                                        {"closed_on", worker->today()},
                                        {"duplicate_of", "TST-TWO-26-FAKE02"},
                                        {"possible_duplicate_of", {"TST-TWO-26-FAKE07"}}});
        // Attachments of the same case: a draft consent form replaced by the signed one, a specimen ID card, a note.
        abri::attachments::AttachmentRepository attachments(*worker);
        QTemporaryDir files;
        abri::attachments::AddOptions options;
        options.category = abri::attachments::Category::ConsentForm;
        const auto draft = abri::app::test::writeFile(files.filePath(QStringLiteral("consent-form-draft.pdf")).toStdString(),
                                                      abri::app::test::syntheticPdf());
        const auto signedForm = abri::app::test::writeFile(
            files.filePath(QStringLiteral("consent-form-signed.pdf")).toStdString(), abri::app::test::syntheticPdf());
        const auto draftId = attachments.addFile(rows.front().id, draft, options);
        attachments.supersedeWithFile(draftId, signedForm, options);
        options.category = abri::attachments::Category::IdentityDocument;
        attachments.addFile(rows.front().id,
                            abri::app::test::writeFile(files.filePath(QStringLiteral("specimen-id-card.png")).toStdString(),
                                                       abri::app::test::syntheticPng()),
                            options);
        options.category = abri::attachments::Category::Other;
        attachments.addFile(rows.front().id,
                            abri::app::test::writeFile(files.filePath(QStringLiteral("interview-notes.txt")).toStdString(),
                                                       abri::app::test::syntheticText()),
                            options);
    }
    int failures = 0;
    for (const QString& language : parser.value(languagesOption).split(QLatin1Char(','))) {
        failures += runLanguage(language, parser.value(outputOption), demo, QStringLiteral(ABRI_TRANSLATIONS_DIR));
    }
    Language::apply(QStringLiteral("en"));
    std::printf("screenshots in %s: %s\n", qPrintable(parser.value(outputOption)), failures == 0 ? "OK" : "FAILED");
    return failures == 0 ? 0 : 1;
}
