#pragma once
// Stable codes for every list in the case model (aligned with HTCDS, the Human Trafficking Case Data Standard).
// Codes are lowercase snake_case ASCII and never change once released: they are stored in vaults and sent over
// sync. The two ISO lists keep their standard spelling: countries upper case ("TN"), languages lower case ("ar").
// Labels are not here: the app translates codes (tr()), the CLI prints codes.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace abri::model {

enum class CodeList {
    Gender,                 // female, male, transgender_nonconforming, unknown
    MaritalStatus,
    Education,
    ContactType,            // phone, email, address, messaging, other
    IdentityDocumentType,   // passport, national_id, birth_certificate, residence_permit, other
    Country,                // ISO 3166-1 alpha-2 (from Debian's iso-codes)
    Language,               // ISO 639-1 alpha-2 (from Debian's iso-codes)
    ScreeningAct,           // recruitment, transport, transfer, harbouring, receipt
    ScreeningMeans,         // threat, force, coercion, abduction, fraud, deception, abuse_of_power,
                            // abuse_of_vulnerability, payments
    ExploitationType,       // also the Palermo "purpose"
    RecruitmentMethod,
    RecruiterRelationship,
    ControlMeans,
    LabourSector,
    EventType,              // recruitment, transit, exploitation, identification, exit
    ConsentScope,           // assistance, data_sharing, research
    ServiceType,
    ServiceStatus,          // planned, ongoing, completed, refused, cancelled
    ReferralDirection,      // incoming, outgoing
    ReferralStatus,         // requested, accepted, declined, completed
    CaseStatus,             // registered, under_assistance, follow_up, closed, closed_referred
    ClosureReason,
    ScreeningOutcome,       // presumed_victim, not_victim, pending (derived, never entered)
    ItemKind,               // event, consent, service, referral, note, transfer
};

std::string_view codeListName(CodeList list);  // "gender", "country", ...
std::optional<CodeList> codeListFromName(std::string_view name);
// All codes of a list, in display order (countries and languages: by code; the app sorts them by translated name).
const std::vector<std::string_view>& codes(CodeList list);
bool isValidCode(CodeList list, std::string_view code);
std::span<const CodeList> allCodeLists();

// English names of countries and languages (from iso-codes), for the CLI; the app uses translated names.
std::string_view countryEnglishName(std::string_view alpha2);   // empty if unknown
std::string_view languageEnglishName(std::string_view alpha2);  // empty if unknown

}  // namespace abri::model
