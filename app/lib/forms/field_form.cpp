#include "forms/field_form.h"

#include <QtCore/QEvent>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QVBoxLayout>

#include "model/case_rules.h"
#include "i18n/field_labels.h"
#include "ui/icons.h"
#include "ui/style.h"

namespace abri::app {

std::vector<const model::FieldSpec*> FieldForm::fieldsWithPrefix(model::Entity entity, std::string_view prefix) {
    std::vector<const model::FieldSpec*> result;
    for (const auto& spec : model::fieldsOf(entity)) {
        if (spec.hubOnly) continue;  // the hub's duplicate links: the case file's badge shows them, nobody edits them
        const bool topLevel = spec.path.find('.') == std::string_view::npos;
        if (prefix.empty() ? topLevel : spec.path.substr(0, prefix.size()) == prefix) result.push_back(&spec);
    }
    return result;
}

std::vector<const model::FieldSpec*> FieldForm::allFields(model::Entity entity) {
    std::vector<const model::FieldSpec*> result;
    for (const auto& spec : model::fieldsOf(entity)) result.push_back(&spec);
    return result;
}

FieldForm::FieldForm(model::Entity entity, const std::vector<const model::FieldSpec*>& fields,
                     const EditorContext& context, QWidget* parent)
    : QWidget(parent), entity_(entity), layout_(new QFormLayout(this)) {
    layout_->setRowWrapPolicy(QFormLayout::DontWrapRows);
    layout_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout_->setLabelAlignment(Qt::AlignLeading | Qt::AlignTop);
    for (const auto* spec : fields) {
        const std::string path(spec->path);
        Row row;
        row.spec = spec;
        row.label = new QLabel(this);
        row.label->setWordWrap(true);
        row.editor = createFieldEditor(entity, *spec, context, this);
        auto* cell = new QWidget(this);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        if (spec->sensitive) {
            row.stack = new QStackedWidget(cell);
            auto* maskPanel = new QWidget(row.stack);
            auto* maskLayout = new QHBoxLayout(maskPanel);
            maskLayout->setContentsMargins(0, 0, 0, 0);
            row.maskText = new QLabel(maskPanel);
            row.revealButton = new QPushButton(maskPanel);
            row.revealButton->setIcon(Icons::icon(QStringLiteral("reveal")));
            maskLayout->addWidget(row.maskText);
            maskLayout->addWidget(row.revealButton);
            maskLayout->addStretch();
            row.stack->addWidget(maskPanel);
            row.stack->addWidget(row.editor);
            row.stack->setCurrentIndex(1);
            cellLayout->addWidget(row.stack);
            const QString qpath = QString::fromStdString(path);
            connect(row.revealButton, &QPushButton::clicked, this, [this, qpath] { Q_EMIT revealRequested(qpath); });
        } else {
            cellLayout->addWidget(row.editor);
        }
        row.hint = new QLabel(cell);
        row.hint->setWordWrap(true);
        Style::makeHint(row.hint);
        cellLayout->addWidget(row.hint);
        row.error = new QLabel(cell);
        row.error->setWordWrap(true);
        Style::makeError(row.error);
        row.error->hide();
        cellLayout->addWidget(row.error);
        row.label->setBuddy(row.editor);
        layout_->addRow(row.label, cell);
        connect(row.editor, &FieldEditor::edited, this, &FieldForm::edited);
        order_.push_back(path);
        rows_.emplace(path, std::move(row));
    }
    retranslate();
}

void FieldForm::setCanReveal(bool canReveal) {
    canReveal_ = canReveal;
    for (auto& [path, row] : rows_) updateMask(row);
}

void FieldForm::updateMask(Row& row) {
    if (row.stack == nullptr) return;
    row.stack->setCurrentIndex(row.masked ? 0 : 1);
    row.revealButton->setVisible(row.masked && canReveal_);
}

void FieldForm::load(const Json& doc, const std::vector<std::string>& masked) {
    for (auto& [path, row] : rows_) {
        row.loaded = normalizedValue(model::getField(doc, path));
        row.masked = false;
        for (const auto& maskedPath : masked) {
            if (maskedPath == path) row.masked = true;
        }
        row.editor->setValue(row.loaded);
        row.editor->setReadOnly(!editable_);
        updateMask(row);
    }
    clearErrors();
}

void FieldForm::setRevealed(const std::string& path, const Json& value) {
    auto it = rows_.find(path);
    if (it == rows_.end()) return;
    it->second.loaded = normalizedValue(value);
    it->second.masked = false;
    it->second.editor->setValue(it->second.loaded);
    updateMask(it->second);
}

bool FieldForm::isMasked(const std::string& path) const {
    auto it = rows_.find(path);
    return it != rows_.end() && it->second.masked;
}

Json FieldForm::changes() const {
    Json result = Json::object();
    for (const auto& path : order_) {
        const Row& row = rows_.at(path);
        if (row.masked || !row.spec->editable) continue;
        const Json current = normalizedValue(row.editor->value());
        if (current != row.loaded) result[path] = current;
    }
    return result;
}

Json FieldForm::valueOf(const std::string& path) const {
    auto it = rows_.find(path);
    if (it == rows_.end()) return nullptr;
    return it->second.masked ? it->second.loaded : normalizedValue(it->second.editor->value());
}

void FieldForm::applyTo(Json& doc) const {
    for (const auto& path : order_) {
        const Row& row = rows_.at(path);
        if (row.masked) continue;
        model::setField(doc, path, normalizedValue(row.editor->value()));
    }
}

bool FieldForm::hasField(const std::string& path) const { return rows_.count(path) > 0; }

const FieldForm::Row* FieldForm::findRow(const std::string& subject) const {
    std::string candidate = subject;
    while (!candidate.empty()) {
        auto it = rows_.find(candidate);
        if (it != rows_.end()) return &it->second;
        const auto cut = candidate.find_last_of(".[");
        if (cut == std::string::npos || cut == 0) break;
        candidate.resize(cut);
    }
    return nullptr;
}

bool FieldForm::showError(const std::string& subject, const QString& message) {
    const Row* row = findRow(subject);
    if (row == nullptr) return false;
    row->error->setText(message);
    row->error->show();
    row->editor->setFocus(Qt::OtherFocusReason);
    // Scroll the message into view: the field may be far down a long tab.
    for (QWidget* ancestor = parentWidget(); ancestor != nullptr; ancestor = ancestor->parentWidget()) {
        if (auto* scroll = qobject_cast<QScrollArea*>(ancestor)) {
            scroll->ensureWidgetVisible(row->error, 20, 60);
            break;
        }
    }
    return true;
}

void FieldForm::clearErrors() {
    for (auto& [path, row] : rows_) {
        row.error->clear();
        row.error->hide();
    }
}

void FieldForm::setEditable(bool editable) {
    editable_ = editable;
    for (auto& [path, row] : rows_) row.editor->setReadOnly(!editable);
}

FieldEditor* FieldForm::editor(const std::string& path) const {
    auto it = rows_.find(path);
    return it == rows_.end() ? nullptr : it->second.editor;
}

void FieldForm::retranslate() {
    for (auto& [path, row] : rows_) {
        QString text = FieldLabels::label(entity_, path);
        if (row.spec->required && row.spec->editable) text = tr("%1 *").arg(text);
        row.label->setText(text);
        const QString hint = FieldLabels::hint(entity_, path);
        row.hint->setText(hint);
        row.hint->setVisible(!hint.isEmpty());
        if (row.maskText != nullptr) {
            row.maskText->setText(tr("Hidden (sensitive)"));
            row.revealButton->setText(tr("Reveal"));
            row.revealButton->setToolTip(tr("Show this value. Every reveal is recorded in the audit log."));
        }
        row.editor->retranslate();
    }
}

void FieldForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace abri::app
