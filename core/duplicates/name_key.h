#pragma once
// Name keys that let spellings of one name meet: the same person is "Mohamed" at one office, "Muhammad" at another
// and "محمد" at a third. Each token of a name gets
//   - a Latin key: ICU "Any-Latin; Latin-ASCII; Lower", letters a-z only (محمد -> "mhmd", Müller -> "muller");
//   - a phonetic key (phoneticKey below) that drops what transliterations disagree on: vowels, doubled letters,
//     digraphs and the Arabic feminine ending, so "mohamed", "muhammad" and "mhmd" all become "mhmd".
// Tokens are compared as sets: name order does not matter.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace abri::duplicates {

struct NameToken {
    std::string latin;     // a-z only
    std::string phonetic;  // phoneticKey(latin); may be empty (a name of vowels only)
    // log2 of the share of a population whose names carry this token's key (prepared_person.h weighNames): about
    // -5 for the commonest given names, far lower for a rare family name. 0 until weighed.
    double log2Share = 0;
};

// Holds one ICU transliterator, which is not thread-safe: one NameNormaliser per thread. Remembers each distinct
// input, since a region's names repeat a lot and the transliteration is the costly step.
class NameNormaliser {
public:
    NameNormaliser();
    ~NameNormaliser();
    NameNormaliser(const NameNormaliser&) = delete;
    NameNormaliser& operator=(const NameNormaliser&) = delete;

    // The whole text in ASCII lower case: letters kept, spaces, hyphens and punctuation between words become one
    // space, anything else (apostrophes, ʿayn marks, digits) is dropped.
    std::string latinText(std::string_view utf8);
    // The distinct tokens of a name, in first-seen order.
    std::vector<NameToken> tokens(std::string_view utf8);

private:
    struct Icu;
    std::unique_ptr<Icu> icu_;
    std::unordered_map<std::string, std::string> cache_;
};

// The phonetic key of one Latin key token (a-z). Deterministic, no dictionary.
std::string phoneticKey(std::string_view latin);

}  // namespace abri::duplicates
