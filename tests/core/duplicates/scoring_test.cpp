// Scoring a pair: which fields agree, and the evidence a name alone, or relatives, must not be enough.
#include <catch2/catch.hpp>

#include "duplicates/scoring.h"

using namespace abri::duplicates;

namespace {

struct Persons {
    NameNormaliser normaliser;
    PreparedPerson make(const char* given, const char* family, std::optional<BirthDate> dob, const char* gender,
                        const char* citizenship) {
        PersonRecord r;
        r.givenName = given;
        r.familyName = family;
        r.dateOfBirth = dob;
        r.gender = gender;
        r.citizenship = citizenship;
        return prepare(r, normaliser);
    }
};

std::vector<std::string_view> reasons(const Comparison& c) { return reasonCodes(c.reasons); }

}  // namespace

TEST_CASE("one person written by two offices: swapped names in two scripts, same date of birth", "[duplicates]") {
    Persons p;
    const auto a = p.make("Mohamed", "Kamarafake", BirthDate{1991, 4, 5}, "male", "EG");
    const auto b = p.make("كامارافيك", "محمد", BirthDate{1991, 4, 5}, "male", "EG");
    const auto c = compare(a, b);
    CHECK(c.points >= kCandidateThreshold);
    CHECK(reasons(c) == std::vector<std::string_view>{"name", "date_of_birth", "sex", "citizenship"});
    CHECK(compare(b, a).points == c.points);
    CHECK(scoreOf(c.points) > 0.9);
}

TEST_CASE("an estimated age agrees within two years of a date of birth", "[duplicates]") {
    Persons p;
    auto a = p.make("Fatima", "Kamarafake", BirthDate{1990, 6, 1}, "female", "MA");
    PersonRecord r;
    r.givenName = "Fatimah";
    r.familyName = "Kamarafak";  // a typo
    r.estimatedAge = 33;
    r.registeredYear = 2025;    // born about 1992
    r.gender = "female";
    r.citizenship = "MA";
    const auto b = prepare(r, p.normaliser);
    const auto c = compare(a, b);
    CHECK(c.points >= kCandidateThreshold);
    CHECK(reasons(c) == std::vector<std::string_view>{"name", "birth_year", "sex", "citizenship"});
    r.estimatedAge = 25;  // born about 2000: another person
    CHECK(compare(a, prepare(r, p.normaliser)).points < kCandidateThreshold);
}

TEST_CASE("relatives, namesakes and a name alone are not candidates", "[duplicates]") {
    Persons p;
    const auto a = p.make("Amina", "Kamarafake", BirthDate{1990, 6, 1}, "female", "TN");
    // A sister: same family name, same everything but the given name.
    CHECK(compare(a, p.make("Salma", "Kamarafake", BirthDate{1990, 6, 1}, "female", "TN")).points <
          kCandidateThreshold);
    // A namesake born 12 years later.
    CHECK(compare(a, p.make("Amina", "Kamarafake", BirthDate{2002, 1, 9}, "female", "TN")).points <
          kCandidateThreshold);
    // The same name and nothing else known, or only the sex.
    CHECK(compare(a, p.make("Amina", "Kamarafake", std::nullopt, "", "")).points < kCandidateThreshold);
    CHECK(compare(a, p.make("Amina", "Kamarafake", std::nullopt, "female", "")).points < kCandidateThreshold);
    // The same date of birth, sex and citizenship, another name.
    CHECK(compare(a, p.make("Houda", "Sotabifake", BirthDate{1990, 6, 1}, "female", "TN")).points <
          kCandidateThreshold);
}

TEST_CASE("a shared identity document and an alias are reasons of their own", "[duplicates]") {
    Persons p;
    DocumentHasher hasher(std::vector<std::uint8_t>(kDocumentKeyBytes, 3));
    PersonRecord x;
    x.givenName = "Grace";
    x.familyName = "Rilubafake";
    x.documents = {*hasher.hash("FK7654321")};
    PersonRecord y;
    y.givenName = "Graec";  // a typo, and nothing else in common but the passport
    y.familyName = "Rilubafake";
    y.documents = {*hasher.hash("fk 765 4321")};
    const auto c = compare(prepare(x, p.normaliser), prepare(y, p.normaliser));
    CHECK(c.points >= kCandidateThreshold);
    CHECK(reasons(c) == std::vector<std::string_view>{"name", "identity_document"});

    PersonRecord z;
    z.givenName = "Joy";
    z.familyName = "Tebafake";
    z.aliases = {"Grace Rilubafake"};
    z.dateOfBirth = BirthDate{1999, 1, 1};
    x.dateOfBirth = BirthDate{1999, 1, 1};
    const auto viaAlias = compare(prepare(x, p.normaliser), prepare(z, p.normaliser));
    CHECK(viaAlias.points >= kCandidateThreshold);
    CHECK(reasons(viaAlias) == std::vector<std::string_view>{"name", "alias", "date_of_birth"});
}
