#pragma once
// Blocking: only persons who share a key are compared, so the matcher never does all pairs. A person's keys are
//   - every unordered pair of its name tokens' phonetic keys (name order and spelling free);
//   - each name token with the citizenship, and each name token with the birth year (one name mistyped);
//   - the date of birth with the sex (names written too differently);
//   - each identity document hash.
// A key shared by more than maxBlockSize persons (a very common name in one country) tells too little to be worth
// its pairs: such a block is skipped and counted, and the person's other keys still meet its duplicates.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "duplicates/prepared_person.h"

namespace abri::duplicates {

struct BlockingStats {
    std::uint64_t blocks = 0;           // keys shared by two persons or more
    std::uint64_t oversizedBlocks = 0;  // of them, skipped for their size
    std::uint64_t largestBlock = 0;     // persons in the largest block compared
    std::uint64_t pairs = 0;            // distinct pairs to compare
};

// The person's blocking keys (64-bit hashes of the keys above), sorted and distinct.
std::vector<std::uint64_t> blockingKeys(const PreparedPerson& person);

// The distinct pairs (i < j, indexes into persons) that share a block of at most maxBlockSize persons, ascending.
std::vector<std::pair<std::uint32_t, std::uint32_t>> blockedPairs(const std::vector<PreparedPerson>& persons,
                                                                  std::size_t maxBlockSize, BlockingStats& stats);

}  // namespace abri::duplicates
