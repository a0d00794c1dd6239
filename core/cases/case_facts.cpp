#include "cases/case_facts.h"

#include <algorithm>
#include <set>

#include "model/case_rules.h"
#include "model/consent_rules.h"

namespace abri::cases {

namespace {

using Json = nlohmann::json;
using model::Entity;

std::optional<std::string> textAt(const Json& doc, std::string_view path) {
    const Json value = model::getField(doc, path);
    if (value.is_string() && !value.get_ref<const std::string&>().empty()) return value.get<std::string>();
    return std::nullopt;
}

void addCodes(std::set<std::pair<std::string, std::string>>& out, std::string_view facet, const Json& list) {
    if (!list.is_array()) return;
    for (const auto& code : list)
        if (code.is_string()) out.emplace(std::string(facet), code.get<std::string>());
}

}  // namespace

CaseFacts deriveFacts(const Json& caseDoc, const std::vector<FactItem>& items) {
    CaseFacts f;
    f.registeredOn = textAt(caseDoc, "registered_on").value_or("");
    f.age = model::ageOn(caseDoc, f.registeredOn);
    if (f.age) f.minor = model::isMinor(caseDoc);
    f.gender = textAt(caseDoc, "person.gender");
    f.citizenship = textAt(caseDoc, "person.citizenship");
    f.labourSector = textAt(caseDoc, "situation.labour_sector");
    f.recruiterRelationship = textAt(caseDoc, "situation.recruiter_relationship");
    f.status = textAt(caseDoc, "status").value_or("registered");
    f.closureReason = textAt(caseDoc, "closure_reason");
    f.screeningOutcome = model::screeningOutcome(caseDoc);
    f.office = textAt(caseDoc, "office").value_or("");
    f.caseworker = textAt(caseDoc, "caseworker");

    std::set<std::pair<std::string, std::string>> codes;
    addCodes(codes, kFacetExploitationType, model::getField(caseDoc, "situation.exploitation_types"));
    addCodes(codes, kFacetRecruitmentMethod, model::getField(caseDoc, "situation.recruitment_methods"));
    addCodes(codes, kFacetControlMeans, model::getField(caseDoc, "situation.control_means"));

    std::set<std::string_view> superseded;
    for (const auto& item : items)
        if (item.supersedes) superseded.insert(*item.supersedes);

    std::vector<Json> events;
    for (const auto& item : items) {
        const Json& doc = *item.doc;
        switch (item.kind) {
        case Entity::Event:
            events.push_back(doc);
            if (textAt(doc, "type") == "exploitation")
                if (auto country = textAt(doc, "country")) codes.emplace(std::string(kFacetCountryOfExploitation), *country);
            break;
        case Entity::Consent:
            f.researchConsent = f.researchConsent || model::isActiveConsent(doc, model::kResearchScope);
            break;
        case Entity::Service:
            if (superseded.count(item.id) == 0)
                f.services.emplace_back(textAt(doc, "type").value_or(""), textAt(doc, "status").value_or(""));
            break;
        case Entity::Referral:
            f.referrals.emplace_back(textAt(doc, "direction").value_or(""), textAt(doc, "status").value_or(""));
            break;
        default:
            break;
        }
    }
    f.international = model::isInternational(caseDoc, events);
    f.codes.assign(codes.begin(), codes.end());
    return f;
}

}  // namespace abri::cases
