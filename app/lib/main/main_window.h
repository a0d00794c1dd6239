#pragma once
// The application window: first run, lock screen, or the workspace of an unlocked vault. Locking (Ctrl+L, idle
// timeout) wipes the key at once and destroys every widget and model that showed case data.
#include <QtCore/QPointer>
#include <QtWidgets/QMainWindow>

#include <memory>

#include "session/app_options.h"

class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;
class QToolBar;

namespace abri::vault {
class Vault;
}

namespace abri::app {

class AppSettings;
class ConflictsDialog;
class RefusalDialog;
class ReportsPage;
class FirstRunPage;
class IdleWatcher;
class Session;
class SettingsDialog;
class SyncController;
class SyncStatusWidget;
class UnlockPage;
class UsersDialog;
class Workspace;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class LockReason { User, Idle };

    MainWindow(AppOptions options, AppSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows first-run, the lock screen, or a clear message when the vault cannot be used.
    void start();
    void lock(LockReason reason = LockReason::User);
    bool isUnlocked() const { return session_ != nullptr; }
    void setLanguage(const QString& code);

    UnlockPage* unlockPage() const { return unlockPage_; }
    FirstRunPage* firstRunPage() const { return firstRunPage_; }
    Workspace* workspace() const;
    Session* session() const { return session_.get(); }
    IdleWatcher* idleWatcher() const { return idle_; }
    SyncStatusWidget* syncStatus() const { return syncStatus_; }
    // Seals and applies sync files while unlocked; null when locked or in a recovery session.
    SyncController* syncController() const { return sync_; }
    QAction* syncNowAction() const { return syncNow_; }
    QAction* conflictsAction() const { return conflicts_; }
    QAction* reportsAction() const { return reports_; }
    QAction* backupNowAction() const { return backupNow_; }
    // The status bar's reminder, shown when the last backup is older than the Settings' number of days.
    QPushButton* backupReminder() const { return backupReminder_; }
    // "Back up now": asks where (a file dialog) unless `destination` is given, writes the backup and reports the
    // result. Returns true when a backup was written.
    bool backUpNow(const QString& destination = {});
    // Opens (or brings forward) the Reports tab; nullptr when locked or the role may not run reports.
    ReportsPage* showReports();
    QWidget* currentPage() const;
    UsersDialog* showUsersDialog();
    SettingsDialog* showSettingsDialog();
    ConflictsDialog* showConflictsDialog();
    // The hub's refusals of this laptop's changes (nullptr when not syncing).
    RefusalDialog* showRefusalDialog();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onUnlocked(std::unique_ptr<vault::Vault> vault);
    void showUnlockPage();
    void showVaultProblem(const QString& message);
    void updateActions();
    void updateStatus();
    void refreshAfterSync();
    void stopSync();
    void retranslate();
    void closeModalWindows();
    void updateBackupReminder();

    AppOptions options_;
    AppSettings& settings_;
    std::shared_ptr<Session> session_;
    QStackedWidget* stack_;
    UnlockPage* unlockPage_ = nullptr;
    FirstRunPage* firstRunPage_ = nullptr;
    QPointer<Workspace> workspace_;
    QPointer<QWidget> recoveryPage_;
    IdleWatcher* idle_;
    SyncController* sync_ = nullptr;

    QMenu* fileMenu_;
    QMenu* toolsMenu_;
    QMenu* helpMenu_;
    QToolBar* toolbar_;
    QAction* newCase_;
    QAction* reports_;
    QAction* syncNow_;
    QAction* lock_;
    QAction* quit_;
    QAction* users_;
    QAction* settingsAction_;
    QAction* conflicts_;
    QAction* about_;
    QAction* backupNow_;
    QPushButton* backupReminder_;
    SyncStatusWidget* syncStatus_;
    QLabel* userStatus_;
};

}  // namespace abri::app
