#include "catch_qt.h"

#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QToolButton>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "caselist/case_list_page.h"
#include "casefile/history_section.h"
#include "cases/case_repository.h"
#include "wire/sync_files.h"
#include "wire/upload_held.h"
#include "crypto/primitives.h"
#include "demo_vault.h"
#include "dialogs/conflicts_dialog.h"
#include "dialogs/users_dialog.h"
#include "i18n/display_format.h"
#include "i18n/error_messages.h"
#include "journal/journal.h"
#include "language_guard.h"
#include "main/main_window.h"
#include "main/sync_controller.h"
#include "main/sync_status.h"
#include "main/workspace.h"
#include "merge/vault_applier.h"
#include "models/case_list_model.h"
#include "screens/unlock_page.h"
#include "session/session.h"
#include "settings/app_settings.h"
#include "sync_fixture.h"
#include "vault/vault.h"

using abri::app::AppOptions;
using abri::app::AppSettings;
using abri::app::DisplayFormat;
using abri::app::ErrorMessages;
using abri::app::MainWindow;
using abri::app::test::DemoVault;
using abri::wire::SyncCode;
namespace fs = std::filesystem;

namespace {

// A demo vault open in the main window, unlocked by the caseworker (or the supervisor).
struct UnlockedWindow {
    DemoVault demo;
    QTemporaryDir dir;
    AppSettings settings{dir.filePath(QStringLiteral("settings.ini"))};
    std::unique_ptr<MainWindow> window;

    explicit UnlockedWindow(bool supervisor = false) {
        if (supervisor) abri::app::test::addSupervisor(demo);
        AppOptions options;
        options.vaultPath = demo.qpath();
        options.kdf = DemoVault::kdf();
        window = std::make_unique<MainWindow>(options, settings);
        window->show();
        window->start();
        auto* page = window->unlockPage();
        const char* user = supervisor ? abri::app::test::kSupervisor : abri::app::test::kWorker;
        page->userCombo()->setCurrentIndex(page->userCombo()->findText(QString::fromLatin1(user)));
        page->passwordEdit()->setText(QString::fromLatin1(supervisor ? abri::app::test::kSupervisorPassword
                                                                      : abri::app::test::kWorkerPassword));
        page->unlock();
        REQUIRE(window->isUnlocked());
        REQUIRE(window->syncController() != nullptr);
    }

    abri::vault::Vault& vault() { return window->session()->vault(); }
    QString summary() const { return window->syncStatus()->summaryLabel()->text(); }
    QLabel* problem() const { return window->syncStatus()->problemLabel(); }
    QToolButton* conflictsButton() const { return window->syncStatus()->conflictsButton(); }
    std::int64_t pending() const { return window->syncController()->overview()->pendingChanges; }
    fs::path syncDir() const { return abri::wire::syncFolder(demo.path()); }
    std::size_t filesIn(const char* folder) const {
        if (!fs::is_directory(syncDir() / folder)) return 0;
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(syncDir() / folder), {}));
    }
    void status(const std::string& link, std::optional<std::int64_t> lastSyncMs, const std::string& error = {}) {
        abri::app::test::writeServiceStatus(demo.path(), link, lastSyncMs, error);
        window->syncController()->refresh();
    }
};

constexpr std::int64_t kLastSyncMs = 1'767'607'200'000;  // 2026-01-05 10:00 UTC

bool anyMessageBox(QWidget* root) { return !root->findChildren<QMessageBox*>().isEmpty(); }

}  // namespace

TEST_CASE("not enrolled: the status bar says so and counts the changes not sent", "[app][sync]") {
    UnlockedWindow w;
    const auto unshipped = w.vault().journal().unshippedCount();
    REQUIRE(unshipped > 0);  // the demo cases were never sent
    CHECK(w.summary() == QStringLiteral("Not connected to a hub · Changes not sent: %1")
                             .arg(DisplayFormat::number(unshipped)));
    CHECK(w.conflictsButton()->isHidden());
    CHECK(w.problem()->isHidden());
    CHECK_FALSE(w.window->syncNowAction()->isEnabled());  // nothing to sync with
    // A save recounts at once.
    auto* workspace = w.window->workspace();
    abri::cases::CaseRepository(w.vault()).updateField(
        workspace->caseList()->model()->caseIdAt(0), "person.children", 2);
    Q_EMIT workspace->dataChanged();
    CHECK(w.pending() == unshipped + 1);
    CHECK(w.summary().endsWith(DisplayFormat::number(unshipped + 1)));
}

