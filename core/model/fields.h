#pragma once
// The field registry: every field of a case document and of each item kind, with its type, code list,
// sensitivity and whether it may be edited after creation. Validation, masking, journaling, the CLI's JSON import
// and the app's forms all read this one table.
//
// A case document is JSON:
//   { "case_code", "office", "caseworker", "status", "closure_reason", "registered_on", "closed_on",
//     "duplicate_of", "same_person_as", "possible_duplicate_of"   (hub-only: case codes, see FieldSpec::hubOnly)
//     "person":     { "given_name", "family_name", "aliases", "gender", "date_of_birth", "estimated_age",
//                     "citizenship", "languages", "marital_status", "children", "education",
//                     "contacts": [{"type","value"}], "identity_documents": [{"type","number","country"}] },
//     "screening":  { "acts", "means", "purposes", "complete", "screened_on" },
//     "situation":  { "recruitment_methods", "recruiter_relationship", "control_means", "exploitation_types",
//                     "labour_sector", "started_on", "ended_on" } }
// Field paths join the levels with dots: "person.date_of_birth".
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "model/code_lists.h"

namespace abri::model {

enum class FieldType {
    Text,        // string
    LongText,    // string, multi-line (notes)
    Date,        // "YYYY-MM-DD"
    Integer,     // with min/max
    Boolean,
    Code,        // one code of `codeList`
    CodeSet,     // array of distinct codes of `codeList`
    TextList,    // array of strings
    Contacts,    // array of {"type": ContactType, "value": string}
    IdentityDocuments,  // array of {"type": IdentityDocumentType, "number": string, "country": Country}
};

enum class Entity { Case, Event, Consent, Service, Referral, Note, Transfer };
std::string_view entityCode(Entity entity);  // "case", "event", ... (items use their kind code)
std::optional<Entity> entityFromCode(std::string_view code);
// Notes and services are append-only: corrections are new records that supersede old ones.
bool isAppendOnly(Entity entity);

struct FieldSpec {
    std::string_view path;
    FieldType type;
    std::optional<CodeList> codeList{};
    bool sensitive = false;   // masked unless revealed by a permitted role; reveal is audited
    bool required = false;
    bool editable = true;     // false: set at creation only (case_code, office) or derived
    // Written only by the hub's own change-sets (sync/PROTOCOL.md §6.4: duplicate links and flags); never editable
    // on a device, and excluded `not_editable` when a device of any other role sends it.
    bool hubOnly = false;
    long minValue = 0;        // Integer only
    long maxValue = 0;
    bool futureAllowed = false;  // Date only: planned dates (services) may lie ahead of today
};

// Size limits of free-text values (UTF-8 bytes) and of list fields (entries), checked by validateField.
inline constexpr std::size_t kMaxTextBytes = 1'000;
inline constexpr std::size_t kMaxLongTextBytes = 100'000;
inline constexpr std::size_t kMaxListEntries = 100;

std::span<const FieldSpec> fieldsOf(Entity entity);
const FieldSpec* findField(Entity entity, std::string_view path);

}  // namespace abri::model
