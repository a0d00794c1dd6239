// Blocking never compares all pairs: comparisons are counted, and a block larger than the cap is skipped.
#include <catch2/catch.hpp>

#include "demo/synthetic_persons.h"
#include "duplicates/matcher.h"

using namespace abri;
using namespace abri::duplicates;

namespace {
PersonRecord person(std::string code, std::string given, std::string family) {
    PersonRecord r;
    r.caseId = code;
    r.caseCode = std::move(code);
    r.givenName = std::move(given);
    r.familyName = std::move(family);
    return r;
}
}  // namespace

TEST_CASE("blocking compares a small fraction of all pairs", "[duplicates]") {
    const auto synthetic = demo::makeSyntheticPersons(3000, 10, 99);
    const std::vector<std::uint8_t> key(kDocumentKeyBytes, 1);
    DocumentHasher hasher(key);
    std::vector<PersonRecord> records;
    for (std::size_t i = 0; i < synthetic.documents.size(); ++i)
        records.push_back(personFromCaseDocument(std::to_string(i), synthetic.documents[i], hasher));
    const auto result = findDuplicates(records);
    CHECK(result.allPairs == 3000ULL * 2999 / 2);
    CHECK(result.comparisons == result.blocking.pairs);
    CHECK(result.comparisons > 0);
    CHECK(result.comparisons * 20 < result.allPairs);
    CHECK(result.blocking.largestBlock <= MatchOptions{}.maxBlockSize);
}

TEST_CASE("a block above the cap is skipped and counted, and the same pair is compared once", "[duplicates]") {
    std::vector<PersonRecord> records;
    // 50 persons with one name and nothing else: one block (the name pair), 1225 pairs.
    for (int i = 0; i < 50; ++i)
        records.push_back(person("TST-" + std::to_string(100 + i), "Testname", "Fakeperson"));
    MatchOptions options;
    options.maxBlockSize = 49;
    auto capped = findDuplicates(records, options);
    CHECK(capped.comparisons == 0);
    CHECK(capped.blocking.oversizedBlocks == 1);
    options.maxBlockSize = 50;
    auto open = findDuplicates(records, options);
    CHECK(open.comparisons == 50 * 49 / 2);
    CHECK(open.blocking.oversizedBlocks == 0);

    // Two persons sharing several keys (names, birth year, citizenship, date of birth) are compared once.
    std::vector<PersonRecord> two = {person("TST-1", "Testname", "Fakeperson"), person("TST-2", "Fakeperson", "Testname")};
    for (auto& r : two) {
        r.dateOfBirth = BirthDate{1990, 1, 2};
        r.citizenship = "EG";
        r.gender = "female";
    }
    const auto once = findDuplicates(two);
    CHECK(once.comparisons == 1);
    CHECK(once.blocking.blocks > 3);
    REQUIRE(once.candidates.size() == 1);

    // Nobody shares a key: nothing is compared.
    const auto none = findDuplicates({person("TST-1", "Testname", "Fakeperson"), person("TST-2", "Otherfake", "Bogus")});
    CHECK(none.comparisons == 0);
    CHECK(findDuplicates({}).allPairs == 0);
}