TEST_CASE("enrolled: the link state, last sync and the service's error from status.json", "[app][sync]") {
    UnlockedWindow w;
    abri::app::test::TestHub hub;
    hub.enrol(w.vault());
    w.window->syncController()->refresh();
    const QString pending = QStringLiteral("Changes not sent: %1").arg(DisplayFormat::number(w.pending()));
    CHECK(w.summary() == QStringLiteral("Sync service not running · Never synced · ") + pending);
    CHECK(w.window->syncNowAction()->isEnabled());

    const QString last = QStringLiteral("Last sync: ") + DisplayFormat::dateTime(kLastSyncMs);
    w.status("up", kLastSyncMs);
    CHECK(w.summary() == QStringLiteral("Connected to the hub · ") + last + QStringLiteral(" · ") + pending);
    CHECK(w.problem()->isHidden());
    w.status("connecting", kLastSyncMs);
    CHECK(w.summary().startsWith(QStringLiteral("Connecting to the hub… · ") + last));
    w.status("down", kLastSyncMs, "timeout");
    CHECK(w.summary().startsWith(QStringLiteral("Hub not reachable · ") + last));
    CHECK(w.problem()->isVisible());
    CHECK(w.problem()->text() == ErrorMessages::message(SyncCode::Timeout));
    CHECK(w.problem()->toolTip().contains(QStringLiteral("timeout")));
    w.status("refused", std::nullopt, "revoked");
    CHECK(w.summary().startsWith(QStringLiteral("Refused by the hub · Never synced · ")));
    CHECK(w.problem()->text() == ErrorMessages::message(SyncCode::Revoked));
    {
        abri::app::test::LanguageGuard french(QStringLiteral("fr"));
        CHECK_FALSE(w.summary().startsWith(QStringLiteral("Refused by the hub")));
        CHECK(w.summary().contains(DisplayFormat::number(w.pending())));
        CHECK(w.problem()->text() == ErrorMessages::message(SyncCode::Revoked));
        CHECK(w.problem()->text() != QStringLiteral("The hub has withdrawn this computer's access. Contact the hub "
                                                    "operator."));
    }
    // A status file left by a daemon that stopped long ago reads as "no status", whatever link it names.
    w.status("up", kLastSyncMs);
    std::filesystem::last_write_time(w.syncDir() / "status.json",
                                     std::filesystem::file_time_type::clock::now() - std::chrono::hours(2));
    w.window->syncController()->refresh();
    CHECK(w.summary().startsWith(QStringLiteral("Sync service not running · ") + last));
    // A damaged status file reads as "no status".
    std::ofstream(w.syncDir() / "status.json") << "{not json";
    w.window->syncController()->refresh();
    CHECK(w.summary().startsWith(QStringLiteral("Sync service not running")));
}

TEST_CASE("the conflicts count opens the conflicts view, resolving it clears the count", "[app][sync][conflicts]") {
    UnlockedWindow w(/*supervisor=*/true);
    const std::string caseId = w.window->workspace()->caseList()->model()->caseIdAt(0);
    abri::app::test::makeConflict(w.vault(), caseId, "person.children", 1, 2);
    w.window->syncController()->refresh();
    REQUIRE(w.conflictsButton()->isVisible());
    CHECK(w.conflictsButton()->text() == QStringLiteral("Conflicts: 1"));
    w.conflictsButton()->click();
    auto* dialog = w.window->findChild<abri::app::ConflictsDialog*>(QStringLiteral("conflictsDialog"));
    REQUIRE(dialog != nullptr);
    CHECK(dialog->isVisible());
    REQUIRE(dialog->conflictCount() == 1);
    CHECK(dialog->keepCurrent(0));
    CHECK(w.conflictsButton()->isHidden());
    CHECK(w.window->syncController()->overview()->openConflicts == 0);
    dialog->close();
}

