#include "main/main_window.h"

#include <QtCore/QEvent>
#include <QtCore/QDate>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtGui/QAction>
#include <QtGui/QCloseEvent>
#include <QtGui/QKeySequence>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QVBoxLayout>

#include "caselist/case_list_page.h"
#include "common/error.h"
#include "dialogs/add_user_dialog.h"
#include "dialogs/conflicts_dialog.h"
#include "dialogs/refusal_dialog.h"
#include "dialogs/settings_dialog.h"
#include "dialogs/users_dialog.h"
#include "i18n/error_messages.h"
#include "i18n/language.h"
#include "main/backup_reminder.h"
#include "main/sync_controller.h"
#include "main/sync_status.h"
#include "main/workspace.h"
#include "reports/reports_page.h"
#include "screens/first_run_page.h"
#include "screens/unlock_page.h"
#include "session/idle_watcher.h"
#include "session/session.h"
#include "settings/app_settings.h"
#include "ui/icons.h"
#include "ui/language_selector.h"
#include "ui/message_dialogs.h"
#include "ui/style.h"
#include "ui/text_direction.h"
#include "vault/vault.h"
#include "vault/vault_backup.h"

namespace abri::app {

namespace {

// Shown instead of the case list when the vault was opened with the recovery key: user management only.
class RecoveryPage : public QWidget {
public:
    explicit RecoveryPage(QWidget* parent) : QWidget(parent) {
        setObjectName(QStringLiteral("recoveryPage"));
        auto* layout = new QVBoxLayout(this);
        title_ = new QLabel(this);
        Style::makeTitle(title_);
        text_ = new QLabel(this);
        text_->setWordWrap(true);
        button_ = new QPushButton(this);
        button_->setIcon(Icons::icon(QStringLiteral("users")));
        layout->addStretch();
        layout->addWidget(title_, 0, Qt::AlignHCenter);
        layout->addWidget(text_, 0, Qt::AlignHCenter);
        layout->addWidget(button_, 0, Qt::AlignHCenter);
        layout->addStretch();
        retranslate();
    }
    QPushButton* button() const { return button_; }

protected:
    void changeEvent(QEvent* event) override {
        if (event->type() == QEvent::LanguageChange) retranslate();
        QWidget::changeEvent(event);
    }

private:
    void retranslate() {
        title_->setText(MainWindow::tr("Recovery session"));
        text_->setText(MainWindow::tr("The vault was opened with the recovery key. You can reset a password; case "
                                      "files are not shown. Lock when you are done."));
        button_->setText(MainWindow::tr("Manage users…"));
    }
    QLabel* title_;
    QLabel* text_;
    QPushButton* button_;
};

}  // namespace

MainWindow::MainWindow(AppOptions options, AppSettings& settings, QWidget* parent)
    : QMainWindow(parent), options_(std::move(options)), settings_(settings), stack_(new QStackedWidget(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Icons::appIcon());
    setCentralWidget(stack_);
    resize(1200, 780);

    newCase_ = new QAction(Icons::icon(QStringLiteral("new_case")), QString(), this);
    newCase_->setShortcut(QKeySequence::New);
    reports_ = new QAction(Icons::icon(QStringLiteral("reports")), QString(), this);
    reports_->setObjectName(QStringLiteral("showReports"));
    reports_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    syncNow_ = new QAction(Icons::icon(QStringLiteral("sync")), QString(), this);
    syncNow_->setObjectName(QStringLiteral("syncNow"));
    syncNow_->setShortcut(QKeySequence(Qt::Key_F5));
    lock_ = new QAction(Icons::icon(QStringLiteral("lock")), QString(), this);
    lock_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lock_->setShortcutContext(Qt::ApplicationShortcut);
    quit_ = new QAction(this);
    quit_->setShortcut(QKeySequence::Quit);
    users_ = new QAction(Icons::icon(QStringLiteral("users")), QString(), this);
    settingsAction_ = new QAction(Icons::icon(QStringLiteral("settings")), QString(), this);
    conflicts_ = new QAction(Icons::icon(QStringLiteral("warning")), QString(), this);
    conflicts_->setObjectName(QStringLiteral("showConflicts"));
    about_ = new QAction(this);
    backupNow_ = new QAction(this);
    backupNow_->setObjectName(QStringLiteral("backupNow"));

    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(newCase_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(syncNow_);
    fileMenu_->addAction(backupNow_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(lock_);
    fileMenu_->addAction(quit_);
    toolsMenu_ = menuBar()->addMenu(QString());
    toolsMenu_->addAction(reports_);
    toolsMenu_->addSeparator();
    toolsMenu_->addAction(conflicts_);
    toolsMenu_->addAction(users_);
    toolsMenu_->addAction(settingsAction_);
    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(about_);

    toolbar_ = addToolBar(QString());
    toolbar_->setObjectName(QStringLiteral("mainToolbar"));
    toolbar_->setMovable(false);
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar_->addAction(newCase_);
    toolbar_->addAction(reports_);
    toolbar_->addAction(syncNow_);
    toolbar_->addAction(users_);
    toolbar_->addAction(settingsAction_);
    auto* spacer = new QWidget(toolbar_);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar_->addWidget(spacer);
    toolbar_->addAction(lock_);

    syncStatus_ = new SyncStatusWidget(this);
    connect(syncStatus_, &SyncStatusWidget::conflictsRequested, this, &MainWindow::showConflictsDialog);
    connect(syncStatus_, &SyncStatusWidget::refusalsRequested, this, &MainWindow::showRefusalDialog);
    userStatus_ = new QLabel(this);
    userStatus_->setObjectName(QStringLiteral("userStatus"));
    statusBar()->addWidget(syncStatus_, 1);
    backupReminder_ = new QPushButton(this);
    backupReminder_->setObjectName(QStringLiteral("backupReminder"));
    backupReminder_->setFlat(true);
    backupReminder_->setIcon(Icons::icon(QStringLiteral("warning")));
    backupReminder_->hide();
    statusBar()->addPermanentWidget(backupReminder_);
    statusBar()->addPermanentWidget(userStatus_);

    unlockPage_ = new UnlockPage(options_.vaultPath, stack_);
    stack_->addWidget(unlockPage_);
    unlockPage_->setOnUnlocked([this](std::unique_ptr<vault::Vault> vault) { onUnlocked(std::move(vault)); });
    connect(unlockPage_, &UnlockPage::vaultProblem, this, &MainWindow::showVaultProblem);
    connect(unlockPage_->languageSelector(), &LanguageSelector::languageChosen, this, &MainWindow::setLanguage);

    idle_ = new IdleWatcher(this);
    idle_->setTimeout(settings_.autoLockMinutes() * 60 * 1000);
    connect(idle_, &IdleWatcher::idle, this, [this] { lock(LockReason::Idle); });

    connect(newCase_, &QAction::triggered, this, [this] {
        if (workspace_) workspace_->newCase();
    });
    connect(reports_, &QAction::triggered, this, &MainWindow::showReports);
    connect(syncNow_, &QAction::triggered, this, [this] {
        if (sync_) sync_->syncNow();
    });
    connect(conflicts_, &QAction::triggered, this, &MainWindow::showConflictsDialog);
    connect(backupNow_, &QAction::triggered, this, [this] { backUpNow(); });
    connect(backupReminder_, &QPushButton::clicked, this, [this] { backUpNow(); });
    connect(lock_, &QAction::triggered, this, [this] { lock(LockReason::User); });
    connect(quit_, &QAction::triggered, this, &QWidget::close);
    connect(users_, &QAction::triggered, this, &MainWindow::showUsersDialog);
    connect(settingsAction_, &QAction::triggered, this, &MainWindow::showSettingsDialog);
    connect(about_, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Abri"),
                           tr("Abri %1\nOffline-first case management for organisations assisting victims of human "
                              "trafficking.\nCase data stays encrypted on this computer.")
                               .arg(QCoreApplication::applicationVersion()));
    });
    retranslate();
    updateActions();
}

MainWindow::~MainWindow() {
    stopSync();
    delete workspace_;
    if (session_) session_->vault().lock();
    session_.reset();
}

QWidget* MainWindow::currentPage() const { return stack_->currentWidget(); }

Workspace* MainWindow::workspace() const { return workspace_.data(); }

void MainWindow::start() {
    const std::filesystem::path vaultPath(options_.vaultPath.toStdString());
    const bool vaultExists = std::filesystem::exists(vaultPath);
    const bool keysExist = std::filesystem::exists(vault::keySlotPath(vaultPath));
    if (!vaultExists && !keysExist) {
        firstRunPage_ = new FirstRunPage(options_.vaultPath, options_.kdf, stack_);
        stack_->addWidget(firstRunPage_);
        firstRunPage_->setOnFinished([this](std::unique_ptr<vault::Vault> vault) {
            onUnlocked(std::move(vault));
            // First run is over; from now on the lock screen is the way in.
            stack_->removeWidget(firstRunPage_);
            firstRunPage_->deleteLater();
            firstRunPage_ = nullptr;
        });
        connect(firstRunPage_->languageSelector(), &LanguageSelector::languageChosen, this, &MainWindow::setLanguage);
        stack_->setCurrentWidget(firstRunPage_);
        updateActions();
        return;
    }
    showUnlockPage();
    if (!vaultExists) {
        // Keys without their vault: never offer to create a new one over them.
        showVaultProblem(ErrorMessages::message(ErrorCode::VaultNotFound, options_.vaultPath));
    } else if (!unlockPage_->reload()) {
        showVaultProblem(unlockPage_->errorLabel()->text());
    }
}

void MainWindow::showVaultProblem(const QString& message) {
    showErrorDialog(this, tr("The vault cannot be opened"), message);
}

void MainWindow::showUnlockPage() {
    unlockPage_->reload();
    stack_->setCurrentWidget(unlockPage_);
    updateActions();
    updateStatus();
}

void MainWindow::onUnlocked(std::unique_ptr<vault::Vault> vault) {
    session_ = std::make_shared<Session>(std::move(vault), options_.kdf);
    if (session_->isRecoverySession()) {
        auto* page = new RecoveryPage(stack_);
        connect(page->button(), &QPushButton::clicked, this, &MainWindow::showUsersDialog);
        recoveryPage_ = page;
        stack_->addWidget(page);
        stack_->setCurrentWidget(page);
    } else {
        workspace_ = new Workspace(*session_, stack_);
        stack_->addWidget(workspace_);
        stack_->setCurrentWidget(workspace_);
        workspace_->caseList()->searchEdit()->setFocus();
        sync_ = new SyncController(*session_, std::filesystem::path(options_.vaultPath.toStdString()), this);
        connect(sync_, &SyncController::overviewChanged, this, [this] {
            updateStatus();
            updateActions();
        });
        connect(sync_, &SyncController::casesChanged, this, &MainWindow::refreshAfterSync);
        // A save adds changes to send: recount at once rather than at the next tick.
        connect(workspace_, &Workspace::dataChanged, sync_, &SyncController::refresh);
        sync_->start();
    }
    idle_->setTimeout(settings_.autoLockMinutes() * 60 * 1000);
    idle_->start();
    updateActions();
    updateStatus();
    updateBackupReminder();
}

void MainWindow::closeModalWindows() {
    // Dialogs running their own event loop would return into destroyed widgets; close them first.
    for (int guard = 0; guard < 16; ++guard) {
        QWidget* modal = QApplication::activeModalWidget();
        if (modal == nullptr || modal == this) break;
        modal->close();
    }
    const auto windows = QApplication::topLevelWidgets();
    for (QWidget* window : windows) {
        if (window != this && window->isVisible() && window->isWindow() && isAncestorOf(window) == false &&
            window->parentWidget() != nullptr) {
            window->close();
        }
    }
}

void MainWindow::lock(LockReason reason) {
    if (!session_) return;
    if (reason == LockReason::User && workspace_ && workspace_->hasUnsavedChanges() && !workspace_->confirmCloseAll()) {
        return;
    }
    idle_->stop();
    stopSync();
    closeModalWindows();
    // 1. Wipe the key now: from here every core call fails with VaultLocked.
    session_->vault().lock();
    // 2. Hide and destroy everything that showed case data. Widgets may still be on the call stack (a dialog's
    //    event loop), so they are deleted by the event loop; the session object goes with the last of them.
    std::shared_ptr<Session> retired = std::move(session_);
    for (QWidget* page : {static_cast<QWidget*>(workspace_.data()), recoveryPage_.data()}) {
        if (page == nullptr) continue;
        stack_->removeWidget(page);
        page->hide();
        connect(page, &QObject::destroyed, this, [retired] {});
        page->deleteLater();
    }
    workspace_ = nullptr;
    recoveryPage_ = nullptr;
    unlockPage_->setIdleLockNotice(reason == LockReason::Idle ? settings_.autoLockMinutes() : 0);
    updateBackupReminder();
    showUnlockPage();
}

void MainWindow::stopSync() {
    if (sync_ == nullptr) return;
    sync_->stop();
    sync_->disconnect(this);
    delete sync_;
    sync_ = nullptr;
}

void MainWindow::refreshAfterSync() {
    if (workspace_) workspace_->refreshAfterSync();
}

ConflictsDialog* MainWindow::showConflictsDialog() {
    if (!session_ || session_->isRecoverySession()) return nullptr;
    auto* dialog = new ConflictsDialog(*session_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &ConflictsDialog::resolved, this, [this] {
        refreshAfterSync();
        if (sync_) sync_->refresh();
    });
    dialog->show();
    return dialog;
}

RefusalDialog* MainWindow::showRefusalDialog() {
    if (sync_ == nullptr) return nullptr;
    auto* dialog = new RefusalDialog(*sync_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &RefusalDialog::resent, this, &MainWindow::refreshAfterSync);
    dialog->show();
    return dialog;
}

void MainWindow::setLanguage(const QString& code) {
    Language::apply(code);
    settings_.setLanguage(code);
}

ReportsPage* MainWindow::showReports() {
    if (!workspace_) return nullptr;
    return workspace_->openReports();
}

UsersDialog* MainWindow::showUsersDialog() {
    if (!session_) return nullptr;
    auto* dialog = new UsersDialog(*session_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::finished, this, [this] {
        if (workspace_) workspace_->caseList()->refillUsers();
    });
    dialog->show();
    return dialog;
}

SettingsDialog* MainWindow::showSettingsDialog() {
    auto* dialog = new SettingsDialog(settings_, session_.get(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &SettingsDialog::languageChosen, this, &MainWindow::setLanguage);
    connect(dialog, &SettingsDialog::autoLockChanged, this,
            [this](int minutes) { idle_->setTimeout(minutes * 60 * 1000); });
    connect(dialog, &SettingsDialog::backupReminderChanged, this, &MainWindow::updateBackupReminder);
    connect(dialog, &SettingsDialog::minimumCellSizeChanged, this, [this] {
        if (workspace_) workspace_->refreshReports();
    });
    dialog->show();
    return dialog;
}

void MainWindow::updateActions() {
    const bool unlocked = session_ != nullptr;
    const bool recovery = unlocked && session_->isRecoverySession();
    newCase_->setEnabled(unlocked && !recovery && session_->can(vault::Permission::EditCases));
    newCase_->setVisible(!recovery);
    reports_->setEnabled(unlocked && !recovery && session_->can(vault::Permission::ViewStatistics));
    reports_->setVisible(!recovery);
    syncNow_->setEnabled(sync_ != nullptr && sync_->isEnrolled());
    syncNow_->setVisible(!recovery);
    conflicts_->setEnabled(unlocked && !recovery);
    conflicts_->setVisible(!recovery);
    lock_->setEnabled(unlocked);
    backupNow_->setEnabled(unlocked && !recovery);
    backupNow_->setVisible(!recovery);
    users_->setEnabled(unlocked);
    toolbar_->setVisible(unlocked);
    menuBar()->setVisible(unlocked);
    statusBar()->setVisible(unlocked);
}

void MainWindow::updateStatus() {
    if (!session_) {
        syncStatus_->setOverview(std::nullopt);
        syncStatus_->setProblem(std::nullopt);
        userStatus_->clear();
        return;
    }
    syncStatus_->setOverview(sync_ != nullptr ? sync_->overview() : std::nullopt);
    syncStatus_->setProblem(sync_ != nullptr ? sync_->problem() : std::nullopt);
    try {
        const auto& user = session_->currentUser();
        userStatus_->setText(followUiDirection(session_->isRecoverySession()
                                 ? tr("Recovery session · office %1").arg(session_->office())
                                 : tr("%1 (%2) · office %3")
                                       .arg(QString::fromStdString(user.displayName),
                                            roleName(static_cast<int>(user.role)), session_->office())));
    } catch (const Error&) {
        userStatus_->clear();
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (workspace_ && !workspace_->confirmCloseAll()) {
        event->ignore();
        return;
    }
    if (session_) lock(LockReason::Idle);  // no second question: confirmCloseAll() asked already
    event->accept();
}

void MainWindow::retranslate() {
    setWindowTitle(QStringLiteral("Abri"));
    fileMenu_->setTitle(tr("&File"));
    toolsMenu_->setTitle(tr("&Tools"));
    helpMenu_->setTitle(tr("&Help"));
    toolbar_->setWindowTitle(tr("Main toolbar"));
    newCase_->setText(tr("New case"));
    newCase_->setToolTip(tr("Register a new case (Ctrl+N)"));
    reports_->setText(tr("Reports"));
    reports_->setToolTip(tr("Statistics on the cases, with small counts protected (Ctrl+R)"));
    syncNow_->setText(tr("Sync now"));
    syncNow_->setToolTip(tr("Prepare the changes for the hub and apply the updates received from it (F5)"));
    conflicts_->setText(tr("Conflicts…"));
    conflicts_->setToolTip(tr("Fields changed on two computers at the same time"));
    lock_->setText(tr("Lock"));
    lock_->setToolTip(tr("Lock Abri now and wipe the keys from memory (Ctrl+L)"));
    quit_->setText(tr("Quit"));
    users_->setText(tr("Users"));
    settingsAction_->setText(tr("Settings"));
    about_->setText(tr("About Abri"));
    backupNow_->setText(tr("Back up now…"));
    backupNow_->setToolTip(tr("Write an encrypted copy of the vault to a file, e.g. on a USB stick"));
    updateStatus();
    updateBackupReminder();
}

bool MainWindow::backUpNow(const QString& destination) {
    if (!session_ || session_->isRecoverySession()) return false;
    QString path = destination;
    if (path.isEmpty()) {
        const QString suggested = QDir::home().filePath(
            QStringLiteral("abri-%1.abribackup").arg(QDate::currentDate().toString(Qt::ISODate)));
        path = QFileDialog::getSaveFileName(this, tr("Back up the vault"), suggested,
                                            tr("Abri backups (*.abribackup)"), nullptr,
                                            QFileDialog::DontConfirmOverwrite);  // an existing file is refused
        if (path.isEmpty()) return false;
    }
    statusBar()->showMessage(tr("Backing up the vault…"));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);  // paint the message first
    bool written = false;
    try {
        vault::backupVault(session_->vault(), std::filesystem::path(path.toStdString()));
        written = true;
    } catch (const Error& error) {
        QApplication::restoreOverrideCursor();
        statusBar()->clearMessage();
        showErrorDialog(this, tr("Back up now"), ErrorMessages::message(error));
        return false;
    }
    QApplication::restoreOverrideCursor();
    const QString name = QFileInfo(path).fileName();
    statusBar()->showMessage(tr("Backed up to %1.").arg(leftToRight(name)), 10000);
    auto* done = new QMessageBox(QMessageBox::Information, tr("Back up now"),
                                 tr("The vault was backed up to %1. The backup is encrypted like the vault and opens "
                                    "with the same passwords. Keep it somewhere safe, away from this computer.")
                                     .arg(leftToRight(path)),
                                 QMessageBox::Ok, this);
    done->setObjectName(QStringLiteral("backupDone"));
    done->setAttribute(Qt::WA_DeleteOnClose);
    done->open();
    updateBackupReminder();
    return written;
}

void MainWindow::updateBackupReminder() {
    if (!session_ || session_->isRecoverySession()) {
        backupReminder_->hide();
        return;
    }
    BackupAge age;
    try {
        age = backupAge(session_->vault());
    } catch (const Error&) {
        backupReminder_->hide();  // locked meanwhile
        return;
    }
    const bool overdue = backupOverdue(age, settings_.backupReminderDays());
    backupReminder_->setVisible(overdue);
    if (!overdue) return;
    backupReminder_->setText(age.everBackedUp
                                 ? tr("Days since the last backup: %1. Back up now").arg(age.days)
                                 : tr("This vault has never been backed up: back up now"));
    backupReminder_->setToolTip(tr("Write an encrypted copy of the vault to a file, e.g. on a USB stick"));
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

}  // namespace abri::app
