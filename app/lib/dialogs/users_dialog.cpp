#include "dialogs/users_dialog.h"

#include <QtCore/QEvent>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

#include "common/error.h"
#include "dialogs/add_user_dialog.h"
#include "dialogs/password_dialog.h"
#include "i18n/display_format.h"
#include "i18n/error_messages.h"
#include "session/session.h"
#include "ui/icons.h"
#include "ui/style.h"

namespace abri::app {

UsersDialog::UsersDialog(Session& session, QWidget* parent)
    : QDialog(parent), session_(session),
      canManage_(session.can(vault::Permission::ManageUsers) || session.isRecoverySession()) {
    setObjectName(QStringLiteral("usersDialog"));
    auto* layout = new QVBoxLayout(this);
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    Style::makeHint(intro_);
    table_ = new QTableWidget(this);
    table_->setColumnCount(4);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    add_ = new QPushButton(this);
    add_->setIcon(Icons::icon(QStringLiteral("add")));
    toggle_ = new QPushButton(this);
    reset_ = new QPushButton(this);
    changeOwn_ = new QPushButton(this);
    close_ = new QPushButton(this);
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    Style::makeError(error_);
    add_->setVisible(canManage_ && !session.isRecoverySession());
    toggle_->setVisible(canManage_ && !session.isRecoverySession());
    reset_->setVisible(canManage_);
    changeOwn_->setVisible(!session.isRecoverySession());
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add_);
    buttons->addWidget(toggle_);
    buttons->addWidget(reset_);
    buttons->addStretch();
    buttons->addWidget(changeOwn_);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(error_, 1);
    bottom->addWidget(close_);
    layout->addWidget(intro_);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);
    layout->addLayout(bottom);
    resize(720, 440);

    connect(table_, &QTableWidget::itemSelectionChanged, this, &UsersDialog::updateButtons);
    connect(close_, &QPushButton::clicked, this, &QDialog::accept);
    connect(add_, &QPushButton::clicked, this, [this] {
        AddUserDialog dialog(session_, this);
        if (dialog.exec() == QDialog::Accepted) refresh();
    });
    connect(toggle_, &QPushButton::clicked, this, [this] {
        const QString username = selectedUsername();
        if (username.isEmpty()) return;
        const bool active = selectedActive();
        if (active && QMessageBox::question(this, tr("Disable account"),
                                            tr("Disable %1? Their password will no longer open the vault; an "
                                               "administrator can enable the account again with a new password.")
                                                .arg(username)) != QMessageBox::Yes) {
            return;
        }
        error_->clear();
        try {
            if (active) {
                session_.vault().setUserActive(username.toStdString(), false);
            } else {
                // Re-enabling needs a new password (the old key slot was removed).
                PasswordDialog dialog(PasswordDialog::Mode::Reset, username,
                                      [this, username](const QString&, const QString& password) {
                                          session_.vault().resetPassword(username.toStdString(),
                                                                         password.toStdString(), session_.kdf());
                                          session_.vault().setUserActive(username.toStdString(), true);
                                      },
                                      this);
                dialog.exec();
            }
        } catch (const Error& error) {
            error_->setText(ErrorMessages::message(error));
        }
        session_.refreshUsers();
        refresh();
    });
    connect(reset_, &QPushButton::clicked, this, [this] {
        const QString username = selectedUsername();
        if (username.isEmpty()) return;
        PasswordDialog dialog(PasswordDialog::Mode::Reset, username,
                              [this, username](const QString&, const QString& password) {
                                  session_.vault().resetPassword(username.toStdString(), password.toStdString(),
                                                                 session_.kdf());
                              },
                              this);
        dialog.exec();
        refresh();
    });
    connect(changeOwn_, &QPushButton::clicked, this, [this] {
        PasswordDialog dialog(PasswordDialog::Mode::ChangeOwn, QString::fromStdString(session_.currentUser().username),
                              [this](const QString& oldPassword, const QString& newPassword) {
                                  session_.vault().changeOwnPassword(oldPassword.toStdString(),
                                                                     newPassword.toStdString(), session_.kdf());
                              },
                              this);
        dialog.exec();
    });
    retranslate();
    refresh();
}

QString UsersDialog::selectedUsername() const {
    const int row = table_->currentRow();
    if (row < 0 || table_->selectedItems().isEmpty()) return {};
    return table_->item(row, 0)->text();
}

bool UsersDialog::selectedActive() const {
    const int row = table_->currentRow();
    return row >= 0 && table_->item(row, 0)->data(Qt::UserRole).toBool();
}

void UsersDialog::refresh() {
    session_.refreshUsers();  // empty (never throws) once the vault is locked
    const auto& users = session_.users();
    table_->setRowCount(static_cast<int>(users.size()));
    for (int row = 0; row < static_cast<int>(users.size()); ++row) {
        const auto& user = users[static_cast<std::size_t>(row)];
        auto* name = new QTableWidgetItem(QString::fromStdString(user.username));
        name->setData(Qt::UserRole, user.active);
        table_->setItem(row, 0, name);
        table_->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(user.displayName)));
        table_->setItem(row, 2, new QTableWidgetItem(roleName(static_cast<int>(user.role))));
        table_->setItem(row, 3, new QTableWidgetItem(user.active ? tr("Active") : tr("Disabled")));
    }
    table_->resizeColumnsToContents();
    updateButtons();
}

void UsersDialog::updateButtons() {
    const bool selected = !selectedUsername().isEmpty();
    toggle_->setEnabled(selected);
    reset_->setEnabled(selected && selectedActive());
    toggle_->setText(selected && !selectedActive() ? tr("Enable…") : tr("Disable"));
}

void UsersDialog::retranslate() {
    setWindowTitle(tr("Users"));
    intro_->setText(session_.isRecoverySession()
                        ? tr("Recovery session: you can reset passwords. Case data is not accessible.")
                        : (canManage_ ? tr("Accounts of this vault. Disabling an account removes its key at once; "
                                           "its history stays.")
                                      : tr("Accounts of this vault. You can change your own password.")));
    table_->setHorizontalHeaderLabels({tr("User name"), tr("Full name"), tr("Role"), tr("Account")});
    add_->setText(tr("Add a user…"));
    reset_->setText(tr("Reset password…"));
    changeOwn_->setText(tr("Change my password…"));
    close_->setText(tr("Close"));
    refresh();
}

void UsersDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace abri::app
