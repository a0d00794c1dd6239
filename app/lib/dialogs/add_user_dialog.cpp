#include "dialogs/add_user_dialog.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include "common/error.h"
#include "i18n/error_messages.h"
#include "session/session.h"
#include "ui/password_strength_meter.h"
#include "ui/style.h"

namespace abri::app {

using vault::Role;

QString roleName(int role) {
    switch (static_cast<Role>(role)) {
    case Role::Caseworker: return QCoreApplication::translate("Roles", "Caseworker");
    case Role::Supervisor: return QCoreApplication::translate("Roles", "Supervisor");
    case Role::Administrator: return QCoreApplication::translate("Roles", "Administrator");
    }
    return {};
}

QString roleDescription(int role) {
    switch (static_cast<Role>(role)) {
    case Role::Caseworker:
        return QCoreApplication::translate("Roles", "Registers and follows cases; may reveal sensitive fields.");
    case Role::Supervisor:
        return QCoreApplication::translate("Roles", "Like a caseworker, and may delete records and resolve "
                                                    "conflicting edits.");
    case Role::Administrator:
        return QCoreApplication::translate("Roles", "Manages user accounts; does not see people's identities.");
    }
    return {};
}

AddUserDialog::AddUserDialog(Session& session, QWidget* parent) : QDialog(parent), session_(session) {
    setObjectName(QStringLiteral("addUserDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    usernameLabel_ = new QLabel(this);
    username_ = new QLineEdit(this);
    displayNameLabel_ = new QLabel(this);
    displayName_ = new QLineEdit(this);
    roleLabel_ = new QLabel(this);
    role_ = new QComboBox(this);
    for (Role role : {Role::Caseworker, Role::Supervisor, Role::Administrator}) role_->addItem(QString(), static_cast<int>(role));
    roleHint_ = new QLabel(this);
    roleHint_->setWordWrap(true);
    Style::makeHint(roleHint_);
    passwordLabel_ = new QLabel(this);
    password_ = new QLineEdit(this);
    password_->setEchoMode(QLineEdit::Password);
    meter_ = new PasswordStrengthMeter(this);
    repeatLabel_ = new QLabel(this);
    repeat_ = new QLineEdit(this);
    repeat_->setEchoMode(QLineEdit::Password);
    form->addRow(usernameLabel_, username_);
    form->addRow(displayNameLabel_, displayName_);
    form->addRow(roleLabel_, role_);
    form->addRow(QString(), roleHint_);
    form->addRow(passwordLabel_, password_);
    form->addRow(QString(), meter_);
    form->addRow(repeatLabel_, repeat_);
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    Style::makeError(error_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons_);
    setMinimumWidth(480);
    connect(password_, &QLineEdit::textChanged, meter_, &PasswordStrengthMeter::setPassword);
    connect(role_, &QComboBox::currentIndexChanged, this,
            [this] { roleHint_->setText(roleDescription(role_->currentData().toInt())); });
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (trySave()) accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

bool AddUserDialog::trySave() {
    error_->clear();
    if (password_->text() != repeat_->text()) {
        error_->setText(tr("The two passwords are different."));
        return false;
    }
    const QString username = username_->text().trimmed();
    const QString displayName = displayName_->text().trimmed().isEmpty() ? username : displayName_->text().trimmed();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        session_.vault().addUser(username.toStdString(), displayName.toStdString(),
                                 static_cast<Role>(role_->currentData().toInt()), password_->text().toStdString(),
                                 session_.kdf());
    } catch (const Error& error) {
        QApplication::restoreOverrideCursor();
        error_->setText(ErrorMessages::message(error));
        return false;
    }
    QApplication::restoreOverrideCursor();
    session_.refreshUsers();
    return true;
}

void AddUserDialog::retranslate() {
    setWindowTitle(tr("Add a user"));
    usernameLabel_->setText(tr("User name"));
    username_->setPlaceholderText(tr("used to unlock, for example amira"));
    displayNameLabel_->setText(tr("Full name"));
    roleLabel_->setText(tr("Role"));
    for (int i = 0; i < role_->count(); ++i) role_->setItemText(i, roleName(role_->itemData(i).toInt()));
    roleHint_->setText(roleDescription(role_->currentData().toInt()));
    passwordLabel_->setText(tr("First password"));
    repeatLabel_->setText(tr("Repeat the password"));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Add user"));
    buttons_->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

void AddUserDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace abri::app
