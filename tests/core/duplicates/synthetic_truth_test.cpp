// The matcher against synthetic persons with known truth (demo/synthetic_persons.h: respellings, the other script,
// typos, swapped names, half-missing names, mistyped or estimated dates of birth, missing fields). Precision and
// recall are printed; the target is recall >= 0.95 at precision >= 0.9.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

#include "demo/synthetic_persons.h"
#include "duplicates/matcher.h"

using namespace abri;
using namespace abri::duplicates;

namespace {

std::vector<PersonRecord> recordsOf(const demo::SyntheticPersons& synthetic) {
    const std::vector<std::uint8_t> key(kDocumentKeyBytes, 0x5A);
    DocumentHasher hasher(key);
    std::vector<PersonRecord> records;
    for (std::size_t i = 0; i < synthetic.documents.size(); ++i)
        records.push_back(personFromCaseDocument("case-" + std::to_string(i), synthetic.documents[i], hasher));
    return records;
}

struct Quality {
    double precision = 0;
    double recall = 0;
};

Quality measure(const demo::SyntheticPersons& synthetic, const MatchResult& result, double threshold) {
    const std::set<std::pair<std::size_t, std::size_t>> truth(synthetic.duplicates.begin(), synthetic.duplicates.end());
    std::size_t found = 0, correct = 0;
    for (const auto& c : result.candidates) {
        if (c.points < threshold) continue;
        ++found;
        if (truth.count({std::min(c.a, c.b), std::max(c.a, c.b)}) > 0) ++correct;
    }
    Quality q;
    q.precision = found == 0 ? 1.0 : static_cast<double>(correct) / static_cast<double>(found);
    q.recall = truth.empty() ? 1.0 : static_cast<double>(correct) / static_cast<double>(truth.size());
    return q;
}

}  // namespace

TEST_CASE("the matcher finds planted duplicates with recall >= 0.95 at precision >= 0.9", "[duplicates]") {
    const auto synthetic = demo::makeSyntheticPersons(5000, 12, 20261206);
    REQUIRE(synthetic.duplicates.size() > 400);
    const auto records = recordsOf(synthetic);
    MatchOptions options;
    options.threshold = 4.0;  // keep lower-scoring pairs too, to print the curve
    const auto result = findDuplicates(records, options);

    std::printf("duplicates: %zu persons, %zu true pairs, %llu comparisons of %llu pairs (%.2f%%)\n",
                records.size(), synthetic.duplicates.size(), static_cast<unsigned long long>(result.comparisons),
                static_cast<unsigned long long>(result.allPairs),
                100.0 * static_cast<double>(result.comparisons) / static_cast<double>(result.allPairs));
    for (double threshold : {5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}) {
        const auto q = measure(synthetic, result, threshold);
        std::printf("  threshold %4.1f: precision %.3f recall %.3f%s\n", threshold, q.precision, q.recall,
                    threshold == kCandidateThreshold ? "  <- the default" : "");
    }
    const auto atDefault = measure(synthetic, result, kCandidateThreshold);
    // Measured 0.958 / 0.997 with names weighed by rarity (0.952 / 0.997 before); the target is 0.95 / 0.9.
    CHECK(atDefault.recall >= 0.955);
    CHECK(atDefault.precision >= 0.99);
    CHECK(result.comparisons < result.allPairs / 20);
}

TEST_CASE("the matcher's output is the same on every run, in a fixed order", "[duplicates]") {
    const auto synthetic = demo::makeSyntheticPersons(1500, 15, 7);
    const auto records = recordsOf(synthetic);
    const auto first = findDuplicates(records);
    const auto second = findDuplicates(records);
    REQUIRE(first.candidates.size() == second.candidates.size());
    REQUIRE_FALSE(first.candidates.empty());
    for (std::size_t i = 0; i < first.candidates.size(); ++i) {
        CHECK(first.candidates[i].a == second.candidates[i].a);
        CHECK(first.candidates[i].b == second.candidates[i].b);
        CHECK(first.candidates[i].points == second.candidates[i].points);
        CHECK(first.candidates[i].reasons == second.candidates[i].reasons);
        // Within a pair the lesser case code comes first; pairs by descending score.
        CHECK(records[first.candidates[i].a].caseCode < records[first.candidates[i].b].caseCode);
        if (i > 0) CHECK(first.candidates[i - 1].points >= first.candidates[i].points);
    }
}
