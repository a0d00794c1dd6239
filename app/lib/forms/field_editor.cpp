#include "forms/field_editor.h"

namespace abri::app {

FieldEditor::FieldEditor(model::Entity entity, const model::FieldSpec& spec, QWidget* parent)
    : QWidget(parent), entity_(entity), spec_(spec) {}

Json normalizedValue(const Json& value) {
    if (value.is_string() && value.get_ref<const std::string&>().empty()) return nullptr;
    if ((value.is_array() || value.is_object()) && value.empty()) return nullptr;
    return value;
}

}  // namespace abri::app
