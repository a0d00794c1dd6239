#include <catch2/catch.hpp>

#include <string>

#include "model_test_support.h"

using namespace abri;
using namespace abri::model;
using model::test::caseWith;
using model::test::kToday;
using model::test::requireError;
using model::test::validCase;

namespace {

void validateCase(const Json& doc) { validateDocument(Entity::Case, doc, kToday); }

Json validItem(Entity entity) {
    switch (entity) {
    case Entity::Event:
        return {{"type", "exploitation"}, {"date", "2023-05-01"}, {"country", "FR"}, {"place", "Testville"}};
    case Entity::Consent:
        return {{"scope", "data_sharing"}, {"given", true}, {"partner", "Partner Org Test"},
                {"recorded_on", "2024-03-10"}, {"recorded_by", "user-test-1"}};
    case Entity::Service:
        return {{"type", "medical"}, {"provider", "Clinic Test"}, {"status", "planned"},
                {"started_on", "2024-07-01"}, {"notes", "Synthetic note.\nSecond line."}};
    case Entity::Referral:
        return {{"direction", "outgoing"}, {"partner", "Partner Org Test"}, {"status", "requested"},
                {"reason", "legal aid"}, {"date", "2024-04-01"}};
    case Entity::Note: return {{"text", "Synthetic note text."}};
    case Entity::Transfer: return {{"to_office", "office_other"}, {"reason", "moved"}, {"date", "2024-05-01"}};
    case Entity::Case: return validCase();
    }
    return {};
}

Json itemWith(Entity entity, const std::string& key, const Json& value) {
    Json doc = validItem(entity);
    doc[key] = value;
    return doc;
}

}  // namespace

