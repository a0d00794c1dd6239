#include "reports/k_anonymity.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <unordered_map>

#include "common/error.h"

namespace abri::reports {

namespace {

constexpr std::array<int, kQuasiIdentifiers> kLadderHeights = {3, 2, 3, 2, 2};  // levels per quasi-identifier
constexpr std::array<const char*, kQuasiIdentifiers> kNames = {"yearOfRegistration", "gender", "ageBroad",
                                                               "citizenship", "CountryOfExploitation"};
constexpr double kAcceptableWithheldShare = 0.05;
// What a step up a ladder costs researchers: losing gender or the whole age band costs most; citizenship and the
// country of exploitation have many small categories and are the usual first to coarsen.
constexpr std::array<std::array<int, 3>, kQuasiIdentifiers> kLevelCost = {{
    {0, 1, 3},  // year
    {0, 3, 0},  // gender
    {0, 1, 3},  // age band
    {0, 2, 0},  // citizenship
    {0, 2, 0},  // country of exploitation
}};

std::string twoYearPeriod(const std::string& year) {
    if (year.size() != 4) return "*";
    int y = 0;
    for (char c : year) {
        if (c < '0' || c > '9') return "*";
        y = y * 10 + (c - '0');
    }
    const int start = y - (y % 2);
    return std::to_string(start) + "-" + std::to_string(start + 1);
}

std::string ageLevel1(const std::string& band) {
    if (band == "0--8" || band == "9--17") return "0--17";
    if (band == "Unknown" || band.empty()) return "Unknown";
    return "18+";
}

std::string generalise(std::size_t qi, const std::string& value, int level) {
    if (level == 0) return value;
    if (level >= kLadderHeights[qi] - 1) return "*";
    if (qi == 0) return twoYearPeriod(value);
    return ageLevel1(value);  // qi == 2: the only other ladder with a middle step
}

}  // namespace

AnonymisedRecords anonymise(const std::vector<QuasiRecord>& records, int k) {
    if (k < 5) throw Error(ErrorCode::ValueOutOfRange, "k", "at least 5");
    // Each record's value at each level as a small number, so a combination is one 64-bit key.
    std::array<std::vector<std::vector<std::uint32_t>>, kQuasiIdentifiers> ids;  // [qi][level][record]
    for (std::size_t qi = 0; qi < kQuasiIdentifiers; ++qi) {
        for (int level = 0; level < kLadderHeights[qi]; ++level) {
            std::unordered_map<std::string, std::uint32_t> seen;
            std::vector<std::uint32_t> column;
            column.reserve(records.size());
            for (const auto& r : records)
                column.push_back(seen.emplace(generalise(qi, r[qi], level), static_cast<std::uint32_t>(seen.size()))
                                     .first->second);
            ids[qi].push_back(std::move(column));
        }
    }
    // Exact keys (a collision could merge two classes): each quasi-identifier gets the bits its level-0 values need.
    std::array<unsigned, kQuasiIdentifiers> bits{};
    unsigned totalBits = 0;
    for (std::size_t qi = 0; qi < kQuasiIdentifiers; ++qi) {
        std::uint32_t distinct = 1;
        for (const auto id : ids[qi][0]) distinct = std::max(distinct, id + 1);
        while ((std::uint64_t{1} << bits[qi]) < distinct) ++bits[qi];
        totalBits += bits[qi];
    }
    if (totalBits > 64) throw Error(ErrorCode::InvalidValue, "quasi_identifiers", "too many distinct values");
    auto keyOf = [&](std::size_t record, const std::array<int, kQuasiIdentifiers>& levels) {
        std::uint64_t key = 0;
        for (std::size_t qi = 0; qi < kQuasiIdentifiers; ++qi)
            key = (bits[qi] == 0 ? key : key << bits[qi]) | ids[qi][static_cast<std::size_t>(levels[qi])][record];
        return key;
    };
    auto classSizes = [&](const std::array<int, kQuasiIdentifiers>& levels) {
        std::unordered_map<std::uint64_t, std::size_t> sizes;
        sizes.reserve(records.size());
        for (std::size_t i = 0; i < records.size(); ++i) ++sizes[keyOf(i, levels)];
        return sizes;
    };

    std::array<int, kQuasiIdentifiers> best{};
    std::size_t bestWithheld = std::numeric_limits<std::size_t>::max();
    int bestHeight = std::numeric_limits<int>::max();
    bool bestAcceptable = false;
    std::array<int, kQuasiIdentifiers> levels{};
    // Every combination of levels (72): small enough to try them all.
    for (levels[0] = 0; levels[0] < kLadderHeights[0]; ++levels[0])
        for (levels[1] = 0; levels[1] < kLadderHeights[1]; ++levels[1])
            for (levels[2] = 0; levels[2] < kLadderHeights[2]; ++levels[2])
                for (levels[3] = 0; levels[3] < kLadderHeights[3]; ++levels[3])
                    for (levels[4] = 0; levels[4] < kLadderHeights[4]; ++levels[4]) {
                        int height = 0;
                        for (std::size_t qi = 0; qi < kQuasiIdentifiers; ++qi)
                            height += kLevelCost[qi][static_cast<std::size_t>(levels[qi])];
                        if (bestAcceptable && height > bestHeight) continue;
                        std::size_t withheld = 0;
                        for (const auto& [key, size] : classSizes(levels))
                            if (size < static_cast<std::size_t>(k)) withheld += size;
                        const bool acceptable =
                            static_cast<double>(withheld) <= kAcceptableWithheldShare * static_cast<double>(records.size());
                        const bool better =
                            acceptable ? (!bestAcceptable || height < bestHeight ||
                                          (height == bestHeight && withheld < bestWithheld))
                                       : (!bestAcceptable && (withheld < bestWithheld ||
                                                              (withheld == bestWithheld && height < bestHeight)));
                        if (better) {
                            best = levels;
                            bestWithheld = withheld;
                            bestHeight = height;
                            bestAcceptable = acceptable;
                        }
                    }

    AnonymisedRecords out;
    out.levels = best;
    for (std::size_t qi = 0; qi < kQuasiIdentifiers; ++qi)
        if (best[qi] > 0) out.generalised.emplace_back(kNames[qi]);
    const auto sizes = classSizes(best);
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (sizes.at(keyOf(i, best)) < static_cast<std::size_t>(k)) {
            ++out.withheld;
            continue;
        }
        AnonymisedRow row{i, {}};
        for (std::size_t qi = 0; qi < kQuasiIdentifiers; ++qi)
            row.values[qi] = generalise(qi, records[i][qi], best[qi]);
        out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace abri::reports
