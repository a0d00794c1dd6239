#include "casefile/item_section.h"

#include <QtCore/QEvent>

#include <algorithm>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

#include "casefile/item_dialog.h"
#include "common/error.h"
#include "forms/field_form.h"
#include "i18n/display_format.h"
#include "i18n/error_messages.h"
#include "i18n/field_labels.h"
#include "model/case_rules.h"
#include "session/session.h"
#include "ui/icons.h"
#include "ui/message_dialogs.h"
#include "ui/style.h"

namespace abri::app {

using model::Entity;

ItemSection::ItemSection(Session& session, Entity kind, const EditorContext& context, QWidget* parent)
    : QWidget(parent), session_(session), kind_(kind), context_(context) {
    setObjectName(QStringLiteral("items_%1").arg(QString::fromUtf8(model::entityCode(kind).data())));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    title_ = new QLabel(this);
    Style::makeHeading(title_);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    Style::makeHint(hint_);
    table_ = new QTableWidget(this);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);
    table_->setMinimumHeight(140);
    add_ = new QPushButton(this);
    add_->setIcon(Icons::icon(QStringLiteral("add")));
    edit_ = new QPushButton(this);
    remove_ = new QPushButton(this);
    const bool canEdit = session.can(vault::Permission::EditCases);
    add_->setVisible(canEdit);
    edit_->setVisible(canEdit);
    remove_->setVisible(canEdit && session.can(vault::Permission::DeleteCases) && !model::isAppendOnly(kind));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add_);
    buttons->addWidget(edit_);
    buttons->addWidget(remove_);
    buttons->addStretch();
    layout->addWidget(title_);
    layout->addWidget(hint_);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);

    connect(add_, &QPushButton::clicked, this, &ItemSection::addItem);
    connect(edit_, &QPushButton::clicked, this, &ItemSection::editSelected);
    connect(table_, &QTableWidget::itemDoubleClicked, this, [this] { editSelected(); });
    connect(table_, &QTableWidget::itemSelectionChanged, this, &ItemSection::updateButtons);
    connect(remove_, &QPushButton::clicked, this, [this] {
        const auto* item = selectedItem();
        if (item == nullptr) return;
        const auto answer = QMessageBox::question(this, FieldLabels::entityName(kind_),
                                                  tr("Delete this record? It stays in the case history."));
        if (answer != QMessageBox::Yes) return;
        try {
            session_.cases().deleteItem(item->id);
        } catch (const Error& error) {
            showErrorDialog(this, error);
            return;
        }
        Q_EMIT itemsChanged();
    });
    retranslate();
}

std::vector<const model::FieldSpec*> ItemSection::columns() const {
    std::vector<const model::FieldSpec*> result;
    for (const auto& spec : model::fieldsOf(kind_)) {
        if (spec.type == model::FieldType::LongText) continue;  // long texts live in the dialog
        result.push_back(&spec);
    }
    return result;
}

void ItemSection::setCase(const std::string& caseId, const std::vector<cases::Item>& items) {
    caseId_ = caseId;
    items_.clear();
    for (const auto& item : items) {
        if (item.kind == kind_) items_.push_back(item);
    }
    fillTable();
}

void ItemSection::clear() {
    caseId_.clear();
    items_.clear();
    table_->setRowCount(0);
}

void ItemSection::fillTable() {
    const auto specs = columns();
    table_->setColumnCount(static_cast<int>(specs.size()) + 1);
    QStringList headers;
    for (const auto* spec : specs) headers << FieldLabels::label(kind_, spec->path);
    headers << tr("Recorded");
    table_->setHorizontalHeaderLabels(headers);
    table_->setRowCount(static_cast<int>(items_.size()));
    for (int row = 0; row < static_cast<int>(items_.size()); ++row) {
        const auto& item = items_[static_cast<std::size_t>(row)];
        for (int column = 0; column < static_cast<int>(specs.size()); ++column) {
            const auto& spec = *specs[static_cast<std::size_t>(column)];
            const bool masked = std::find(item.masked.begin(), item.masked.end(), spec.path) != item.masked.end();
            auto* cell = new QTableWidgetItem(masked ? tr("Hidden") : DisplayFormat::value(spec, model::getField(item.doc, spec.path)));
            if (item.superseded) {
                QFont font = cell->font();
                font.setStrikeOut(true);
                cell->setFont(font);
                cell->setToolTip(tr("Corrected by a later record"));
            }
            table_->setItem(row, column, cell);
        }
        QString recorded = tr("%1 by %2").arg(DisplayFormat::dateTime(item.createdMs), session_.userDisplayName(item.author));
        if (item.superseded) recorded += QLatin1Char(' ') + tr("(corrected)");
        table_->setItem(row, static_cast<int>(specs.size()), new QTableWidgetItem(recorded));
    }
    table_->resizeColumnsToContents();
    updateButtons();
}

