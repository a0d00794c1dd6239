#include "screens/unlock_page.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include "common/error.h"
#include "i18n/error_messages.h"
#include "ui/icons.h"
#include "ui/language_selector.h"
#include "ui/style.h"
#include "ui/text_direction.h"
#include "vault/vault.h"

namespace abri::app {

UnlockPage::UnlockPage(QString vaultPath, QWidget* parent) : QWidget(parent), vaultPath_(std::move(vaultPath)) {
    setObjectName(QStringLiteral("unlockPage"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addStretch();
    language_ = new LanguageSelector(this);
    top->addWidget(language_);
    layout->addLayout(top);
    layout->addStretch(1);

    auto* column = new QWidget(this);
    column->setMinimumWidth(380);
    column->setMaximumWidth(520);
    auto* columnLayout = new QVBoxLayout(column);
    auto* logo = new QLabel(column);
    logo->setPixmap(Icons::appIcon().pixmap(72, 72));
    logo->setAlignment(Qt::AlignHCenter);
    title_ = new QLabel(column);
    title_->setAlignment(Qt::AlignHCenter);
    Style::makeTitle(title_);
    notice_ = new QLabel(column);
    notice_->setWordWrap(true);
    notice_->setAlignment(Qt::AlignHCenter);
    Style::makeHint(notice_);
    auto* form = new QFormLayout;
    userLabel_ = new QLabel(column);
    users_ = new QComboBox(column);
    users_->setObjectName(QStringLiteral("users"));
    passwordLabel_ = new QLabel(column);
    password_ = new QLineEdit(column);
    password_->setObjectName(QStringLiteral("password"));
    password_->setEchoMode(QLineEdit::Password);
    userLabel_->setBuddy(users_);
    passwordLabel_->setBuddy(password_);
    form->addRow(userLabel_, users_);
    form->addRow(passwordLabel_, password_);
    error_ = new QLabel(column);
    error_->setObjectName(QStringLiteral("unlockError"));
    error_->setWordWrap(true);
    Style::makeError(error_);
    unlock_ = new QPushButton(column);
    unlock_->setDefault(true);
    unlock_->setIcon(Icons::icon(QStringLiteral("lock")));
    switchMode_ = new QPushButton(column);
    switchMode_->setFlat(true);
    columnLayout->addWidget(logo);
    columnLayout->addWidget(title_);
    columnLayout->addWidget(notice_);
    columnLayout->addSpacing(12);
    columnLayout->addLayout(form);
    columnLayout->addWidget(error_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(switchMode_);
    buttons->addStretch();
    buttons->addWidget(unlock_);
    columnLayout->addLayout(buttons);

    auto* centre = new QHBoxLayout;
    centre->addStretch();
    centre->addWidget(column);
    centre->addStretch();
    layout->addLayout(centre);
    layout->addStretch(2);
    vaultLocation_ = new QLabel(this);
    vaultLocation_->setWordWrap(true);
    Style::makeHint(vaultLocation_);
    layout->addWidget(vaultLocation_);

    connect(unlock_, &QPushButton::clicked, this, &UnlockPage::unlock);
    connect(password_, &QLineEdit::returnPressed, this, &UnlockPage::unlock);
    connect(switchMode_, &QPushButton::clicked, this, [this] { setRecoveryMode(!recovery_); });
    retranslate();
}

UnlockPage::~UnlockPage() = default;

bool UnlockPage::reload() {
    const QString selected = users_->currentText();
    users_->clear();
    error_->clear();
    try {
        const auto names = vault::Vault::usernames(std::filesystem::path(vaultPath_.toStdString()));
        for (const auto& name : names) users_->addItem(QString::fromStdString(name));
        usable_ = true;
    } catch (const Error& error) {
        usable_ = false;
        error_->setText(ErrorMessages::message(error));
    }
    const int index = users_->findText(selected);
    if (index >= 0) users_->setCurrentIndex(index);
    users_->setEnabled(usable_);
    password_->setEnabled(usable_);
    unlock_->setEnabled(usable_);
    switchMode_->setEnabled(usable_);
    return usable_;
}

void UnlockPage::setRecoveryMode(bool recovery) {
    recovery_ = recovery;
    userLabel_->setVisible(!recovery);
    users_->setVisible(!recovery);
    password_->clear();
    // The recovery key is shown while typed: it is long and meant to be read from paper.
    password_->setEchoMode(recovery ? QLineEdit::Normal : QLineEdit::Password);
    password_->setLayoutDirection(recovery ? Qt::LeftToRight : layoutDirection());
    error_->clear();
    retranslate();
    password_->setFocus();
}

void UnlockPage::setIdleLockNotice(int idleMinutes) {
    idleMinutes_ = idleMinutes;
    retranslate();
}

void UnlockPage::unlock() {
    if (!usable_) return;
    error_->clear();
    const std::string secret = password_->text().toStdString();
    const std::filesystem::path path(vaultPath_.toStdString());
    std::unique_ptr<vault::Vault> vault;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        vault = recovery_ ? vault::Vault::unlockWithRecoveryKey(path, secret)
                          : vault::Vault::unlock(path, users_->currentText().toStdString(), secret);
    } catch (const Error& error) {
        QApplication::restoreOverrideCursor();
        password_->clear();
        password_->setFocus();
        error_->setText(ErrorMessages::message(error));
        if (error.code() == ErrorCode::VaultCorrupted || error.code() == ErrorCode::VaultFromNewerVersion ||
            error.code() == ErrorCode::NotSqlCipher || error.code() == ErrorCode::KeySlotFileCorrupted) {
            Q_EMIT vaultProblem(ErrorMessages::message(error));
        }
        return;
    }
    QApplication::restoreOverrideCursor();
    password_->clear();
    setIdleLockNotice(0);
    if (recovery_) setRecoveryMode(false);
    if (onUnlocked_) onUnlocked_(std::move(vault));
}

void UnlockPage::retranslate() {
    title_->setText(tr("Abri is locked"));
    userLabel_->setText(tr("User"));
    passwordLabel_->setText(recovery_ ? tr("Recovery key") : tr("Password"));
    password_->setPlaceholderText(recovery_ ? tr("As written on paper, with or without dashes") : QString());
    unlock_->setText(recovery_ ? tr("Open with the recovery key") : tr("Unlock"));
    switchMode_->setText(recovery_ ? tr("Back to password") : tr("Forgot your password?"));
    switchMode_->setToolTip(recovery_ ? QString()
                                      : tr("An administrator can open the vault with the recovery key to reset "
                                           "passwords."));
    vaultLocation_->setText(tr("Vault file: %1").arg(leftToRight(QDir::toNativeSeparators(vaultPath_))));
    notice_->setText(idleMinutes_ > 0
                         ? tr("Abri locked itself because nobody used it for a while. Case data stays encrypted.")
                         : QString());
    notice_->setVisible(idleMinutes_ > 0);
}

void UnlockPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void UnlockPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    password_->setFocus();
}

}  // namespace abri::app