TEST_CASE("Sync now seals the outbox and applies a page from the hub, the case list refreshes", "[app][sync]") {
    UnlockedWindow w;
    abri::app::test::TestHub hub;
    hub.enrol(w.vault());
    w.window->syncController()->refresh();
    auto* model = w.window->workspace()->caseList()->model();
    const int before = model->rowCount();
    const std::string peerCase = hub.deliverCaseFromPeer(w.demo.path(), "TST-ONE-24-PEER01", abri::app::test::kOffice);
    CHECK(w.filesIn("inbox") == 1);
    CHECK(w.filesIn("outbox") == 0);

    w.window->syncNowAction()->trigger();
    CHECK_FALSE(w.window->syncController()->problem().has_value());
    CHECK(w.problem()->isHidden());
    CHECK(w.filesIn("inbox") == 0);   // applied, then deleted
    CHECK(w.filesIn("outbox") >= 1);  // the demo cases, sealed for the sync service
    CHECK(w.vault().journal().unshippedCount() == 0);
    CHECK(model->rowCount() == before + 1);
    auto view = w.window->session()->cases().load(peerCase);
    REQUIRE(view.has_value());
    CHECK(view->doc["case_code"] == "TST-ONE-24-PEER01");
    CHECK_FALSE(anyMessageBox(w.window.get()));
}

