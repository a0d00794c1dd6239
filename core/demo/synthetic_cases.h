#pragma once
// Synthetic, obviously fake case data for demos, the CLI's `demo` command and the benchmark.
// Every name carries a "Test"/"Fake" marker and is built from syllables, so no generated record can be mistaken
// for (or collide with) a real person. Output is a pure function of (n, seed, offices, today): the same seed always
// yields the same documents, on every platform (own PRNG, no std:: distributions).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/fields.h"

namespace abri::demo {

// `n` case documents (layout: model/fields.h) for `office`, registered over the four years up to `today`
// (YYYY-MM-DD) with growth over time and a summer peak. The caseload has a realistic shape for reports: ~70%
// women, ages mostly 18-29 with ~18% minors and some unknown ages, exploitation types that follow sex and age,
// several recruitment methods and means of control, screening mostly "presumed victim", older cases more often
// closed (with a closure reason). See synthetic_profiles.h for the tables.
// case_code is left out: the repository generates it. Each document passes model::validateDocument(Case, ...).
std::vector<nlohmann::json> makeSyntheticCases(std::size_t n, std::uint64_t seed, std::string_view office,
                                               std::string_view today);

// The same, spread over several `offices` (e.g. a hub's region): the first office is the largest, each further one
// smaller and opened later in the four years. Only a hub accepts cases of offices other than a device's own.
// Throws InvalidValue when `offices` is empty.
std::vector<nlohmann::json> makeSyntheticCases(std::size_t n, std::uint64_t seed,
                                               const std::vector<std::string>& offices, std::string_view today);

struct SyntheticItem {
    model::Entity kind = model::Entity::Note;
    nlohmann::json doc;
};

// Child records for one generated case, to add with CaseRepository::addItem (or as "items" of an import) in the
// order given: events (recruitment in the country of citizenship, sometimes transit, exploitation abroad in ~60% of
// cases, else at home), consents (assistance; data sharing where a referral needs it; research for ~70%),
// services of several types with statuses that follow the case's lifecycle, some referrals (an outgoing one always
// comes after a data-sharing consent), and notes with fake text. Dates fall between the case's registration and
// `today` (planned services may lie ahead). Deterministic per (caseDoc, seed, today). Never produces transfers.
std::vector<SyntheticItem> makeSyntheticItems(const nlohmann::json& caseDoc, std::uint64_t seed,
                                              std::string_view today);

// Days between 1970-01-01 and a YYYY-MM-DD date, and back. Exposed for tests and the benchmark.
std::int64_t daysFromDate(std::string_view date);
std::string dateFromDays(std::int64_t days);

}  // namespace abri::demo
