#include "dialogs/password_dialog.h"

#include <QtCore/QEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include "common/error.h"
#include "i18n/error_messages.h"
#include "ui/password_strength_meter.h"
#include "ui/style.h"

namespace abri::app {

PasswordDialog::PasswordDialog(Mode mode, const QString& username, Apply apply, QWidget* parent)
    : QDialog(parent), mode_(mode), username_(username), apply_(std::move(apply)) {
    setObjectName(QStringLiteral("passwordDialog"));
    auto* layout = new QVBoxLayout(this);
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    auto* form = new QFormLayout;
    currentLabel_ = new QLabel(this);
    current_ = new QLineEdit(this);
    current_->setEchoMode(QLineEdit::Password);
    newLabel_ = new QLabel(this);
    new_ = new QLineEdit(this);
    new_->setEchoMode(QLineEdit::Password);
    meter_ = new PasswordStrengthMeter(this);
    repeatLabel_ = new QLabel(this);
    repeat_ = new QLineEdit(this);
    repeat_->setEchoMode(QLineEdit::Password);
    if (mode == Mode::ChangeOwn) form->addRow(currentLabel_, current_);
    else {
        currentLabel_->hide();
        current_->hide();
    }
    form->addRow(newLabel_, new_);
    form->addRow(QString(), meter_);
    form->addRow(repeatLabel_, repeat_);
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    Style::makeError(error_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(intro_);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons_);
    setMinimumWidth(460);
    connect(new_, &QLineEdit::textChanged, meter_, &PasswordStrengthMeter::setPassword);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (trySave()) accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

bool PasswordDialog::trySave() {
    error_->clear();
    if (new_->text() != repeat_->text()) {
        error_->setText(tr("The two passwords are different."));
        return false;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        apply_(current_->text(), new_->text());
    } catch (const Error& error) {
        QApplication::restoreOverrideCursor();
        error_->setText(ErrorMessages::message(error));
        return false;
    }
    QApplication::restoreOverrideCursor();
    current_->clear();
    new_->clear();
    repeat_->clear();
    return true;
}

void PasswordDialog::retranslate() {
    setWindowTitle(mode_ == Mode::ChangeOwn ? tr("Change my password") : tr("Reset a password"));
    intro_->setText(mode_ == Mode::ChangeOwn
                        ? tr("Choose a new password for %1. Use at least 10 characters; several words are easy to "
                             "remember and hard to guess.")
                              .arg(username_)
                        : tr("Set a new password for %1 and give it to them in person. They can change it "
                             "afterwards.")
                              .arg(username_));
    currentLabel_->setText(tr("Current password"));
    newLabel_->setText(tr("New password"));
    repeatLabel_->setText(tr("Repeat the new password"));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Set password"));
    buttons_->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

void PasswordDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace abri::app
