#include "model/code_lists.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "model/iso_lists.h"

namespace abri::model {

namespace {

using Codes = std::vector<std::string_view>;

constexpr std::array kAllCodeLists{
    CodeList::Gender,           CodeList::MaritalStatus,     CodeList::Education,
    CodeList::ContactType,      CodeList::IdentityDocumentType, CodeList::Country,
    CodeList::Language,         CodeList::ScreeningAct,      CodeList::ScreeningMeans,
    CodeList::ExploitationType, CodeList::RecruitmentMethod, CodeList::RecruiterRelationship,
    CodeList::ControlMeans,     CodeList::LabourSector,      CodeList::EventType,
    CodeList::ConsentScope,     CodeList::ServiceType,       CodeList::ServiceStatus,
    CodeList::ReferralDirection, CodeList::ReferralStatus,   CodeList::CaseStatus,
    CodeList::ClosureReason,    CodeList::ScreeningOutcome,  CodeList::ItemKind,
};

constexpr std::size_t indexOf(CodeList list) { return static_cast<std::size_t>(list); }
static_assert(indexOf(CodeList::ItemKind) + 1 == kAllCodeLists.size(), "kAllCodeLists must list every CodeList");

Codes isoCodes(std::span<const iso::Entry> entries) {
    Codes result;
    result.reserve(entries.size());
    for (const auto& entry : entries) result.push_back(entry.code);
    return result;
}

// The codes themselves. Order is display order (most common or most specific first, "other"/"unknown" last).
// Codes are stored in vaults and sent over sync: add new codes, never rename or remove one.
Codes buildCodes(CodeList list) {
    switch (list) {
    case CodeList::Gender: return {"female", "male", "transgender_nonconforming", "unknown"};
    case CodeList::MaritalStatus:
        return {"single", "married", "civil_partnership", "cohabiting", "separated", "divorced", "widowed",
                "unknown"};
    case CodeList::Education:
        return {"none", "primary", "lower_secondary", "upper_secondary", "vocational", "tertiary", "unknown"};
    case CodeList::ContactType: return {"phone", "email", "address", "messaging", "other"};
    case CodeList::IdentityDocumentType:
        return {"passport", "national_id", "birth_certificate", "residence_permit", "other"};
    case CodeList::Country: return isoCodes(iso::countries());
    case CodeList::Language: return isoCodes(iso::languages());
    case CodeList::ScreeningAct: return {"recruitment", "transport", "transfer", "harbouring", "receipt"};
    case CodeList::ScreeningMeans:
        return {"threat", "force", "coercion", "abduction", "fraud", "deception", "abuse_of_power",
                "abuse_of_vulnerability", "payments"};
    case CodeList::ExploitationType:
        return {"sexual_exploitation", "forced_labour",  "domestic_servitude", "forced_marriage",
                "forced_criminality",  "forced_begging", "organ_removal",      "slavery_servitude",
                "military_exploitation", "other"};
    case CodeList::RecruitmentMethod:
        return {"job_offer", "abduction", "family_member", "intimate_partner", "marriage_broker", "internet",
                "smuggling", "other"};
    case CodeList::RecruiterRelationship:
        return {"family_member", "intimate_partner", "friend",   "acquaintance", "neighbour",
                "employer",      "recruitment_agency", "stranger", "other",        "unknown"};
    case CodeList::ControlMeans:
        return {"debt_bondage",      "withheld_documents", "threats",           "threats_to_family",
                "physical_abuse",    "sexual_abuse",       "psychological_abuse", "restricted_movement",
                "isolation",         "withheld_earnings",  "withheld_necessities", "substances",
                "excessive_hours",   "false_promises",     "other"};
    case CodeList::LabourSector:
        return {"agriculture",    "fishing",  "construction", "manufacturing", "mining",
                "domestic_work",  "hospitality", "food_processing", "cleaning", "retail",
                "care_work",      "transport_logistics", "entertainment", "other"};
    case CodeList::EventType: return {"recruitment", "transit", "exploitation", "identification", "exit"};
    case CodeList::ConsentScope: return {"assistance", "data_sharing", "research"};
    case CodeList::ServiceType:
        return {"accommodation", "medical", "psychosocial", "legal", "education_vocational", "family_tracing",
                "return", "reintegration", "resettlement", "financial"};
    case CodeList::ServiceStatus: return {"planned", "ongoing", "completed", "refused", "cancelled"};
    case CodeList::ReferralDirection: return {"incoming", "outgoing"};
    case CodeList::ReferralStatus: return {"requested", "accepted", "declined", "completed"};
    case CodeList::CaseStatus: return {"registered", "under_assistance", "follow_up", "closed", "closed_referred"};
    case CodeList::ClosureReason:
        return {"assistance_completed", "referred_elsewhere", "returned_home", "person_declined", "lost_contact",
                "not_a_victim", "deceased", "duplicate_case", "other"};
    case CodeList::ScreeningOutcome: return {"presumed_victim", "not_victim", "pending"};
    case CodeList::ItemKind: return {"event", "consent", "service", "referral", "note", "transfer"};
    }
    return {};
}

struct Tables {
    std::array<Codes, kAllCodeLists.size()> display;  // display order
    std::array<Codes, kAllCodeLists.size()> sorted;   // for lookups
};

const Tables& tables() {
    static const Tables built = [] {
        Tables result;
        for (CodeList list : kAllCodeLists) {
            result.display[indexOf(list)] = buildCodes(list);
            auto sorted = result.display[indexOf(list)];
            std::sort(sorted.begin(), sorted.end());
            result.sorted[indexOf(list)] = std::move(sorted);
        }
        return result;
    }();
    return built;
}

std::string_view englishName(std::span<const iso::Entry> entries, std::string_view code) {
    auto found = std::lower_bound(entries.begin(), entries.end(), code,
                                  [](const iso::Entry& entry, std::string_view key) { return entry.code < key; });
    return found != entries.end() && found->code == code ? found->englishName : std::string_view{};
}

}  // namespace

std::string_view codeListName(CodeList list) {
    switch (list) {
    case CodeList::Gender: return "gender";
    case CodeList::MaritalStatus: return "marital_status";
    case CodeList::Education: return "education";
    case CodeList::ContactType: return "contact_type";
    case CodeList::IdentityDocumentType: return "identity_document_type";
    case CodeList::Country: return "country";
    case CodeList::Language: return "language";
    case CodeList::ScreeningAct: return "screening_act";
    case CodeList::ScreeningMeans: return "screening_means";
    case CodeList::ExploitationType: return "exploitation_type";
    case CodeList::RecruitmentMethod: return "recruitment_method";
    case CodeList::RecruiterRelationship: return "recruiter_relationship";
    case CodeList::ControlMeans: return "control_means";
    case CodeList::LabourSector: return "labour_sector";
    case CodeList::EventType: return "event_type";
    case CodeList::ConsentScope: return "consent_scope";
    case CodeList::ServiceType: return "service_type";
    case CodeList::ServiceStatus: return "service_status";
    case CodeList::ReferralDirection: return "referral_direction";
    case CodeList::ReferralStatus: return "referral_status";
    case CodeList::CaseStatus: return "case_status";
    case CodeList::ClosureReason: return "closure_reason";
    case CodeList::ScreeningOutcome: return "screening_outcome";
    case CodeList::ItemKind: return "item_kind";
    }
    return {};
}

std::optional<CodeList> codeListFromName(std::string_view name) {
    for (CodeList list : kAllCodeLists) {
        if (codeListName(list) == name) return list;
    }
    return std::nullopt;
}

const std::vector<std::string_view>& codes(CodeList list) { return tables().display[indexOf(list)]; }

bool isValidCode(CodeList list, std::string_view code) {
    const auto& sorted = tables().sorted[indexOf(list)];
    return std::binary_search(sorted.begin(), sorted.end(), code);
}

std::span<const CodeList> allCodeLists() { return kAllCodeLists; }

std::string_view countryEnglishName(std::string_view alpha2) { return englishName(iso::countries(), alpha2); }

std::string_view languageEnglishName(std::string_view alpha2) { return englishName(iso::languages(), alpha2); }

}  // namespace abri::model
