#include "model/fields.h"

#include <array>

namespace abri::model {

namespace {

// Cases. Paths and groups as documented in fields.h.
constexpr std::array kCaseFields{
    FieldSpec{.path = "case_code", .type = FieldType::Text, .required = true, .editable = false},
    FieldSpec{.path = "office", .type = FieldType::Text, .required = true, .editable = false},
    FieldSpec{.path = "caseworker", .type = FieldType::Text},
    FieldSpec{.path = "status", .type = FieldType::Code, .codeList = CodeList::CaseStatus, .required = true},
    FieldSpec{.path = "closure_reason", .type = FieldType::Code, .codeList = CodeList::ClosureReason},
    FieldSpec{.path = "registered_on", .type = FieldType::Date, .required = true},
    FieldSpec{.path = "closed_on", .type = FieldType::Date},
    // Duplicate review at the hub (PROTOCOL.md §6.4): case codes only, written by hub change-sets.
    FieldSpec{.path = "duplicate_of", .type = FieldType::Text, .editable = false, .hubOnly = true},
    FieldSpec{.path = "same_person_as", .type = FieldType::TextList, .editable = false, .hubOnly = true},
    FieldSpec{.path = "possible_duplicate_of", .type = FieldType::TextList, .editable = false, .hubOnly = true},

    FieldSpec{.path = "person.given_name", .type = FieldType::Text, .sensitive = true},
    FieldSpec{.path = "person.family_name", .type = FieldType::Text, .sensitive = true},
    FieldSpec{.path = "person.aliases", .type = FieldType::TextList, .sensitive = true},
    FieldSpec{.path = "person.gender", .type = FieldType::Code, .codeList = CodeList::Gender},
    FieldSpec{.path = "person.date_of_birth", .type = FieldType::Date, .sensitive = true},
    FieldSpec{.path = "person.estimated_age", .type = FieldType::Integer, .minValue = 0, .maxValue = 120},
    FieldSpec{.path = "person.citizenship", .type = FieldType::Code, .codeList = CodeList::Country},
    FieldSpec{.path = "person.languages", .type = FieldType::CodeSet, .codeList = CodeList::Language},
    FieldSpec{.path = "person.marital_status", .type = FieldType::Code, .codeList = CodeList::MaritalStatus},
    FieldSpec{.path = "person.children", .type = FieldType::Integer, .minValue = 0, .maxValue = 30},
    FieldSpec{.path = "person.education", .type = FieldType::Code, .codeList = CodeList::Education},
    FieldSpec{.path = "person.contacts", .type = FieldType::Contacts, .sensitive = true},
    FieldSpec{.path = "person.identity_documents", .type = FieldType::IdentityDocuments, .sensitive = true},

    FieldSpec{.path = "screening.acts", .type = FieldType::CodeSet, .codeList = CodeList::ScreeningAct},
    FieldSpec{.path = "screening.means", .type = FieldType::CodeSet, .codeList = CodeList::ScreeningMeans},
    // The Palermo "purpose" is exploitation: the same list as the exploitation types.
    FieldSpec{.path = "screening.purposes", .type = FieldType::CodeSet, .codeList = CodeList::ExploitationType},
    FieldSpec{.path = "screening.complete", .type = FieldType::Boolean},
    FieldSpec{.path = "screening.screened_on", .type = FieldType::Date},

    FieldSpec{.path = "situation.recruitment_methods",
              .type = FieldType::CodeSet,
              .codeList = CodeList::RecruitmentMethod},
    FieldSpec{.path = "situation.recruiter_relationship",
              .type = FieldType::Code,
              .codeList = CodeList::RecruiterRelationship},
    FieldSpec{.path = "situation.control_means", .type = FieldType::CodeSet, .codeList = CodeList::ControlMeans},
    FieldSpec{.path = "situation.exploitation_types",
              .type = FieldType::CodeSet,
              .codeList = CodeList::ExploitationType},
    FieldSpec{.path = "situation.labour_sector", .type = FieldType::Code, .codeList = CodeList::LabourSector},
    FieldSpec{.path = "situation.started_on", .type = FieldType::Date},
    FieldSpec{.path = "situation.ended_on", .type = FieldType::Date},
};

constexpr std::array kEventFields{
    FieldSpec{.path = "type", .type = FieldType::Code, .codeList = CodeList::EventType, .required = true},
    FieldSpec{.path = "date", .type = FieldType::Date},
    FieldSpec{.path = "country", .type = FieldType::Code, .codeList = CodeList::Country},
    FieldSpec{.path = "place", .type = FieldType::Text},
};

constexpr std::array kConsentFields{
    FieldSpec{.path = "scope", .type = FieldType::Code, .codeList = CodeList::ConsentScope, .required = true},
    FieldSpec{.path = "given", .type = FieldType::Boolean, .required = true},
    FieldSpec{.path = "partner", .type = FieldType::Text},
    FieldSpec{.path = "recorded_on", .type = FieldType::Date, .required = true},
    FieldSpec{.path = "recorded_by", .type = FieldType::Text},
    FieldSpec{.path = "withdrawn_on", .type = FieldType::Date},
};

// Services may be planned ahead: their dates may lie in the future.
constexpr std::array kServiceFields{
    FieldSpec{.path = "type", .type = FieldType::Code, .codeList = CodeList::ServiceType, .required = true},
    FieldSpec{.path = "provider", .type = FieldType::Text},
    FieldSpec{.path = "status", .type = FieldType::Code, .codeList = CodeList::ServiceStatus, .required = true},
    FieldSpec{.path = "started_on", .type = FieldType::Date, .futureAllowed = true},
    FieldSpec{.path = "ended_on", .type = FieldType::Date, .futureAllowed = true},
    FieldSpec{.path = "notes", .type = FieldType::LongText, .sensitive = true},
};

constexpr std::array kReferralFields{
    FieldSpec{.path = "direction",
              .type = FieldType::Code,
              .codeList = CodeList::ReferralDirection,
              .required = true},
    FieldSpec{.path = "partner", .type = FieldType::Text, .required = true},
    FieldSpec{.path = "reason", .type = FieldType::LongText},
    FieldSpec{.path = "status", .type = FieldType::Code, .codeList = CodeList::ReferralStatus, .required = true},
    FieldSpec{.path = "date", .type = FieldType::Date},
};

constexpr std::array kNoteFields{
    FieldSpec{.path = "text", .type = FieldType::LongText, .sensitive = true, .required = true},
};

constexpr std::array kTransferFields{
    FieldSpec{.path = "to_office", .type = FieldType::Text, .required = true},
    FieldSpec{.path = "reason", .type = FieldType::LongText},
    FieldSpec{.path = "date", .type = FieldType::Date},
};

}  // namespace

std::string_view entityCode(Entity entity) {
    switch (entity) {
    case Entity::Case: return "case";
    case Entity::Event: return "event";
    case Entity::Consent: return "consent";
    case Entity::Service: return "service";
    case Entity::Referral: return "referral";
    case Entity::Note: return "note";
    case Entity::Transfer: return "transfer";
    }
    return {};
}

std::optional<Entity> entityFromCode(std::string_view code) {
    for (Entity entity : {Entity::Case, Entity::Event, Entity::Consent, Entity::Service, Entity::Referral,
                          Entity::Note, Entity::Transfer}) {
        if (entityCode(entity) == code) return entity;
    }
    return std::nullopt;
}

bool isAppendOnly(Entity entity) { return entity == Entity::Note || entity == Entity::Service; }

std::span<const FieldSpec> fieldsOf(Entity entity) {
    switch (entity) {
    case Entity::Case: return kCaseFields;
    case Entity::Event: return kEventFields;
    case Entity::Consent: return kConsentFields;
    case Entity::Service: return kServiceFields;
    case Entity::Referral: return kReferralFields;
    case Entity::Note: return kNoteFields;
    case Entity::Transfer: return kTransferFields;
    }
    return {};
}

const FieldSpec* findField(Entity entity, std::string_view path) {
    for (const FieldSpec& spec : fieldsOf(entity)) {
        if (spec.path == path) return &spec;
    }
    return nullptr;
}

}  // namespace abri::model
