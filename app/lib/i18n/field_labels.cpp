#include "i18n/field_labels.h"

#include <algorithm>

namespace abri::app {

using model::Entity;

namespace {

struct SourceText {
    const char* source;
    const char* comment;
};

struct Label {
    Entity entity;
    const char* path;
    SourceText text;
};

// Comments disambiguate labels whose English words repeat across records ("Date", "Status").
constexpr Label kLabels[] = {
    {Entity::Case, "case_code", QT_TRANSLATE_NOOP3("FieldLabels", "Case code", "case")},
    {Entity::Case, "office", QT_TRANSLATE_NOOP3("FieldLabels", "Office", "case")},
    {Entity::Case, "caseworker", QT_TRANSLATE_NOOP3("FieldLabels", "Caseworker", "case")},
    {Entity::Case, "status", QT_TRANSLATE_NOOP3("FieldLabels", "Case status", "case")},
    {Entity::Case, "closure_reason", QT_TRANSLATE_NOOP3("FieldLabels", "Reason for closure", "case")},
    {Entity::Case, "registered_on", QT_TRANSLATE_NOOP3("FieldLabels", "Registered on", "case")},
    {Entity::Case, "closed_on", QT_TRANSLATE_NOOP3("FieldLabels", "Closed on", "case")},
    {Entity::Case, "duplicate_of", QT_TRANSLATE_NOOP3("FieldLabels", "Duplicate of", "case")},
    {Entity::Case, "same_person_as", QT_TRANSLATE_NOOP3("FieldLabels", "Same person as", "case")},
    {Entity::Case, "possible_duplicate_of", QT_TRANSLATE_NOOP3("FieldLabels", "Possible duplicate of", "case")},
    {Entity::Case, "person.given_name", QT_TRANSLATE_NOOP3("FieldLabels", "Given name", "case")},
    {Entity::Case, "person.family_name", QT_TRANSLATE_NOOP3("FieldLabels", "Family name", "case")},
    {Entity::Case, "person.aliases", QT_TRANSLATE_NOOP3("FieldLabels", "Other names used", "case")},
    {Entity::Case, "person.gender", QT_TRANSLATE_NOOP3("FieldLabels", "Gender", "case")},
    {Entity::Case, "person.date_of_birth", QT_TRANSLATE_NOOP3("FieldLabels", "Date of birth", "case")},
    {Entity::Case, "person.estimated_age", QT_TRANSLATE_NOOP3("FieldLabels", "Estimated age", "case")},
    {Entity::Case, "person.citizenship", QT_TRANSLATE_NOOP3("FieldLabels", "Citizenship", "case")},
    {Entity::Case, "person.languages", QT_TRANSLATE_NOOP3("FieldLabels", "Languages spoken", "case")},
    {Entity::Case, "person.marital_status", QT_TRANSLATE_NOOP3("FieldLabels", "Marital status", "case")},
    {Entity::Case, "person.children", QT_TRANSLATE_NOOP3("FieldLabels", "Number of children", "case")},
    {Entity::Case, "person.education", QT_TRANSLATE_NOOP3("FieldLabels", "Education", "case")},
    {Entity::Case, "person.contacts", QT_TRANSLATE_NOOP3("FieldLabels", "Contacts", "case")},
    {Entity::Case, "person.identity_documents", QT_TRANSLATE_NOOP3("FieldLabels", "Identity documents", "case")},
    {Entity::Case, "screening.acts", QT_TRANSLATE_NOOP3("FieldLabels", "Act", "case")},
    {Entity::Case, "screening.means", QT_TRANSLATE_NOOP3("FieldLabels", "Means", "case")},
    {Entity::Case, "screening.purposes", QT_TRANSLATE_NOOP3("FieldLabels", "Purpose (exploitation)", "case")},
    {Entity::Case, "screening.complete", QT_TRANSLATE_NOOP3("FieldLabels", "Screening complete", "case")},
    {Entity::Case, "screening.screened_on", QT_TRANSLATE_NOOP3("FieldLabels", "Screened on", "case")},
    {Entity::Case, "situation.recruitment_methods", QT_TRANSLATE_NOOP3("FieldLabels", "Recruitment", "case")},
    {Entity::Case, "situation.recruiter_relationship",
     QT_TRANSLATE_NOOP3("FieldLabels", "Relationship to the recruiter", "case")},
    {Entity::Case, "situation.control_means", QT_TRANSLATE_NOOP3("FieldLabels", "Means of control", "case")},
    {Entity::Case, "situation.exploitation_types", QT_TRANSLATE_NOOP3("FieldLabels", "Forms of exploitation", "case")},
    {Entity::Case, "situation.labour_sector", QT_TRANSLATE_NOOP3("FieldLabels", "Sector of work", "case")},
    {Entity::Case, "situation.started_on", QT_TRANSLATE_NOOP3("FieldLabels", "Exploitation began on", "case")},
    {Entity::Case, "situation.ended_on", QT_TRANSLATE_NOOP3("FieldLabels", "Exploitation ended on", "case")},

    {Entity::Event, "type", QT_TRANSLATE_NOOP3("FieldLabels", "Stage", "event")},
    {Entity::Event, "date", QT_TRANSLATE_NOOP3("FieldLabels", "Date", "event")},
    {Entity::Event, "country", QT_TRANSLATE_NOOP3("FieldLabels", "Country", "event")},
    {Entity::Event, "place", QT_TRANSLATE_NOOP3("FieldLabels", "Place", "event")},

    {Entity::Consent, "scope", QT_TRANSLATE_NOOP3("FieldLabels", "Consent to", "consent")},
    {Entity::Consent, "given", QT_TRANSLATE_NOOP3("FieldLabels", "Consent given", "consent")},
    {Entity::Consent, "partner", QT_TRANSLATE_NOOP3("FieldLabels", "Partner organisation", "consent")},
    {Entity::Consent, "recorded_on", QT_TRANSLATE_NOOP3("FieldLabels", "Recorded on", "consent")},
    {Entity::Consent, "recorded_by", QT_TRANSLATE_NOOP3("FieldLabels", "Recorded by", "consent")},
    {Entity::Consent, "withdrawn_on", QT_TRANSLATE_NOOP3("FieldLabels", "Withdrawn on", "consent")},

    {Entity::Service, "type", QT_TRANSLATE_NOOP3("FieldLabels", "Service", "service")},
    {Entity::Service, "provider", QT_TRANSLATE_NOOP3("FieldLabels", "Provider", "service")},
    {Entity::Service, "status", QT_TRANSLATE_NOOP3("FieldLabels", "Status", "service")},
    {Entity::Service, "started_on", QT_TRANSLATE_NOOP3("FieldLabels", "Start date", "service")},
    {Entity::Service, "ended_on", QT_TRANSLATE_NOOP3("FieldLabels", "End date", "service")},
    {Entity::Service, "notes", QT_TRANSLATE_NOOP3("FieldLabels", "Details", "service")},

    {Entity::Referral, "direction", QT_TRANSLATE_NOOP3("FieldLabels", "Direction", "referral")},
    {Entity::Referral, "partner", QT_TRANSLATE_NOOP3("FieldLabels", "Partner organisation", "referral")},
    {Entity::Referral, "reason", QT_TRANSLATE_NOOP3("FieldLabels", "Reason", "referral")},
    {Entity::Referral, "status", QT_TRANSLATE_NOOP3("FieldLabels", "Status", "referral")},
    {Entity::Referral, "date", QT_TRANSLATE_NOOP3("FieldLabels", "Date", "referral")},

    {Entity::Note, "text", QT_TRANSLATE_NOOP3("FieldLabels", "Note", "note")},

    {Entity::Transfer, "to_office", QT_TRANSLATE_NOOP3("FieldLabels", "To office", "transfer")},
    {Entity::Transfer, "reason", QT_TRANSLATE_NOOP3("FieldLabels", "Reason", "transfer")},
    {Entity::Transfer, "date", QT_TRANSLATE_NOOP3("FieldLabels", "Date", "transfer")},
};

const Label* find(Entity entity, std::string_view path) {
    for (const Label& entry : kLabels) {
        if (entry.entity == entity && path == entry.path) return &entry;
    }
    return nullptr;
}

}  // namespace

QString FieldLabels::label(Entity entity, std::string_view path) {
    const Label* entry = find(entity, path);
    return entry ? QCoreApplication::translate("FieldLabels", entry->text.source, entry->text.comment) : QString();
}

bool FieldLabels::hasLabel(Entity entity, std::string_view path) { return find(entity, path) != nullptr; }

QString FieldLabels::labelForPath(const QString& path) {
    QString candidate = path;
    // "person.contacts.0.value" or "person.contacts[0].value" -> "person.contacts"
    while (!candidate.isEmpty()) {
        const std::string key = candidate.toStdString();
        for (Entity entity : {Entity::Case, Entity::Event, Entity::Consent, Entity::Service, Entity::Referral,
                              Entity::Note, Entity::Transfer}) {
            if (find(entity, key) != nullptr) return label(entity, key);
        }
        const qsizetype cut = std::max(candidate.lastIndexOf(QLatin1Char('.')), candidate.lastIndexOf(QLatin1Char('[')));
        if (cut <= 0) break;
        candidate.truncate(cut);
    }
    return {};
}

QString FieldLabels::hint(Entity entity, std::string_view path) {
    if (entity != Entity::Case) return {};
    if (path == "person.given_name" || path == "person.family_name") {
        return tr("Optional: the person may prefer not to give a name.");
    }
    if (path == "person.estimated_age") return tr("When the date of birth is not known.");
    return {};
}

QString FieldLabels::entityName(Entity entity) {
    switch (entity) {
    case Entity::Case: return tr("Case");
    case Entity::Event: return tr("Event");
    case Entity::Consent: return tr("Consent");
    case Entity::Service: return tr("Service");
    case Entity::Referral: return tr("Referral");
    case Entity::Note: return tr("Note");
    case Entity::Transfer: return tr("Transfer");
    }
    return {};
}

}  // namespace abri::app
