#include "prepared_person.h"

#include <algorithm>

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

}  // namespace abri::duplicates
