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

namespace {

// A fake word no other index gives, with its own phonetic key (the consonants differ, not only the vowels).
std::string fakeWord(std::size_t index, const char* suffix) {
    static constexpr char kConsonants[] = "bdfgklmnrstz";
    std::string word;
    for (std::size_t digit = 0, rest = index; digit < 4; ++digit, rest /= 12) {
        word += kConsonants[rest % 12];
        word += "aoi"[digit % 3];
    }
    return word + suffix;
}

PersonRecord weighedRecord(std::string given, std::string family) {
    PersonRecord r;
    r.givenName = std::move(given);
    r.familyName = std::move(family);
    r.estimatedAge = 30;
    r.registeredYear = 2025;
    r.gender = "male";
    return r;
}

}  // namespace

TEST_CASE("names weighed over their population: a common full name needs more than a rare one", "[duplicates]") {
    NameNormaliser normaliser;
    std::vector<PreparedPerson> persons;
    // Two registrations of a person with a rare family name, a crowd of 200 namesakes of a common full name, and
    // 2,000 others whose names no one else has.
    persons.push_back(prepare(weighedRecord("Mohamed", "Rilubafake"), normaliser));
    persons.push_back(prepare(weighedRecord("Muhammad", "Rilubafake"), normaliser));
    for (int i = 0; i < 200; ++i) persons.push_back(prepare(weighedRecord("Mohamed", "Kamarafake"), normaliser));
    for (std::size_t i = 0; i < 2000; ++i)
        persons.push_back(prepare(weighedRecord(fakeWord(i, "nam"), fakeWord(i + 5000, "fake")), normaliser));
    const auto plainRare = compare(persons[0], persons[1]);
    const auto plainCommon = compare(persons[2], persons[3]);
    CHECK(plainRare.points == plainCommon.points);  // not weighed: the same points
    CHECK(plainRare.points >= kCandidateThreshold);

    // A few cases say little about how common a name is: left unweighed.
    std::vector<PreparedPerson> few(persons.begin(), persons.begin() + 10);
    weighNames(few);
    CHECK(few[0].log2Population == 0);
    CHECK(compare(few[0], few[1]).points == plainRare.points);

    weighNames(persons);
    CHECK(persons[0].names[0][0].log2Share > persons[0].names[0][1].log2Share);  // Mohamed is commoner
    const auto rare = compare(persons[0], persons[1]);
    const auto common = compare(persons[2], persons[3]);
    CHECK(rare.points == compare(persons[1], persons[0]).points);
    CHECK(rare.reasons == common.reasons);  // the same fields agree; what they are worth differs
    CHECK(reasons(common) == std::vector<std::string_view>{"name", "birth_year", "sex"});
    CHECK(rare.points >= kCandidateThreshold);  // a full name, an approximate age and the sex
    CHECK(common.points < kCandidateThreshold);  // not enough for a name 200 others carry
    CHECK(common.points + 1.5 >= kCandidateThreshold);  // with the citizenship too it would be

    // However rare, a name alone stays below the threshold.
    PersonRecord bare;
    bare.givenName = "Mohamed";
    bare.familyName = "Rilubafake";
    persons[1] = prepare(bare, normaliser);
    persons[1].log2Population = persons[0].log2Population;
    persons[1].names = persons[0].names;  // weighed as before
    const auto alone = compare(persons[0], persons[1]);
    CHECK(reasons(alone) == std::vector<std::string_view>{"name"});
    CHECK(alone.points < kCandidateThreshold);
    CHECK(alone.points > 7.0);  // rarer than the reference (1/4 of a namesake by chance): more than the plain points
}
