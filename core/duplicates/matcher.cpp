#include "matcher.h"

#include <algorithm>
#include <tuple>

#include "duplicates/scoring.h"

namespace abri::duplicates {

MatchResult findDuplicates(const std::vector<PersonRecord>& persons, const MatchOptions& options) {
    MatchResult result;
    const std::uint64_t n = persons.size();
    result.allPairs = n < 2 ? 0 : n * (n - 1) / 2;

    NameNormaliser normaliser;
    std::vector<PreparedPerson> prepared;
    prepared.reserve(persons.size());
    for (const auto& person : persons) prepared.push_back(prepare(person, normaliser));
    weighNames(prepared);

    for (const auto& [i, j] : blockedPairs(prepared, options.maxBlockSize, result.blocking)) {
        ++result.comparisons;
        const auto c = compareAtLeast(prepared[i], prepared[j], options.threshold);
        if (!c) continue;
        Candidate candidate{i, j, scoreOf(c->points), c->points, c->reasons};
        const auto& x = persons[i];
        const auto& y = persons[j];
        if (std::tie(y.caseCode, y.caseId) < std::tie(x.caseCode, x.caseId)) std::swap(candidate.a, candidate.b);
        result.candidates.push_back(candidate);
    }
    std::sort(result.candidates.begin(), result.candidates.end(), [&](const Candidate& p, const Candidate& q) {
        if (p.points != q.points) return p.points > q.points;
        const auto& pa = persons[p.a];
        const auto& pb = persons[p.b];
        const auto& qa = persons[q.a];
        const auto& qb = persons[q.b];
        return std::tie(pa.caseCode, pb.caseCode, pa.caseId, pb.caseId) <
               std::tie(qa.caseCode, qb.caseCode, qa.caseId, qb.caseId);
    });
    return result;
}

}  // namespace abri::duplicates
