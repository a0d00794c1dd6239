#include "casefile/item_dialog.h"

#include <QtCore/QEvent>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

#include "common/error.h"
#include "forms/field_form.h"
#include "i18n/error_messages.h"
#include "i18n/field_labels.h"
#include "ui/style.h"

namespace abri::app {

ItemDialog::ItemDialog(model::Entity kind, Mode mode, const EditorContext& context, QWidget* parent)
    : QDialog(parent), kind_(kind), mode_(mode) {
    setObjectName(QStringLiteral("itemDialog"));
    auto* layout = new QVBoxLayout(this);
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    form_ = new FieldForm(kind, FieldForm::allFields(kind), context, this);
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    Style::makeError(error_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(intro_);
    layout->addWidget(form_);
    layout->addWidget(error_);
    layout->addStretch();
    layout->addWidget(buttons_);
    setMinimumWidth(520);
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        if (trySave()) accept();
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(form_, &FieldForm::revealRequested, this, &ItemDialog::revealRequested);
    retranslate();
}

void ItemDialog::load(const Json& doc, const std::vector<std::string>& masked) { form_->load(doc, masked); }

void ItemDialog::setCanReveal(bool canReveal) { form_->setCanReveal(canReveal); }

bool ItemDialog::trySave() {
    form_->clearErrors();
    error_->clear();
    Json payload;
    if (mode_ == Mode::Edit) {
        payload = form_->changes();
        if (payload.empty()) return true;
    } else {
        payload = Json::object();
        for (const auto& spec : model::fieldsOf(kind_)) {
            const std::string path(spec.path);
            if (mode_ == Mode::Correct && form_->isMasked(path)) {
                // A correction replaces the whole record: a value left hidden would be lost.
                form_->showError(path, tr("Reveal this value first, so that the correction keeps it."));
                return false;
            }
        }
        form_->applyTo(payload);
        for (auto it = payload.begin(); it != payload.end();) {
            it = it.value().is_null() ? payload.erase(it) : std::next(it);
        }
    }
    try {
        if (save_) save_(payload);
    } catch (const Error& error) {
        const QString message = ErrorMessages::message(error);
        if (!form_->showError(error.subject(), message)) error_->setText(message);
        return false;
    }
    return true;
}

void ItemDialog::retranslate() {
    const QString name = FieldLabels::entityName(kind_);
    switch (mode_) {
    case Mode::Add:
        setWindowTitle(tr("Add: %1").arg(name));
        intro_->clear();
        break;
    case Mode::Edit:
        setWindowTitle(tr("Edit: %1").arg(name));
        intro_->clear();
        break;
    case Mode::Correct:
        setWindowTitle(tr("Correct: %1").arg(name));
        intro_->setText(tr("Records of this kind are never overwritten. Your correction is saved as a new record "
                           "that replaces this one; the original stays in the history."));
        break;
    }
    intro_->setVisible(!intro_->text().isEmpty());
    buttons_->button(QDialogButtonBox::Save)->setText(tr("Save"));
    buttons_->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

void ItemDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace abri::app
