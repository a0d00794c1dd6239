// "Back up now" and the backup reminder of the main window: the action writes an encrypted backup and says so, an
// existing file is refused with the vault's own message, and the status bar reminds once the last backup (kept in
// the vault, not in the settings) is older than the Settings' number of days.
#include "catch_qt.h"

#include <QtCore/QTemporaryDir>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>

#include <fstream>
#include <string>

#include "demo_vault.h"
#include "main/main_window.h"
#include "screens/unlock_page.h"
#include "session/session.h"
#include "settings/app_settings.h"
#include "storage/meta.h"
#include "support/temp_dir.h"
#include "vault/vault.h"
#include "vault/vault_backup.h"

using abri::app::AppOptions;
using abri::app::AppSettings;
using abri::app::MainWindow;
using abri::app::test::DemoVault;

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

// Sets meta keys of the vault before the window opens it, e.g. a last backup ten days ago.
void setMeta(const DemoVault& demo, const std::string& key, const std::string& value) {
    auto vault = demo.unlockAdmin();
    abri::storage::writeMeta(vault->db(), key, value);
}

std::string daysAgo(const DemoVault& demo, int days) {
    return std::to_string(demo.unlockAdmin()->nowMs() - days * kDayMs - 60'000);
}

struct Window {
    explicit Window(const DemoVault& demo) : settings(dir.filePath(QStringLiteral("settings.ini"))) {
        AppOptions options;
        options.vaultPath = demo.qpath();
        options.kdf = DemoVault::kdf();
        window = std::make_unique<MainWindow>(options, settings);
        window->show();
        window->start();
    }
    void unlock() {
        auto* page = window->unlockPage();
        page->userCombo()->setCurrentIndex(page->userCombo()->findText(QString::fromLatin1(abri::app::test::kWorker)));
        page->passwordEdit()->setText(QString::fromLatin1(abri::app::test::kWorkerPassword));
        page->unlock();
        QCoreApplication::processEvents();
        REQUIRE(window->isUnlocked());
    }
    QTemporaryDir dir;
    AppSettings settings;
    std::unique_ptr<MainWindow> window;
};

void closeMessageBoxes(MainWindow& window) {
    for (auto* box : window.findChildren<QMessageBox*>()) box->close();
    QCoreApplication::processEvents();
}

}  // namespace

TEST_CASE("Back up now writes an encrypted backup and the reminder goes away", "[app][backup]") {
    DemoVault demo;
    setMeta(demo, std::string(abri::vault::kLastBackupMetaKey), daysAgo(demo, 10));
    Window w(demo);
    w.unlock();
    auto& window = *w.window;
    REQUIRE(window.backupNowAction()->isEnabled());
    CHECK(window.backupReminder()->isVisible());
    CHECK(window.backupReminder()->text() == QStringLiteral("Days since the last backup: 10. Back up now"));

    abri::test::TempDir out;
    const auto backup = out / "office.abribackup";
    REQUIRE(window.backUpNow(QString::fromStdString(backup.string())));
    CHECK(std::filesystem::file_size(backup) > 0);
    CHECK_FALSE(abri::test::fileContains(backup, "Testperson"));
    const auto done = window.findChildren<QMessageBox*>(QStringLiteral("backupDone"));
    REQUIRE(done.size() == 1);
    CHECK(done.front()->text().contains(QStringLiteral("backed up to")));
    closeMessageBoxes(window);
    CHECK_FALSE(window.backupReminder()->isVisible());
    CHECK(abri::vault::inspectBackup(backup).vaultId == window.session()->vault().vaultId());

    // An existing file is never overwritten: the error dialog says so and the file keeps its bytes.
    const auto before = abri::test::readFileBytes(backup);
    CHECK_FALSE(window.backUpNow(QString::fromStdString(backup.string())));
    const auto errors = window.findChildren<QMessageBox*>(QStringLiteral("errorDialog"));
    REQUIRE(errors.size() == 1);
    CHECK(errors.front()->text().contains(QStringLiteral("already exists")));
    CHECK(abri::test::readFileBytes(backup) == before);
    closeMessageBoxes(window);
}

TEST_CASE("The backup reminder follows the Settings' number of days and a vault never backed up",
          "[app][backup]") {
    DemoVault demo;
    SECTION("ten days ago, reminder after 30 days: nothing shown") {
        setMeta(demo, std::string(abri::vault::kLastBackupMetaKey), daysAgo(demo, 10));
        Window w(demo);
        w.settings.setBackupReminderDays(30);
        w.unlock();
        CHECK_FALSE(w.window->backupReminder()->isVisible());
    }
    SECTION("a new vault is not reminded; one created 8 days ago and never backed up is") {
        {
            Window fresh(demo);
            fresh.unlock();
            CHECK_FALSE(fresh.window->backupReminder()->isVisible());
        }
        setMeta(demo, "created_ms", daysAgo(demo, 8));
        Window w(demo);
        w.unlock();
        CHECK(w.window->backupReminder()->isVisible());
        CHECK(w.window->backupReminder()->text() ==
              QStringLiteral("This vault has never been backed up: back up now"));
    }
}
