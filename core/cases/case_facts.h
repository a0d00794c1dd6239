#pragma once
// What statistics count about one case: the values reports group by, derived from the case document and its
// items. Pure: CaseStore writes them beside the case (case_facts, case_fact_*); the hub derives the same facts from
// merged documents, so a region's report counts exactly what its offices' reports count.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/fields.h"

namespace abri::cases {

// The multi-valued facts of a case (table case_fact_codes), by facet name.
inline constexpr std::string_view kFacetExploitationType = "exploitation_type";
inline constexpr std::string_view kFacetRecruitmentMethod = "recruitment_method";
inline constexpr std::string_view kFacetControlMeans = "control_means";
inline constexpr std::string_view kFacetCountryOfExploitation = "country_of_exploitation";

struct CaseFacts {
    std::string registeredOn;
    std::optional<int> age;            // at registration
    std::optional<bool> minor;         // unknown when the age is
    std::optional<std::string> gender;
    std::optional<std::string> citizenship;
    std::optional<bool> international;
    std::optional<std::string> labourSector;
    std::optional<std::string> recruiterRelationship;
    std::string status;
    std::optional<std::string> closureReason;
    std::string screeningOutcome;
    std::string office;
    std::optional<std::string> caseworker;
    bool researchConsent = false;
    std::vector<std::pair<std::string, std::string>> codes;      // (facet, code), distinct
    std::vector<std::pair<std::string, std::string>> services;   // (type, status) of current services
    std::vector<std::pair<std::string, std::string>> referrals;  // (direction, status) of current referrals
};

// An item as facts need it: its kind, document, id and the record it supersedes (append-only kinds).
struct FactItem {
    model::Entity kind = model::Entity::Note;
    const nlohmann::json* doc = nullptr;
    std::string_view id;
    std::optional<std::string_view> supersedes;
};

// `items` are the case's live items. A service corrected by a later record counts once, as corrected.
CaseFacts deriveFacts(const nlohmann::json& caseDoc, const std::vector<FactItem>& items);

}  // namespace abri::cases
