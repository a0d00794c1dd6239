#include "model/consent_rules.h"

namespace abri::model {

namespace {

std::string_view stringAt(const nlohmann::json& doc, const char* key) {
    if (!doc.is_object()) return {};
    auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? std::string_view(it->get_ref<const std::string&>()) : std::string_view();
}

}  // namespace

bool isActiveConsent(const nlohmann::json& consentDoc, std::string_view scope) {
    if (!consentDoc.is_object() || stringAt(consentDoc, "scope") != scope) return false;
    auto given = consentDoc.find("given");
    if (given == consentDoc.end() || !given->is_boolean() || !given->get<bool>()) return false;
    auto withdrawn = consentDoc.find("withdrawn_on");
    return withdrawn == consentDoc.end() || withdrawn->is_null();
}

bool needsSharingConsent(Entity kind, const nlohmann::json& itemDoc) {
    if (kind == Entity::Transfer) return true;
    return kind == Entity::Referral && stringAt(itemDoc, "direction") == "outgoing";
}

}  // namespace abri::model
