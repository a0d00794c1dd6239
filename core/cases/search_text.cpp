#include "cases/search_text.h"

#include <array>

namespace abri::cases {

namespace {
void appendText(std::string& out, const nlohmann::json& value) {
    if (value.is_string()) {
        out += ' ';
        out += value.get<std::string>();
    } else if (value.is_array()) {
        for (const auto& v : value) appendText(out, v);
    }
}
}  // namespace

std::string searchBody(const nlohmann::json& caseDoc, const std::vector<std::string>& noteTexts) {
    std::string body;
    if (caseDoc.contains("case_code")) appendText(body, caseDoc["case_code"]);
    if (caseDoc.contains("person") && caseDoc["person"].is_object()) {
        const auto& person = caseDoc["person"];
        for (const char* key : {"given_name", "family_name", "aliases"})
            if (person.contains(key)) appendText(body, person[key]);
    }
    for (const auto& note : noteTexts) {
        body += ' ';
        body += note;
    }
    return body;
}

bool affectsSearch(std::string_view fieldPath) {
    return fieldPath == "person.given_name" || fieldPath == "person.family_name" || fieldPath == "person.aliases";
}

std::string ftsMatchQuery(std::string_view userText) {
    constexpr std::size_t kMaxTerms = 8;
    std::string query;
    std::string word;
    std::size_t terms = 0;
    auto flush = [&] {
        if (!word.empty() && terms < kMaxTerms) {
            if (!query.empty()) query += ' ';
            query += '"' + word + "*\"";  // FTS4 prefix syntax: the star inside the quotes
            ++terms;
        }
        word.clear();
    };
    for (char ch : userText) {
        const auto c = static_cast<unsigned char>(ch);
        // ASCII letters and digits, and every byte of a multi-byte UTF-8 character (Arabic, accented Latin),
        // belong to words; FTS tokenises the quoted phrase itself with unicode61.
        const bool wordByte = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
        if (wordByte) {
            word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : ch);
        } else {
            flush();
        }
    }
    flush();
    return query;
}

}  // namespace abri::cases
