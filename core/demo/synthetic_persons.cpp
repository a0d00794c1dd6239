#include "synthetic_persons.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "demo/demo_random.h"

namespace abri::demo {

namespace {

using Json = nlohmann::json;

struct GivenName {
    std::vector<std::string_view> latin;  // spellings in use
    std::string_view arabic;              // "" when the name is not written in Arabic script
    bool female;
};

// Common given names and their spellings: what transliteration does to one name across offices.
const std::vector<GivenName>& givenNames() {
    static const std::vector<GivenName> names = {
        {{"Mohamed", "Muhammad", "Mohammed", "Mohamad"}, "محمد", false},
        {{"Ahmed", "Ahmad"}, "أحمد", false},
        {{"Omar", "Umar"}, "عمر", false},
        {{"Youssef", "Yusuf", "Yousef"}, "يوسف", false},
        {{"Ibrahim", "Ebrahim"}, "إبراهيم", false},
        {{"Hassan", "Hasan"}, "حسن", false},
        {{"Said", "Saeed"}, "سعيد", false},
        {{"Karim", "Kareem"}, "كريم", false},
        {{"Rachid", "Rashid"}, "رشيد", false},
        {{"Mustafa", "Moustafa", "Mostafa"}, "مصطفى", false},
        {{"Ali", "Aly"}, "علي", false},
        {{"Khaled", "Khalid"}, "خالد", false},
        {{"Walid", "Waleed"}, "وليد", false},
        {{"Tarek", "Tariq"}, "طارق", false},
        {{"Samir", "Sameer"}, "سمير", false},
        {{"Nabil", "Nabeel"}, "نبيل", false},
        {{"Fatima", "Fatma", "Fatimah"}, "فاطمة", true},
        {{"Amina", "Aminah"}, "أمينة", true},
        {{"Khadija", "Khadidja"}, "خديجة", true},
        {{"Aisha", "Aicha"}, "عائشة", true},
        {{"Mariam", "Maryam"}, "مريم", true},
        {{"Zainab", "Zeynab"}, "زينب", true},
        {{"Leila", "Layla", "Laila"}, "ليلى", true},
        {{"Nour", "Noor"}, "نور", true},
        {{"Salma"}, "سلمى", true},
        {{"Halima", "Halimah"}, "حليمة", true},
        {{"Jamila", "Djamila"}, "جميلة", true},
        {{"Samira", "Sameera"}, "سميرة", true},
        {{"Houda", "Huda"}, "هدى", true},
        {{"Nadia", "Nadiya"}, "نادية", true},
        {{"Grace"}, "", true},
        {{"Blessing"}, "", true},
        {{"Esther"}, "", true},
        {{"Olena", "Elena"}, "", true},
        {{"Irina", "Iryna"}, "", true},
        {{"Precious"}, "", true},
        {{"Linh"}, "", true},
        {{"Emmanuel"}, "", false},
        {{"Daniel"}, "", false},
        {{"Oleksandr", "Aleksandr"}, "", false},
        {{"Samuel"}, "", false},
        {{"Joseph", "Josef"}, "", false},
        {{"Minh"}, "", false},
    };
    return names;
}

// Syllables of fake family names, with the same syllable in Arabic script.
constexpr std::array<std::pair<std::string_view, std::string_view>, 40> kSyllables = {{
    {"ka", "كا"}, {"ma", "ما"}, {"ra", "را"}, {"li", "لي"}, {"nu", "نو"}, {"so", "سو"}, {"ta", "تا"},
    {"bi", "بي"}, {"du", "دو"}, {"fa", "فا"}, {"za", "زا"}, {"mi", "مي"}, {"ko", "كو"}, {"ha", "ها"},
    {"ja", "جا"}, {"ni", "ني"}, {"lu", "لو"}, {"sa", "سا"}, {"wa", "وا"}, {"ri", "ري"}, {"ba", "با"},
    {"gu", "غو"}, {"te", "تي"}, {"lo", "لو"}, {"kem", "كيم"}, {"dar", "دار"}, {"sul", "سول"}, {"bor", "بور"},
    {"tin", "تين"}, {"nak", "ناك"}, {"fir", "فير"}, {"zul", "زول"}, {"mas", "ماس"}, {"hob", "هوب"},
    {"jer", "جير"}, {"lim", "ليم"}, {"rud", "رود"}, {"wes", "ويس"}, {"gan", "غان"}, {"pol", "بول"},
}};

constexpr std::array<std::string_view, 12> kArabicCountries = {"EG", "MA", "TN", "DZ", "LY", "SD",
                                                              "SY", "IQ", "YE", "JO", "LB", "ER"};
constexpr std::array<std::string_view, 5> kOtherCountries = {"NG", "UA", "VN", "GH", "MD"};
constexpr std::array<std::string_view, 6> kOffices = {"TST-AAA", "TST-BBB", "TST-CCC", "TST-DDD", "TST-EEE", "TST-FFF"};

// One person as the generator knows them, before any office writes them down.
struct Person {
    std::size_t given = 0;
    std::vector<std::size_t> family;  // syllable indexes
    int birthYear = 0;
    int birthMonth = 1;
    int birthDay = 1;
    bool dobKnown = false;
    std::string citizenship;
    std::string passport;  // "" when none
    bool hasAlias = false;
    std::size_t aliasGiven = 0;
};

std::string familyLatin(const Person& p) {
    std::string out;
    for (auto s : p.family) out += kSyllables[s].first;
    out += "fake";
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string familyArabic(const Person& p) {
    std::string out;
    for (auto s : p.family) out += kSyllables[s].second;
    return out + "فيك";
}

std::string twoDigits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }
std::string dateText(int y, int m, int d) { return std::to_string(y) + "-" + twoDigits(m) + "-" + twoDigits(d); }

// A typing slip in a Latin name: a letter replaced, dropped, doubled or two letters swapped (never the first).
std::string typo(Rng& rng, std::string name) {
    if (name.size() < 4) return name;
    const std::size_t at = 1 + rng.below(name.size() - 2);
    switch (rng.below(4)) {
        case 0: name[at] = static_cast<char>('a' + rng.below(26)); break;
        case 1: name.erase(at, 1); break;
        case 2: name.insert(at, 1, name[at]); break;
        default: std::swap(name[at], name[at + 1]); break;
    }
    return name;
}

Person makePerson(Rng& rng) {
    Person p;
    p.given = rng.below(givenNames().size());
    const std::size_t syllables = 3 + rng.below(2);
    for (std::size_t i = 0; i < syllables; ++i) p.family.push_back(rng.below(kSyllables.size()));
    p.birthYear = static_cast<int>(rng.between(1966, 2010));
    p.birthMonth = static_cast<int>(rng.between(1, 12));
    p.birthDay = static_cast<int>(rng.between(1, 28));
    p.dobKnown = rng.chance(60);
    const bool arabic = !givenNames()[p.given].arabic.empty();
    p.citizenship = std::string(arabic ? rng.pick(kArabicCountries) : rng.pick(kOtherCountries));
    if (rng.chance(40)) p.passport = "FK" + std::to_string(rng.between(1'000'000, 9'999'999));
    p.hasAlias = rng.chance(10);
    p.aliasGiven = rng.below(givenNames().size());
    return p;
}

// How one office writes the person down. `again`: a later registration of someone already registered elsewhere.
Json record(Rng& rng, const Person& p, bool again, std::size_t index) {
    const auto& given = givenNames()[p.given];
    const bool canArabic = !given.arabic.empty();
    const int registeredYear = static_cast<int>(rng.between(2019, 2026));
    Json person = Json::object();
    std::string givenText, familyText;
    if (canArabic && rng.chance(again ? 30 : 20)) {
        givenText = given.arabic;
        familyText = familyArabic(p);
    } else {
        givenText = given.latin[again ? rng.below(given.latin.size()) : 0];
        familyText = familyLatin(p);
        if (again && rng.chance(25)) {
            if (rng.chance(50)) givenText = typo(rng, givenText);
            else familyText = typo(rng, familyText);
        }
    }
    if (again && rng.chance(20)) std::swap(givenText, familyText);  // given and family names the other way round
    const bool halfMissing = again && rng.chance(6);
    if (!(halfMissing && rng.chance(50))) person["given_name"] = givenText;
    else if (halfMissing) person["family_name"] = familyText;
    if (!halfMissing) person["family_name"] = familyText;
    if (p.hasAlias && (!again || rng.chance(50)))
        person["aliases"] = Json::array({std::string(givenNames()[p.aliasGiven].latin[0]) + " " + familyLatin(p)});

    if (!again || rng.chance(95)) person["gender"] = given.female ? "female" : "male";
    // The date of birth as known, or an age estimated at registration (within 2 years).
    const int trueAge = registeredYear - p.birthYear;
    bool writeDate = p.dobKnown && (!again || rng.chance(85));
    if (writeDate) {
        int y = p.birthYear, m = p.birthMonth, d = p.birthDay;
        if (again) {
            const auto slip = rng.below(100);
            if (slip < 8 && d <= 12) std::swap(m, d);        // day and month swapped
            else if (slip < 14) d = d % 10 == 9 ? d - 1 : d + 1;          // a mistyped digit of the day
            else if (slip < 20) y += rng.chance(50) ? 1 : -1;              // a year off
        }
        person["date_of_birth"] = dateText(y, m, d);
    } else {
        const auto err = rng.below(10);
        const int estimate = trueAge + (err < 6 ? 0 : err < 9 ? (rng.chance(50) ? 1 : -1) : (rng.chance(50) ? 2 : -2));
        if (estimate >= 0) person["estimated_age"] = estimate;
    }
    if (!again || rng.chance(93)) {
        person["citizenship"] = p.citizenship;
        if (again && rng.chance(3)) person["citizenship"] = std::string(rng.pick(kOtherCountries));
    }
    if (!p.passport.empty() && (!again || rng.chance(60))) {
        std::string number = p.passport;
        if (again && rng.chance(30)) number = number.substr(0, 2) + " " + number.substr(2, 3) + "-" + number.substr(5);
        person["identity_documents"] =
            Json::array({{{"type", "passport"}, {"number", number}, {"country", p.citizenship}}});
    }

    Json doc = Json::object();
    doc["case_code"] = "TST-SYN-" + std::to_string(100000 + index);
    doc["office"] = std::string(kOffices[rng.below(kOffices.size())]);
    doc["registered_on"] = dateText(registeredYear, static_cast<int>(rng.between(1, 12)),
                                    static_cast<int>(rng.between(1, 28)));
    doc["person"] = std::move(person);
    return doc;
}

}  // namespace

SyntheticPersons makeSyntheticPersons(std::size_t count, unsigned duplicatePercent, std::uint64_t seed) {
    SyntheticPersons out;
    std::vector<Person> persons;
    std::vector<std::vector<std::size_t>> recordsOf;  // per person, the documents about them
    Rng rng(seed);
    for (std::size_t i = 0; i < count; ++i) {
        Rng caseRng(streamSeed(seed, i));
        if (!persons.empty() && rng.chance(duplicatePercent)) {
            const std::size_t who = rng.below(persons.size());
            out.documents.push_back(record(caseRng, persons[who], true, i));
            recordsOf[who].push_back(i);
        } else {
            persons.push_back(makePerson(caseRng));
            recordsOf.push_back({i});
            out.documents.push_back(record(caseRng, persons.back(), false, i));
        }
    }
    // Every two records of one person are a true pair (a third registration duplicates both earlier ones).
    for (const auto& records : recordsOf)
        for (std::size_t x = 0; x < records.size(); ++x)
            for (std::size_t y = x + 1; y < records.size(); ++y) out.duplicates.emplace_back(records[x], records[y]);
    std::sort(out.duplicates.begin(), out.duplicates.end());
    return out;
}

}  // namespace abri::demo
