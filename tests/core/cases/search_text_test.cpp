#include <catch2/catch.hpp>

#include "cases/case_code.h"
#include "cases/search_text.h"

using namespace abri::cases;

TEST_CASE("user text becomes quoted prefix terms", "[search]") {
    CHECK(ftsMatchQuery("Amal Testperson") == "\"amal*\" \"testperson*\"");
    CHECK(ftsMatchQuery("  TST-01-26-K7Q3M ") == "\"tst*\" \"01*\" \"26*\" \"k7q3m*\"");
    CHECK(ftsMatchQuery("\"a\" OR b*") == "\"a*\" \"or*\" \"b*\"");
    CHECK(ftsMatchQuery("-()^\"*").empty());
    CHECK(ftsMatchQuery("سلمى") == "\"سلمى*\"");
    CHECK(ftsMatchQuery("a b c d e f g h i j").size() == std::string("\"a*\" ").size() * 8 - 1);
}

TEST_CASE("the search body holds code, names, aliases and notes only", "[search]") {
    nlohmann::json doc = {{"case_code", "TST-01-26-AAAAA"},
                          {"person", {{"given_name", "Gvn"}, {"family_name", "Fml"}, {"aliases", {"Als"}},
                                      {"gender", "female"}}}};
    auto body = searchBody(doc, {"note text"});
    CHECK(body.find("TST-01-26-AAAAA") != std::string::npos);
    CHECK(body.find("Als") != std::string::npos);
    CHECK(body.find("note text") != std::string::npos);
    CHECK(body.find("female") == std::string::npos);
    CHECK(affectsSearch("person.aliases"));
    CHECK_FALSE(affectsSearch("person.gender"));
}

TEST_CASE("case codes carry office and year and nothing personal", "[search]") {
    auto code = generateCaseCode("TUN-SFX", "2026-03-01");
    REQUIRE(code.size() == std::string("TUN-SFX-26-XXXXXX").size());
    CHECK(code.rfind("TUN-SFX-26-", 0) == 0);
    CHECK(code.find_first_of("ILOU", 11) == std::string::npos);
    CHECK(generateCaseCode("TUN-SFX", "2026-03-01") != code);
}
