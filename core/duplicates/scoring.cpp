#include "scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "duplicates/similarity.h"

namespace abri::duplicates {

namespace {

// Token agreement: the same Latin key, the same phonetic key (another spelling or script), one typing slip, or
// two in a long name. Anything else counts as different, however alike it looks to Jaro-Winkler: names that only
// share a beginning and an ending (Birasa-, Birabani-) are other names.
double tokenSimilarity(const NameToken& a, const NameToken& b) {
    if (a.latin == b.latin) return 1.0;
    if (!a.phonetic.empty() && a.phonetic == b.phonetic) return 0.96;
    const double jw = jaroWinkler(a.latin, b.latin);
    const std::size_t shorter = std::min(a.latin.size(), b.latin.size());
    const std::size_t edits = editDistance(a.latin, b.latin, 2);
    if (edits == 1 && shorter >= 4) return std::max(jw, 0.93);
    if (edits == 2 && shorter >= 8) return std::clamp(jw, 0.85, 0.91);
    return std::min(jw, 0.8);
}

constexpr double kStrongToken = 0.92;  // one typing slip
constexpr double kWeakToken = 0.85;    // two in a long name

// How rare a name is, in points. The matcher weighs names by the population they come from (weighNames): a name
// that n other persons would carry by chance (n = the population times the shares of its agreeing keys, taken as
// independent) is evidence worth less the larger n, kPointsPerBit for every doubling. So "Mohamed" with a family
// name that ten others in the region share earns less than a family name no one else has, and one name earns
// less among 100,000 cases than among 5,000, where it has fewer namesakes. Bounded both ways: a full name alone,
// however rare, stays below the threshold; persons never weighed (compare() on two records) get the plain points.
constexpr double kPointsPerBit = 0.5;
constexpr double kReferenceLog2Namesakes = -2.0;  // two names or more: no change at 1/4 of a namesake
constexpr double kReferenceLog2Bearers = 9.0;     // one name: no change at 512 bearers (a common given name)
constexpr double kMaxRareBonus = 0.45;            // a full name: 7.45 at most, with the sex still below the threshold
constexpr double kMaxRareBonusOne = 2.0;          // one name: 5 at most
constexpr double kMaxCommonPenalty = 2.0;
constexpr double kFullNamePoints = 7.0;  // two names or more agree, of reference rarity
constexpr double kOneNamePoints = 3.0;  // one name on one side agrees
constexpr double kTypoNamePoints = 4.5;  // one name agrees, the other is two slips away

double rarity(double log2Namesakes, double reference, double maxBonus) {
    return std::clamp(-kPointsPerBit * (log2Namesakes - reference), -kMaxCommonPenalty, maxBonus);
}

// Evidence from two token sets: the best one-to-one pairing (greedy on similarity, which is what a person
// does), then points by how many tokens agree and how rare they are. A shared family name with a different given
// name is a relative, not the same person, so one agreeing token among several earns little.
struct NameEvidence {
    double points = 0;
    bool agrees = false;  // the names agree (a reason), however common they are
};

NameEvidence namePoints(const std::vector<NameToken>& x, const std::vector<NameToken>& y, double log2Population) {
    struct Pair {
        double similarity;
        std::size_t i, j;
    };
    std::vector<Pair> pairs;
    pairs.reserve(x.size() * y.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t j = 0; j < y.size(); ++j) pairs.push_back({tokenSimilarity(x[i], y[j]), i, j});
    // Ties broken by position: the result does not depend on the sort's stability.
    std::sort(pairs.begin(), pairs.end(), [](const Pair& p, const Pair& q) {
        if (p.similarity != q.similarity) return p.similarity > q.similarity;
        return p.i != q.i ? p.i < q.i : p.j < q.j;
    });
    std::vector<char> usedX(x.size(), 0), usedY(y.size(), 0);
    int strong = 0, weak = 0;
    double log2Share = 0;  // of the agreeing names together: the commoner spelling of each pair
    for (const auto& p : pairs) {
        if (usedX[p.i] || usedY[p.j]) continue;
        usedX[p.i] = usedY[p.j] = 1;
        if (p.similarity >= kStrongToken) ++strong;
        else if (p.similarity >= kWeakToken) ++weak;
        else continue;
        log2Share += std::max(x[p.i].log2Share, y[p.j].log2Share);
    }
    const bool weighed = log2Population > 0;
    const std::size_t smaller = std::min(x.size(), y.size());
    if (strong >= 2 || (strong == 1 && weak >= 1)) {
        const double points = strong >= 2 ? kFullNamePoints : kTypoNamePoints;
        return {points + (weighed ? rarity(log2Population + log2Share, kReferenceLog2Namesakes, kMaxRareBonus) : 0.0),
                true};
    }
    if (strong == 1 && smaller == 1) {  // one name on one side: it agrees, as it does for all its other bearers
        return {kOneNamePoints +
                    (weighed ? rarity(log2Population + log2Share, kReferenceLog2Bearers, kMaxRareBonusOne) : 0.0),
                true};
    }
    if (strong == 1) return {0.0, false};  // one name shared, another different: a relative
    if (weak >= 1) return {-2.0, false};
    return {-5.0, false};
}

// 1975 and 1985, 04 and 14: one digit typed wrong (numbers as written, two digits at least).
bool oneDigitApart(int a, int b) {
    int differing = 0;
    for (int digits = 0; digits < 2 || a > 0 || b > 0; ++digits, a /= 10, b /= 10) differing += (a % 10) != (b % 10);
    return differing == 1;
}

double datePoints(const PreparedPerson& a, const PreparedPerson& b, unsigned& reasons) {
    if (a.dateOfBirth && b.dateOfBirth) {
        const auto& x = *a.dateOfBirth;
        const auto& y = *b.dateOfBirth;
        if (x == y) {
            reasons |= kReasonDateOfBirth;
            return 5.0;
        }
        // One slip: day and month swapped, or one of year, month and day mistyped (a digit, or a year off by one).
        const bool swapped = x.year == y.year && x.day == y.month && x.month == y.day;
        const int differing = (x.year != y.year) + (x.month != y.month) + (x.day != y.day);
        const bool slip = differing == 1 && (x.year != y.year   ? std::abs(x.year - y.year) == 1 || oneDigitApart(x.year, y.year)
                                             : x.month != y.month ? oneDigitApart(x.month, y.month)
                                                                  : oneDigitApart(x.day, y.day));
        if (swapped || slip) {
            reasons |= kReasonDateOfBirth;
            return 3.0;
        }
        if (std::abs(x.year - y.year) <= 1) return 0.5;
        return -5.0;
    }
    if (a.birthYear && b.birthYear) {  // an estimated age on one side at least: ±2 years
        const int apart = std::abs(*a.birthYear - *b.birthYear);
        if (apart <= 2) {
            reasons |= kReasonBirthYear;
            return 1.5;
        }
        return apart <= 4 ? 0.0 : -4.0;
    }
    return 0.0;
}

}  // namespace

std::vector<std::string_view> reasonCodes(unsigned reasons) {
    static constexpr std::string_view kCodes[] = {"name",        "alias",      "date_of_birth",    "birth_year",
                                                  "sex",         "citizenship", "identity_document"};
    std::vector<std::string_view> out;
    for (unsigned bit = 0; bit < std::size(kCodes); ++bit)
        if ((reasons & (1U << bit)) != 0) out.push_back(kCodes[bit]);
    return out;
}

namespace {

// Everything but the names.
Comparison compareOtherFields(const PreparedPerson& a, const PreparedPerson& b) {
    Comparison c;
    c.points += datePoints(a, b, c.reasons);
    if (!a.gender.empty() && !b.gender.empty()) {
        if (a.gender == b.gender) {
            c.points += 0.5;  // one bit: with the names alone it stays below the threshold
            c.reasons |= kReasonSex;
        } else {
            c.points -= 4.0;
        }
    }
    if (!a.citizenship.empty() && !b.citizenship.empty()) {
        if (a.citizenship == b.citizenship) {
            c.points += 1.5;
            c.reasons |= kReasonCitizenship;
        } else {
            c.points -= 1.0;  // recorded from a document at one office and from what was said at another
        }
    }
    // Sorted on both sides: one merge walk.
    for (std::size_t i = 0, j = 0; i < a.documents.size() && j < b.documents.size();) {
        if (a.documents[i] == b.documents[j]) {
            c.points += 9.0;
            c.reasons |= kReasonIdentityDocument;
            break;
        }
        if (a.documents[i] < b.documents[j]) ++i;
        else ++j;
    }
    return c;
}

// Names: the best agreement over every spelling each side has (own names and aliases).
void addNames(const PreparedPerson& a, const PreparedPerson& b, Comparison& c) {
    if (a.names.empty() || b.names.empty()) return;
    // Weighed together (the matcher weighs every person at once), else neither is.
    const double log2Population =
        a.log2Population > 0 && b.log2Population > 0 ? std::max(a.log2Population, b.log2Population) : 0.0;
    NameEvidence best{-1e9, false};
    bool viaAlias = false;
    for (std::size_t i = 0; i < a.names.size(); ++i) {
        for (std::size_t j = 0; j < b.names.size(); ++j) {
            const auto evidence = namePoints(a.names[i], b.names[j], log2Population);
            const bool alias = i >= a.aliasFrom || j >= b.aliasFrom;
            // Equal points: prefer the own names, so "alias" is only claimed when it made the difference.
            if (evidence.points > best.points || (evidence.points == best.points && viaAlias && !alias)) {
                best = evidence;
                viaAlias = alias;
            }
        }
    }
    c.points += best.points;
    if (best.agrees) c.reasons |= viaAlias ? (kReasonName | kReasonAlias) : kReasonName;
}

}  // namespace

Comparison compare(const PreparedPerson& a, const PreparedPerson& b) {
    Comparison c = compareOtherFields(a, b);
    addNames(a, b, c);
    return c;
}

std::optional<Comparison> compareAtLeast(const PreparedPerson& a, const PreparedPerson& b, double threshold) {
    Comparison c = compareOtherFields(a, b);
    const bool named = !a.names.empty() && !b.names.empty();
    if (c.points + (named ? kFullNamePoints + kMaxRareBonus : 0.0) < threshold) return std::nullopt;
    addNames(a, b, c);
    if (c.points < threshold) return std::nullopt;
    return c;
}

double scoreOf(double points) { return 1.0 / (1.0 + std::exp(-(points - 6.0) / 1.5)); }

}  // namespace abri::duplicates
