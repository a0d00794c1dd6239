#pragma once
// String similarity for name keys: Jaro-Winkler, which forgives the typos and transpositions of names typed in a
// hurry and weighs the first letters most, where spellings of one name usually agree.
#include <cstddef>
#include <string_view>

namespace abri::duplicates {

// 1.0 for equal strings, 0.0 when nothing matches (or either is empty). Byte-wise: use on ASCII keys.
double jaroWinkler(std::string_view a, std::string_view b);

// Edits (insert, delete, replace, swap two neighbours) from a to b, counted up to `limit` (returns limit + 1 when
// there are more): a typing slip is one edit. Jaro-Winkler alone rates names that merely share a beginning and an
// ending close, so the scorer asks for few edits too.
std::size_t editDistance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace abri::duplicates
