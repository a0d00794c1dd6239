#pragma once
// Synthetic, obviously fake case data for demos, the CLI's `demo` command and the benchmark.
// Every name carries a "Test"/"Fake" marker and is built from syllables, so no generated record can be mistaken
// for (or collide with) a real person. Output is a pure function of (n, seed, office, today): the same seed always
// yields the same documents, on every platform (own PRNG, no std:: distributions).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/fields.h"

namespace abri::demo {

// `n` case documents (layout: model/fields.h) for `office`, registered over the three years up to `today`
// (YYYY-MM-DD). Varied statuses, exploitation types, citizenships, genders; about one in six is a minor.
// case_code is left out: the repository generates it. Each document passes model::validateDocument(Case, ...).
std::vector<nlohmann::json> makeSyntheticCases(std::size_t n, std::uint64_t seed, std::string_view office,
                                               std::string_view today);

struct SyntheticItem {
    model::Entity kind = model::Entity::Note;
    nlohmann::json doc;
};

// Child records for one generated case (events, an assistance consent, services, notes with fake text), to add
// with CaseRepository::addItem in the order given. Dates fall between the case's registration and `today`.
// Deterministic per (caseDoc, seed, today). Never produces outgoing referrals or transfers (those need a
// data-sharing consent and a partner).
std::vector<SyntheticItem> makeSyntheticItems(const nlohmann::json& caseDoc, std::uint64_t seed,
                                              std::string_view today);

// Days between 1970-01-01 and a YYYY-MM-DD date, and back. Exposed for tests and the benchmark.
std::int64_t daysFromDate(std::string_view date);
std::string dateFromDays(std::int64_t days);

}  // namespace abri::demo
