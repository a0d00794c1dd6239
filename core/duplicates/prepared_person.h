#pragma once
// A person record made ready for many comparisons: every name spelling split into keyed tokens once (ICU is the
// costly step), the birth year known or estimated, identity document hashes sorted.
#include <optional>
#include <string>
#include <vector>

#include "duplicates/name_key.h"
#include "duplicates/person_record.h"

namespace abri::duplicates {

struct PreparedPerson {
    // names[0]: the given and family names as one token set (order-free); then one set per alias. Empty sets are
    // dropped; aliasFrom is the index of the first alias (names.size() when there is none).
    std::vector<std::vector<NameToken>> names;
    std::size_t aliasFrom = 0;
    std::optional<BirthDate> dateOfBirth;
    std::optional<int> birthYear;  // from the date of birth, else registration year minus the estimated age
    std::string gender;
    std::string citizenship;
    std::vector<DocumentHash> documents;  // sorted, distinct
};

PreparedPerson prepare(const PersonRecord& record, NameNormaliser& normaliser);

}  // namespace abri::duplicates
