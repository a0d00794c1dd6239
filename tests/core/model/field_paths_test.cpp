#include <catch2/catch.hpp>

#include "model_test_support.h"

using namespace abri;
using namespace abri::model;
using model::test::requireError;
using model::test::validCase;

TEST_CASE("getField reads by dotted path and gives null for anything absent", "[model][paths]") {
    const Json doc = validCase();
    CHECK(getField(doc, "status") == "under_assistance");
    CHECK(getField(doc, "person.citizenship") == "NG");
    CHECK(getField(doc, "screening.acts") == Json::array({"recruitment", "transport"}));
    CHECK(getField(doc, "person").is_object());
    CHECK(getField(doc, "closed_on").is_null());
    CHECK(getField(doc, "person.nickname").is_null());
    CHECK(getField(doc, "status.code").is_null());  // through a non-object
    CHECK(getField(Json(), "status").is_null());
    CHECK(getField(Json::array(), "status").is_null());
    requireError([&] { getField(doc, ""); }, ErrorCode::UnknownField, "");
    requireError([&] { getField(doc, "person..gender"); }, ErrorCode::UnknownField, "person..gender");
    requireError([&] { getField(doc, "person."); }, ErrorCode::UnknownField, "person.");
}

TEST_CASE("setField writes by path and creates the groups it needs", "[model][paths]") {
    Json doc;
    setField(doc, "person.gender", "male");
    setField(doc, "status", "registered");
    CHECK(doc == Json::parse(R"({"person": {"gender": "male"}, "status": "registered"})"));
    setField(doc, "person.gender", "unknown");
    CHECK(getField(doc, "person.gender") == "unknown");
    setField(doc, "person.languages", Json::array({"ar"}));
    CHECK(doc["person"].size() == 2);

    Json scalarParent = {{"person", "not an object"}};
    requireError([&] { setField(scalarParent, "person.gender", "male"); }, ErrorCode::InvalidValue,
                 "person.gender");
    Json notObject = Json::array();
    requireError([&] { setField(notObject, "status", "registered"); }, ErrorCode::InvalidValue, "status");
}

TEST_CASE("setField with null removes the field and any group left empty", "[model][paths]") {
    Json doc = Json::parse(R"({"status": "registered", "person": {"gender": "male", "children": 2}})");
    setField(doc, "person.gender", nullptr);
    CHECK(doc == Json::parse(R"({"status": "registered", "person": {"children": 2}})"));
    setField(doc, "person.children", nullptr);
    CHECK(doc == Json::parse(R"({"status": "registered"})"));
    // Clearing what is not there changes nothing: replicas that set-then-cleared and replicas that never saw
    // the field end with the same document.
    setField(doc, "screening.means", nullptr);
    CHECK(doc == Json::parse(R"({"status": "registered"})"));
    setField(doc, "status", nullptr);
    CHECK(doc == Json::object());
}
