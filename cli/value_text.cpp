#include "value_text.h"

namespace abri::cli {

std::string plainValue(const nlohmann::json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
    if (value.is_array()) {
        std::string out;
        for (const auto& entry : value) {
            std::string text;
            if (entry.is_object()) {
                for (const auto& [key, field] : entry.items()) {
                    text += (text.empty() ? "" : " ") + key + "=" + plainValue(field);
                }
            } else {
                text = plainValue(entry);
            }
            out += (out.empty() ? "" : "; ") + text;
        }
        return out;
    }
    if (value.is_null()) return "";
    return value.dump();
}

}  // namespace abri::cli
