#include "i18n/code_labels.h"

#include <QtCore/QCollator>
#include <QtCore/QLocale>

#include <algorithm>
#include <array>

#include "i18n/iso_names.h"

namespace abri::app {

using model::CodeList;

namespace {

// lupdate reads the QT_TRANSLATE_NOOP3 markers: context "CodeLabels", source = English label, comment = the code
// list, so that the same English word in two lists ("Transfer" as a Palermo act and as an item kind) can be
// translated differently.
struct SourceText {
    const char* source;
    const char* comment;
};

struct Label {
    CodeList list;
    const char* code;
    SourceText text;
};

constexpr Label kLabels[] = {
    // Gender
    {CodeList::Gender, "female", QT_TRANSLATE_NOOP3("CodeLabels", "Female", "Gender")},
    {CodeList::Gender, "male", QT_TRANSLATE_NOOP3("CodeLabels", "Male", "Gender")},
    {CodeList::Gender, "transgender_nonconforming", QT_TRANSLATE_NOOP3("CodeLabels", "Transgender / gender non-conforming", "Gender")},
    {CodeList::Gender, "unknown", QT_TRANSLATE_NOOP3("CodeLabels", "Unknown", "Gender")},
    // Marital status
    {CodeList::MaritalStatus, "single", QT_TRANSLATE_NOOP3("CodeLabels", "Single", "MaritalStatus")},
    {CodeList::MaritalStatus, "married", QT_TRANSLATE_NOOP3("CodeLabels", "Married", "MaritalStatus")},
    {CodeList::MaritalStatus, "civil_partnership", QT_TRANSLATE_NOOP3("CodeLabels", "Civil partnership", "MaritalStatus")},
    {CodeList::MaritalStatus, "cohabiting", QT_TRANSLATE_NOOP3("CodeLabels", "Living with a partner", "MaritalStatus")},
    {CodeList::MaritalStatus, "separated", QT_TRANSLATE_NOOP3("CodeLabels", "Separated", "MaritalStatus")},
    {CodeList::MaritalStatus, "divorced", QT_TRANSLATE_NOOP3("CodeLabels", "Divorced", "MaritalStatus")},
    {CodeList::MaritalStatus, "widowed", QT_TRANSLATE_NOOP3("CodeLabels", "Widowed", "MaritalStatus")},
    {CodeList::MaritalStatus, "unknown", QT_TRANSLATE_NOOP3("CodeLabels", "Unknown", "MaritalStatus")},
    // Education
    {CodeList::Education, "none", QT_TRANSLATE_NOOP3("CodeLabels", "No schooling", "Education")},
    {CodeList::Education, "primary", QT_TRANSLATE_NOOP3("CodeLabels", "Primary school", "Education")},
    {CodeList::Education, "lower_secondary", QT_TRANSLATE_NOOP3("CodeLabels", "Lower secondary school", "Education")},
    {CodeList::Education, "upper_secondary", QT_TRANSLATE_NOOP3("CodeLabels", "Upper secondary school", "Education")},
    {CodeList::Education, "vocational", QT_TRANSLATE_NOOP3("CodeLabels", "Vocational training", "Education")},
    {CodeList::Education, "tertiary", QT_TRANSLATE_NOOP3("CodeLabels", "University or college", "Education")},
    {CodeList::Education, "unknown", QT_TRANSLATE_NOOP3("CodeLabels", "Unknown", "Education")},
    // Contact type
    {CodeList::ContactType, "phone", QT_TRANSLATE_NOOP3("CodeLabels", "Phone", "ContactType")},
    {CodeList::ContactType, "email", QT_TRANSLATE_NOOP3("CodeLabels", "Email", "ContactType")},
    {CodeList::ContactType, "address", QT_TRANSLATE_NOOP3("CodeLabels", "Postal address", "ContactType")},
    {CodeList::ContactType, "messaging", QT_TRANSLATE_NOOP3("CodeLabels", "Messaging app", "ContactType")},
    {CodeList::ContactType, "other", QT_TRANSLATE_NOOP3("CodeLabels", "Other", "ContactType")},
    // Identity documents
    {CodeList::IdentityDocumentType, "passport", QT_TRANSLATE_NOOP3("CodeLabels", "Passport", "IdentityDocumentType")},
    {CodeList::IdentityDocumentType, "national_id", QT_TRANSLATE_NOOP3("CodeLabels", "National identity card", "IdentityDocumentType")},
    {CodeList::IdentityDocumentType, "birth_certificate", QT_TRANSLATE_NOOP3("CodeLabels", "Birth certificate", "IdentityDocumentType")},
    {CodeList::IdentityDocumentType, "residence_permit", QT_TRANSLATE_NOOP3("CodeLabels", "Residence permit", "IdentityDocumentType")},
    {CodeList::IdentityDocumentType, "other", QT_TRANSLATE_NOOP3("CodeLabels", "Other", "IdentityDocumentType")},
    // Palermo act
    {CodeList::ScreeningAct, "recruitment", QT_TRANSLATE_NOOP3("CodeLabels", "Recruitment", "ScreeningAct")},
    {CodeList::ScreeningAct, "transport", QT_TRANSLATE_NOOP3("CodeLabels", "Transport", "ScreeningAct")},
    {CodeList::ScreeningAct, "transfer", QT_TRANSLATE_NOOP3("CodeLabels", "Transfer", "ScreeningAct")},
    {CodeList::ScreeningAct, "harbouring", QT_TRANSLATE_NOOP3("CodeLabels", "Harbouring", "ScreeningAct")},
    {CodeList::ScreeningAct, "receipt", QT_TRANSLATE_NOOP3("CodeLabels", "Receipt of persons", "ScreeningAct")},
    // Palermo means
    {CodeList::ScreeningMeans, "threat", QT_TRANSLATE_NOOP3("CodeLabels", "Threat", "ScreeningMeans")},
    {CodeList::ScreeningMeans, "force", QT_TRANSLATE_NOOP3("CodeLabels", "Use of force", "ScreeningMeans")},
    {CodeList::ScreeningMeans, "coercion", QT_TRANSLATE_NOOP3("CodeLabels", "Coercion", "ScreeningMeans")},
    {CodeList::ScreeningMeans, "abduction", QT_TRANSLATE_NOOP3("CodeLabels", "Abduction", "ScreeningMeans")},
    {CodeList::ScreeningMeans, "fraud", QT_TRANSLATE_NOOP3("CodeLabels", "Fraud", "ScreeningMeans")},
    {CodeList::ScreeningMeans, "deception", QT_TRANSLATE_NOOP3("CodeLabels", "Deception", "ScreeningMeans")},
    {CodeList::ScreeningMeans, "abuse_of_power", QT_TRANSLATE_NOOP3("CodeLabels", "Abuse of power", "ScreeningMeans")},
    {CodeList::ScreeningMeans, "abuse_of_vulnerability", QT_TRANSLATE_NOOP3("CodeLabels", "Abuse of a position of vulnerability", "ScreeningMeans")},
    {CodeList::ScreeningMeans, "payments", QT_TRANSLATE_NOOP3("CodeLabels", "Payments or benefits to a person in control", "ScreeningMeans")},
    // Exploitation types (also the Palermo purpose)
    {CodeList::ExploitationType, "sexual_exploitation", QT_TRANSLATE_NOOP3("CodeLabels", "Sexual exploitation", "ExploitationType")},
    {CodeList::ExploitationType, "forced_labour", QT_TRANSLATE_NOOP3("CodeLabels", "Forced labour", "ExploitationType")},
    {CodeList::ExploitationType, "domestic_servitude", QT_TRANSLATE_NOOP3("CodeLabels", "Domestic servitude", "ExploitationType")},
    {CodeList::ExploitationType, "forced_marriage", QT_TRANSLATE_NOOP3("CodeLabels", "Forced marriage", "ExploitationType")},
    {CodeList::ExploitationType, "forced_criminality", QT_TRANSLATE_NOOP3("CodeLabels", "Forced criminality", "ExploitationType")},
    {CodeList::ExploitationType, "forced_begging", QT_TRANSLATE_NOOP3("CodeLabels", "Forced begging", "ExploitationType")},
    {CodeList::ExploitationType, "organ_removal", QT_TRANSLATE_NOOP3("CodeLabels", "Organ removal", "ExploitationType")},
    {CodeList::ExploitationType, "slavery_servitude", QT_TRANSLATE_NOOP3("CodeLabels", "Slavery or servitude", "ExploitationType")},
    {CodeList::ExploitationType, "military_exploitation", QT_TRANSLATE_NOOP3("CodeLabels", "Military exploitation", "ExploitationType")},
    {CodeList::ExploitationType, "other", QT_TRANSLATE_NOOP3("CodeLabels", "Other exploitation", "ExploitationType")},
    // Recruitment method
    {CodeList::RecruitmentMethod, "job_offer", QT_TRANSLATE_NOOP3("CodeLabels", "Job offer", "RecruitmentMethod")},
    {CodeList::RecruitmentMethod, "abduction", QT_TRANSLATE_NOOP3("CodeLabels", "Abduction", "RecruitmentMethod")},
    {CodeList::RecruitmentMethod, "family_member", QT_TRANSLATE_NOOP3("CodeLabels", "Through a family member", "RecruitmentMethod")},
    {CodeList::RecruitmentMethod, "intimate_partner", QT_TRANSLATE_NOOP3("CodeLabels", "Through an intimate partner", "RecruitmentMethod")},
    {CodeList::RecruitmentMethod, "marriage_broker", QT_TRANSLATE_NOOP3("CodeLabels", "Marriage broker", "RecruitmentMethod")},
    {CodeList::RecruitmentMethod, "internet", QT_TRANSLATE_NOOP3("CodeLabels", "Internet or social media", "RecruitmentMethod")},
    {CodeList::RecruitmentMethod, "smuggling", QT_TRANSLATE_NOOP3("CodeLabels", "Smuggling arrangement", "RecruitmentMethod")},
    {CodeList::RecruitmentMethod, "other", QT_TRANSLATE_NOOP3("CodeLabels", "Other", "RecruitmentMethod")},
    // Recruiter relationship
    {CodeList::RecruiterRelationship, "family_member", QT_TRANSLATE_NOOP3("CodeLabels", "Family member", "RecruiterRelationship")},
    {CodeList::RecruiterRelationship, "intimate_partner", QT_TRANSLATE_NOOP3("CodeLabels", "Intimate partner", "RecruiterRelationship")},
    {CodeList::RecruiterRelationship, "friend", QT_TRANSLATE_NOOP3("CodeLabels", "Friend", "RecruiterRelationship")},
    {CodeList::RecruiterRelationship, "acquaintance", QT_TRANSLATE_NOOP3("CodeLabels", "Acquaintance", "RecruiterRelationship")},
    {CodeList::RecruiterRelationship, "neighbour", QT_TRANSLATE_NOOP3("CodeLabels", "Neighbour", "RecruiterRelationship")},
    {CodeList::RecruiterRelationship, "employer", QT_TRANSLATE_NOOP3("CodeLabels", "Employer", "RecruiterRelationship")},
    {CodeList::RecruiterRelationship, "recruitment_agency", QT_TRANSLATE_NOOP3("CodeLabels", "Recruitment agency", "RecruiterRelationship")},
    {CodeList::RecruiterRelationship, "stranger", QT_TRANSLATE_NOOP3("CodeLabels", "Stranger", "RecruiterRelationship")},
    {CodeList::RecruiterRelationship, "other", QT_TRANSLATE_NOOP3("CodeLabels", "Other", "RecruiterRelationship")},
    {CodeList::RecruiterRelationship, "unknown", QT_TRANSLATE_NOOP3("CodeLabels", "Unknown", "RecruiterRelationship")},
    // Means of control
    {CodeList::ControlMeans, "debt_bondage", QT_TRANSLATE_NOOP3("CodeLabels", "Debt bondage", "ControlMeans")},
    {CodeList::ControlMeans, "withheld_documents", QT_TRANSLATE_NOOP3("CodeLabels", "Identity documents withheld", "ControlMeans")},
    {CodeList::ControlMeans, "threats", QT_TRANSLATE_NOOP3("CodeLabels", "Threats", "ControlMeans")},
    {CodeList::ControlMeans, "threats_to_family", QT_TRANSLATE_NOOP3("CodeLabels", "Threats against the family", "ControlMeans")},
    {CodeList::ControlMeans, "physical_abuse", QT_TRANSLATE_NOOP3("CodeLabels", "Physical abuse", "ControlMeans")},
    {CodeList::ControlMeans, "sexual_abuse", QT_TRANSLATE_NOOP3("CodeLabels", "Sexual abuse", "ControlMeans")},
    {CodeList::ControlMeans, "psychological_abuse", QT_TRANSLATE_NOOP3("CodeLabels", "Psychological abuse", "ControlMeans")},
    {CodeList::ControlMeans, "restricted_movement", QT_TRANSLATE_NOOP3("CodeLabels", "Restricted movement", "ControlMeans")},
    {CodeList::ControlMeans, "isolation", QT_TRANSLATE_NOOP3("CodeLabels", "Isolation", "ControlMeans")},
    {CodeList::ControlMeans, "withheld_earnings", QT_TRANSLATE_NOOP3("CodeLabels", "Earnings withheld", "ControlMeans")},
    {CodeList::ControlMeans, "withheld_necessities", QT_TRANSLATE_NOOP3("CodeLabels", "Food, sleep or care withheld", "ControlMeans")},
    {CodeList::ControlMeans, "substances", QT_TRANSLATE_NOOP3("CodeLabels", "Forced use of alcohol or drugs", "ControlMeans")},
    {CodeList::ControlMeans, "excessive_hours", QT_TRANSLATE_NOOP3("CodeLabels", "Excessive working hours", "ControlMeans")},
    {CodeList::ControlMeans, "false_promises", QT_TRANSLATE_NOOP3("CodeLabels", "False promises", "ControlMeans")},
    {CodeList::ControlMeans, "other", QT_TRANSLATE_NOOP3("CodeLabels", "Other", "ControlMeans")},
    // Labour sector
    {CodeList::LabourSector, "agriculture", QT_TRANSLATE_NOOP3("CodeLabels", "Agriculture", "LabourSector")},
    {CodeList::LabourSector, "fishing", QT_TRANSLATE_NOOP3("CodeLabels", "Fishing", "LabourSector")},
    {CodeList::LabourSector, "construction", QT_TRANSLATE_NOOP3("CodeLabels", "Construction", "LabourSector")},
    {CodeList::LabourSector, "manufacturing", QT_TRANSLATE_NOOP3("CodeLabels", "Manufacturing", "LabourSector")},
    {CodeList::LabourSector, "mining", QT_TRANSLATE_NOOP3("CodeLabels", "Mining or quarrying", "LabourSector")},
    {CodeList::LabourSector, "domestic_work", QT_TRANSLATE_NOOP3("CodeLabels", "Domestic work", "LabourSector")},
    {CodeList::LabourSector, "hospitality", QT_TRANSLATE_NOOP3("CodeLabels", "Hotels and restaurants", "LabourSector")},
    {CodeList::LabourSector, "food_processing", QT_TRANSLATE_NOOP3("CodeLabels", "Food processing", "LabourSector")},
    {CodeList::LabourSector, "cleaning", QT_TRANSLATE_NOOP3("CodeLabels", "Cleaning", "LabourSector")},
    {CodeList::LabourSector, "retail", QT_TRANSLATE_NOOP3("CodeLabels", "Retail", "LabourSector")},
    {CodeList::LabourSector, "care_work", QT_TRANSLATE_NOOP3("CodeLabels", "Care work", "LabourSector")},
    {CodeList::LabourSector, "transport_logistics", QT_TRANSLATE_NOOP3("CodeLabels", "Transport and logistics", "LabourSector")},
    {CodeList::LabourSector, "entertainment", QT_TRANSLATE_NOOP3("CodeLabels", "Entertainment", "LabourSector")},
    {CodeList::LabourSector, "other", QT_TRANSLATE_NOOP3("CodeLabels", "Other", "LabourSector")},
    // Event type
    {CodeList::EventType, "recruitment", QT_TRANSLATE_NOOP3("CodeLabels", "Recruitment", "EventType")},
    {CodeList::EventType, "transit", QT_TRANSLATE_NOOP3("CodeLabels", "Transit", "EventType")},
    {CodeList::EventType, "exploitation", QT_TRANSLATE_NOOP3("CodeLabels", "Exploitation", "EventType")},
    {CodeList::EventType, "identification", QT_TRANSLATE_NOOP3("CodeLabels", "Identification", "EventType")},
    {CodeList::EventType, "exit", QT_TRANSLATE_NOOP3("CodeLabels", "Exit from the situation", "EventType")},
    // Consent scope
    {CodeList::ConsentScope, "assistance", QT_TRANSLATE_NOOP3("CodeLabels", "Assistance", "ConsentScope")},
    {CodeList::ConsentScope, "data_sharing", QT_TRANSLATE_NOOP3("CodeLabels", "Data sharing with a partner", "ConsentScope")},
    {CodeList::ConsentScope, "research", QT_TRANSLATE_NOOP3("CodeLabels", "Research use", "ConsentScope")},
    // Service type
    {CodeList::ServiceType, "accommodation", QT_TRANSLATE_NOOP3("CodeLabels", "Accommodation / shelter", "ServiceType")},
    {CodeList::ServiceType, "medical", QT_TRANSLATE_NOOP3("CodeLabels", "Medical care", "ServiceType")},
    {CodeList::ServiceType, "psychosocial", QT_TRANSLATE_NOOP3("CodeLabels", "Psychosocial support", "ServiceType")},
    {CodeList::ServiceType, "legal", QT_TRANSLATE_NOOP3("CodeLabels", "Legal assistance", "ServiceType")},
    {CodeList::ServiceType, "education_vocational", QT_TRANSLATE_NOOP3("CodeLabels", "Education or vocational training", "ServiceType")},
    {CodeList::ServiceType, "family_tracing", QT_TRANSLATE_NOOP3("CodeLabels", "Family tracing", "ServiceType")},
    {CodeList::ServiceType, "return", QT_TRANSLATE_NOOP3("CodeLabels", "Return", "ServiceType")},
    {CodeList::ServiceType, "reintegration", QT_TRANSLATE_NOOP3("CodeLabels", "Reintegration", "ServiceType")},
    {CodeList::ServiceType, "resettlement", QT_TRANSLATE_NOOP3("CodeLabels", "Resettlement", "ServiceType")},
    {CodeList::ServiceType, "financial", QT_TRANSLATE_NOOP3("CodeLabels", "Financial assistance", "ServiceType")},
    // Service status
    {CodeList::ServiceStatus, "planned", QT_TRANSLATE_NOOP3("CodeLabels", "Planned", "ServiceStatus")},
    {CodeList::ServiceStatus, "ongoing", QT_TRANSLATE_NOOP3("CodeLabels", "Ongoing", "ServiceStatus")},
    {CodeList::ServiceStatus, "completed", QT_TRANSLATE_NOOP3("CodeLabels", "Completed", "ServiceStatus")},
    {CodeList::ServiceStatus, "refused", QT_TRANSLATE_NOOP3("CodeLabels", "Refused by the person", "ServiceStatus")},
    {CodeList::ServiceStatus, "cancelled", QT_TRANSLATE_NOOP3("CodeLabels", "Cancelled", "ServiceStatus")},
    // Referral
    {CodeList::ReferralDirection, "incoming", QT_TRANSLATE_NOOP3("CodeLabels", "Incoming", "ReferralDirection")},
    {CodeList::ReferralDirection, "outgoing", QT_TRANSLATE_NOOP3("CodeLabels", "Outgoing", "ReferralDirection")},
    {CodeList::ReferralStatus, "requested", QT_TRANSLATE_NOOP3("CodeLabels", "Requested", "ReferralStatus")},
    {CodeList::ReferralStatus, "accepted", QT_TRANSLATE_NOOP3("CodeLabels", "Accepted", "ReferralStatus")},
    {CodeList::ReferralStatus, "declined", QT_TRANSLATE_NOOP3("CodeLabels", "Declined", "ReferralStatus")},
    {CodeList::ReferralStatus, "completed", QT_TRANSLATE_NOOP3("CodeLabels", "Completed", "ReferralStatus")},
    // Case status
    {CodeList::CaseStatus, "registered", QT_TRANSLATE_NOOP3("CodeLabels", "Registered", "CaseStatus")},
    {CodeList::CaseStatus, "under_assistance", QT_TRANSLATE_NOOP3("CodeLabels", "Under assistance", "CaseStatus")},
    {CodeList::CaseStatus, "follow_up", QT_TRANSLATE_NOOP3("CodeLabels", "Follow-up", "CaseStatus")},
    {CodeList::CaseStatus, "closed", QT_TRANSLATE_NOOP3("CodeLabels", "Closed", "CaseStatus")},
    {CodeList::CaseStatus, "closed_referred", QT_TRANSLATE_NOOP3("CodeLabels", "Closed (referred)", "CaseStatus")},
    // Closure reason
    {CodeList::ClosureReason, "assistance_completed", QT_TRANSLATE_NOOP3("CodeLabels", "Assistance completed", "ClosureReason")},
    {CodeList::ClosureReason, "referred_elsewhere", QT_TRANSLATE_NOOP3("CodeLabels", "Referred to another organisation", "ClosureReason")},
    {CodeList::ClosureReason, "returned_home", QT_TRANSLATE_NOOP3("CodeLabels", "Returned home", "ClosureReason")},
    {CodeList::ClosureReason, "person_declined", QT_TRANSLATE_NOOP3("CodeLabels", "The person declined further assistance", "ClosureReason")},
    {CodeList::ClosureReason, "lost_contact", QT_TRANSLATE_NOOP3("CodeLabels", "Contact lost", "ClosureReason")},
    {CodeList::ClosureReason, "not_a_victim", QT_TRANSLATE_NOOP3("CodeLabels", "Not a victim of trafficking", "ClosureReason")},
    {CodeList::ClosureReason, "deceased", QT_TRANSLATE_NOOP3("CodeLabels", "Deceased", "ClosureReason")},
    {CodeList::ClosureReason, "duplicate_case", QT_TRANSLATE_NOOP3("CodeLabels", "Duplicate case", "ClosureReason")},
    {CodeList::ClosureReason, "other", QT_TRANSLATE_NOOP3("CodeLabels", "Other", "ClosureReason")},
    // Screening outcome (derived)
    {CodeList::ScreeningOutcome, "presumed_victim", QT_TRANSLATE_NOOP3("CodeLabels", "Presumed victim", "ScreeningOutcome")},
    {CodeList::ScreeningOutcome, "not_victim", QT_TRANSLATE_NOOP3("CodeLabels", "Not a victim", "ScreeningOutcome")},
    {CodeList::ScreeningOutcome, "pending", QT_TRANSLATE_NOOP3("CodeLabels", "Screening pending", "ScreeningOutcome")},
    // Item kinds
    {CodeList::ItemKind, "event", QT_TRANSLATE_NOOP3("CodeLabels", "Event", "ItemKind")},
    {CodeList::ItemKind, "consent", QT_TRANSLATE_NOOP3("CodeLabels", "Consent", "ItemKind")},
    {CodeList::ItemKind, "service", QT_TRANSLATE_NOOP3("CodeLabels", "Service", "ItemKind")},
    {CodeList::ItemKind, "referral", QT_TRANSLATE_NOOP3("CodeLabels", "Referral", "ItemKind")},
    {CodeList::ItemKind, "note", QT_TRANSLATE_NOOP3("CodeLabels", "Note", "ItemKind")},
    {CodeList::ItemKind, "transfer", QT_TRANSLATE_NOOP3("CodeLabels", "Transfer", "ItemKind")},
};

const Label* find(CodeList list, std::string_view code) {
    for (const Label& entry : kLabels) {
        if (entry.list == list && code == entry.code) return &entry;
    }
    return nullptr;
}

QString readableFallback(std::string_view code) {
    QString text = QString::fromUtf8(code.data(), static_cast<qsizetype>(code.size()));
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    return text;
}

}  // namespace

QString CodeLabels::label(CodeList list, std::string_view code) {
    if (code.empty()) return {};
    const QString qcode = QString::fromUtf8(code.data(), static_cast<qsizetype>(code.size()));
    if (list == CodeList::Country) return IsoNames::countryName(qcode);
    if (list == CodeList::Language) return IsoNames::languageName(qcode);
    if (const Label* entry = find(list, code)) {
        return QCoreApplication::translate("CodeLabels", entry->text.source, entry->text.comment);
    }
    return readableFallback(code);
}

QString CodeLabels::label(CodeList list, const QString& code) { return label(list, code.toStdString()); }

QString CodeLabels::labels(CodeList list, const std::vector<std::string>& codes) {
    QStringList parts;
    for (const auto& code : codes) parts << label(list, code);
    return QLocale().createSeparatedList(parts);
}

bool CodeLabels::hasLabel(CodeList list, std::string_view code) {
    if (list == CodeList::Country) return !model::countryEnglishName(code).empty();
    if (list == CodeList::Language) return !model::languageEnglishName(code).empty();
    return find(list, code) != nullptr;
}

QList<std::pair<QString, QString>> CodeLabels::entries(CodeList list) {
    QList<std::pair<QString, QString>> result;
    for (std::string_view code : model::codes(list)) {
        result.append({QString::fromUtf8(code.data(), static_cast<qsizetype>(code.size())), label(list, code)});
    }
    if (list == CodeList::Country || list == CodeList::Language) {
        QCollator collator;  // the default locale: sorted as a reader of the UI language expects
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        std::sort(result.begin(), result.end(),
                  [&collator](const auto& a, const auto& b) { return collator.compare(a.second, b.second) < 0; });
    }
    return result;
}

QString CodeLabels::description(CodeList list, std::string_view code) {
    if (list != CodeList::ScreeningMeans) return {};
    if (code == "abuse_of_vulnerability") {
        return tr("The person had no real and acceptable alternative but to submit.");
    }
    if (code == "payments") {
        return tr("Giving or receiving payments or benefits to obtain the consent of a person having control over "
                  "another person.");
    }
    return {};
}

}  // namespace abri::app
