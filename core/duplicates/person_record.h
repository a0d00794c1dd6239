#pragma once
// What the matcher knows of one case: its identity (case id, code, office, for the output) and the person fields of
// the merged case document (core/model/fields.h) that tell people apart. Identity document numbers are held only
// as keyed hashes (document_hash.h). Names are here because the matcher compares them; they never leave it (a
// Candidate names cases by index).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "duplicates/document_hash.h"

namespace abri::duplicates {

struct BirthDate {
    int year = 0;
    int month = 0;
    int day = 0;
    bool operator==(const BirthDate&) const = default;
};

struct PersonRecord {
    std::string caseId;
    std::string caseCode;
    std::string office;
    std::string givenName;
    std::string familyName;
    std::vector<std::string> aliases;
    std::optional<BirthDate> dateOfBirth;
    std::optional<int> estimatedAge;     // the age at registration (fields.h)
    std::optional<int> registeredYear;   // the year the estimate was made
    std::string gender;                  // a Gender code; "" when not recorded
    std::string citizenship;             // an ISO 3166 code; "" when not recorded
    std::vector<DocumentHash> documents;
};

// The record of a merged case document ("person" and the case fields); fields that are missing or not of their
// type are left empty, so a partly filled case is still compared on what it has.
PersonRecord personFromCaseDocument(std::string caseId, const nlohmann::json& document, const DocumentHasher& hasher);

}  // namespace abri::duplicates
