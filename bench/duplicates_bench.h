#pragma once
// `abri-bench duplicates`: the duplicate matcher (core/duplicates) over N synthetic persons with planted duplicates
// (demo/synthetic_persons.h): time from the merged documents to the candidates, comparisons made against all
// pairs, candidates, precision and recall against the known truth, and the commonest kinds of false candidate and
// missed pair by the fields that agree. Target: 100,000 cases in 60 s or less.
// Prints figures with PASS/MISS; never fails on a miss.
#include <cstddef>
#include <cstdint>

namespace abri::bench {

struct DuplicatesBenchOptions {
    std::size_t cases = 100'000;
    unsigned duplicatePercent = 10;  // share of the cases that are a second registration of an earlier person
    std::uint64_t seed = 1;
};

int runDuplicatesBench(const DuplicatesBenchOptions& options);

}  // namespace abri::bench
