#include "person_record.h"

#include "model/case_rules.h"

namespace abri::duplicates {

namespace {

using Json = nlohmann::json;

std::string textOf(const Json& object, const char* name) {
    if (!object.is_object()) return {};
    const auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// "YYYY-MM-DD" naming a real day, else nullopt.
std::optional<BirthDate> dateOf(const std::string& text) {
    if (!model::isValidDate(text)) return std::nullopt;
    return BirthDate{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
}

}  // namespace

PersonRecord personFromCaseDocument(std::string caseId, const Json& document, const DocumentHasher& hasher) {
    PersonRecord record;
    record.caseId = std::move(caseId);
    record.caseCode = textOf(document, "case_code");
    record.office = textOf(document, "office");
    if (auto registered = dateOf(textOf(document, "registered_on"))) record.registeredYear = registered->year;
    const auto personIt = document.is_object() ? document.find("person") : document.end();
    if (personIt == document.end() || !personIt->is_object()) return record;
    const Json& person = *personIt;
    record.givenName = textOf(person, "given_name");
    record.familyName = textOf(person, "family_name");
    if (const auto aliases = person.find("aliases"); aliases != person.end() && aliases->is_array()) {
        for (const auto& alias : *aliases)
            if (alias.is_string() && !alias.get<std::string>().empty()) record.aliases.push_back(alias.get<std::string>());
    }
    record.dateOfBirth = dateOf(textOf(person, "date_of_birth"));
    if (const auto age = person.find("estimated_age"); age != person.end() && age->is_number_integer()) {
        const auto years = age->get<std::int64_t>();
        if (years >= 0 && years <= 120) record.estimatedAge = static_cast<int>(years);
    }
    record.gender = textOf(person, "gender");
    if (record.gender == "unknown") record.gender.clear();  // says nothing either way
    record.citizenship = textOf(person, "citizenship");
    if (const auto documents = person.find("identity_documents");
        documents != person.end() && documents->is_array()) {
        for (const auto& doc : *documents) {
            if (auto hash = hasher.hash(textOf(doc, "number"))) record.documents.push_back(*hash);
        }
    }
    return record;
}

}  // namespace abri::duplicates
