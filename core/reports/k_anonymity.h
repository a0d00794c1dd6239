#pragma once
// k-anonymity of record-level exports over their quasi-identifiers (what someone may already know about a
// person): year of registration, gender, age band, citizenship, country of exploitation.
//
// Global recoding: every quasi-identifier has a ladder of coarser values (below); one level is chosen per
// quasi-identifier for the whole export. Of the 3*2*3*2*2 level combinations, the one kept is the least coarsened
// (the smallest cost of its steps up the ladders, weighted in k_anonymity.cpp so that gender and age are kept
// longest) that withholds at most 5 % of the records; when none does, the one withholding the fewest. Then every
// record whose combination still occurs fewer than k times is withheld.
//   year:        "2026" -> "2025-2026" (two-year periods starting on even years) -> "*"
//   gender:      "Female" -> "*"
//   age band:    "24--26" -> "18+" ("0--17" for minors, "Unknown" stays) -> "*"
//   citizenship: "NG" -> "*"
//   country of exploitation: "FR" -> "*"
#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace abri::reports {

inline constexpr std::size_t kQuasiIdentifiers = 5;
using QuasiRecord = std::array<std::string, kQuasiIdentifiers>;  // year, gender, age band, citizenship, country

struct AnonymisedRow {
    std::size_t source = 0;  // index of the input record
    QuasiRecord values;      // its quasi-identifiers as published
};

struct AnonymisedRecords {
    std::vector<AnonymisedRow> rows;          // in input order
    std::array<int, kQuasiIdentifiers> levels{};  // the ladder step chosen per quasi-identifier
    std::vector<std::string> generalised;     // names of the coarsened quasi-identifiers, e.g. "ageBroad"
    std::size_t withheld = 0;
};

// k below 5 is Error(ValueOutOfRange, "k").
AnonymisedRecords anonymise(const std::vector<QuasiRecord>& records, int k);

}  // namespace abri::reports
