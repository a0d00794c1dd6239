#include "prepared_person.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace abri::duplicates {

PreparedPerson prepare(const PersonRecord& record, NameNormaliser& normaliser) {
    PreparedPerson p;
    auto own = normaliser.tokens(record.givenName + " " + record.familyName);
    if (!own.empty()) p.names.push_back(std::move(own));
    p.aliasFrom = p.names.size();
    for (const auto& alias : record.aliases) {
        auto tokens = normaliser.tokens(alias);
        if (!tokens.empty()) p.names.push_back(std::move(tokens));
    }
    p.dateOfBirth = record.dateOfBirth;
    if (record.dateOfBirth) p.birthYear = record.dateOfBirth->year;
    else if (record.estimatedAge && record.registeredYear) p.birthYear = *record.registeredYear - *record.estimatedAge;
    p.gender = record.gender;
    p.citizenship = record.citizenship;
    p.documents = record.documents;
    std::sort(p.documents.begin(), p.documents.end());
    p.documents.erase(std::unique(p.documents.begin(), p.documents.end()), p.documents.end());
    return p;
}

const std::string& nameKeyOf(const NameToken& token) { return token.phonetic.empty() ? token.latin : token.phonetic; }

void weighNames(std::vector<PreparedPerson>& persons) {
    if (persons.size() < kMinWeighedPopulation) return;
    std::unordered_map<std::string_view, std::uint32_t> counts;
    std::unordered_set<std::string_view> seen;  // one person's distinct keys
    for (const auto& person : persons) {
        seen.clear();
        for (const auto& name : person.names)
            for (const auto& token : name) seen.insert(nameKeyOf(token));
        for (auto key : seen) ++counts[key];
    }
    const double population = std::log2(static_cast<double>(persons.size()));
    for (auto& person : persons) {
        person.log2Population = population;
        for (auto& name : person.names)
            for (auto& token : name)
                token.log2Share = std::log2(static_cast<double>(counts[nameKeyOf(token)])) - population;
    }
}

}  // namespace abri::duplicates
