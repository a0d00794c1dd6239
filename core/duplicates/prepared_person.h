#pragma once
// A person record made ready for many comparisons: every name spelling split into keyed tokens once (ICU is the
// costly step), the birth year known or estimated, identity document hashes sorted.
#include <cstddef>
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
    // log2 of the number of persons weighed together (weighNames), 0 until weighed: with each token's log2Share it
    // tells how many namesakes a name has by chance.
    double log2Population = 0;
};

PreparedPerson prepare(const PersonRecord& record, NameNormaliser& normaliser);

// Name keys weighed by how common they are among these persons: each token's log2Share is the share of the persons
// whose names (own or alias) carry its key (the phonetic key, or the Latin one when that is empty), each person
// counted once per key. Agreeing on a common given name then says less than agreeing on a rare family name
// (scoring.h), and the same name says less in a larger population, where it has more namesakes. Fewer than
// kMinWeighedPopulation persons are left unweighed (plain points): in a few cases every name looks rare, even
// Mohamed, and a name's frequency there says little about the region's.
constexpr std::size_t kMinWeighedPopulation = 1000;
void weighNames(std::vector<PreparedPerson>& persons);

// The key a token is counted and blocked by: its phonetic key, or the Latin key when that is empty (a name of vowels).
const std::string& nameKeyOf(const NameToken& token);

}  // namespace abri::duplicates
