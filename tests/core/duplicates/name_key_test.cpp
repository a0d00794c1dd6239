// Name keys: transliteration to Latin, phonetic keys that let spellings and scripts of one name meet, token sets,
// and the Jaro-Winkler similarity on the keys. Names here are common first names and obviously fake family names.
#include <catch2/catch.hpp>

#include "duplicates/name_key.h"
#include "duplicates/similarity.h"

using namespace abri::duplicates;

namespace {
std::string phoneticOf(NameNormaliser& n, const char* name) {
    const auto tokens = n.tokens(name);
    REQUIRE(tokens.size() == 1);
    return tokens[0].phonetic;
}
}  // namespace

TEST_CASE("names in Arabic and Cyrillic script become ASCII Latin keys", "[duplicates]") {
    NameNormaliser n;
    CHECK(n.latinText("محمد") == "mhmd");
    CHECK(n.latinText("Müller-Fakeson") == "muller fakeson");
    CHECK(n.latinText("Олена") == "olena");
    CHECK(n.latinText("  O'Fake,  Testname ") == "ofake testname");
    CHECK(n.latinText("عبد الرحمن") == "bd alrhmn");  // the ʿayn mark is dropped, not a letter
    CHECK(n.latinText("") == "");
    CHECK(n.latinText("123 !") == "");
}

TEST_CASE("spellings and scripts of one name share a phonetic key", "[duplicates]") {
    NameNormaliser n;
    const std::vector<std::vector<const char*>> sameName = {
        {"Mohamed", "Muhammad", "Mohammed", "Mohamad", "محمد"},
        {"Ahmed", "Ahmad", "أحمد"},
        {"Omar", "Umar", "عمر"},
        {"Youssef", "Yusuf", "Yousef", "يوسف"},
        {"Fatima", "Fatma", "Fatimah", "فاطمة"},
        {"Khadija", "Khadidja", "خديجة"},
        {"Aisha", "Aicha", "عائشة"},
        {"Rachid", "Rashid", "رشيد"},
        {"Leila", "Layla", "Laila", "ليلى"},
        {"Mustafa", "Moustafa", "Mostafa", "مصطفى"},
        {"Kamarafake", "كامارافيك"},
    };
    for (const auto& spellings : sameName) {
        const auto key = phoneticOf(n, spellings.front());
        for (const char* spelling : spellings) {
            INFO(spellings.front() << " / " << spelling);
            CHECK(phoneticOf(n, spelling) == key);
        }
    }
    // Different names keep different keys.
    CHECK(phoneticOf(n, "Mohamed") != phoneticOf(n, "Ahmed"));
    CHECK(phoneticOf(n, "Fatima") != phoneticOf(n, "Amina"));
    CHECK(phoneticOf(n, "Kamarafake") != phoneticOf(n, "Kamabifake"));
}

TEST_CASE("a name is a set of distinct tokens, whatever their order", "[duplicates]") {
    NameNormaliser n;
    const auto a = n.tokens("Testname Fakeson-Koru");
    REQUIRE(a.size() == 3);
    CHECK(a[0].latin == "testname");
    CHECK(a[1].latin == "fakeson");
    CHECK(a[2].latin == "koru");
    CHECK(n.tokens("Fakeson Fakeson").size() == 1);
    CHECK(n.tokens("").empty());
}

TEST_CASE("Jaro-Winkler similarity", "[duplicates]") {
    CHECK(jaroWinkler("martha", "marhta") == Approx(0.961).margin(0.001));
    CHECK(jaroWinkler("dixon", "dicksonx") == Approx(0.813).margin(0.001));
    CHECK(jaroWinkler("same", "same") == 1.0);
    CHECK(jaroWinkler("", "x") == 0.0);
    CHECK(jaroWinkler("abc", "xyz") == 0.0);
    CHECK(jaroWinkler("kamarafake", "kamrafake") == Approx(jaroWinkler("kamrafake", "kamarafake")));
}
