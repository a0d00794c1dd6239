// CaseStore's statistics: writing the facts of a case and counting persons from them.
#include "cases/case_statistics.h"

#include <algorithm>
#include <map>

#include "cases/case_facts.h"
#include "cases/case_store.h"
#include "cases/code_list_column.h"
#include "common/error.h"
#include "storage/database.h"

namespace abri::cases {

namespace {

// How a dimension reads from the facts: a scalar SQL expression over case_facts (alias f), or a value of a
// joined multi-valued table.
enum class Source { Scalar, Codes, Services, Referrals };

struct DimensionSql {
    Source source;
    const char* expression;  // Scalar: over f; Codes: the facet; Services/Referrals: the column
    const char* missing;     // the category of persons without a value
};

DimensionSql sqlOf(FactDimension d) {
    switch (d) {
    case FactDimension::AgeBand:
        return {Source::Scalar,
                "CASE WHEN f.age IS NULL THEN 'unknown' WHEN f.age <= 8 THEN '0-8' WHEN f.age <= 17 THEN '9-17' "
                "WHEN f.age <= 20 THEN '18-20' WHEN f.age <= 23 THEN '21-23' WHEN f.age <= 26 THEN '24-26' "
                "WHEN f.age <= 29 THEN '27-29' WHEN f.age <= 38 THEN '30-38' WHEN f.age <= 47 THEN '39-47' "
                "ELSE '48+' END",
                "unknown"};
    case FactDimension::MinorStatus:
        return {Source::Scalar, "CASE f.minor WHEN 1 THEN 'minor' WHEN 0 THEN 'adult' ELSE 'unknown' END", "unknown"};
    case FactDimension::Gender: return {Source::Scalar, "COALESCE(f.gender, 'unknown')", "unknown"};
    case FactDimension::Citizenship: return {Source::Scalar, "COALESCE(f.citizenship, 'unknown')", "unknown"};
    case FactDimension::CountryOfExploitation: return {Source::Codes, "country_of_exploitation", "unknown"};
    case FactDimension::International:
        return {Source::Scalar, "CASE f.international WHEN 1 THEN 'international' WHEN 0 THEN 'internal' ELSE 'unknown' END",
                "unknown"};
    case FactDimension::ExploitationType: return {Source::Codes, "exploitation_type", "unknown"};
    case FactDimension::LabourSector: return {Source::Scalar, "COALESCE(f.labour_sector, 'unknown')", "unknown"};
    case FactDimension::RecruitmentMethod: return {Source::Codes, "recruitment_method", "unknown"};
    case FactDimension::RecruiterRelationship:
        return {Source::Scalar, "COALESCE(f.recruiter_relationship, 'unknown')", "unknown"};
    case FactDimension::ControlMeans: return {Source::Codes, "control_means", "unknown"};
    case FactDimension::ServiceType: return {Source::Services, "type", "none"};
    case FactDimension::ServiceStatus: return {Source::Services, "status", "none"};
    case FactDimension::ReferralDirection: return {Source::Referrals, "direction", "none"};
    case FactDimension::ReferralStatus: return {Source::Referrals, "status", "none"};
    case FactDimension::CaseStatus: return {Source::Scalar, "f.status", ""};
    case FactDimension::ClosureReason: return {Source::Scalar, "COALESCE(f.closure_reason, 'not_closed')", "not_closed"};
    case FactDimension::ScreeningOutcome: return {Source::Scalar, "f.screening_outcome", ""};
    case FactDimension::Office: return {Source::Scalar, "f.office", ""};
    case FactDimension::Caseworker: return {Source::Scalar, "COALESCE(f.caseworker, 'unassigned')", "unassigned"};
    case FactDimension::RegistrationYear: return {Source::Scalar, "substr(f.registered_on, 1, 4)", ""};
    case FactDimension::RegistrationQuarter:
        return {Source::Scalar,
                "substr(f.registered_on, 1, 4) || '-Q' || ((CAST(substr(f.registered_on, 6, 2) AS INTEGER) + 2) / 3)",
                ""};
    case FactDimension::RegistrationMonth: return {Source::Scalar, "substr(f.registered_on, 1, 7)", ""};
    }
    throw Error(ErrorCode::InvalidValue, "dimension");
}

// The FROM/WHERE of a query: joins for grouped multi-valued dimensions (one per facet or table, shared by the
// dimensions that read the same record), and filters as IN lists with bound parameters.
struct QuerySql {
    std::string from = " FROM case_facts f";
    std::string where = " WHERE 1";
    std::vector<std::string> params;
    std::map<std::string, std::string> joins;  // facet or table -> alias
    bool joined = false;

