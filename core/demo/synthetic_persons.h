#pragma once
// Synthetic persons with known duplicates, for the duplicate matcher's tests and benchmark (core/duplicates).
// Obviously fake: family names are made of syllables and end in "fake" (Latin) or "فيك" (Arabic script); given
// names are common first names in their usual spellings (Mohamed, Muhammad, محمد), which identify nobody.
// A duplicate is the same person registered again at another office, later, by another caseworker: its name
// respelt or written in the other script, mistyped, given and family names swapped, or half missing; its date of
// birth mistyped, missing (an estimated age instead) or a year off; sex or citizenship missing; the passport
// number written with spaces, or not recorded.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace abri::demo {

struct SyntheticPersons {
    // Case documents with "case_code", "office", "registered_on" and "person" (fields.h).
    std::vector<nlohmann::json> documents;
    // The true duplicates: index pairs (first < second) into documents, ascending.
    std::vector<std::pair<std::size_t, std::size_t>> duplicates;
};

// `count` documents, of which about duplicatePercent % are second registrations of an earlier person. The same
// seed gives the same documents on every platform.
SyntheticPersons makeSyntheticPersons(std::size_t count, unsigned duplicatePercent, std::uint64_t seed);

}  // namespace abri::demo
