#pragma once
// The duplicate matcher: persons in, scored candidate pairs out, with the reasons (which fields agree), in a fixed
// order. Blocking (blocking.h) picks the pairs, scoring (scoring.h) decides; neither ever looks at all pairs.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "duplicates/blocking.h"
#include "duplicates/person_record.h"
#include "duplicates/scoring.h"

namespace abri::duplicates {

struct MatchOptions {
    double threshold = kCandidateThreshold;  // points
    std::size_t maxBlockSize = 400;  // blocking.h
};

struct Candidate {
    std::size_t a = 0;   // indexes into the persons given; a's case code sorts first
    std::size_t b = 0;
    double score = 0;    // 0-1 (scoring.h scoreOf)
    double points = 0;
    unsigned reasons = 0;  // scoring.h Reason bits
};

struct MatchResult {
    std::vector<Candidate> candidates;  // by descending score, then case codes, then case ids
    BlockingStats blocking;
    std::uint64_t comparisons = 0;  // pairs scored
    std::uint64_t allPairs = 0;     // n(n-1)/2, for comparison
};

MatchResult findDuplicates(const std::vector<PersonRecord>& persons, const MatchOptions& options = {});

}  // namespace abri::duplicates