    std::string aliasFor(const DimensionSql& d) {
        const std::string key = d.source == Source::Codes ? std::string("codes:") + d.expression
                                : d.source == Source::Services ? "services" : "referrals";
        auto it = joins.find(key);
        if (it != joins.end()) return it->second;
        const std::string alias = "j" + std::to_string(joins.size());
        joins.emplace(key, alias);
        joined = true;
        if (d.source == Source::Codes) {
            from += " LEFT JOIN case_fact_codes " + alias + " ON " + alias + ".case_rowid = f.case_rowid AND " + alias +
                    ".facet = ?";
            params.insert(params.begin() + static_cast<std::ptrdiff_t>(joinParams++), d.expression);
        } else {
            from += std::string(" LEFT JOIN ") + (d.source == Source::Services ? "case_fact_services " : "case_fact_referrals ") +
                    alias + " ON " + alias + ".case_rowid = f.case_rowid";
        }
        return alias;
    }

    std::string valueOf(FactDimension dimension) {
        const DimensionSql d = sqlOf(dimension);
        if (d.source == Source::Scalar) return d.expression;
        const std::string alias = aliasFor(d);
        const std::string column = d.source == Source::Codes ? "code" : d.expression;
        return "COALESCE(" + alias + "." + column + ", '" + d.missing + "')";
    }

    void addFilter(const FactFilter& filter) {
        if (filter.codes.empty()) throw Error(ErrorCode::InvalidValue, "filter", "no value to match");
        std::string list = "(";
        for (std::size_t i = 0; i < filter.codes.size(); ++i) list += i == 0 ? "?" : ", ?";
        list += ")";
        const DimensionSql d = sqlOf(filter.dimension);
        // Joined values are matched by presence: "none"/"unknown" (no value recorded) cannot be asked for there.
        if (d.source != Source::Scalar && std::find(filter.codes.begin(), filter.codes.end(), d.missing) != filter.codes.end())
            throw Error(ErrorCode::InvalidCode, "filter", d.missing);
        switch (d.source) {
        case Source::Scalar: where += std::string(" AND ") + d.expression + " IN " + list; break;
        case Source::Codes:
            where += " AND f.case_rowid IN (SELECT case_rowid FROM case_fact_codes WHERE facet = ? AND code IN " + list + ")";
            params.emplace_back(d.expression);
            break;
        case Source::Services:
        case Source::Referrals:
            where += std::string(" AND f.case_rowid IN (SELECT case_rowid FROM ") +
                     (d.source == Source::Services ? "case_fact_services" : "case_fact_referrals") + " WHERE " +
                     d.expression + " IN " + list + ")";
            break;
        }
        params.insert(params.end(), filter.codes.begin(), filter.codes.end());
    }

    void addCommon(const FactQuery& query) {
        if (query.registeredFrom) {
            where += " AND f.registered_on >= ?";
            params.push_back(*query.registeredFrom);
        }
        if (query.registeredTo) {
            where += " AND f.registered_on <= ?";
            params.push_back(*query.registeredTo);
        }
        if (query.researchConsentOnly) where += " AND f.research_consent = 1";
        for (const auto& filter : query.filters) addFilter(filter);
    }

