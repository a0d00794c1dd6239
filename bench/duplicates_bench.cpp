#include "duplicates_bench.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "crypto/primitives.h"
#include "demo/synthetic_persons.h"
#include "duplicates/matcher.h"
#include "timing.h"

namespace abri::bench {

namespace {
constexpr double kTargetSeconds = 60.0;
}

int runDuplicatesBench(const DuplicatesBenchOptions& options) {
    std::printf("abri-bench duplicates: %zu synthetic cases, %u%% second registrations, seed %llu\n", options.cases,
                options.duplicatePercent, static_cast<unsigned long long>(options.seed));
    Stopwatch generating;
    const auto synthetic = demo::makeSyntheticPersons(options.cases, options.duplicatePercent, options.seed);
    std::printf("  generated in %.1f s: %zu true duplicate pairs\n", generating.seconds(), synthetic.duplicates.size());

    // Timed: what the hub does once it has read the merged documents (hashing the identity document numbers with
    // a key of its own, preparing the names, blocking, scoring, ordering).
    const auto key = crypto::randomBytes(duplicates::kDocumentKeyBytes);
    Stopwatch matching;
    duplicates::DocumentHasher hasher(key);
    std::vector<duplicates::PersonRecord> records;
    records.reserve(synthetic.documents.size());
    for (std::size_t i = 0; i < synthetic.documents.size(); ++i)
        records.push_back(duplicates::personFromCaseDocument(std::to_string(i), synthetic.documents[i], hasher));
    const double recordsSeconds = matching.seconds();
    const auto result = duplicates::findDuplicates(records);
    const double seconds = matching.seconds();

    const std::set<std::pair<std::size_t, std::size_t>> truth(synthetic.duplicates.begin(), synthetic.duplicates.end());
    std::size_t correct = 0;
    for (const auto& c : result.candidates)
        if (truth.count({std::min(c.a, c.b), std::max(c.a, c.b)}) > 0) ++correct;
    const double precision = result.candidates.empty() ? 1.0 : static_cast<double>(correct) / static_cast<double>(result.candidates.size());
    const double recall = truth.empty() ? 1.0 : static_cast<double>(correct) / static_cast<double>(truth.size());

    std::printf("  time to candidates: %.1f s (records %.1f s)  target <= %.0f s at 100,000 cases: %s\n", seconds,
                recordsSeconds, kTargetSeconds,
                options.cases < 100'000 ? "n/a (fewer cases)" : seconds <= kTargetSeconds ? "PASS" : "MISS");
    std::printf("  comparisons: %llu of %llu pairs (%.4f%%); blocks %llu, skipped as too large %llu, largest "
                "compared %llu\n",
                static_cast<unsigned long long>(result.comparisons), static_cast<unsigned long long>(result.allPairs),
                result.allPairs == 0 ? 0.0
                                     : 100.0 * static_cast<double>(result.comparisons) /
                                           static_cast<double>(result.allPairs),
                static_cast<unsigned long long>(result.blocking.blocks),
                static_cast<unsigned long long>(result.blocking.oversizedBlocks),
                static_cast<unsigned long long>(result.blocking.largestBlock));
    std::printf("  candidates: %zu (%zu true)\n", result.candidates.size(), correct);
    std::printf("  precision %.3f  recall %.3f\n", precision, recall);

    // Where the errors are, by the fields that agree (never a value): the commonest false candidates, and the misses
    // as the scorer sees them.
    const auto reasonsText = [](unsigned reasons) {
        std::string out;
        for (auto code : duplicates::reasonCodes(reasons)) out += (out.empty() ? "" : "+") + std::string(code);
        return out.empty() ? std::string("nothing") : out;
    };
    const auto printTop = [&](const char* what, const std::map<std::string, std::size_t>& counts) {
        std::vector<std::pair<std::size_t, std::string>> sorted;
        for (const auto& [text, count] : counts) sorted.emplace_back(count, text);
        std::sort(sorted.rbegin(), sorted.rend());
        for (std::size_t i = 0; i < sorted.size() && i < 5; ++i)
            std::printf("  %s %zu: %s\n", what, sorted[i].first, sorted[i].second.c_str());
    };
    std::map<std::string, std::size_t> falseByReasons;
    std::set<std::pair<std::size_t, std::size_t>> found;
    for (const auto& c : result.candidates) {
        const std::pair<std::size_t, std::size_t> pair{std::min(c.a, c.b), std::max(c.a, c.b)};
        if (truth.count(pair) > 0) found.insert(pair);
        else ++falseByReasons[reasonsText(c.reasons)];
    }
    printTop("false", falseByReasons);
    duplicates::NameNormaliser normaliser;
    std::vector<duplicates::PreparedPerson> prepared;
    prepared.reserve(records.size());
    for (const auto& record : records) prepared.push_back(duplicates::prepare(record, normaliser));
    duplicates::weighNames(prepared);
    std::map<std::string, std::size_t> missedByReasons;
    for (const auto& [a, b] : truth) {
        if (found.count({a, b}) > 0) continue;
        const auto c = duplicates::compare(prepared[a], prepared[b]);
        ++missedByReasons[reasonsText(c.reasons)];
    }
    printTop("missed", missedByReasons);
    return 0;
}

}  // namespace abri::bench
