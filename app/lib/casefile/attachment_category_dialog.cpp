#include "casefile/attachment_category_dialog.h"

#include <QtCore/QEvent>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include "casefile/attachments_section.h"
#include "ui/style.h"
#include "ui/text_direction.h"

namespace abri::app {

AttachmentCategoryDialog::AttachmentCategoryDialog(const QStringList& fileNames, QWidget* parent)
    : QDialog(parent), fileNames_(fileNames) {
    setObjectName(QStringLiteral("attachmentCategoryDialog"));
    setMinimumWidth(480);
    auto* layout = new QVBoxLayout(this);
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    files_ = new QLabel(this);
    files_->setTextFormat(Qt::PlainText);
    files_->setWordWrap(true);
    Style::makeHint(files_);
    files_->setVisible(!fileNames.isEmpty());
    auto* form = new QFormLayout;
    categoryLabel_ = new QLabel(this);
    combo_ = new QComboBox(this);
    combo_->setObjectName(QStringLiteral("attachmentCategory"));
    for (auto category : attachments::allCategories()) combo_->addItem(QString(), static_cast<int>(category));
    categoryLabel_->setBuddy(combo_);
    form->addRow(categoryLabel_, combo_);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    Style::makeHint(note_);
    auto* buttons = new QDialogButtonBox(this);
    ok_ = buttons->addButton(QDialogButtonBox::Ok);
    cancel_ = buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(intro_);
    layout->addWidget(files_);
    layout->addLayout(form);
    layout->addWidget(note_);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setCategory(attachments::Category::ConsentForm);
    retranslate();
}

attachments::Category AttachmentCategoryDialog::category() const {
    return static_cast<attachments::Category>(combo_->currentData().toInt());
}

void AttachmentCategoryDialog::setCategory(attachments::Category category) {
    combo_->setCurrentIndex(combo_->findData(static_cast<int>(category)));
}

void AttachmentCategoryDialog::retranslate() {
    setWindowTitle(tr("Attach files"));
    intro_->setText(tr("What kind of paper is being attached to this case?"));
    files_->setText(followUiDirection(fileNames_.join(QStringLiteral(", "))));
    categoryLabel_->setText(tr("&Category:"));
    for (int index = 0; index < combo_->count(); ++index) {
        combo_->setItemText(index, AttachmentsSection::categoryLabel(
                                       static_cast<attachments::Category>(combo_->itemData(index).toInt())));
    }
    note_->setText(tr("The files are stored encrypted inside the vault. The originals stay where they are: delete "
                      "them yourself if they should not stay on this computer."));
    ok_->setText(tr("Attach"));
    cancel_->setText(tr("Cancel"));
}

void AttachmentCategoryDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace abri::app
