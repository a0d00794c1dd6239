#include "dialogs/settings_dialog.h"

#include <QtCore/QEvent>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

#include "common/error.h"
#include "i18n/error_messages.h"
#include "reports/report_engine.h"
#include "reports/report_settings.h"
#include "session/session.h"
#include "settings/app_settings.h"
#include "ui/language_selector.h"
#include "ui/style.h"

namespace abri::app {

namespace {
constexpr int kMaximumCellSize = 1000;
}  // namespace

SettingsDialog::SettingsDialog(AppSettings& settings, Session* session, QWidget* parent)
    : QDialog(parent), settings_(settings), session_(session) {
    setObjectName(QStringLiteral("settingsDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    languageLabel_ = new QLabel(this);
    language_ = new LanguageSelector(this);
    language_->setCurrentLanguage(settings.language());
    autoLockLabel_ = new QLabel(this);
    autoLock_ = new QSpinBox(this);
    autoLock_->setRange(AppSettings::kMinAutoLockMinutes, AppSettings::kMaxAutoLockMinutes);
    autoLock_->setValue(settings.autoLockMinutes());
    autoLockHint_ = new QLabel(this);
    autoLockHint_->setWordWrap(true);
    Style::makeHint(autoLockHint_);
    languageLabel_->setBuddy(language_);
    autoLockLabel_->setBuddy(autoLock_);
    form->addRow(languageLabel_, language_);
    form->addRow(autoLockLabel_, autoLock_);
    form->addRow(QString(), autoLockHint_);
    backupReminderLabel_ = new QLabel(this);
    backupReminder_ = new QSpinBox(this);
    backupReminder_->setObjectName(QStringLiteral("backupReminderDays"));
    backupReminder_->setRange(AppSettings::kMinBackupReminderDays, AppSettings::kMaxBackupReminderDays);
    backupReminder_->setValue(settings.backupReminderDays());
    backupReminderLabel_->setBuddy(backupReminder_);
    form->addRow(backupReminderLabel_, backupReminder_);
    minimumCellSizeLabel_ = new QLabel(this);
    minimumCellSize_ = new QSpinBox(this);
    minimumCellSize_->setObjectName(QStringLiteral("minimumCellSize"));
    minimumCellSize_->setRange(reports::kMinimumCellSizeFloor, kMaximumCellSize);
    minimumCellSize_->setValue(reports::kDefaultMinimumCellSize);
    minimumCellSizeHint_ = new QLabel(this);
    minimumCellSizeHint_->setWordWrap(true);
    Style::makeHint(minimumCellSizeHint_);
    minimumCellSizeLabel_->setBuddy(minimumCellSize_);
    const bool statistics = session_ != nullptr && !session_->isRecoverySession() &&
                            session_->can(vault::Permission::ConfigureStatistics);
    if (statistics) {
        try {
            savedMinimumCellSize_ = reports::minimumCellSize(session_->vault());
            minimumCellSize_->setValue(savedMinimumCellSize_);
        } catch (const Error&) {
            savedMinimumCellSize_ = 0;  // locked meanwhile: nothing to show or change
        }
    }
    if (statistics && savedMinimumCellSize_ > 0) {
        form->addRow(minimumCellSizeLabel_, minimumCellSize_);
        form->addRow(QString(), minimumCellSizeHint_);
    } else {
        minimumCellSizeLabel_->hide();
        minimumCellSize_->hide();
        minimumCellSizeHint_->hide();
    }
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("settingsError"));
    error_->setWordWrap(true);
    Style::makeError(error_);
    error_->hide();
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(error_);
    layout->addWidget(buttons_);
    setMinimumWidth(460);
    // The language applies at once, so that the person sees the result in this very dialog.
    connect(language_, &LanguageSelector::languageChosen, this, &SettingsDialog::languageChosen);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (apply()) accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

bool SettingsDialog::apply() {
    settings_.setAutoLockMinutes(autoLock_->value());
    Q_EMIT autoLockChanged(autoLock_->value());
    settings_.setBackupReminderDays(backupReminder_->value());
    Q_EMIT backupReminderChanged(backupReminder_->value());
    const int k = minimumCellSize_->value();
    if (savedMinimumCellSize_ > 0 && k != savedMinimumCellSize_) {
        try {
            reports::setMinimumCellSize(session_->vault(), k);
        } catch (const Error& error) {
            error_->setText(ErrorMessages::message(error));
            error_->show();
            return false;
        }
        savedMinimumCellSize_ = k;
        Q_EMIT minimumCellSizeChanged(k);
    }
    error_->hide();
    return true;
}

void SettingsDialog::retranslate() {
    setWindowTitle(tr("Settings"));
    languageLabel_->setText(tr("Language"));
    autoLockLabel_->setText(tr("Lock after inactivity"));
    autoLock_->setSuffix(tr(" min"));
    autoLockHint_->setText(tr("Abri locks itself and wipes its keys from memory when nobody touches the keyboard or "
                              "mouse for this long. Ctrl+L locks at once."));
    backupReminderLabel_->setText(tr("Remind me to back up after"));
    backupReminder_->setSuffix(tr(" days"));
    minimumCellSizeLabel_->setText(tr("Minimum cell size for reports"));
    minimumCellSizeHint_->setText(tr("Counts of fewer persons than this are suppressed in every report and export "
                                     "of this vault, so that nobody can be recognised. Applies to all users."));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    buttons_->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

void SettingsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace abri::app
