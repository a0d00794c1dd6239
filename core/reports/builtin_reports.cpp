#include "reports/builtin_reports.h"

namespace abri::reports {

namespace {

ReportDefinition report(const char* id, const char* title, Dimension rows, std::optional<Dimension> columns = {}) {
    ReportDefinition d;
    d.id = id;
    d.title = title;
    d.rows = rows;
    d.columns = columns;
    return d;
}

}  // namespace

const std::vector<ReportDefinition>& builtinReports() {
    // The first four are the annex of a country office fact sheet: persons assisted by age, sex, international or
    // internal trafficking, and type of exploitation.
    static const std::vector<ReportDefinition> all = {
        report("persons_by_age_band", "Persons assisted by age", Dimension::AgeBand),
        report("persons_by_minor_status", "Persons assisted: minors and adults", Dimension::MinorStatus),
        report("persons_by_sex", "Persons assisted by sex", Dimension::Gender),
        report("persons_by_international", "Persons assisted: international and internal trafficking",
               Dimension::International),
        report("persons_by_exploitation_type", "Persons assisted by type of exploitation", Dimension::ExploitationType),
        report("services_by_type_and_status", "Assistance given: services by type and status", Dimension::ServiceType,
               Dimension::ServiceStatus),
        report("referrals_by_direction_and_status", "Referrals by direction and status", Dimension::ReferralDirection,
               Dimension::ReferralStatus),
        report("case_flow_by_month", "Case flow: cases registered per month by current status",
               Dimension::RegistrationMonth, Dimension::CaseStatus),
        report("exploitation_by_sex", "Type of exploitation by sex", Dimension::ExploitationType, Dimension::Gender),
        report("exploitation_by_age_band", "Type of exploitation by age", Dimension::ExploitationType,
               Dimension::AgeBand),
    };
    return all;
}

std::optional<ReportDefinition> findBuiltinReport(std::string_view id) {
    for (const auto& d : builtinReports())
        if (d.id == id) return d;
    return std::nullopt;
}

}  // namespace abri::reports
