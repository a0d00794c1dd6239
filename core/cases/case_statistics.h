#pragma once
// Counting persons from the statistics facts (case_facts, case_fact_*), with SQL GROUP BY over narrow indexed
// tables: never by loading cases. Only live cases have facts (CaseStore removes a deleted case's facts), so every
// count here is a count of live cases. Disclosure control is not applied here: core/reports does it before
// anything is shown or leaves the vault.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace abri::cases {

// What a count can be broken down or filtered by. Multi-valued dimensions (marked *) can hold several values for
// one person, who then counts once in each.
enum class FactDimension {
    AgeBand,                // 0-8, 9-17, 18-20, 21-23, 24-26, 27-29, 30-38, 39-47, 48+, unknown (at registration)
    MinorStatus,            // minor, adult, unknown
    Gender,
    Citizenship,
    CountryOfExploitation,  // * countries of the exploitation events
    International,          // international, internal, unknown
    ExploitationType,       // *
    LabourSector,
    RecruitmentMethod,      // *
    RecruiterRelationship,
    ControlMeans,           // *
    ServiceType,            // * per current service; "none" for persons without one
    ServiceStatus,          // * with ServiceType: the status of the same service
    ReferralDirection,      // * per referral; "none" without one
    ReferralStatus,         // * with ReferralDirection: the status of the same referral
    CaseStatus,
    ClosureReason,          // "not_closed" for open cases
    ScreeningOutcome,
    Office,
    Caseworker,             // user id; "unassigned"
    RegistrationYear,       // 2026
    RegistrationQuarter,    // 2026-Q3
    RegistrationMonth,      // 2026-07
};

bool isMultiValued(FactDimension dimension);
// Age bands as the Counter Trafficking Data Collaborative publishes them, youngest first, then "unknown".
const std::vector<std::string>& ageBands();

struct FactFilter {
    FactDimension dimension = FactDimension::Gender;
    std::vector<std::string> codes;  // the person matches when any of their values is one of these
};

struct FactQuery {
    std::vector<FactDimension> groupBy;          // none (a total), one or two dimensions
    std::vector<FactFilter> filters;             // all must hold
    std::optional<std::string> registeredFrom;   // inclusive, YYYY-MM-DD
    std::optional<std::string> registeredTo;     // inclusive
    bool researchConsentOnly = false;
};

struct FactCount {
    std::vector<std::string> keys;  // one value per groupBy dimension
    std::int64_t persons = 0;
    bool operator==(const FactCount&) const = default;
};

// A person's facts for a record-level export (no identifier, no date finer than the registration date, which
// the exporter coarsens to the year).
struct PersonFacts {
    std::string registeredOn;
    std::optional<int> age;
    std::optional<bool> minor;
    std::string gender;             // "unknown" when not recorded
    std::string citizenship;        // "unknown" when not recorded
    std::optional<bool> international;
    std::string labourSector;       // empty when not recorded
    std::string recruiterRelationship;
    std::vector<std::string> exploitationTypes;
    std::vector<std::string> controlMeans;
    std::vector<std::string> recruitmentMethods;
    std::vector<std::string> countriesOfExploitation;
};

}  // namespace abri::cases
