// Person records from merged case documents, and identity document numbers held only as keyed hashes.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "duplicates/person_record.h"

using namespace abri::duplicates;
using Json = nlohmann::json;

namespace {
const std::vector<std::uint8_t> kKey(kDocumentKeyBytes, 0x11);
}

TEST_CASE("identity document numbers compare by keyed hash, however they were typed", "[duplicates]") {
    DocumentHasher hasher(kKey);
    const auto plain = hasher.hash("FK1234567");
    REQUIRE(plain);
    CHECK(hasher.hash("fk 123-4567") == plain);
    CHECK(hasher.hash("FK1234568") != plain);
    CHECK_FALSE(hasher.hash("F-1"));  // too short to tell people apart
    // Another hub's key gives another hash: a hash cannot be checked against a guessed number without the key.
    DocumentHasher other(std::vector<std::uint8_t>(kDocumentKeyBytes, 0x22));
    CHECK(other.hash("FK1234567") != plain);
    CHECK_THROWS(DocumentHasher(std::vector<std::uint8_t>(16, 0)));
}

TEST_CASE("a person record holds the person fields of a merged case document", "[duplicates]") {
    DocumentHasher hasher(kKey);
    const Json doc = Json::parse(R"({
        "case_code": "TST-AAA-26-FAKE01", "office": "TST-AAA", "registered_on": "2025-03-04",
        "person": {"given_name": "Testname", "family_name": "Fakeperson", "aliases": ["Fakealias Koru", ""],
                   "gender": "female", "estimated_age": 30, "citizenship": "EG",
                   "identity_documents": [{"type": "passport", "number": "FK1234567", "country": "EG"},
                                          {"type": "other", "number": "1"}]}})");
    const auto r = personFromCaseDocument("case-1", doc, hasher);
    CHECK(r.caseId == "case-1");
    CHECK(r.caseCode == "TST-AAA-26-FAKE01");
    CHECK(r.office == "TST-AAA");
    CHECK(r.givenName == "Testname");
    CHECK(r.familyName == "Fakeperson");
    CHECK(r.aliases == std::vector<std::string>{"Fakealias Koru"});
    CHECK_FALSE(r.dateOfBirth);
    CHECK(r.estimatedAge == 30);
    CHECK(r.registeredYear == 2025);
    CHECK(r.gender == "female");
    CHECK(r.citizenship == "EG");
    REQUIRE(r.documents.size() == 1);
    CHECK(r.documents[0] == *hasher.hash("FK1234567"));

    // Missing or mistyped fields are left empty: the rest still counts.
    const auto partial = personFromCaseDocument(
        "case-2", Json::parse(R"({"person": {"date_of_birth": "1990-02-30", "gender": "unknown", "aliases": 3}})"),
        hasher);
    CHECK_FALSE(partial.dateOfBirth);
    CHECK(partial.gender.empty());
    CHECK(partial.aliases.empty());
    CHECK(personFromCaseDocument("case-3", Json(), hasher).caseCode.empty());
    const auto dated = personFromCaseDocument("case-4", Json::parse(R"({"person": {"date_of_birth": "1990-02-03"}})"),
                                              hasher);
    REQUIRE(dated.dateOfBirth);
    CHECK(*dated.dateOfBirth == BirthDate{1990, 2, 3});
}
