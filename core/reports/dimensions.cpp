#include "reports/dimensions.h"

#include <algorithm>
#include <array>

#include "common/error.h"
#include "model/case_rules.h"
#include "model/code_lists.h"

namespace abri::reports {

namespace {

using model::CodeList;

struct DimensionInfo {
    Dimension dimension;
    std::string_view code;
    std::optional<CodeList> codeList;  // its categories, when it has a code list
    std::string_view missing;          // the category of persons without a value ("" when none)
};

constexpr std::array kDimensions = {
    DimensionInfo{Dimension::AgeBand, "age_band", std::nullopt, "unknown"},
    DimensionInfo{Dimension::MinorStatus, "minor_status", std::nullopt, "unknown"},
    DimensionInfo{Dimension::Gender, "gender", CodeList::Gender, "unknown"},
    DimensionInfo{Dimension::Citizenship, "citizenship", CodeList::Country, "unknown"},
    DimensionInfo{Dimension::CountryOfExploitation, "country_of_exploitation", CodeList::Country, "unknown"},
    DimensionInfo{Dimension::International, "international", std::nullopt, "unknown"},
    DimensionInfo{Dimension::ExploitationType, "exploitation_type", CodeList::ExploitationType, "unknown"},
    DimensionInfo{Dimension::LabourSector, "labour_sector", CodeList::LabourSector, "unknown"},
    DimensionInfo{Dimension::RecruitmentMethod, "recruitment_method", CodeList::RecruitmentMethod, "unknown"},
    DimensionInfo{Dimension::RecruiterRelationship, "recruiter_relationship", CodeList::RecruiterRelationship, "unknown"},
    DimensionInfo{Dimension::ControlMeans, "control_means", CodeList::ControlMeans, "unknown"},
    DimensionInfo{Dimension::ServiceType, "service_type", CodeList::ServiceType, "none"},
    DimensionInfo{Dimension::ServiceStatus, "service_status", CodeList::ServiceStatus, "none"},
    DimensionInfo{Dimension::ReferralDirection, "referral_direction", CodeList::ReferralDirection, "none"},
    DimensionInfo{Dimension::ReferralStatus, "referral_status", CodeList::ReferralStatus, "none"},
    DimensionInfo{Dimension::CaseStatus, "case_status", CodeList::CaseStatus, ""},
    DimensionInfo{Dimension::ClosureReason, "closure_reason", CodeList::ClosureReason, "not_closed"},
    DimensionInfo{Dimension::ScreeningOutcome, "screening_outcome", CodeList::ScreeningOutcome, ""},
    DimensionInfo{Dimension::Office, "office", std::nullopt, ""},
    DimensionInfo{Dimension::Caseworker, "caseworker", std::nullopt, "unassigned"},
    DimensionInfo{Dimension::RegistrationYear, "registration_year", std::nullopt, ""},
    DimensionInfo{Dimension::RegistrationQuarter, "registration_quarter", std::nullopt, ""},
    DimensionInfo{Dimension::RegistrationMonth, "registration_month", std::nullopt, ""},
};

const DimensionInfo& infoOf(Dimension dimension) {
    for (const auto& info : kDimensions)
        if (info.dimension == dimension) return info;
    throw Error(ErrorCode::Internal, "dimension");
}

bool allDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isOpen(Dimension dimension) {
    switch (dimension) {
    case Dimension::Citizenship:
    case Dimension::CountryOfExploitation:  // 249 countries: the data says which occur
    case Dimension::Office:
    case Dimension::Caseworker:
    case Dimension::RegistrationYear:
    case Dimension::RegistrationQuarter:
    case Dimension::RegistrationMonth: return true;
    default: return false;
    }
}

}  // namespace

const std::vector<Dimension>& allDimensions() {
    static const std::vector<Dimension> all = [] {
        std::vector<Dimension> out;
        for (const auto& info : kDimensions) out.push_back(info.dimension);
        return out;
    }();
    return all;
}

std::string_view dimensionCode(Dimension dimension) { return infoOf(dimension).code; }

std::optional<Dimension> dimensionFromCode(std::string_view code) {
    for (const auto& info : kDimensions)
        if (info.code == code) return info.dimension;
    return std::nullopt;
}

bool isInternal(Dimension dimension) { return dimension == Dimension::Office || dimension == Dimension::Caseworker; }

std::vector<std::string> categoriesOf(Dimension dimension) {
    if (isOpen(dimension)) return {};
    switch (dimension) {
    case Dimension::AgeBand: return cases::ageBands();
    case Dimension::MinorStatus: return {"minor", "adult", "unknown"};
    case Dimension::International: return {"international", "internal", "unknown"};
    default: break;
    }
    const DimensionInfo& info = infoOf(dimension);
    std::vector<std::string> out;
    for (const auto code : model::codes(*info.codeList)) out.emplace_back(code);
    if (!info.missing.empty() && std::find(out.begin(), out.end(), info.missing) == out.end())
        out.emplace_back(info.missing);
    return out;
}

void checkCategory(Dimension dimension, std::string_view code, const std::string& subject) {
    const std::string list(dimensionCode(dimension));
    bool ok = false;
    switch (dimension) {
    case Dimension::Citizenship:
    case Dimension::CountryOfExploitation:
        ok = model::isValidCode(CodeList::Country, code) || code == "unknown";
        break;
    case Dimension::Office:
    case Dimension::Caseworker: ok = !code.empty() && code.size() <= 100; break;
    case Dimension::RegistrationYear: ok = code.size() == 4 && allDigits(code); break;
    case Dimension::RegistrationQuarter:
        ok = code.size() == 7 && allDigits(code.substr(0, 4)) && code.substr(4, 2) == "-Q" && code[6] >= '1' &&
             code[6] <= '4';
        break;
    case Dimension::RegistrationMonth:
        ok = code.size() == 7 && model::isValidDate(std::string(code) + "-01");
        break;
    default: {
        const auto categories = categoriesOf(dimension);
        ok = std::find(categories.begin(), categories.end(), code) != categories.end();
    }
    }
    if (!ok) throw Error(ErrorCode::InvalidCode, subject, list);
}

}  // namespace abri::reports
