#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>

#include "model/code_lists.h"
#include "model/fields.h"

using namespace abri::model;

namespace {

bool isSnakeCase(std::string_view code) {
    if (code.empty() || code.front() == '_' || code.back() == '_') return false;
    if (code.find("__") != std::string_view::npos) return false;
    if (code.front() >= '0' && code.front() <= '9') return false;
    return std::all_of(code.begin(), code.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool isTwoLetters(std::string_view code, char first, char last) {
    return code.size() == 2 && std::all_of(code.begin(), code.end(), [&](char c) { return c >= first && c <= last; });
}

nlohmann::json readIsoJson(const std::string& file) {
    std::ifstream in(std::string(ABRI_ISO_CODES_JSON_DIR) + "/" + file);
    REQUIRE(in.good());
    return nlohmann::json::parse(in);
}

std::vector<std::string_view> sorted(std::vector<std::string_view> codes) {
    std::sort(codes.begin(), codes.end());
    return codes;
}

}  // namespace

TEST_CASE("every code list is non-empty, without duplicates, in its code format", "[model][code_lists]") {
    REQUIRE(allCodeLists().size() == 24);
    for (CodeList list : allCodeLists()) {
        INFO("code list " << codeListName(list));
        const auto& all = codes(list);
        CHECK_FALSE(all.empty());
        CHECK(std::set<std::string_view>(all.begin(), all.end()).size() == all.size());
        for (std::string_view code : all) {
            INFO("code " << code);
            if (list == CodeList::Country) {
                CHECK(isTwoLetters(code, 'A', 'Z'));
            } else if (list == CodeList::Language) {
                CHECK(isTwoLetters(code, 'a', 'z'));
            } else {
                CHECK(isSnakeCase(code));
            }
            CHECK(isValidCode(list, code));
        }
    }
}

TEST_CASE("code list names are unique snake_case and map back to their list", "[model][code_lists]") {
    std::set<std::string_view> names;
    std::set<CodeList> lists(allCodeLists().begin(), allCodeLists().end());
    CHECK(lists.size() == allCodeLists().size());
    for (CodeList list : allCodeLists()) {
        const auto name = codeListName(list);
        CHECK(isSnakeCase(name));
        CHECK(names.insert(name).second);
        CHECK(codeListFromName(name) == list);
    }
    CHECK(codeListName(CodeList::Country) == "country");
    CHECK(codeListName(CodeList::ControlMeans) == "control_means");
    CHECK_FALSE(codeListFromName("Country").has_value());
    CHECK_FALSE(codeListFromName("").has_value());
}

TEST_CASE("isValidCode accepts exactly the listed codes", "[model][code_lists]") {
    CHECK(isValidCode(CodeList::Gender, "female"));
    CHECK(isValidCode(CodeList::Gender, "transgender_nonconforming"));
    CHECK_FALSE(isValidCode(CodeList::Gender, "Female"));
    CHECK_FALSE(isValidCode(CodeList::Gender, "female "));
    CHECK_FALSE(isValidCode(CodeList::Gender, ""));
    CHECK_FALSE(isValidCode(CodeList::Gender, "forced_labour"));  // a code of another list
    CHECK(isValidCode(CodeList::ExploitationType, "forced_labour"));
    CHECK_FALSE(isValidCode(CodeList::CaseStatus, "closed-referred"));
}

TEST_CASE("the lists named by the design carry their HTCDS-aligned codes", "[model][code_lists]") {
    using V = std::vector<std::string_view>;
    CHECK(codes(CodeList::Gender) == V{"female", "male", "transgender_nonconforming", "unknown"});
    CHECK(codes(CodeList::ScreeningAct) == V{"recruitment", "transport", "transfer", "harbouring", "receipt"});
    CHECK(codes(CodeList::ScreeningMeans) == V{"threat", "force", "coercion", "abduction", "fraud", "deception",
                                               "abuse_of_power", "abuse_of_vulnerability", "payments"});
    CHECK(codes(CodeList::ExploitationType) ==
          V{"sexual_exploitation", "forced_labour", "domestic_servitude", "forced_marriage", "forced_criminality",
            "forced_begging", "organ_removal", "slavery_servitude", "military_exploitation", "other"});
    CHECK(codes(CodeList::RecruitmentMethod) == V{"job_offer", "abduction", "family_member", "intimate_partner",
                                                  "marriage_broker", "internet", "smuggling", "other"});
    CHECK(codes(CodeList::ServiceType) ==
          V{"accommodation", "medical", "psychosocial", "legal", "education_vocational", "family_tracing", "return",
            "reintegration", "resettlement", "financial"});
    CHECK(codes(CodeList::CaseStatus) ==
          V{"registered", "under_assistance", "follow_up", "closed", "closed_referred"});
    CHECK(codes(CodeList::ScreeningOutcome) == V{"presumed_victim", "not_victim", "pending"});
    CHECK(codes(CodeList::ConsentScope) == V{"assistance", "data_sharing", "research"});
    CHECK(codes(CodeList::ReferralDirection) == V{"incoming", "outgoing"});
    CHECK(codes(CodeList::EventType) == V{"recruitment", "transit", "exploitation", "identification", "exit"});
    for (std::string_view code : {"debt_bondage", "withheld_documents", "threats", "physical_abuse", "sexual_abuse",
                                  "psychological_abuse", "restricted_movement", "withheld_earnings", "substances",
                                  "excessive_hours"}) {
        INFO(code);
        CHECK(isValidCode(CodeList::ControlMeans, code));
    }
}

TEST_CASE("item kind codes are the entity codes of the item kinds", "[model][code_lists]") {
    std::vector<std::string_view> entityCodes;
    for (Entity entity : {Entity::Event, Entity::Consent, Entity::Service, Entity::Referral, Entity::Note,
                          Entity::Transfer}) {
        entityCodes.push_back(entityCode(entity));
    }
    CHECK(codes(CodeList::ItemKind) == entityCodes);
    CHECK_FALSE(isValidCode(CodeList::ItemKind, "case"));
}

TEST_CASE("countries are ISO 3166-1 alpha-2 codes read from iso-codes, with English names", "[model][iso]") {
    CHECK(isValidCode(CodeList::Country, "TN"));
    CHECK(isValidCode(CodeList::Country, "FR"));
    CHECK(isValidCode(CodeList::Country, "NG"));
    CHECK_FALSE(isValidCode(CodeList::Country, "tn"));
    CHECK_FALSE(isValidCode(CodeList::Country, "TUN"));
    CHECK_FALSE(isValidCode(CodeList::Country, "XX"));
    CHECK(countryEnglishName("TN") == "Tunisia");
    CHECK(countryEnglishName("FR") == "France");
    CHECK(countryEnglishName("NG") == "Nigeria");
    CHECK(countryEnglishName("CI") == "Côte d'Ivoire");  // UTF-8 and an apostrophe survive generation
    CHECK(countryEnglishName("XX").empty());
    CHECK(countryEnglishName("").empty());

    const auto json = readIsoJson("iso_3166-1.json").at("3166-1");
    REQUIRE(json.size() > 240);  // 249 in iso-codes 4.15
    CHECK(codes(CodeList::Country).size() == json.size());
    for (const auto& entry : json) {
        const auto code = entry.at("alpha_2").get<std::string>();
        INFO(code);
        CHECK(isValidCode(CodeList::Country, code));
        CHECK(countryEnglishName(code) == entry.at("name").get<std::string>());
    }
    CHECK(codes(CodeList::Country) == sorted(codes(CodeList::Country)));
}

TEST_CASE("languages are the ISO 639-1 codes of iso-codes' ISO 639-2 table", "[model][iso]") {
    CHECK(isValidCode(CodeList::Language, "ar"));
    CHECK(isValidCode(CodeList::Language, "fr"));
    CHECK(isValidCode(CodeList::Language, "en"));
    CHECK_FALSE(isValidCode(CodeList::Language, "ara"));  // alpha-3 is not the stored form
    CHECK_FALSE(isValidCode(CodeList::Language, "AR"));
    CHECK(languageEnglishName("ar") == "Arabic");
    CHECK(languageEnglishName("fr") == "French");
    CHECK(languageEnglishName("ca") == "Catalan; Valencian");  // kept verbatim: it is the gettext msgid
    CHECK(languageEnglishName("zz").empty());

    std::size_t withAlpha2 = 0;
    const auto json = readIsoJson("iso_639-2.json");
    for (const auto& entry : json.at("639-2")) {
        if (!entry.contains("alpha_2")) {
            CHECK_FALSE(isValidCode(CodeList::Language, entry.at("alpha_3").get<std::string>()));
            continue;
        }
        ++withAlpha2;
        const auto code = entry.at("alpha_2").get<std::string>();
        INFO(code);
        CHECK(languageEnglishName(code) == entry.at("name").get<std::string>());
    }
    REQUIRE(withAlpha2 > 180);  // 184 in iso-codes 4.15
    CHECK(codes(CodeList::Language).size() == withAlpha2);
}
