#include "cases/case_masking.h"

#include "model/case_rules.h"

namespace abri::cases {

std::vector<std::string> maskSensitive(model::Entity entity, nlohmann::json& doc) {
    std::vector<std::string> masked;
    for (const auto& spec : model::fieldsOf(entity)) {
        if (!spec.sensitive) continue;
        const nlohmann::json value = model::getField(doc, spec.path);
        if (value.is_null() || (value.is_array() && value.empty()) || (value.is_string() && value.get<std::string>().empty()))
            continue;
        model::setField(doc, spec.path, nullptr);
        masked.emplace_back(spec.path);
    }
    return masked;
}

}  // namespace abri::cases
