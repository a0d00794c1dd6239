#include <catch2/catch.hpp>

#include "model_test_support.h"

using namespace abri;
using namespace abri::model;
using model::test::requireError;

namespace {

Json personBornOn(std::string_view birth, std::string_view registered) {
    Json doc;
    setField(doc, "registered_on", std::string(registered));
    setField(doc, "person.date_of_birth", std::string(birth));
    return doc;
}

Json personAged(int estimatedAge, std::string_view registered) {
    Json doc;
    setField(doc, "registered_on", std::string(registered));
    setField(doc, "person.estimated_age", estimatedAge);
    return doc;
}

Json screened(Json doc, Json acts, Json means, Json purposes, std::optional<bool> complete = std::nullopt) {
    setField(doc, "screening.acts", acts);
    setField(doc, "screening.means", means);
    setField(doc, "screening.purposes", purposes);
    if (complete) setField(doc, "screening.complete", *complete);
    return doc;
}

const Json kActs = Json::array({"recruitment"});
const Json kMeans = Json::array({"deception"});
const Json kPurposes = Json::array({"sexual_exploitation"});
const Json kNone = Json::array();

Json eventIn(std::string_view country) { return {{"type", "exploitation"}, {"country", std::string(country)}}; }

}  // namespace

TEST_CASE("ageOn counts whole years with birthday logic", "[model][age]") {
    const Json doc = personBornOn("2000-06-15", "2024-01-01");
    CHECK(ageOn(doc, "2018-06-14") == 17);
    CHECK(ageOn(doc, "2018-06-15") == 18);
    CHECK(ageOn(doc, "2018-06-16") == 18);
    CHECK(ageOn(doc, "2000-06-15") == 0);
    CHECK(ageOn(doc, "2001-06-14") == 0);
    CHECK(ageOn(doc, "2100-12-31") == 100);
    CHECK_FALSE(ageOn(doc, "2000-06-14").has_value());  // not born yet
    CHECK_FALSE(ageOn(doc, "not a date").has_value());
    CHECK_FALSE(ageOn(Json::object(), "2024-01-01").has_value());
}

TEST_CASE("a 29 February birthday is reached on 1 March in common years", "[model][age]") {
    const Json doc = personBornOn("2004-02-29", "2024-01-01");
    CHECK(ageOn(doc, "2022-02-28") == 17);
    CHECK(ageOn(doc, "2022-03-01") == 18);
    CHECK(ageOn(doc, "2024-02-28") == 19);
    CHECK(ageOn(doc, "2024-02-29") == 20);
    CHECK(ageOn(doc, "2005-02-28") == 0);
    CHECK(ageOn(doc, "2005-03-01") == 1);
}

TEST_CASE("an estimated age is the age at registration and grows with time", "[model][age]") {
    const Json doc = personAged(16, "2024-01-10");
    CHECK(ageOn(doc, "2024-01-10") == 16);
    CHECK(ageOn(doc, "2026-01-09") == 17);
    CHECK(ageOn(doc, "2026-01-10") == 18);
    CHECK(ageOn(doc, "2023-01-10") == 15);
    CHECK(ageOn(personAged(0, "2024-01-10"), "2020-01-01") == 0);  // never negative
    // A date of birth wins over an estimate.
    Json both = personAged(30, "2024-01-10");
    setField(both, "person.date_of_birth", "2010-01-01");
    CHECK(ageOn(both, "2024-01-10") == 14);
}

TEST_CASE("minor: younger than 18 on the day of registration", "[model][age]") {
    CHECK(isMinor(personBornOn("2006-03-11", "2024-03-10")));       // 18 tomorrow
    CHECK_FALSE(isMinor(personBornOn("2006-03-10", "2024-03-10")));  // 18th birthday on registration day
    CHECK_FALSE(isMinor(personBornOn("1990-01-01", "2024-03-10")));
    CHECK(isMinor(personBornOn("2004-02-29", "2022-02-28")));
    CHECK_FALSE(isMinor(personBornOn("2004-02-29", "2022-03-01")));
    CHECK(isMinor(personBornOn("2008-02-29", "2026-02-28")));  // leap-day child, still 17 that day
    CHECK_FALSE(isMinor(personBornOn("2008-02-29", "2026-03-01")));
    CHECK(isMinor(personAged(17, "2024-03-10")));
    CHECK_FALSE(isMinor(personAged(18, "2024-03-10")));
    CHECK_FALSE(isMinor(Json::parse(R"({"registered_on": "2024-03-10"})")));  // unknown age is not minor
    CHECK_FALSE(isMinor(Json::parse(R"({"person": {"estimated_age": 12}})")));  // no registration date
}

