#pragma once
// Scoring one pair of persons: each field adds evidence for "same person" when it agrees and against it when it
// clearly disagrees (points, in the spirit of Fellegi-Sunter weights), and a missing field says nothing. The
// weights are set so that names alone, or a date of birth alone, never reach the threshold: a candidate needs a
// name and at least one more field, or a shared identity document. Names weighed over their population
// (prepared_person.h weighNames, which the matcher does) count for more when rare and less when common: a common
// given name with a common family name needs more agreeing fields than a rare one. tests/core/duplicates measures
// precision and recall on synthetic persons with known truth.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duplicates/prepared_person.h"

namespace abri::duplicates {

// Which fields agree (a bit set): what an operator is shown instead of the values.
enum Reason : unsigned {
    kReasonName = 1U << 0U,              // the given and family names (in any order, any spelling)
    kReasonAlias = 1U << 1U,             // a name matched an alias of the other case
    kReasonDateOfBirth = 1U << 2U,       // the same date of birth (or one typo away: day and month swapped)
    kReasonBirthYear = 1U << 3U,         // birth years within 2 (an estimated age on one side at least)
    kReasonSex = 1U << 4U,
    kReasonCitizenship = 1U << 5U,
    kReasonIdentityDocument = 1U << 6U,  // an identity document number in common (by keyed hash)
};
// Stable codes in bit order: "name", "alias", "date_of_birth", "birth_year", "sex", "citizenship",
// "identity_document".
std::vector<std::string_view> reasonCodes(unsigned reasons);

struct Comparison {
    double points = 0;
    unsigned reasons = 0;
};

// Symmetric: compare(a, b) and compare(b, a) give the same points and reasons.
Comparison compare(const PreparedPerson& a, const PreparedPerson& b);
// compare(a, b) when its points reach `threshold`, else nullopt. Faster: the names, the costly part, are compared
// only when the other fields leave them a chance.
std::optional<Comparison> compareAtLeast(const PreparedPerson& a, const PreparedPerson& b, double threshold);

// Points at or above which a pair is a candidate.
constexpr double kCandidateThreshold = 8.0;
// The score shown to operators, 0-1: a logistic of the points, 0.5 a little below the threshold.
double scoreOf(double points);

}  // namespace abri::duplicates
