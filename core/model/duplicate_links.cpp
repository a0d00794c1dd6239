#include "model/duplicate_links.h"

#include <algorithm>

#include "model/case_rules.h"

namespace abri::model {

namespace {

nlohmann::json listValue(std::vector<std::string> codes) {
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    return codes.empty() ? nlohmann::json(nullptr) : nlohmann::json(codes);
}

}  // namespace

bool isRetiredDuplicate(const nlohmann::json& caseDoc) {
    if (!duplicateOf(caseDoc).empty()) return true;
    const auto status = getField(caseDoc, "status");
    const auto reason = getField(caseDoc, "closure_reason");
    return status.is_string() && status.get<std::string>() == "closed" && reason.is_string() &&
           reason.get<std::string>() == kDuplicateClosureReason;
}

std::string duplicateOf(const nlohmann::json& caseDoc) {
    const auto value = getField(caseDoc, kDuplicateOfField);
    return value.is_string() ? value.get<std::string>() : std::string();
}

std::vector<std::string> codeList(const nlohmann::json& caseDoc, std::string_view field) {
    std::vector<std::string> out;
    const auto value = getField(caseDoc, field);
    if (!value.is_array()) return out;
    for (const auto& code : value)
        if (code.is_string()) out.push_back(code.get<std::string>());
    return out;
}

nlohmann::json withCode(std::vector<std::string> codes, const std::string& code) {
    codes.push_back(code);
    return listValue(std::move(codes));
}

nlohmann::json withoutCode(std::vector<std::string> codes, const std::string& code) {
    codes.erase(std::remove(codes.begin(), codes.end(), code), codes.end());
    return listValue(std::move(codes));
}

}  // namespace abri::model
