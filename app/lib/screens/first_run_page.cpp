#include "screens/first_run_page.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QFileInfo>
#include <QtGui/QFontDatabase>
#include <QtWidgets/QApplication>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QVBoxLayout>

#include "common/error.h"
#include "i18n/error_messages.h"
#include "ui/icons.h"
#include "ui/language_selector.h"
#include "ui/password_strength_meter.h"
#include "ui/style.h"
#include "ui/text_direction.h"
#include "vault/vault.h"

namespace abri::app {

namespace {

std::string utf8(const QString& text) { return text.toStdString(); }

// Centres a fixed-width column of content on a page.
QWidget* centredColumn(QWidget* content, QWidget* parent) {
    auto* page = new QWidget(parent);
    auto* outer = new QHBoxLayout(page);
    outer->addStretch(1);
    content->setMaximumWidth(620);
    content->setMinimumWidth(440);
    outer->addWidget(content, 4);
    outer->addStretch(1);
    return page;
}

}  // namespace

FirstRunPage::FirstRunPage(QString vaultPath, crypto::KdfParams kdf, QWidget* parent)
    : QWidget(parent), vaultPath_(std::move(vaultPath)), kdf_(kdf), stack_(new QStackedWidget(this)) {
    setObjectName(QStringLiteral("firstRunPage"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addStretch();
    language_ = new LanguageSelector(this);
    top->addWidget(language_);
    layout->addLayout(top);
    layout->addWidget(stack_, 1);

    // --- page 1: create the vault
    auto* form = new QWidget;
    auto* formLayout = new QVBoxLayout(form);
    auto* logo = new QLabel(form);
    logo->setPixmap(Icons::appIcon().pixmap(64, 64));
    title_ = new QLabel(form);
    Style::makeTitle(title_);
    intro_ = new QLabel(form);
    intro_->setWordWrap(true);
    auto* fields = new QFormLayout;
    fields->setRowWrapPolicy(QFormLayout::WrapLongRows);
    officeLabel_ = new QLabel(form);
    office_ = new QLineEdit(form);
    office_->setObjectName(QStringLiteral("office"));
    usernameLabel_ = new QLabel(form);
    username_ = new QLineEdit(form);
    username_->setObjectName(QStringLiteral("username"));
    displayNameLabel_ = new QLabel(form);
    displayName_ = new QLineEdit(form);
    passwordLabel_ = new QLabel(form);
    password_ = new QLineEdit(form);
    password_->setEchoMode(QLineEdit::Password);
    meter_ = new PasswordStrengthMeter(form);
    confirmLabel_ = new QLabel(form);
    confirm_ = new QLineEdit(form);
    confirm_->setEchoMode(QLineEdit::Password);
    officeLabel_->setBuddy(office_);
    usernameLabel_->setBuddy(username_);
    displayNameLabel_->setBuddy(displayName_);
    passwordLabel_->setBuddy(password_);
    confirmLabel_->setBuddy(confirm_);
    fields->addRow(officeLabel_, office_);
    fields->addRow(usernameLabel_, username_);
    fields->addRow(displayNameLabel_, displayName_);
    fields->addRow(passwordLabel_, password_);
    fields->addRow(QString(), meter_);
    fields->addRow(confirmLabel_, confirm_);
    error_ = new QLabel(form);
    error_->setWordWrap(true);
    Style::makeError(error_);
    create_ = new QPushButton(form);
    create_->setDefault(true);
    vaultLocation_ = new QLabel(form);
    vaultLocation_->setWordWrap(true);
    Style::makeHint(vaultLocation_);
    formLayout->addWidget(logo);
    formLayout->addWidget(title_);
    formLayout->addWidget(intro_);
    formLayout->addSpacing(8);
    formLayout->addLayout(fields);
    formLayout->addWidget(error_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(create_);
    formLayout->addLayout(buttons);
    formLayout->addStretch();
    formLayout->addWidget(vaultLocation_);
    stack_->addWidget(centredColumn(form, stack_));

    // --- page 2: the recovery key, shown once
    auto* keyPage = new QWidget;
    auto* keyLayout = new QVBoxLayout(keyPage);
    keyTitle_ = new QLabel(keyPage);
    Style::makeTitle(keyTitle_);
    keyIntro_ = new QLabel(keyPage);
    keyIntro_->setWordWrap(true);
    key_ = new QPlainTextEdit(keyPage);
    key_->setObjectName(QStringLiteral("recoveryKey"));
    key_->setReadOnly(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.3);
    key_->setFont(mono);
    key_->setMaximumHeight(key_->fontMetrics().lineSpacing() * 4);
    // The key is always written left to right, whatever the UI direction.
    key_->setLayoutDirection(Qt::LeftToRight);
    writtenDown_ = new QCheckBox(keyPage);
    continue_ = new QPushButton(keyPage);
    continue_->setEnabled(false);
    keyLayout->addWidget(keyTitle_);
    keyLayout->addWidget(keyIntro_);
    keyLayout->addWidget(key_);
    keyLayout->addSpacing(12);
    keyLayout->addWidget(writtenDown_);
    auto* continueRow = new QHBoxLayout;
    continueRow->addStretch();
    continueRow->addWidget(continue_);
    keyLayout->addLayout(continueRow);
    keyLayout->addStretch();
    stack_->addWidget(centredColumn(keyPage, stack_));

    connect(password_, &QLineEdit::textChanged, meter_, &PasswordStrengthMeter::setPassword);
    connect(create_, &QPushButton::clicked, this, &FirstRunPage::createVault);
    connect(confirm_, &QLineEdit::returnPressed, this, &FirstRunPage::createVault);
    connect(writtenDown_, &QCheckBox::toggled, continue_, &QPushButton::setEnabled);
    connect(continue_, &QPushButton::clicked, this, &FirstRunPage::finish);
    retranslate();
}

FirstRunPage::~FirstRunPage() = default;

bool FirstRunPage::isShowingRecoveryKey() const { return stack_->currentIndex() == 1; }

void FirstRunPage::createVault() {
    error_->clear();
    if (office_->text().trimmed().isEmpty() || username_->text().trimmed().isEmpty()) {
        error_->setText(tr("Enter the office code and a user name."));
        return;
    }
    if (password_->text() != confirm_->text()) {
        error_->setText(tr("The two passwords are different."));
        confirm_->setFocus();
        return;
    }
    const std::string password = utf8(password_->text());
    vault::CreateOptions options;
    options.path = std::filesystem::path(vaultPath_.toStdString());
    options.office = utf8(office_->text().trimmed());
    options.adminUsername = utf8(username_->text().trimmed());
    options.adminDisplayName = utf8(displayName_->text().trimmed().isEmpty() ? username_->text().trimmed()
                                                                                : displayName_->text().trimmed());
    options.adminPassword = password;
    options.kdf = kdf_;
    crypto::SecureBuffer recoveryKey;
    try {
        QDir().mkpath(QFileInfo(vaultPath_).absolutePath());
        QApplication::setOverrideCursor(Qt::WaitCursor);
        created_ = vault::Vault::create(options, recoveryKey);
        QApplication::restoreOverrideCursor();
    } catch (const Error& error) {
        QApplication::restoreOverrideCursor();
        error_->setText(ErrorMessages::message(error));
        return;
    }
    password_->clear();
    confirm_->clear();
    key_->setPlainText(QString::fromUtf8(reinterpret_cast<const char*>(recoveryKey.data()),
                                         static_cast<qsizetype>(recoveryKey.size())));
    recoveryKey.clear();
    writtenDown_->setChecked(false);
    stack_->setCurrentIndex(1);
}

void FirstRunPage::finish() {
    if (!writtenDown_->isChecked() || !created_) return;
    key_->clear();  // the key is never shown again
    if (onFinished_) onFinished_(std::move(created_));
}

void FirstRunPage::retranslate() {
    title_->setText(tr("Welcome to Abri"));
    intro_->setText(tr("Abri keeps case files in an encrypted vault on this computer. Create the vault and its "
                       "first administrator. The administrator manages user accounts; caseworkers and supervisors "
                       "are added afterwards."));
    officeLabel_->setText(tr("Office code"));
    office_->setPlaceholderText(tr("for example TUN-SFX"));
    usernameLabel_->setText(tr("Administrator user name"));
    displayNameLabel_->setText(tr("Full name"));
    passwordLabel_->setText(tr("Password"));
    confirmLabel_->setText(tr("Repeat the password"));
    create_->setText(tr("Create the vault"));
    vaultLocation_->setText(tr("Vault file: %1").arg(leftToRight(QDir::toNativeSeparators(vaultPath_))));
    keyTitle_->setText(tr("Your recovery key"));
    keyIntro_->setText(tr("If every administrator forgets their password, this key is the only way to open the "
                          "vault. Write it on paper now and keep it in a locked place, away from this computer. "
                          "It will not be shown again."));
    writtenDown_->setText(tr("I have written down the recovery key and stored it safely"));
    continue_->setText(tr("Continue"));
}

void FirstRunPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace abri::app
