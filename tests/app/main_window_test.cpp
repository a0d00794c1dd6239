#include "catch_qt.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QTableView>

#include "caselist/case_list_page.h"
#include "casefile/case_file_widget.h"
#include "demo_vault.h"
#include "dialogs/settings_dialog.h"
#include "dialogs/users_dialog.h"
#include "ui/language_selector.h"
#include "i18n/language.h"
#include "language_guard.h"
#include "main/main_window.h"
#include "main/workspace.h"
#include "models/case_list_model.h"
#include "screens/first_run_page.h"
#include "screens/unlock_page.h"
#include "session/idle_watcher.h"
#include "session/session.h"
#include "settings/app_settings.h"
#include "vault/vault.h"

using abri::app::AppOptions;
using abri::app::AppSettings;
using abri::app::IdleWatcher;
using abri::app::MainWindow;
using abri::app::test::DemoVault;

namespace {

AppOptions optionsFor(const QString& vaultPath) {
    AppOptions options;
    options.vaultPath = vaultPath;
    options.kdf = DemoVault::kdf();
    return options;
}

void flushDeletes() {
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

void unlockAs(MainWindow& window, const char* user, const char* password) {
    auto* page = window.unlockPage();
    page->userCombo()->setCurrentIndex(page->userCombo()->findText(QString::fromLatin1(user)));
    page->passwordEdit()->setText(QString::fromLatin1(password));
    page->unlock();
}

}  // namespace

TEST_CASE("first run creates the vault and shows the recovery key once", "[app][mainwindow]") {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/first.vault"));
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(optionsFor(path), settings);
    window.start();
    auto* page = window.firstRunPage();
    REQUIRE(page != nullptr);
    CHECK(window.currentPage() == page);

    page->officeEdit()->setText(QStringLiteral("TST-ONE"));
    page->usernameEdit()->setText(QStringLiteral("testadmin"));
    page->passwordEdit()->setText(QStringLiteral("short"));
    page->confirmEdit()->setText(QStringLiteral("short"));
    page->createVault();
    CHECK_FALSE(page->errorLabel()->text().isEmpty());  // too weak: refused by core's policy
    CHECK_FALSE(QFileInfo::exists(path));

    page->passwordEdit()->setText(QStringLiteral("a long enough passphrase"));
    page->confirmEdit()->setText(QStringLiteral("a long enough passphrase!"));
    page->createVault();
    CHECK(page->errorLabel()->text() == QStringLiteral("The two passwords are different."));

    page->confirmEdit()->setText(QStringLiteral("a long enough passphrase"));
    page->createVault();
    REQUIRE(page->isShowingRecoveryKey());
    const auto* key = page->findChild<QPlainTextEdit*>(QStringLiteral("recoveryKey"));
    CHECK(key->toPlainText().size() > 20);
    CHECK_FALSE(page->continueButton()->isEnabled());
    page->writtenDownCheck()->setChecked(true);
    page->continueButton()->click();
    flushDeletes();
    REQUIRE(window.isUnlocked());
    CHECK(window.workspace() != nullptr);
    CHECK(window.firstRunPage() == nullptr);
    CHECK(QFileInfo::exists(path));
}

TEST_CASE("unlock, wrong password and locking", "[app][mainwindow]") {
    DemoVault demo;
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(optionsFor(demo.qpath()), settings);
    window.show();
    window.start();
    auto* page = window.unlockPage();
    REQUIRE(window.currentPage() == page);
    CHECK(page->userCombo()->count() == 2);

    unlockAs(window, abri::app::test::kWorker, "not the password");
    CHECK_FALSE(window.isUnlocked());
    CHECK(page->errorLabel()->text().startsWith(QStringLiteral("Wrong password.")));
    CHECK(page->passwordEdit()->text().isEmpty());

    unlockAs(window, abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    REQUIRE(window.isUnlocked());
    auto* workspace = window.workspace();
    REQUIRE(workspace != nullptr);
    CHECK(workspace->caseList()->model()->rowCount() == static_cast<int>(demo.caseCount()));
    auto* file = workspace->openCase(QString::fromStdString(workspace->caseList()->model()->caseIdAt(0)));
    REQUIRE(file != nullptr);
    CHECK(workspace->tabs()->count() == 2);

    // Ctrl+L locks: the key is wiped and every widget that showed case data is destroyed.
    QPointer<QWidget> caseFile = file;
    QPointer<QObject> model = workspace->caseList()->model();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(workspace->caseList()->table(), Qt::Key_L, Qt::ControlModifier);
    CHECK_FALSE(window.isUnlocked());
    CHECK(window.currentPage() == page);
    CHECK(window.workspace() == nullptr);
    flushDeletes();
    CHECK(caseFile.isNull());
    CHECK(model.isNull());
    const auto tables = window.findChildren<QTableView*>();
    CHECK(tables.isEmpty());
}

TEST_CASE("auto-lock after the idle time", "[app][mainwindow]") {
    DemoVault demo;
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(optionsFor(demo.qpath()), settings);
    window.show();
    window.start();
    unlockAs(window, abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    REQUIRE(window.isUnlocked());
    IdleWatcher* watcher = window.idleWatcher();
    QSignalSpy idle(watcher, &IdleWatcher::idle);
    watcher->setTimeout(600);
    watcher->start();
    // Activity restarts the wait: once some of it has passed, a mouse move gives back the whole of it.
    REQUIRE(QTest::qWaitFor([&] { return watcher->remainingMs() < 500; }));
    const int before = watcher->remainingMs();
    QTest::mouseMove(&window, QPoint(10, 10));
    CHECK(watcher->remainingMs() > before);
    CHECK(idle.isEmpty());
    CHECK(window.isUnlocked());
    // Then nobody touches anything: the window locks when the watcher reports idle.
    REQUIRE(idle.wait(10'000));
    CHECK_FALSE(window.isUnlocked());
    CHECK(window.unlockPage()->isVisible());
}

TEST_CASE("a damaged vault is reported and left untouched", "[app][mainwindow]") {
    DemoVault demo;
    QTemporaryDir dir;
    {
        QFile file(demo.qpath());
        REQUIRE(file.open(QIODevice::ReadWrite));
        file.seek(4096);
        file.write(QByteArray(4096, 'x'));
    }
    const auto before = abri::test::readFileBytes(demo.path());
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(optionsFor(demo.qpath()), settings);
    window.show();
    window.start();
    unlockAs(window, abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    CHECK_FALSE(window.isUnlocked());
    CHECK_FALSE(window.unlockPage()->errorLabel()->text().isEmpty());
    CHECK(abri::test::readFileBytes(demo.path()) == before);
    CHECK(window.firstRunPage() == nullptr);  // never offers to create a vault over it
}

TEST_CASE("Arabic switches the whole interface right to left", "[app][mainwindow][i18n]") {
    DemoVault demo;
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(optionsFor(demo.qpath()), settings);
    window.show();
    window.start();
    window.setLanguage(QStringLiteral("ar"));
    QCoreApplication::processEvents();
    CHECK(window.layoutDirection() == Qt::RightToLeft);
    CHECK(settings.language() == QStringLiteral("ar"));
    CHECK(window.unlockPage()->unlockButton()->text() != QStringLiteral("Unlock"));
    window.setLanguage(QStringLiteral("fr"));
    QCoreApplication::processEvents();
    CHECK(window.layoutDirection() == Qt::LeftToRight);
    CHECK(window.unlockPage()->unlockButton()->text() == QStringLiteral("Déverrouiller"));
    window.setLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    CHECK(window.unlockPage()->unlockButton()->text() == QStringLiteral("Unlock"));
}

TEST_CASE("the recovery key opens a user-management-only session", "[app][mainwindow]") {
    DemoVault demo;
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(optionsFor(demo.qpath()), settings);
    window.show();
    window.start();
    auto* page = window.unlockPage();
    page->setRecoveryMode(true);
    page->passwordEdit()->setText(QStringLiteral("not-the-key"));
    page->unlock();
    CHECK_FALSE(window.isUnlocked());
    CHECK(page->errorLabel()->text().startsWith(QStringLiteral("This recovery key")));

    page->setRecoveryMode(true);
    page->passwordEdit()->setText(QString::fromStdString(demo.recoveryKey()));
    page->unlock();
    REQUIRE(window.isUnlocked());
    CHECK(window.session()->isRecoverySession());
    CHECK(window.workspace() == nullptr);  // no case data in a recovery session
    CHECK(window.currentPage()->objectName() == QStringLiteral("recoveryPage"));
    auto* users = window.showUsersDialog();
    REQUIRE(users != nullptr);
    const auto buttons = users->findChildren<QPushButton*>();
    auto visible = [&buttons](const QString& text) {
        return std::any_of(buttons.begin(), buttons.end(),
                           [&text](QPushButton* b) { return b->text() == text && !b->isHidden(); });
    };
    CHECK(visible(QStringLiteral("Reset password…")));
    CHECK_FALSE(visible(QStringLiteral("Add a user…")));
    users->close();
    window.lock();
    CHECK_FALSE(window.isUnlocked());
}

TEST_CASE("key slots without their vault: no first run over them", "[app][mainwindow]") {
    DemoVault demo;
    QTemporaryDir dir;
    REQUIRE(QFile::rename(demo.qpath(), dir.filePath(QStringLiteral("moved.vault"))));
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(optionsFor(demo.qpath()), settings);
    window.show();
    window.start();
    CHECK(window.firstRunPage() == nullptr);
    CHECK(window.currentPage() == window.unlockPage());
    const auto dialogs = window.findChildren<QMessageBox*>(QStringLiteral("errorDialog"));
    REQUIRE(dialogs.size() == 1);
    CHECK(dialogs.front()->text().startsWith(QStringLiteral("No vault was found at")));
    CHECK(std::filesystem::exists(abri::vault::keySlotPath(demo.path())));
}

TEST_CASE("settings change the auto-lock delay and the language", "[app][mainwindow][i18n]") {
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    MainWindow window(optionsFor(dir.filePath(QStringLiteral("none.vault"))), settings);
    window.start();
    auto* dialog = window.showSettingsDialog();
    dialog->autoLockSpin()->setValue(3);
    dialog->apply();
    CHECK(settings.autoLockMinutes() == 3);
    CHECK(window.idleWatcher()->timeout() == 3 * 60 * 1000);
    Q_EMIT dialog->languageSelector()->languageChosen(QStringLiteral("fr"));
    QCoreApplication::processEvents();
    CHECK(settings.language() == QStringLiteral("fr"));
    CHECK(dialog->windowTitle() == QStringLiteral("Paramètres"));
    window.setLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    CHECK(dialog->windowTitle() == QStringLiteral("Settings"));
    dialog->close();
}