TEST_CASE("Sync now seals again an outbox file the hub could not read, and a fresh seal refused too is shown",
          "[app][sync][held]") {
    UnlockedWindow w;
    abri::app::test::TestHub hub;
    hub.enrol(w.vault());
    w.window->syncController()->refresh();
    w.window->syncNowAction()->trigger();
    REQUIRE(w.filesIn("outbox") >= 1);
    const fs::path file = fs::directory_iterator(w.syncDir() / "outbox")->path();
    const std::string name = file.filename().string();
    auto hashOf = [&] {
        return abri::wire::hashToHex(abri::crypto::blake2b({abri::wire::readWholeFile(file, 4'000'000)}));
    };
    auto holdAsService = [&] {  // what abri-syncd writes when the hub fails the whole file
        abri::wire::saveHeldUpload(w.syncDir(), {name, hashOf(), SyncCode::BadSeal, 1, /*wholeFile=*/true});
        w.status("up", kLastSyncMs, "bad_seal");
    };
    {  // bytes flipped on disk in the sealed box
        auto bytes = abri::wire::readWholeFile(file, 4'000'000);
        bytes[bytes.size() / 2] ^= 0xff;
        std::ofstream(file, std::ios::binary | std::ios::trunc)
            .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
    holdAsService();
    const std::string damaged = hashOf();

    w.window->syncNowAction()->trigger();  // the app's ordinary step replaces it: no action asked of the user
    CHECK_FALSE(w.window->syncController()->problem().has_value());
    REQUIRE(fs::exists(file));
    CHECK(hashOf() != damaged);
    CHECK(w.problem()->isHidden());

    holdAsService();  // the hub refused the fresh seal too
    const std::string resealed = hashOf();
    const QString english = QStringLiteral("The hub cannot read the changes this computer sends, even sealed again. "
                                           "They are kept here and will be sent once the hub operator has fixed it.");
    CHECK(w.problem()->isVisible());
    CHECK(w.problem()->text() == english);
    CHECK(w.problem()->toolTip().contains(QStringLiteral("bad_seal")));
    for (const auto* language : {"fr", "ar"}) {
        abri::app::test::LanguageGuard guard(QString::fromLatin1(language));
        CHECK_FALSE(w.problem()->text().isEmpty());
        CHECK(w.problem()->text() != english);
    }
    w.window->syncNowAction()->trigger();  // not sealed again in a loop
    CHECK(hashOf() == resealed);
    CHECK(w.problem()->isVisible());
    CHECK_FALSE(anyMessageBox(w.window.get()));
}

TEST_CASE("downloaded changes are applied in steps between which the window handles input", "[app][sync]") {
    UnlockedWindow w;
    abri::app::test::TestHub hub;
    hub.enrol(w.vault());
    auto* controller = w.window->syncController();
    controller->refresh();
    auto* model = w.window->workspace()->caseList()->model();
    const int before = model->rowCount();
    for (const char* code : {"TST-ONE-24-PEER11", "TST-ONE-24-PEER12", "TST-ONE-24-PEER13"})
        hub.deliverCaseFromPeer(w.demo.path(), code, abri::app::test::kOffice);
    controller->refresh();
    CHECK(controller->overview()->incomingChanges == 4);  // the peer's certificate and three change-sets

    // A budget this small ends every step after one entry.
    controller->setApplyStepBudget(std::chrono::nanoseconds(1));
    w.window->syncNowAction()->trigger();
    CHECK(controller->isApplying());
    CHECK(controller->overview()->incomingChanges == 3);
    CHECK(w.summary().contains(QStringLiteral("Receiving changes from the hub: 3 left")));
    CHECK(model->rowCount() == before);  // lists reload once, when the run ends

    // Between steps the event loop runs: a zero-interval timer (like input waiting) fires every time.
    int turns = 0;
    QTimer probe;
    probe.setInterval(0);
    QObject::connect(&probe, &QTimer::timeout, [&turns] { ++turns; });
    probe.start();
    for (int i = 0; i < 1000 && controller->isApplying(); ++i) QCoreApplication::processEvents();
    probe.stop();
    REQUIRE_FALSE(controller->isApplying());
    CHECK(turns >= 3);
    CHECK_FALSE(controller->problem().has_value());
    CHECK(controller->overview()->incomingChanges == 0);
    CHECK_FALSE(w.summary().contains(QStringLiteral("Receiving")));
    CHECK(model->rowCount() == before + 3);
    CHECK(w.filesIn("inbox") == 0);
}

TEST_CASE("the history names the laptop a synced change came from, not its author's foreign user id",
          "[app][sync][casefile]") {
    UnlockedWindow w;
    abri::app::test::TestHub hub;
    hub.enrol(w.vault());
    w.window->syncController()->refresh();  // the controller notices the enrolment
    const std::string peerCase = hub.deliverCaseFromPeer(w.demo.path(), "TST-ONE-24-PEER02", abri::app::test::kOffice);
    w.window->syncNowAction()->trigger();
    REQUIRE_FALSE(w.window->syncController()->problem().has_value());

    REQUIRE(w.window->session()->cases().history(peerCase).size() >= 1);
    abri::app::HistorySection history(*w.window->session());
    history.setCase(peerCase, {});
    REQUIRE(history.table()->rowCount() >= 1);
    const QString who = history.table()->item(history.table()->rowCount() - 1, 1)->text();  // oldest: the creation
    CHECK(who == QStringLiteral("peer-device, office TST-ONE"));

    // A change made here still shows the local user's name.
    w.window->session()->cases().updateField(peerCase, "person.children", 2);
    history.setCase(peerCase, {});
    CHECK(history.table()->item(0, 1)->text() == w.window->session()->userDisplayName(w.vault().currentUser().id));
}

TEST_CASE("background sync runs on its timer, waits while a dialog is open", "[app][sync]") {
    UnlockedWindow w;
    abri::app::test::TestHub hub;
    hub.enrol(w.vault());
    auto* sync = w.window->syncController();
    sync->refresh();
    auto* users = w.window->showUsersDialog();  // window-modal: the user is busy
    REQUIRE(users != nullptr);
    sync->setIntervals(20, 40);
    QTest::qWait(200);
    CHECK(w.filesIn("outbox") == 0);
    users->close();
    QTest::qWait(50);
    QTRY_VERIFY_WITH_TIMEOUT(w.filesIn("outbox") >= 1, 2000);
    CHECK(w.vault().journal().unshippedCount() == 0);
}

TEST_CASE("a failing sync step is shown in the status bar, never in a dialog", "[app][sync]") {
    UnlockedWindow w;
    abri::app::test::TestHub hub;
    hub.enrol(w.vault());
    // Garbage under a page's name: the inbox sets it aside and the step reports it.
    const auto device = *abri::wire::idFromHex(w.vault().deviceId());
    fs::create_directories(w.syncDir() / "inbox");
    std::ofstream(w.syncDir() / "inbox" / abri::wire::pageFileName(device, 1, 1), std::ios::binary)
        << "this is not a sealed page";
    CHECK_FALSE(w.window->syncController()->syncNow());
    REQUIRE(w.window->syncController()->problem().has_value());
    CHECK(w.problem()->isVisible());
    CHECK(w.problem()->text().startsWith(QStringLiteral("A sync file was damaged")));
    CHECK_FALSE(w.problem()->toolTip().isEmpty());
    CHECK_FALSE(anyMessageBox(w.window.get()));
    // The next successful step clears it (the bad file was renamed aside).
    CHECK(w.window->syncController()->syncNow());
    CHECK(w.problem()->isHidden());
}

TEST_CASE("locking stops sync and clears the status bar", "[app][sync]") {
    UnlockedWindow w;
    CHECK_FALSE(w.summary().isEmpty());
    w.window->lock();
    CHECK(w.window->syncController() == nullptr);
    CHECK(w.summary().isEmpty());
    CHECK(w.conflictsButton()->isHidden());
}
