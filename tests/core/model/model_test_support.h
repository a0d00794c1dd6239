#pragma once
// Shared fixtures of the model tests: a valid synthetic case and an error matcher.
#include <catch2/catch.hpp>

#include <functional>
#include <optional>
#include <string>

#include "common/error.h"
#include "model/case_rules.h"

namespace abri::model::test {

inline constexpr std::string_view kToday = "2024-06-01";

// A complete, valid case document. All values are synthetic.
inline Json validCase() {
    return Json::parse(R"({
        "case_code": "ABR-TEST-0001", "office": "office_test", "caseworker": "user-test-1",
        "status": "under_assistance", "registered_on": "2024-03-10",
        "person": {
            "given_name": "Testname Alpha", "family_name": "Fakeperson Zulu", "aliases": ["Alias Testname"],
            "gender": "female", "date_of_birth": "1999-05-20", "citizenship": "NG", "languages": ["en", "fr"],
            "marital_status": "single", "children": 1, "education": "upper_secondary",
            "contacts": [{"type": "phone", "value": "+000 0000 0000"}],
            "identity_documents": [{"type": "passport", "number": "X0000000", "country": "NG"}]
        },
        "screening": {"acts": ["recruitment", "transport"], "means": ["deception"], "purposes": ["forced_labour"],
                      "complete": true, "screened_on": "2024-03-12"},
        "situation": {"recruitment_methods": ["job_offer"], "recruiter_relationship": "acquaintance",
                      "control_means": ["debt_bondage", "withheld_documents"],
                      "exploitation_types": ["forced_labour"], "labour_sector": "agriculture",
                      "started_on": "2023-01-01", "ended_on": "2024-02-28"}
    })");
}

inline Json caseWith(std::string_view path, const Json& value) {
    Json doc = validCase();
    setField(doc, path, value);
    return doc;
}

// Runs `action`, requires an abri::Error with `code` and `subject`; returns it for further checks.
inline std::optional<Error> requireError(const std::function<void()>& action, ErrorCode code,
                                         std::string_view subject) {
    try {
        action();
    } catch (const Error& error) {
        CHECK(errorCodeName(error.code()) == errorCodeName(code));
        CHECK(error.subject() == subject);
        return error;
    }
    FAIL("expected error " << errorCodeName(code) << " on '" << subject << "', nothing was thrown");
    return std::nullopt;
}

}  // namespace abri::model::test