TEST_CASE("screening outcome follows Palermo art. 3", "[model][screening]") {
    const Json adult = personBornOn("1990-01-01", "2024-03-10");
    const Json child = personBornOn("2010-01-01", "2024-03-10");
    CHECK(screeningOutcome(screened(adult, kActs, kMeans, kPurposes)) == "presumed_victim");
    CHECK(screeningOutcome(screened(adult, kActs, kMeans, kPurposes, false)) == "presumed_victim");
    // An adult without means: pending until the screening is complete, then not a victim.
    CHECK(screeningOutcome(screened(adult, kActs, kNone, kPurposes)) == "pending");
    CHECK(screeningOutcome(screened(adult, kActs, kNone, kPurposes, false)) == "pending");
    CHECK(screeningOutcome(screened(adult, kActs, kNone, kPurposes, true)) == "not_victim");
    // A minor needs no means.
    CHECK(screeningOutcome(screened(child, kActs, kNone, kPurposes)) == "presumed_victim");
    CHECK(screeningOutcome(screened(child, kNone, kMeans, kPurposes, true)) == "not_victim");
    CHECK(screeningOutcome(screened(child, kActs, kMeans, kNone)) == "pending");
    // Unknown age is treated as an adult.
    CHECK(screeningOutcome(screened(Json::object(), kActs, kNone, kPurposes)) == "pending");
    CHECK(screeningOutcome(Json::object()) == "pending");
    // Codes from the wrong list do not count as an element.
    CHECK(screeningOutcome(screened(adult, kActs, Json::array({"bribery"}), kPurposes, true)) == "not_victim");
    for (const auto& doc : {screened(adult, kActs, kMeans, kPurposes), screened(adult, kNone, kNone, kNone, true),
                            Json::object()}) {
        CHECK(isValidCode(CodeList::ScreeningOutcome, screeningOutcome(doc)));
    }
}

TEST_CASE("international vs internal from citizenship and event countries", "[model][situation]") {
    Json person;
    setField(person, "person.citizenship", "NG");
    CHECK(isInternational(person, {eventIn("NG"), eventIn("FR")}) == true);
    CHECK(isInternational(person, {eventIn("FR")}) == true);
    CHECK(isInternational(person, {eventIn("NG"), eventIn("NG")}) == false);
    CHECK_FALSE(isInternational(person, {}).has_value());
    CHECK_FALSE(isInternational(person, {Json{{"type", "transit"}}}).has_value());  // events without a country
    const Json unknownCitizenship = Json::object();
    CHECK(isInternational(unknownCitizenship, {eventIn("TN"), eventIn("FR")}) == true);  // a border was crossed
    CHECK_FALSE(isInternational(unknownCitizenship, {eventIn("TN")}).has_value());
    CHECK_FALSE(isInternational(unknownCitizenship, {}).has_value());
    CHECK(isInternational(person, {eventIn("NG"), eventIn("XX")}) == false);  // an invalid code says nothing
}

TEST_CASE("case status lifecycle", "[model][status]") {
    const std::pair<const char*, const char*> allowed[] = {
        {"registered", "under_assistance"}, {"registered", "closed"},         {"registered", "closed_referred"},
        {"under_assistance", "follow_up"},  {"under_assistance", "closed"},   {"under_assistance", "closed_referred"},
        {"follow_up", "closed"},            {"follow_up", "closed_referred"}, {"follow_up", "under_assistance"},
        {"closed", "under_assistance"},     {"closed_referred", "under_assistance"},
        {"follow_up", "follow_up"},
    };
    for (const auto& [from, to] : allowed) {
        INFO(from << " -> " << to);
        CHECK_NOTHROW(checkStatusTransition(from, to));
    }
    const std::pair<const char*, const char*> refused[] = {
        {"registered", "follow_up"},   {"under_assistance", "registered"}, {"follow_up", "registered"},
        {"closed", "registered"},      {"closed", "follow_up"},            {"closed", "closed_referred"},
        {"closed_referred", "closed"}, {"closed_referred", "follow_up"},
    };
    for (const auto& [from, to] : refused) {
        INFO(from << " -> " << to);
        auto error = requireError([&] { checkStatusTransition(from, to); }, ErrorCode::InvalidTransition, "status");
        REQUIRE(error);
        CHECK(error->detail() == std::string(from) + "->" + to);
    }
    auto error = requireError([] { checkStatusTransition("registered", "open"); }, ErrorCode::InvalidCode, "status");
    REQUIRE(error);
    CHECK(error->detail() == "case_status");
    requireError([] { checkStatusTransition("pending", "closed"); }, ErrorCode::InvalidCode, "status");
}
