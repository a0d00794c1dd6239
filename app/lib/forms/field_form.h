#pragma once
// A form over a group of fields of one entity, built from the field registry: a label, an editor, an optional hint
// and an error line per field. It knows which fields the user changed, shows core's validation errors at the field
// they name, and keeps sensitive fields masked until they are revealed (by core, which audits the reveal).
#include <QtCore/QString>
#include <QtWidgets/QWidget>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "forms/field_editor.h"

class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace abri::app {

class FieldForm : public QWidget {
    Q_OBJECT

public:
    // Fields of `entity` whose path starts with `prefix` ("person." ...); an empty prefix selects the top-level
    // fields (no dot in the path).
    static std::vector<const model::FieldSpec*> fieldsWithPrefix(model::Entity entity, std::string_view prefix);
    static std::vector<const model::FieldSpec*> allFields(model::Entity entity);

    FieldForm(model::Entity entity, const std::vector<const model::FieldSpec*>& fields, const EditorContext& context,
              QWidget* parent = nullptr);

    // canReveal: the user's role may reveal sensitive fields (otherwise masked fields show no button).
    void setCanReveal(bool canReveal);
    // Loads values from a document; `masked` lists paths that hold a hidden value. Clears errors and edits.
    void load(const Json& doc, const std::vector<std::string>& masked = {});
    // Shows a revealed value in place of the mask (not counted as an edit).
    void setRevealed(const std::string& path, const Json& value);
    bool isMasked(const std::string& path) const;

    // {path: value} of the fields the user changed since load().
    Json changes() const;
    bool isDirty() const { return !changes().empty(); }
    // The current value of a field (the loaded one while masked).
    Json valueOf(const std::string& path) const;
    // Writes the visible values into `doc` (to compute derived values such as the screening outcome live).
    void applyTo(Json& doc) const;
    bool hasField(const std::string& path) const;

    // Shows `message` under the field named by `subject` (or the enclosing field for sub-paths such as
    // "person.contacts.0.value"). Returns false when no field of this form matches.
    bool showError(const std::string& subject, const QString& message);
    void clearErrors();
    void setEditable(bool editable);
    FieldEditor* editor(const std::string& path) const;

Q_SIGNALS:
    void edited();
    void revealRequested(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Row {
        const model::FieldSpec* spec = nullptr;
        QLabel* label = nullptr;
        FieldEditor* editor = nullptr;
        QLabel* hint = nullptr;
        QLabel* error = nullptr;
        QStackedWidget* stack = nullptr;  // sensitive fields: [mask, editor]
        QLabel* maskText = nullptr;
        QPushButton* revealButton = nullptr;
        Json loaded;
        bool masked = false;
    };

    const Row* findRow(const std::string& subject) const;
    void retranslate();
    void updateMask(Row& row);

    model::Entity entity_;
    QFormLayout* layout_;
    std::map<std::string, Row> rows_;
    std::vector<std::string> order_;
    bool canReveal_ = false;
    bool editable_ = true;
};

}  // namespace abri::app
