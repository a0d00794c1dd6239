#include "dialogs/settings_dialog.h"

#include <QtCore/QEvent>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

#include "settings/app_settings.h"
#include "ui/language_selector.h"
#include "ui/style.h"

namespace abri::app {

SettingsDialog::SettingsDialog(AppSettings& settings, QWidget* parent) : QDialog(parent), settings_(settings) {
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
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons_);
    setMinimumWidth(460);
    // The language applies at once, so that the person sees the result in this very dialog.
    connect(language_, &LanguageSelector::languageChosen, this, &SettingsDialog::languageChosen);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

void SettingsDialog::apply() {
    settings_.setAutoLockMinutes(autoLock_->value());
    Q_EMIT autoLockChanged(autoLock_->value());
}

void SettingsDialog::retranslate() {
    setWindowTitle(tr("Settings"));
    languageLabel_->setText(tr("Language"));
    autoLockLabel_->setText(tr("Lock after inactivity"));
    autoLock_->setSuffix(tr(" min"));
    autoLockHint_->setText(tr("Abri locks itself and wipes its keys from memory when nobody touches the keyboard or "
                              "mouse for this long. Ctrl+L locks at once."));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    buttons_->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

void SettingsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace abri::app