const cases::Item* ItemSection::selectedItem() const {
    const int row = table_->currentRow();
    if (row < 0 || row >= static_cast<int>(items_.size()) || table_->selectedItems().isEmpty()) return nullptr;
    return &items_[static_cast<std::size_t>(row)];
}

void ItemSection::updateButtons() {
    const auto* item = selectedItem();
    edit_->setEnabled(item != nullptr && !item->superseded);
    remove_->setEnabled(item != nullptr);
}

void ItemSection::addItem() {
    if (caseId_.empty()) return;
    auto* dialog = new ItemDialog(kind_, ItemDialog::Mode::Add, context_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    Json defaults = Json::object();
    // Sensible starting values: today's date where the record has one, and the current user as recorder.
    for (const auto& spec : model::fieldsOf(kind_)) {
        if (spec.path == "recorded_on" || spec.path == "date") defaults[std::string(spec.path)] = session_.vault().today();
        if (spec.path == "recorded_by") defaults["recorded_by"] = session_.currentUser().displayName;
    }
    dialog->load(defaults, {});
    const std::string caseId = caseId_;
    const Entity kind = kind_;
    dialog->setSave([this, caseId, kind](const Json& doc) { session_.cases().addItem(caseId, kind, doc); });
    connect(dialog, &QDialog::accepted, this, &ItemSection::itemsChanged);
    dialog->open();
}

void ItemSection::editSelected() {
    const auto* item = selectedItem();
    if (item == nullptr || item->superseded || !session_.can(vault::Permission::EditCases)) return;
    const bool appendOnly = model::isAppendOnly(kind_);
    auto* dialog = new ItemDialog(kind_, appendOnly ? ItemDialog::Mode::Correct : ItemDialog::Mode::Edit, context_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->load(item->doc, item->masked);
    dialog->setCanReveal(session_.can(vault::Permission::RevealSensitive));
    const std::string itemId = item->id;
    const Entity kind = kind_;
    const std::string today = session_.vault().today();
    if (appendOnly) {
        dialog->setSave([this, itemId](const Json& doc) { session_.cases().correctItem(itemId, doc); });
    } else {
        dialog->setSave([this, itemId, kind, today](const Json& changes) {
            // Check every field first so that an invalid value saves nothing.
            for (auto it = changes.begin(); it != changes.end(); ++it) model::validateField(kind, it.key(), it.value(), today);
            for (auto it = changes.begin(); it != changes.end(); ++it) session_.cases().updateItemField(itemId, it.key(), it.value());
        });
    }
    connect(dialog, &ItemDialog::revealRequested, this, [this, dialog, itemId](const QString& path) {
        try {
            const std::string field = path.toStdString();
            dialog->form()->setRevealed(field, session_.cases().reveal(itemId, field));
        } catch (const Error& error) {
            showErrorDialog(dialog, error);
        }
    });
    connect(dialog, &QDialog::accepted, this, &ItemSection::itemsChanged);
    dialog->open();
}

void ItemSection::retranslate() {
    switch (kind_) {
    case Entity::Event:
        title_->setText(tr("Events"));
        hint_->setText(tr("Where and when the person was recruited, moved and exploited. The countries decide "
                          "whether the case is international."));
        break;
    case Entity::Consent:
        title_->setText(tr("Consents"));
        hint_->setText(tr("What the person agreed to. Referrals and transfers to partners need a data-sharing "
                          "consent that has not been withdrawn."));
        break;
    case Entity::Service:
        title_->setText(tr("Services"));
        hint_->setText(tr("Assistance provided or planned. Records are never overwritten: use Correct to replace "
                          "one."));
        break;
    case Entity::Referral:
        title_->setText(tr("Referrals"));
        hint_->setText(tr("Referrals to and from partner organisations."));
        break;
    case Entity::Transfer:
        title_->setText(tr("Transfers between offices"));
        hint_->setText({});
        break;
    default:
        title_->setText(FieldLabels::entityName(kind_));
        hint_->setText({});
        break;
    }
    hint_->setVisible(!hint_->text().isEmpty());
    add_->setText(tr("Add"));
    edit_->setText(model::isAppendOnly(kind_) ? tr("Correct") : tr("Edit"));
    remove_->setText(tr("Delete"));
    fillTable();
}

void ItemSection::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace abri::app
