// Implementations of the field editors; createFieldEditor() picks one from the field's type.
#include <QtCore/QDate>
#include <QtCore/QLocale>
#include <QtCore/QSignalBlocker>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDateEdit>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

#include <set>
#include <string>
#include <vector>

#include "forms/field_editor.h"
#include "i18n/code_labels.h"
#include "i18n/display_format.h"
#include "ui/optional_date_edit.h"
#include "ui/text_direction.h"

namespace abri::app {

using model::CodeList;
using model::FieldType;

namespace {

QString toQString(const Json& value) {
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

Json textOrNull(const QString& text) {
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? Json(nullptr) : Json(trimmed.toStdString());
}

QHBoxLayout* tightRow(QWidget* owner) {
    auto* layout = new QHBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    return layout;
}

// Fills a combo box with "not set" plus the codes of a list, keeping the selection across refills.
void fillCodeCombo(QComboBox* combo, CodeList list, const QString& emptyText) {
    const QString selected = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(emptyText, QString());
    for (const auto& [code, label] : CodeLabels::entries(list)) combo->addItem(label, code);
    const int index = combo->findData(selected);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

QString notSetText() { return FieldEditor::tr("Not set"); }

// ---------------------------------------------------------------------------------------------------------------
class TextEditor final : public FieldEditor {
public:
    TextEditor(model::Entity entity, const model::FieldSpec& spec, QWidget* parent)
        : FieldEditor(entity, spec, parent), edit_(new QLineEdit(this)) {
        tightRow(this)->addWidget(edit_);
        edit_->setMaxLength(static_cast<int>(model::kMaxTextBytes));
        connect(edit_, &QLineEdit::textEdited, this, &FieldEditor::edited);
    }
    void setValue(const Json& value) override { edit_->setText(toQString(value)); }
    Json value() const override { return textOrNull(edit_->text()); }
    void setReadOnly(bool readOnly) override { edit_->setReadOnly(readOnly); }

private:
    QLineEdit* edit_;
};

// ---------------------------------------------------------------------------------------------------------------
class LongTextEditor final : public FieldEditor {
public:
    LongTextEditor(model::Entity entity, const model::FieldSpec& spec, QWidget* parent)
        : FieldEditor(entity, spec, parent), edit_(new QPlainTextEdit(this)) {
        tightRow(this)->addWidget(edit_);
        edit_->setTabChangesFocus(true);
        edit_->setMinimumHeight(edit_->fontMetrics().lineSpacing() * 4);
        connect(edit_, &QPlainTextEdit::textChanged, this, [this] {
            if (!loading_) Q_EMIT edited();
        });
    }
    void setValue(const Json& value) override {
        loading_ = true;
        edit_->setPlainText(toQString(value));
        loading_ = false;
    }
    Json value() const override {
        const QString text = edit_->toPlainText();
        return text.trimmed().isEmpty() ? Json(nullptr) : Json(text.toStdString());
    }
    void setReadOnly(bool readOnly) override { edit_->setReadOnly(readOnly); }

private:
    QPlainTextEdit* edit_;
    bool loading_ = false;
};

// ---------------------------------------------------------------------------------------------------------------
class DateEditor final : public FieldEditor {
public:
    DateEditor(model::Entity entity, const model::FieldSpec& spec, QWidget* parent)
        : FieldEditor(entity, spec, parent), edit_(new OptionalDateEdit(this)), clear_(new QToolButton(this)) {
        auto* row = tightRow(this);
        row->addWidget(edit_);
        row->addWidget(clear_);
        row->addStretch();
        clear_->setText(QStringLiteral("×"));
        clear_->setAutoRaise(true);
        connect(clear_, &QToolButton::clicked, this, [this] {
            edit_->setDate(OptionalDateEdit::kUnset);
            Q_EMIT edited();
        });
        connect(edit_, &QDateEdit::dateChanged, this, [this] {
            if (!loading_) Q_EMIT edited();
        });
        retranslate();
    }
    void setValue(const Json& value) override {
        loading_ = true;
        const QDate date = QDate::fromString(toQString(value), Qt::ISODate);
        edit_->setDate(date.isValid() ? date : OptionalDateEdit::kUnset);
        loading_ = false;
    }
    Json value() const override {
        const QDate date = edit_->date();
        return date == OptionalDateEdit::kUnset ? Json(nullptr) : Json(date.toString(Qt::ISODate).toStdString());
    }
    void setReadOnly(bool readOnly) override {
        edit_->setReadOnly(readOnly);
        clear_->setVisible(!readOnly);
    }
    void retranslate() override {
        edit_->setUnsetText(notSetText());
        edit_->applyLocaleFormat();
        clear_->setToolTip(FieldEditor::tr("Clear the date"));
    }

private:
    OptionalDateEdit* edit_;
    QToolButton* clear_;
    bool loading_ = false;
};

// ---------------------------------------------------------------------------------------------------------------
class IntegerEditor final : public FieldEditor {
public:
    IntegerEditor(model::Entity entity, const model::FieldSpec& spec, QWidget* parent)
        : FieldEditor(entity, spec, parent), spin_(new QSpinBox(this)) {
        auto* row = tightRow(this);
        row->addWidget(spin_);
        row->addStretch();
        // One below the minimum means "not set".
        spin_->setRange(static_cast<int>(spec.minValue) - 1, static_cast<int>(spec.maxValue));
        spin_->setValue(spin_->minimum());
        connect(spin_, &QSpinBox::valueChanged, this, [this] {
            if (!loading_) Q_EMIT edited();
        });
        retranslate();
    }
    void setValue(const Json& value) override {
        loading_ = true;
        spin_->setValue(value.is_number_integer() ? static_cast<int>(value.get<long>()) : spin_->minimum());
        loading_ = false;
    }
    Json value() const override {
        return spin_->value() == spin_->minimum() ? Json(nullptr) : Json(spin_->value());
    }
    void setReadOnly(bool readOnly) override { spin_->setReadOnly(readOnly); }
    void retranslate() override { spin_->setSpecialValueText(notSetText()); }

private:
    QSpinBox* spin_;
    bool loading_ = false;
};

// ---------------------------------------------------------------------------------------------------------------
class BooleanEditor final : public FieldEditor {
public:
    BooleanEditor(model::Entity entity, const model::FieldSpec& spec, QWidget* parent)
        : FieldEditor(entity, spec, parent), combo_(new QComboBox(this)) {
        auto* row = tightRow(this);
        row->addWidget(combo_);
        row->addStretch();
        retranslate();
        connect(combo_, &QComboBox::activated, this, &FieldEditor::edited);
    }
    void setValue(const Json& value) override {
        combo_->setCurrentIndex(value.is_boolean() ? (value.get<bool>() ? 1 : 2) : 0);
    }
    Json value() const override {
        switch (combo_->currentIndex()) {
        case 1: return true;
        case 2: return false;
        default: return nullptr;
        }
    }
    void setReadOnly(bool readOnly) override { combo_->setEnabled(!readOnly); }
    void retranslate() override {
        const int index = combo_->currentIndex();
        const QSignalBlocker blocker(combo_);
        combo_->clear();
        combo_->addItems({notSetText(), DisplayFormat::yesNo(true), DisplayFormat::yesNo(false)});
        combo_->setCurrentIndex(index < 0 ? 0 : index);
    }

private:
    QComboBox* combo_;
};

// ---------------------------------------------------------------------------------------------------------------
class CodeEditor final : public FieldEditor {
public:
    CodeEditor(model::Entity entity, const model::FieldSpec& spec, QWidget* parent)
        : FieldEditor(entity, spec, parent), combo_(new QComboBox(this)) {
        auto* row = tightRow(this);
        row->addWidget(combo_, 1);
        combo_->setMaxVisibleItems(16);
        combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo_->setMinimumContentsLength(18);
        retranslate();
        connect(combo_, &QComboBox::activated, this, &FieldEditor::edited);
    }
    void setValue(const Json& value) override {
        const QString code = toQString(value);
        int index = combo_->findData(code);
        if (index < 0 && !code.isEmpty()) {
            // A code this version does not list (newer client via sync): keep it selectable rather than lose it.
            combo_->addItem(CodeLabels::label(*spec().codeList, code), code);
            index = combo_->count() - 1;
        }
        combo_->setCurrentIndex(index < 0 ? 0 : index);
    }
    Json value() const override { return textOrNull(combo_->currentData().toString()); }
    void setReadOnly(bool readOnly) override { combo_->setEnabled(!readOnly); }
    void retranslate() override { fillCodeCombo(combo_, *spec().codeList, notSetText()); }

private:
    QComboBox* combo_;
};

// ---------------------------------------------------------------------------------------------------------------
// Short lists: check boxes in two columns. Long lists (languages): a filterable list with check marks.
class CodeSetEditor final : public FieldEditor {
public:
    static constexpr std::size_t kMaxCheckBoxes = 16;

    CodeSetEditor(model::Entity entity, const model::FieldSpec& spec, QWidget* parent)
        : FieldEditor(entity, spec, parent) {
        const auto& codes = model::codes(*spec.codeList);
        if (codes.size() <= kMaxCheckBoxes) {
            auto* grid = new QGridLayout(this);
            grid->setContentsMargins(0, 0, 0, 0);
            grid->setHorizontalSpacing(16);
            grid->setVerticalSpacing(2);
            const int rows = static_cast<int>((codes.size() + 1) / 2);
            for (std::size_t i = 0; i < codes.size(); ++i) {
                auto* box = new QCheckBox(this);
                box->setProperty("code", QString::fromUtf8(codes[i].data(), static_cast<qsizetype>(codes[i].size())));
                const int position = static_cast<int>(i);
                grid->addWidget(box, position % rows, position / rows);
                connect(box, &QCheckBox::toggled, this, [this] {
                    if (!loading_) Q_EMIT edited();
                });
                boxes_.push_back(box);
            }
        } else {
            auto* layout = new QVBoxLayout(this);
            layout->setContentsMargins(0, 0, 0, 0);
            filter_ = new QLineEdit(this);
            filter_->setClearButtonEnabled(true);
            list_ = new QListWidget(this);
            list_->setMaximumHeight(list_->fontMetrics().lineSpacing() * 8);
            layout->addWidget(filter_);
            layout->addWidget(list_);
            connect(filter_, &QLineEdit::textChanged, this, [this](const QString& text) {
                for (int i = 0; i < list_->count(); ++i) {
                    auto* item = list_->item(i);
                    item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive));
                }
            });
            connect(list_, &QListWidget::itemChanged, this, [this] {
                if (!loading_) Q_EMIT edited();
            });
        }
        retranslate();
    }

    void setValue(const Json& value) override {
        std::set<QString> selected;
        if (value.is_array()) {
            for (const auto& entry : value) {
                if (entry.is_string()) selected.insert(QString::fromStdString(entry.get<std::string>()));
            }
        }
        loading_ = true;
        for (auto* box : boxes_) box->setChecked(selected.count(box->property("code").toString()) > 0);
        if (list_ != nullptr) {
            for (int i = 0; i < list_->count(); ++i) {
                auto* item = list_->item(i);
                item->setCheckState(selected.count(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
            }
        }
        loading_ = false;
    }

    Json value() const override {
        // Display order of the code list, so that the stored array is stable whatever the click order.
        Json result = Json::array();
        std::set<QString> selected;
        for (auto* box : boxes_) {
            if (box->isChecked()) selected.insert(box->property("code").toString());
        }
        if (list_ != nullptr) {
            for (int i = 0; i < list_->count(); ++i) {
                if (list_->item(i)->checkState() == Qt::Checked) selected.insert(list_->item(i)->data(Qt::UserRole).toString());
            }
        }
        for (std::string_view code : model::codes(*spec().codeList)) {
            if (selected.count(QString::fromUtf8(code.data(), static_cast<qsizetype>(code.size())))) {
                result.push_back(std::string(code));
            }
        }
        return result.empty() ? Json(nullptr) : result;
    }

    void setReadOnly(bool readOnly) override {
        for (auto* box : boxes_) box->setEnabled(!readOnly);
        if (list_ != nullptr) list_->setEnabled(!readOnly);
        if (filter_ != nullptr) filter_->setEnabled(!readOnly);
    }

    void retranslate() override {
        for (auto* box : boxes_) {
            const std::string code = box->property("code").toString().toStdString();
            box->setText(CodeLabels::label(*spec().codeList, code));
            box->setToolTip(CodeLabels::description(*spec().codeList, code));
        }
        if (list_ != nullptr) {
            const Json current = value();
            loading_ = true;
            list_->clear();
            for (const auto& [code, label] : CodeLabels::entries(*spec().codeList)) {
                auto* item = new QListWidgetItem(label, list_);
                item->setData(Qt::UserRole, code);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            }
            loading_ = false;
            setValue(current);
            filter_->setPlaceholderText(FieldEditor::tr("Type to filter the list"));
        }
    }

    // The check boxes, for the screening page which lays them out with explanations.
    const std::vector<QCheckBox*>& checkBoxes() const { return boxes_; }

private:
    std::vector<QCheckBox*> boxes_;
    QLineEdit* filter_ = nullptr;
    QListWidget* list_ = nullptr;
    bool loading_ = false;
};

// ---------------------------------------------------------------------------------------------------------------
class TextListEditor final : public FieldEditor {
public:
    TextListEditor(model::Entity entity, const model::FieldSpec& spec, QWidget* parent)
        : FieldEditor(entity, spec, parent), edit_(new QLineEdit(this)) {
        tightRow(this)->addWidget(edit_);
        connect(edit_, &QLineEdit::textEdited, this, &FieldEditor::edited);
        retranslate();
    }
    void setValue(const Json& value) override {
        QStringList parts;
        if (value.is_array()) {
            for (const auto& entry : value) {
                if (entry.is_string()) parts << QString::fromStdString(entry.get<std::string>());
            }
        }
        edit_->setText(parts.join(QStringLiteral("; ")));
    }
    Json value() const override {
        Json result = Json::array();
        const auto parts = edit_->text().split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString& part : parts) {
            if (!part.trimmed().isEmpty()) result.push_back(part.trimmed().toStdString());
        }
        return result.empty() ? Json(nullptr) : result;
    }
    void setReadOnly(bool readOnly) override { edit_->setReadOnly(readOnly); }
    void retranslate() override { edit_->setPlaceholderText(FieldEditor::tr("Separate several entries with ;")); }

private:
    QLineEdit* edit_;
};

// ---------------------------------------------------------------------------------------------------------------
// Contacts [{type, value}] and identity documents [{type, number, country}]: a small table with combo boxes.
class RecordListEditor final : public FieldEditor {
public:
    RecordListEditor(model::Entity entity, const model::FieldSpec& spec, QWidget* parent)
        : FieldEditor(entity, spec, parent), table_(new QTableWidget(this)), add_(new QPushButton(this)),
          remove_(new QPushButton(this)) {
        documents_ = spec.type == FieldType::IdentityDocuments;
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        table_->setColumnCount(documents_ ? 3 : 2);
        table_->verticalHeader()->hide();
        table_->horizontalHeader()->setStretchLastSection(true);
        table_->setSelectionBehavior(QAbstractItemView::SelectRows);
        table_->setMinimumHeight(table_->fontMetrics().lineSpacing() * 5);
        table_->setMaximumHeight(table_->fontMetrics().lineSpacing() * 9);
        layout->addWidget(table_);
        auto* buttons = new QHBoxLayout;
        buttons->addWidget(add_);
        buttons->addWidget(remove_);
        buttons->addStretch();
        layout->addLayout(buttons);
        connect(add_, &QPushButton::clicked, this, [this] {
            addRow(Json::object());
            Q_EMIT edited();
        });
        connect(remove_, &QPushButton::clicked, this, [this] {
            const int row = table_->currentRow();
            if (row < 0) return;
            table_->removeRow(row);
            Q_EMIT edited();
        });
        connect(table_, &QTableWidget::itemChanged, this, [this] {
            if (!loading_) Q_EMIT edited();
        });
        retranslate();
    }

    void setValue(const Json& value) override {
        loading_ = true;
        table_->setRowCount(0);
        if (value.is_array()) {
            for (const auto& entry : value) addRow(entry);
        }
        loading_ = false;
    }

    Json value() const override {
        Json result = Json::array();
        for (int row = 0; row < table_->rowCount(); ++row) {
            Json entry = Json::object();
            const auto* typeCombo = qobject_cast<QComboBox*>(table_->cellWidget(row, 0));
            const QString type = typeCombo ? typeCombo->currentData().toString() : QString();
            const auto* text = table_->item(row, 1);
            const QString content = text ? text->text().trimmed() : QString();
            if (type.isEmpty() && content.isEmpty()) continue;  // an empty row the user added and left
            if (!type.isEmpty()) entry["type"] = type.toStdString();
            if (!content.isEmpty()) entry[documents_ ? "number" : "value"] = content.toStdString();
            if (documents_) {
                const auto* countryCombo = qobject_cast<QComboBox*>(table_->cellWidget(row, 2));
                const QString country = countryCombo ? countryCombo->currentData().toString() : QString();
                if (!country.isEmpty()) entry["country"] = country.toStdString();
            }
            result.push_back(std::move(entry));
        }
        return result.empty() ? Json(nullptr) : result;
    }

    void setReadOnly(bool readOnly) override {
        readOnly_ = readOnly;
        table_->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers : QAbstractItemView::AllEditTriggers);
        for (int row = 0; row < table_->rowCount(); ++row) {
            for (int column : {0, 2}) {
                if (auto* widget = table_->cellWidget(row, column)) widget->setEnabled(!readOnly);
            }
        }
        add_->setVisible(!readOnly);
        remove_->setVisible(!readOnly);
    }

    void retranslate() override {
        if (documents_) {
            table_->setHorizontalHeaderLabels({FieldEditor::tr("Document"), FieldEditor::tr("Number"), FieldEditor::tr("Issued by")});
        } else {
            table_->setHorizontalHeaderLabels({FieldEditor::tr("Type"), FieldEditor::tr("Contact")});
        }
        add_->setText(documents_ ? FieldEditor::tr("Add document") : FieldEditor::tr("Add contact"));
        remove_->setText(FieldEditor::tr("Remove"));
        for (int row = 0; row < table_->rowCount(); ++row) {
            if (auto* combo = qobject_cast<QComboBox*>(table_->cellWidget(row, 0))) {
                fillCodeCombo(combo, typeList(), notSetText());
            }
            if (auto* combo = qobject_cast<QComboBox*>(table_->cellWidget(row, 2))) {
                fillCodeCombo(combo, CodeList::Country, notSetText());
            }
        }
    }

private:
    CodeList typeList() const { return documents_ ? CodeList::IdentityDocumentType : CodeList::ContactType; }

    QComboBox* makeCombo(CodeList list, const Json& code) {
        auto* combo = new QComboBox(table_);
        fillCodeCombo(combo, list, notSetText());
        const int index = combo->findData(toQString(code));
        combo->setCurrentIndex(index < 0 ? 0 : index);
        combo->setEnabled(!readOnly_);
        connect(combo, &QComboBox::activated, this, &FieldEditor::edited);
        return combo;
    }

    void addRow(const Json& entry) {
        const bool wasLoading = loading_;
        loading_ = true;
        const int row = table_->rowCount();
        table_->insertRow(row);
        const Json type = entry.is_object() ? entry.value("type", Json()) : Json();
        table_->setCellWidget(row, 0, makeCombo(typeList(), type));
        const Json text = entry.is_object() ? entry.value(documents_ ? "number" : "value", Json()) : Json();
        table_->setItem(row, 1, new QTableWidgetItem(toQString(text)));
        if (documents_) {
            const Json country = entry.is_object() ? entry.value("country", Json()) : Json();
            table_->setCellWidget(row, 2, makeCombo(CodeList::Country, country));
        }
        loading_ = wasLoading;
    }

    QTableWidget* table_;
    QPushButton* add_;
    QPushButton* remove_;
    bool documents_ = false;
    bool readOnly_ = false;
    bool loading_ = false;
};

// ---------------------------------------------------------------------------------------------------------------
// The assigned caseworker: a user id, chosen by display name.
class UserEditor final : public FieldEditor {
public:
    UserEditor(model::Entity entity, const model::FieldSpec& spec, const EditorContext& context, QWidget* parent)
        : FieldEditor(entity, spec, parent), context_(context), combo_(new QComboBox(this)) {
        auto* row = tightRow(this);
        row->addWidget(combo_, 1);
        retranslate();
        connect(combo_, &QComboBox::activated, this, &FieldEditor::edited);
    }
    void setValue(const Json& value) override {
        const QString id = toQString(value);
        int index = combo_->findData(id);
        if (index < 0 && !id.isEmpty()) {
            combo_->addItem(id, id);  // a user of another office (synced case)
            index = combo_->count() - 1;
        }
        combo_->setCurrentIndex(index < 0 ? 0 : index);
    }
    Json value() const override { return textOrNull(combo_->currentData().toString()); }
    void setReadOnly(bool readOnly) override { combo_->setEnabled(!readOnly); }
    void retranslate() override {
        const QString selected = combo_->currentData().toString();
        const QSignalBlocker blocker(combo_);
        combo_->clear();
        combo_->addItem(FieldEditor::tr("Unassigned"), QString());
        if (context_.users) {
            for (const auto& [id, name] : context_.users()) combo_->addItem(name, id);
        }
        const int index = combo_->findData(selected);
        combo_->setCurrentIndex(index < 0 ? 0 : index);
    }

private:
    EditorContext context_;
    QComboBox* combo_;
};

// ---------------------------------------------------------------------------------------------------------------
// Fields fixed at creation (case code, office): shown, selectable, never edited.
class ReadOnlyEditor final : public FieldEditor {
public:
    ReadOnlyEditor(model::Entity entity, const model::FieldSpec& spec, QWidget* parent)
        : FieldEditor(entity, spec, parent), label_(new QLabel(this)) {
        tightRow(this)->addWidget(label_);
        label_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    void setValue(const Json& value) override {
        value_ = value;
        label_->setText(followUiDirection(DisplayFormat::value(spec(), value)));
    }
    Json value() const override { return value_; }
    void setReadOnly(bool) override {}
    void retranslate() override { label_->setText(followUiDirection(DisplayFormat::value(spec(), value_))); }

private:
    QLabel* label_;
    Json value_;
};

}  // namespace

FieldEditor* createFieldEditor(model::Entity entity, const model::FieldSpec& spec, const EditorContext& context,
                               QWidget* parent) {
    if (!spec.editable) return new ReadOnlyEditor(entity, spec, parent);
    if (entity == model::Entity::Case && spec.path == "caseworker") return new UserEditor(entity, spec, context, parent);
    switch (spec.type) {
    case FieldType::Text: return new TextEditor(entity, spec, parent);
    case FieldType::LongText: return new LongTextEditor(entity, spec, parent);
    case FieldType::Date: return new DateEditor(entity, spec, parent);
    case FieldType::Integer: return new IntegerEditor(entity, spec, parent);
    case FieldType::Boolean: return new BooleanEditor(entity, spec, parent);
    case FieldType::Code:
        return spec.codeList ? static_cast<FieldEditor*>(new CodeEditor(entity, spec, parent))
                             : new TextEditor(entity, spec, parent);
    case FieldType::CodeSet:
        return spec.codeList ? static_cast<FieldEditor*>(new CodeSetEditor(entity, spec, parent))
                             : new TextListEditor(entity, spec, parent);
    case FieldType::TextList: return new TextListEditor(entity, spec, parent);
    case FieldType::Contacts:
    case FieldType::IdentityDocuments: return new RecordListEditor(entity, spec, parent);
    }
    return new TextEditor(entity, spec, parent);
}

}  // namespace abri::app
