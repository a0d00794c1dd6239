#include "reports/anonymised_export.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <span>

#include "audit/audit_log.h"
#include "cases/case_store.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "reports/k_anonymity.h"
#include "reports/report_engine.h"
#include "vault/vault.h"

namespace abri::reports {

namespace {

using cases::PersonFacts;

// A flag column set from our codes: the column is 1 when the person holds any of `codes`.
struct FlagColumn {
    const char* name;
    std::vector<std::string_view> codes;
};

// Means of control, CTDC names <- Abri codes (core/model/code_lists.cpp).
const std::vector<FlagColumn>& controlColumns() {
    static const std::vector<FlagColumn> columns = {
        {"meansOfControlDebtBondage", {"debt_bondage"}},
        {"meansOfControlTakesEarnings", {"withheld_earnings"}},
        {"meansOfControlThreats", {"threats", "threats_to_family"}},
        {"meansOfControlPsychologicalAbuse", {"psychological_abuse", "isolation"}},
        {"meansOfControlPhysicalAbuse", {"physical_abuse"}},
        {"meansOfControlSexualAbuse", {"sexual_abuse"}},
        {"meansOfControlFalsePromises", {"false_promises"}},
        {"meansOfControlPsychoactiveSubstances", {"substances"}},
        {"meansOfControlRestrictsMovement", {"restricted_movement"}},
        {"meansOfControlExcessiveWorkingHours", {"excessive_hours"}},
        {"meansOfControlWithholdsNecessities", {"withheld_necessities"}},
        {"meansOfControlWithholdsDocuments", {"withheld_documents"}},
        {"meansOfControlOther", {"other"}},
    };
    return columns;
}

const std::vector<FlagColumn>& exploitationColumns() {
    static const std::vector<FlagColumn> columns = {
        {"isForcedLabour", {"forced_labour", "domestic_servitude"}},
        {"isSexualExploit", {"sexual_exploitation"}},
        {"isForcedMarriage", {"forced_marriage"}},
        {"isForcedMilitary", {"military_exploitation"}},
        {"isOrganRemoval", {"organ_removal"}},
        {"isSlaveryAndPractices", {"slavery_servitude"}},
        {"isOtherExploit", {"forced_criminality", "forced_begging", "other"}},
    };
    return columns;
}

const std::vector<FlagColumn>& labourColumns() {
    static const std::vector<FlagColumn> columns = {
        {"typeOfLabourAgriculture", {"agriculture"}},
        {"typeOfLabourAquafarming", {"fishing"}},
        {"typeOfLabourConstruction", {"construction"}},
        {"typeOfLabourDomesticWork", {"domestic_work", "care_work", "cleaning"}},
        {"typeOfLabourHospitality", {"hospitality", "entertainment"}},
        {"typeOfLabourManufacturing", {"manufacturing", "food_processing"}},
        {"typeOfLabourMiningOrDrilling", {"mining"}},
        {"typeOfLabourTransportation", {"transport_logistics"}},
        {"typeOfLabourOther", {"retail", "other"}},
    };
    return columns;
}

const std::vector<FlagColumn>& recruiterColumns() {
    static const std::vector<FlagColumn> columns = {
        {"recruiterRelationIntimatePartner", {"intimate_partner"}},
        {"recruiterRelationFriend", {"friend"}},
        {"recruiterRelationFamily", {"family_member"}},
        {"recruiterRelationOther", {"acquaintance", "neighbour", "employer", "recruitment_agency", "stranger", "other"}},
        {"recruiterRelationUnknown", {"unknown", ""}},
    };
    return columns;
}

bool holdsAny(const std::vector<std::string>& values, const std::vector<std::string_view>& codes) {
    return std::any_of(values.begin(), values.end(), [&](const std::string& v) {
        return std::find(codes.begin(), codes.end(), v) != codes.end();
    });
}

std::string ctdcGender(const std::string& gender) {
    if (gender == "female") return "Female";
    if (gender == "male") return "Male";
    if (gender == "transgender_nonconforming") return "Transgender/NonConforming";
    return "Unknown";
}

// CTDC writes age bands with a double dash: "9--17".
std::string ctdcAgeBand(const std::optional<int>& age) {
    if (!age) return "Unknown";
    static const std::array<std::pair<int, const char*>, 8> bands = {{
        {8, "0--8"}, {17, "9--17"}, {20, "18--20"}, {23, "21--23"}, {26, "24--26"}, {29, "27--29"}, {38, "30--38"},
        {47, "39--47"},
    }};
    for (const auto& [upTo, label] : bands)
        if (*age <= upTo) return label;
    return "48+";
}

std::string majorityOfBand(const std::string& band) {
    if (band == "0--8" || band == "9--17" || band == "0--17") return "Minor";
    if (band == "Unknown" || band == "*" || band.empty()) return "Unknown";
    return "Adult";
}

void appendFlags(std::string& line, const std::vector<FlagColumn>& columns, const std::vector<std::string>& values) {
    for (const auto& c : columns) line += holdsAny(values, c.codes) ? ",1" : ",0";
}

}  // namespace

const std::vector<std::string>& anonymisedColumns() {
    static const std::vector<std::string> columns = [] {
        std::vector<std::string> out = {"yearOfRegistration", "gender", "ageBroad", "majorityStatus", "citizenship",
                                        "CountryOfExploitation"};
        for (const auto* set : {&exploitationColumns(), &controlColumns(), &labourColumns(), &recruiterColumns()})
            for (const auto& c : *set) out.emplace_back(c.name);
        return out;
    }();
    return columns;
}

ExportSummary exportAnonymised(vault::Vault& vault, const std::filesystem::path& csvPath, const ExportOptions& options) {
    vault.require(vault::Permission::ExportResearchData);
    if (options.k < kMinimumCellSizeFloor) throw Error(ErrorCode::ValueOutOfRange, "k", "at least 5");
    ReportDefinition period;
    period.from = options.from;
    period.to = options.to;
    validate(period);

    cases::CaseStore store(vault.db());
    store.refreshFactsIfStale();
    cases::FactQuery query;
    query.registeredFrom = options.from;
    query.registeredTo = options.to;
    query.researchConsentOnly = true;
    std::vector<PersonFacts> persons;
    store.forEachPerson(query, [&](const PersonFacts& p) { persons.push_back(p); });

    // Quasi-identifiers: what an outsider may know about a person. Everything else is a flag of what happened.
    std::vector<QuasiRecord> records;
    records.reserve(persons.size());
    for (const auto& p : persons) {
        const std::string country = p.countriesOfExploitation.empty() ? "Unknown" : p.countriesOfExploitation.front();
        records.push_back({p.registeredOn.substr(0, 4), ctdcGender(p.gender), ctdcAgeBand(p.age),
                           p.citizenship == "unknown" ? "Unknown" : p.citizenship, country});
    }
    const AnonymisedRecords anonymised = anonymise(records, options.k);

    std::vector<std::string> lines;
    lines.reserve(anonymised.rows.size());
    for (const auto& row : anonymised.rows) {
        const PersonFacts& p = persons[row.source];
        // The majority status follows the published (maybe coarsened) age band, so it cannot split a class.
        std::string line = row.values[0] + "," + row.values[1] + "," + row.values[2] + "," +
                           majorityOfBand(row.values[2]) + "," + row.values[3] + "," + row.values[4];
        appendFlags(line, exploitationColumns(), p.exploitationTypes);
        appendFlags(line, controlColumns(), p.controlMeans);
        appendFlags(line, labourColumns(), {p.labourSector});
        appendFlags(line, recruiterColumns(), {p.recruiterRelationship});
        lines.push_back(std::move(line));
    }
    // Rows in vault order would follow registration order, finer than the year: sorted, they follow nothing.
    std::sort(lines.begin(), lines.end());
    std::string csv;
    for (const auto& name : anonymisedColumns()) csv += (csv.empty() ? "" : ",") + name;
    csv += "\r\n";
    for (const auto& line : lines) csv += line + "\r\n";
    writeFileAtomically(csvPath, std::span(reinterpret_cast<const std::uint8_t*>(csv.data()), csv.size()));

    ExportSummary summary;
    summary.consenting = static_cast<std::int64_t>(persons.size());
    summary.exported = static_cast<std::int64_t>(anonymised.rows.size());
    summary.withheld = summary.consenting - summary.exported;
    summary.generalised = anonymised.generalised;
    vault.audit().append(vault.nowMs(), vault.currentUser().id, audit::Action::Exported, "", "anonymised",
                         std::to_string(summary.exported) + " records, " + std::to_string(summary.withheld) +
                             " withheld, k=" + std::to_string(options.k));
    return summary;
}

}  // namespace abri::reports
