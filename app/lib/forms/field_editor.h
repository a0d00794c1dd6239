#pragma once
// One editor widget per field of the case model, chosen from the field registry (model/fields.h) by its type:
// line edit, date, number, yes/no, code list, set of codes, contacts, identity documents. Values go in and out as
// JSON in exactly the shape core stores; an empty editor yields JSON null.
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtWidgets/QWidget>

#include <nlohmann/json.hpp>

#include <functional>
#include <utility>

#include "model/fields.h"

namespace abri::app {

using Json = nlohmann::json;

// What some editors need from outside: the caseworker list (id, display name).
struct EditorContext {
    std::function<QList<std::pair<QString, QString>>()> users;
};

class FieldEditor : public QWidget {
    Q_OBJECT

public:
    FieldEditor(model::Entity entity, const model::FieldSpec& spec, QWidget* parent = nullptr);

    model::Entity entity() const { return entity_; }
    const model::FieldSpec& spec() const { return spec_; }

    virtual void setValue(const Json& value) = 0;
    virtual Json value() const = 0;
    virtual void setReadOnly(bool readOnly) = 0;
    // Refreshes texts that come from code lists or the locale (called on a language change).
    virtual void retranslate() {}

Q_SIGNALS:
    void edited();

private:
    model::Entity entity_;
    const model::FieldSpec& spec_;
};

// The editor for `spec`. Fields that may not change after creation get a read-only label.
FieldEditor* createFieldEditor(model::Entity entity, const model::FieldSpec& spec, const EditorContext& context,
                               QWidget* parent = nullptr);

// Empty strings, arrays and objects count as "no value", so that loading [] and reading back null is not an edit.
Json normalizedValue(const Json& value);

}  // namespace abri::app