TEST_CASE("a complete synthetic case and one item of each kind are valid", "[model][validation]") {
    CHECK_NOTHROW(validateCase(validCase()));
    for (Entity entity : {Entity::Event, Entity::Consent, Entity::Service, Entity::Referral, Entity::Note,
                          Entity::Transfer}) {
        INFO(entityCode(entity));
        CHECK_NOTHROW(validateDocument(entity, validItem(entity), kToday));
    }
    // The minimum: required fields only.
    CHECK_NOTHROW(validateCase(Json::parse(
        R"({"case_code": "ABR-TEST-0002", "office": "office_test", "status": "registered",
            "registered_on": "2024-01-01"})")));
}

TEST_CASE("unknown fields are reported with their path", "[model][validation]") {
    requireError([] { validateCase(caseWith("nickname", "x")); }, ErrorCode::UnknownField, "nickname");
    requireError([] { validateCase(caseWith("person.nickname", "x")); }, ErrorCode::UnknownField, "person.nickname");
    Json nested = validCase();
    nested["person"]["gender"] = {{"code", "female"}};  // a field is not a group
    requireError([&] { validateCase(nested); }, ErrorCode::InvalidValue, "person.gender");
    requireError([] { validateCase(caseWith("screening", "yes")); }, ErrorCode::InvalidValue, "screening");
    requireError([] { validateDocument(Entity::Note, itemWith(Entity::Note, "title", "x"), kToday); },
                 ErrorCode::UnknownField, "title");
    requireError([] { validateField(Entity::Case, "person.nickname", "x", kToday); }, ErrorCode::UnknownField,
                 "person.nickname");
    requireError([] { validateField(Entity::Case, "person", Json::object(), kToday); }, ErrorCode::UnknownField,
                 "person");
    requireError([] { validateField(Entity::Event, "date_of_birth", "2000-01-01", kToday); },
                 ErrorCode::UnknownField, "date_of_birth");
    Json flat = validCase();
    flat["person.gender"] = "female";  // paths are not keys
    requireError([&] { validateCase(flat); }, ErrorCode::UnknownField, "person.gender");
    // A null group is the same as no group.
    Json doc = validCase();
    doc["situation"] = nullptr;
    CHECK_NOTHROW(validateCase(doc));
    requireError([] { validateDocument(Entity::Case, Json::array(), kToday); }, ErrorCode::InvalidValue, "case");
}

TEST_CASE("values of the wrong JSON type are invalid", "[model][validation]") {
    struct Case {
        std::string_view path;
        Json value;
    };
    const Case cases[] = {
        {"caseworker", 42},
        {"person.given_name", Json::array({"Testname"})},
        {"person.gender", Json::array({"female"})},
        {"person.gender", 1},
        {"person.estimated_age", "17"},
        {"person.estimated_age", 17.0},
        {"person.estimated_age", true},
        {"person.children", 1.5},
        {"screening.complete", "true"},
        {"screening.complete", 1},
        {"registered_on", 20240101},
        {"person.languages", "en"},
        {"person.languages", Json::array({1})},
        {"person.aliases", "Alias Testname"},
        {"person.aliases", Json::array({Json::object()})},
        {"person.contacts", Json::object({{"type", "phone"}, {"value", "000"}})},
        {"person.contacts", Json::array({"000"})},
        {"person.identity_documents", Json::array({Json::array()})},
    };
    for (const auto& [path, value] : cases) {
        INFO(path << " = " << value.dump());
        requireError([&] { validateField(Entity::Case, path, value, kToday); }, ErrorCode::InvalidValue, path);
        requireError([&] { validateCase(caseWith(path, value)); }, ErrorCode::InvalidValue, path);
    }
    requireError([] { validateDocument(Entity::Consent, itemWith(Entity::Consent, "given", "yes"), kToday); },
                 ErrorCode::InvalidValue, "given");
}

TEST_CASE("unknown codes are InvalidCode naming the code list", "[model][validation]") {
    struct Case {
        std::string_view path;
        Json value;
        std::string_view list;
    };
    const Case cases[] = {
        {"status", "open", "case_status"},
        {"person.gender", "woman", "gender"},
        {"person.citizenship", "XX", "country"},
        {"person.citizenship", "ng", "country"},
        {"person.languages", Json::array({"en", "xx"}), "language"},
        {"screening.means", Json::array({"bribery"}), "screening_means"},
        {"screening.purposes", Json::array({"debt_bondage"}), "exploitation_type"},
        {"situation.labour_sector", "forced_labour", "labour_sector"},
        {"person.contacts", Json::array({{{"type", "pigeon"}, {"value", "000"}}}), "contact_type"},
        {"person.identity_documents", Json::array({{{"type", "passport"}, {"country", "ZZ"}}}), "country"},
    };
    for (const auto& [path, value, list] : cases) {
        INFO(path << " = " << value.dump());
        auto error = requireError([&] { validateCase(caseWith(path, value)); }, ErrorCode::InvalidCode, path);
        REQUIRE(error);
        CHECK(error->detail() == list);
    }
    const Json event = itemWith(Entity::Event, "type", "arrest");
    auto error = requireError([&] { validateDocument(Entity::Event, event, kToday); }, ErrorCode::InvalidCode, "type");
    REQUIRE(error);
    CHECK(error->detail() == "event_type");
}

TEST_CASE("code sets reject duplicates and accept an empty set", "[model][validation]") {
    requireError([] { validateCase(caseWith("screening.acts", Json::array({"recruitment", "recruitment"}))); },
                 ErrorCode::InvalidValue, "screening.acts");
    requireError([] { validateCase(caseWith("person.languages", Json::array({"fr", "en", "fr"}))); },
                 ErrorCode::InvalidValue, "person.languages");
    CHECK_NOTHROW(validateCase(caseWith("screening.acts", Json::array())));
}

TEST_CASE("dates must be strict YYYY-MM-DD calendar days", "[model][validation]") {
    for (const char* bad : {"2024-02-30", "2023-02-29", "2100-02-29", "2024-13-01", "2024-00-10", "2024-04-31",
                            "2024-1-05", "24-01-05", "2024/01/05", " 2024-01-05", "2024-01-05T00:00", "",
                            "0000-01-01", "２０２４-01-05"}) {
        INFO(bad);
        requireError([&] { validateCase(caseWith("person.date_of_birth", bad)); }, ErrorCode::InvalidDate,
                     "person.date_of_birth");
    }
    CHECK_NOTHROW(validateCase(caseWith("person.date_of_birth", "2000-02-29")));
    CHECK_NOTHROW(validateCase(caseWith("person.date_of_birth", "1999-12-31")));
    requireError([] { validateCase(caseWith("person.date_of_birth", "1899-12-31")); }, ErrorCode::ValueOutOfRange,
                 "person.date_of_birth");
    requireError([] { validateDocument(Entity::Event, itemWith(Entity::Event, "date", "2023-13-01"), kToday); },
                 ErrorCode::InvalidDate, "date");
}

TEST_CASE("dates after today are refused, except planned service dates", "[model][validation]") {
    const std::string tomorrow = "2024-06-02";
    for (const char* path :
         {"person.date_of_birth", "registered_on", "screening.screened_on", "situation.started_on"}) {
        INFO(path);
        requireError([&] { validateField(Entity::Case, path, tomorrow, kToday); }, ErrorCode::DateInFuture, path);
        CHECK_NOTHROW(validateField(Entity::Case, path, std::string(kToday), kToday));  // today itself is fine
    }
    requireError([&] { validateCase(caseWith("closed_on", tomorrow)); }, ErrorCode::DateInFuture, "closed_on");
    requireError([&] { validateDocument(Entity::Event, itemWith(Entity::Event, "date", tomorrow), kToday); },
                 ErrorCode::DateInFuture, "date");
    requireError([&] { validateDocument(Entity::Consent, itemWith(Entity::Consent, "recorded_on", tomorrow), kToday); },
                 ErrorCode::DateInFuture, "recorded_on");
    requireError([&] { validateDocument(Entity::Referral, itemWith(Entity::Referral, "date", tomorrow), kToday); },
                 ErrorCode::DateInFuture, "date");
    CHECK_NOTHROW(validateDocument(Entity::Service, itemWith(Entity::Service, "ended_on", "2025-01-01"), kToday));
}

TEST_CASE("integers stay in their range", "[model][validation]") {
    for (int age : {0, 17, 120}) CHECK_NOTHROW(validateField(Entity::Case, "person.estimated_age", age, kToday));
    for (const Json& age :
         {Json(-1), Json(121), Json(std::uint64_t{18446744073709551615U}), Json(std::int64_t{-9000000000})}) {
        INFO(age.dump());
        auto error = requireError([&] { validateField(Entity::Case, "person.estimated_age", age, kToday); },
                                  ErrorCode::ValueOutOfRange, "person.estimated_age");
        REQUIRE(error);
        CHECK(error->detail() == "0..120");
    }
    CHECK_NOTHROW(validateField(Entity::Case, "person.children", 30, kToday));
    requireError([] { validateCase(caseWith("person.children", 31)); }, ErrorCode::ValueOutOfRange, "person.children");
    requireError([] { validateCase(caseWith("person.children", -1)); }, ErrorCode::ValueOutOfRange, "person.children");
}

TEST_CASE("required fields: absent, null or blank is MissingField, optional null clears", "[model][validation]") {
    for (const char* path : {"case_code", "office", "status", "registered_on"}) {
        INFO(path);
        Json doc = validCase();
        doc.erase(path);
        requireError([&] { validateCase(doc); }, ErrorCode::MissingField, path);
        requireError([&] { validateField(Entity::Case, path, nullptr, kToday); }, ErrorCode::MissingField, path);
    }
    requireError([] { validateCase(caseWith("case_code", "   ")); }, ErrorCode::MissingField, "case_code");
    requireError([] { validateDocument(Entity::Note, itemWith(Entity::Note, "text", " \n "), kToday); },
                 ErrorCode::MissingField, "text");
    requireError([] { validateDocument(Entity::Consent, Json{{"scope", "assistance"}, {"recorded_on", "2024-01-01"}},
                                       kToday); },
                 ErrorCode::MissingField, "given");
    requireError([] { validateDocument(Entity::Referral, itemWith(Entity::Referral, "partner", nullptr), kToday); },
                 ErrorCode::MissingField, "partner");
    requireError([] { validateDocument(Entity::Transfer, Json::object(), kToday); }, ErrorCode::MissingField,
                 "to_office");
    CHECK_NOTHROW(validateField(Entity::Case, "person.gender", nullptr, kToday));
    CHECK_NOTHROW(validateField(Entity::Consent, "given", false, kToday));  // false is a value
}

TEST_CASE("text values: one line, bounded, valid UTF-8", "[model][validation]") {
    CHECK_NOTHROW(validateField(Entity::Case, "person.given_name", "اسم تجريبي", kToday));  // synthetic Arabic
    requireError([] { validateField(Entity::Case, "person.family_name", "Fakeperson\nZulu", kToday); },
                 ErrorCode::InvalidValue, "person.family_name");
    requireError([] { validateField(Entity::Case, "caseworker", std::string("user\0x", 6), kToday); },
                 ErrorCode::InvalidValue, "caseworker");
    requireError([] { validateField(Entity::Case, "caseworker", std::string("\xC3\x28", 2), kToday); },
                 ErrorCode::InvalidValue, "caseworker");
    requireError([] { validateField(Entity::Case, "caseworker", std::string("\xED\xA0\x80", 3), kToday); },
                 ErrorCode::InvalidValue, "caseworker");  // a UTF-16 surrogate
    requireError([] { validateField(Entity::Case, "caseworker", std::string("\xC0\xAF", 2), kToday); },
                 ErrorCode::InvalidValue, "caseworker");  // overlong '/'
    CHECK_NOTHROW(validateField(Entity::Case, "caseworker", std::string(kMaxTextBytes, 'a'), kToday));
    requireError([] { validateField(Entity::Case, "caseworker", std::string(kMaxTextBytes + 1, 'a'), kToday); },
                 ErrorCode::ValueOutOfRange, "caseworker");
    CHECK_NOTHROW(validateField(Entity::Note, "text", "Line one\n\tLine two\r\n", kToday));
    requireError([] { validateField(Entity::Note, "text", std::string(kMaxLongTextBytes + 1, 'a'), kToday); },
                 ErrorCode::ValueOutOfRange, "text");
    requireError([] { validateField(Entity::Case, "person.aliases", Json::array({"Alias", ""}), kToday); },
                 ErrorCode::MissingField, "person.aliases");
    const Json tooMany(std::vector<std::string>(kMaxListEntries + 1, "Alias"));
    requireError([&] { validateField(Entity::Case, "person.aliases", tooMany, kToday); }, ErrorCode::ValueOutOfRange,
                 "person.aliases");
}

TEST_CASE("contacts and identity documents are lists of typed records", "[model][validation]") {
    const std::string contacts = "person.contacts";
    CHECK_NOTHROW(validateField(Entity::Case, contacts, Json::array(), kToday));
    const Json withoutValue = Json::parse(R"([{"type": "email"}])");
    auto error = requireError([&] { validateField(Entity::Case, contacts, withoutValue, kToday); },
                              ErrorCode::MissingField, contacts);
    REQUIRE(error);
    CHECK(error->detail() == "value");
    error = requireError(
        [&] { validateField(Entity::Case, contacts, Json::parse(R"([{"type": "phone", "value": "0", "note": "x"}])"),
                            kToday); },
        ErrorCode::UnknownField, contacts);
    REQUIRE(error);
    CHECK(error->detail() == "note");
    const std::string documents = "person.identity_documents";
    CHECK_NOTHROW(validateField(Entity::Case, documents, Json::parse(R"([{"type": "national_id"}])"), kToday));
    requireError([&] { validateField(Entity::Case, documents, Json::parse(R"([{"number": "X1"}])"), kToday); },
                 ErrorCode::MissingField, documents);
    requireError([&] { validateField(Entity::Case, documents, Json::parse(R"([{"type": "visa"}])"), kToday); },
                 ErrorCode::InvalidCode, documents);
}

TEST_CASE("cross-field rules of a case", "[model][validation]") {
    SECTION("date of birth not after registration") {
        requireError([] { validateCase(caseWith("person.date_of_birth", "2024-03-11")); }, ErrorCode::InvalidValue,
                     "person.date_of_birth");
        CHECK_NOTHROW(validateCase(caseWith("person.date_of_birth", "2024-03-10")));  // born that day
    }
    SECTION("closed_on not before registered_on") {
        Json doc = caseWith("status", "closed");
        setField(doc, "closure_reason", "assistance_completed");
        setField(doc, "closed_on", "2024-03-09");
        requireError([&] { validateCase(doc); }, ErrorCode::InvalidValue, "closed_on");
        setField(doc, "closed_on", "2024-03-10");
        CHECK_NOTHROW(validateCase(doc));
    }
    SECTION("closure reason if and only if closed") {
        requireError([] { validateCase(caseWith("status", "closed")); }, ErrorCode::MissingField, "closure_reason");
        requireError([] { validateCase(caseWith("status", "closed_referred")); }, ErrorCode::MissingField,
                     "closure_reason");
        Json doc = caseWith("status", "closed_referred");
        setField(doc, "closure_reason", "referred_elsewhere");
        CHECK_NOTHROW(validateCase(doc));
        requireError([] { validateCase(caseWith("closure_reason", "lost_contact")); }, ErrorCode::InvalidValue,
                     "closure_reason");
    }
    SECTION("situation ends after it starts") {
        requireError([] { validateCase(caseWith("situation.ended_on", "2022-12-31")); }, ErrorCode::InvalidValue,
                     "situation.ended_on");
        CHECK_NOTHROW(validateCase(caseWith("situation.ended_on", "2023-01-01")));
    }
}

TEST_CASE("cross-field rules of items use the item field name", "[model][validation]") {
    Json service = itemWith(Entity::Service, "ended_on", "2024-06-30");
    requireError([&] { validateDocument(Entity::Service, service, kToday); }, ErrorCode::InvalidValue, "ended_on");
    service["ended_on"] = "2024-07-01";
    CHECK_NOTHROW(validateDocument(Entity::Service, service, kToday));
    Json consent = itemWith(Entity::Consent, "withdrawn_on", "2024-03-09");
    requireError([&] { validateDocument(Entity::Consent, consent, kToday); }, ErrorCode::InvalidValue,
                 "withdrawn_on");
    consent["withdrawn_on"] = "2024-03-10";
    CHECK_NOTHROW(validateDocument(Entity::Consent, consent, kToday));
}

TEST_CASE("errors never carry the personal value that failed", "[model][validation]") {
    const std::string name = "Testname Alpha";
    auto error = requireError([&] { validateCase(caseWith("person.given_name", name + "\x01")); },
                              ErrorCode::InvalidValue, "person.given_name");
    REQUIRE(error);
    CHECK(std::string(error->what()).find(name) == std::string::npos);
    CHECK(error->detail().find(name) == std::string::npos);
    error = requireError([] { validateCase(caseWith("person.date_of_birth", "1999-02-30")); }, ErrorCode::InvalidDate,
                         "person.date_of_birth");
    REQUIRE(error);
    CHECK(std::string(error->what()).find("1999") == std::string::npos);
}

TEST_CASE("an invalid 'today' is a caller bug, reported as such", "[model][validation]") {
    requireError([] { validateDocument(Entity::Case, validCase(), "01/06/2024"); }, ErrorCode::InvalidDate, "today");
    requireError([] { validateField(Entity::Case, "caseworker", "x", ""); }, ErrorCode::InvalidDate, "today");
}
