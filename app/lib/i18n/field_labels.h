#pragma once
// Translated labels of the fields of the case model (model/fields.h), keyed by entity and field path.
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <string_view>

#include "model/fields.h"

namespace abri::app {

class FieldLabels {
    Q_DECLARE_TR_FUNCTIONS(FieldLabels)

public:
    // "person.date_of_birth" -> "Date of birth". Empty when the field is unknown.
    static QString label(model::Entity entity, std::string_view path);
    // For error subjects, which name a path but not the entity: tries the case first, then the item kinds.
    // Also accepts sub-paths such as "person.contacts.0.value" (labels the enclosing field).
    static QString labelForPath(const QString& path);
    // Optional hint shown under the field (e.g. why names may stay empty).
    static QString hint(model::Entity entity, std::string_view path);
    static bool hasLabel(model::Entity entity, std::string_view path);
    // The name of an item kind ("Event", "Service") and the heading of a section.
    static QString entityName(model::Entity entity);
};

}  // namespace abri::app