    std::size_t joinParams = 0;  // join parameters come first: they precede the WHERE in the SQL text
};

void bindAll(storage::Statement& stmt, const std::vector<std::string>& params) {
    int index = 1;
    for (const auto& p : params) stmt.bind(index++, p);
}

void writeCodeList(storage::Database& db, std::int64_t rowid, const char* table,
                   const std::vector<std::pair<std::string, std::string>>& rows) {
    const std::string sql = std::string("INSERT INTO ") + table + " VALUES (?, ?, ?)";
    for (const auto& [a, b] : rows) db.cached(sql).bind(1, rowid).bind(2, a).bind(3, b).run();
}

}  // namespace

bool isMultiValued(FactDimension dimension) { return sqlOf(dimension).source != Source::Scalar; }

const std::vector<std::string>& ageBands() {
    static const std::vector<std::string> bands = {"0-8",   "9-17",  "18-20", "21-23", "24-26",
                                                   "27-29", "30-38", "39-47", "48+",   "unknown"};
    return bands;
}

void CaseStore::writeFacts(std::int64_t rowid, const CaseFacts& f) {
    auto& s = db_.cached(
        "INSERT OR REPLACE INTO case_facts (case_rowid, registered_on, age, minor, gender, citizenship, international, "
        "labour_sector, recruiter_relationship, status, closure_reason, screening_outcome, office, caseworker, "
        "research_consent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, rowid).bind(2, f.registeredOn);
    if (f.age) s.bind(3, *f.age); else s.bindNull(3);
    if (f.minor) s.bind(4, *f.minor ? 1 : 0); else s.bindNull(4);
    s.bind(5, f.gender).bind(6, f.citizenship);
    if (f.international) s.bind(7, *f.international ? 1 : 0); else s.bindNull(7);
    s.bind(8, f.labourSector)
        .bind(9, f.recruiterRelationship)
        .bind(10, f.status)
        .bind(11, f.closureReason)
        .bind(12, f.screeningOutcome)
        .bind(13, f.office)
        .bind(14, f.caseworker)
        .bind(15, f.researchConsent ? 1 : 0)
        .run();
    for (const char* table : {"case_fact_codes", "case_fact_services", "case_fact_referrals"})
        db_.cached(std::string("DELETE FROM ") + table + " WHERE case_rowid = ?").bind(1, rowid).run();
    for (const auto& [facet, code] : f.codes)
        db_.cached("INSERT OR IGNORE INTO case_fact_codes (facet, code, case_rowid) VALUES (?, ?, ?)")
            .bind(1, facet)
            .bind(2, code)
            .bind(3, rowid)
            .run();
    writeCodeList(db_, rowid, "case_fact_services (case_rowid, type, status)", f.services);
    writeCodeList(db_, rowid, "case_fact_referrals (case_rowid, direction, status)", f.referrals);
}

std::vector<FactCount> CaseStore::countPersons(const FactQuery& query) {
    if (query.groupBy.size() > 2) throw Error(ErrorCode::InvalidValue, "rows", "at most two dimensions");
    QuerySql q;
    std::vector<std::string> keys;
    for (const auto d : query.groupBy) keys.push_back(q.valueOf(d));
    q.addCommon(query);
    std::string select = "SELECT ";
    for (std::size_t i = 0; i < keys.size(); ++i) select += "k" + std::to_string(i) + ", ";
    std::string inner = "SELECT f.case_rowid AS person";
    for (std::size_t i = 0; i < keys.size(); ++i) inner += ", " + keys[i] + " AS k" + std::to_string(i);
    inner += q.from + q.where;
    // DISTINCT persons per combination: a joined person appears once per value of a multi-valued dimension.
    std::string sql = select + (q.joined ? "count(DISTINCT person)" : "count(*)") + " FROM (" + inner + ")";
    if (!keys.empty()) {
        sql += " GROUP BY ";
        for (std::size_t i = 0; i < keys.size(); ++i) sql += (i ? ", k" : "k") + std::to_string(i);
    }
    auto stmt = db_.prepare(sql);
    bindAll(stmt, q.params);
    std::vector<FactCount> out;
    while (stmt.step()) {
        FactCount c;
        for (std::size_t i = 0; i < keys.size(); ++i) c.keys.push_back(stmt.optionalText(static_cast<int>(i)).value_or(""));
        c.persons = stmt.int64(static_cast<int>(keys.size()));
        if (c.persons > 0 || !keys.empty()) out.push_back(std::move(c));
    }
    return out;
}

void CaseStore::forEachPerson(const FactQuery& query, const std::function<void(const PersonFacts&)>& visit) {
    QuerySql q;
    q.addCommon(query);
    // Multi-valued facts of the matching persons, read in one ordered pass beside the persons themselves.
    auto codes = db_.prepare("SELECT c.case_rowid, c.facet, c.code FROM case_fact_codes c WHERE c.case_rowid IN "
                             "(SELECT f.case_rowid" + q.from + q.where + ") ORDER BY c.case_rowid, c.facet, c.code");
    bindAll(codes, q.params);
    auto persons = db_.prepare(
        "SELECT f.case_rowid, f.registered_on, f.age, f.minor, COALESCE(f.gender, 'unknown'), "
        "COALESCE(f.citizenship, 'unknown'), f.international, COALESCE(f.labour_sector, ''), "
        "COALESCE(f.recruiter_relationship, '')" + q.from + q.where + " ORDER BY f.case_rowid");
    bindAll(persons, q.params);
    bool moreCodes = codes.step();
    while (persons.step()) {
        const std::int64_t rowid = persons.int64(0);
        PersonFacts p;
        p.registeredOn = persons.text(1);
        if (auto age = persons.optionalInt64(2)) p.age = static_cast<int>(*age);
        if (auto minor = persons.optionalInt64(3)) p.minor = *minor != 0;
        p.gender = persons.text(4);
        p.citizenship = persons.text(5);
        if (auto international = persons.optionalInt64(6)) p.international = *international != 0;
        p.labourSector = persons.text(7);
        p.recruiterRelationship = persons.text(8);
        while (moreCodes && codes.int64(0) < rowid) moreCodes = codes.step();
        while (moreCodes && codes.int64(0) == rowid) {
            const std::string facet = codes.text(1);
            std::string code = codes.text(2);
            if (facet == kFacetExploitationType) p.exploitationTypes.push_back(std::move(code));
            else if (facet == kFacetControlMeans) p.controlMeans.push_back(std::move(code));
            else if (facet == kFacetRecruitmentMethod) p.recruitmentMethods.push_back(std::move(code));
            else if (facet == kFacetCountryOfExploitation) p.countriesOfExploitation.push_back(std::move(code));
            moreCodes = codes.step();
        }
        visit(p);
    }
}

}  // namespace abri::cases
