#include "dialogs/erase_case_dialog.h"

#include <QtCore/QEvent>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>


namespace abri::app {

EraseCaseDialog::EraseCaseDialog(const QString& caseCode, QWidget* parent) : QDialog(parent), caseCode_(caseCode) {
    setObjectName(QStringLiteral("eraseCaseDialog"));
    auto* layout = new QVBoxLayout(this);
    // Tall enough for the wrapped explanation in every language (French runs longest).
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    explanation_ = new QLabel(this);
    explanation_->setWordWrap(true);
    prompt_ = new QLabel(this);
    prompt_->setWordWrap(true);
    code_ = new QLineEdit(this);
    code_->setObjectName(QStringLiteral("eraseCaseCode"));
    // Case codes are Latin letters and digits: typed left to right in every language.
    code_->setLayoutDirection(Qt::LeftToRight);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(explanation_);
    layout->addWidget(prompt_);
    layout->addWidget(code_);
    layout->addWidget(buttons_);
    connect(code_, &QLineEdit::textChanged, this, &EraseCaseDialog::updateButton);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
    updateButton();
    explanation_->setMinimumWidth(520);
}

void EraseCaseDialog::updateButton() {
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(code_->text().trimmed() == caseCode_);
}

void EraseCaseDialog::retranslate() {
    setWindowTitle(tr("Erase case %1").arg(caseCode_));
    explanation_->setText(tr("Erase this case only when the person asked for their data to be erased. Everything "
                             "of the case leaves this computer now, and the hub and every other computer of the "
                             "office at their next sync: the profile, every record, note and attachment, and its "
                             "history. This cannot be undone. The audit log keeps that the case was erased, by you, "
                             "and when."));
    prompt_->setText(tr("Type the case code %1 to confirm:").arg(caseCode_));
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Erase the case"));
    buttons_->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

void EraseCaseDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace abri::app
