// CaseStore's statistics: writing the facts of a case and counting persons from them.
#include "cases/case_statistics.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>
#include <string_view>

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
    const char* expression;  // Scalar: the category, over f (filters); Codes: the facet; Services/Referrals: the column
    const char* missing;     // the category of persons without a value
};

// The CTDC age bands by their upper bound; the oldest band has none. Grouping (ageBandOf) and filters
// (ageBandCaseSql) both read this one table.
constexpr std::pair<int, const char*> kAgeBandUpperBounds[] = {{8, "0-8"},   {17, "9-17"},  {20, "18-20"},
                                                                {23, "21-23"}, {26, "24-26"}, {29, "27-29"},
                                                                {38, "30-38"}, {47, "39-47"}};
constexpr const char* kOldestAgeBand = "48+";

std::string ageBandOf(std::int64_t age) {
    for (const auto& [upper, band] : kAgeBandUpperBounds)
        if (age <= upper) return band;
    return kOldestAgeBand;
}

const std::string& ageBandCaseSql() {
    static const std::string sql = [] {
        std::string out = "CASE WHEN f.age IS NULL THEN 'unknown'";
        for (const auto& [upper, band] : kAgeBandUpperBounds)
            out += " WHEN f.age <= " + std::to_string(upper) + " THEN '" + band + "'";
        return out + " ELSE '" + kOldestAgeBand + "' END";
    }();
    return sql;
}

// What a scalar dimension is grouped by: the stored column, so that SQLite counts in the order of its index and
// never sorts every row by an expression; categoryOf() maps each stored value to its category afterwards.
const char* storedColumnOf(FactDimension d) {
    switch (d) {
    case FactDimension::AgeBand: return "f.age";
    case FactDimension::MinorStatus: return "f.minor";
    case FactDimension::Gender: return "f.gender";
    case FactDimension::Citizenship: return "f.citizenship";
    case FactDimension::International: return "f.international";
    case FactDimension::LabourSector: return "f.labour_sector";
    case FactDimension::RecruiterRelationship: return "f.recruiter_relationship";
    case FactDimension::CaseStatus: return "f.status";
    case FactDimension::ClosureReason: return "f.closure_reason";
    case FactDimension::ScreeningOutcome: return "f.screening_outcome";
    case FactDimension::Office: return "f.office";
    case FactDimension::Caseworker: return "f.caseworker";
    case FactDimension::RegistrationYear:
    case FactDimension::RegistrationQuarter:
    case FactDimension::RegistrationMonth: return "f.registered_on";
    default: throw Error(ErrorCode::Internal, "dimension", "not single-valued");
    }
}


// The category of a stored value; the same mapping as the category expressions of sqlOf() (filters use those).
std::string categoryOf(FactDimension d, const std::optional<std::string>& stored, const char* missing) {
    if (!stored) return missing;
    const std::string& v = *stored;
    switch (d) {
    case FactDimension::AgeBand: return ageBandOf(std::strtoll(v.c_str(), nullptr, 10));
    case FactDimension::MinorStatus: return v == "1" ? "minor" : v == "0" ? "adult" : "unknown";
    case FactDimension::International: return v == "1" ? "international" : v == "0" ? "internal" : "unknown";
    case FactDimension::RegistrationYear: return v.substr(0, 4);
    case FactDimension::RegistrationMonth: return v.substr(0, 7);
    case FactDimension::RegistrationQuarter: {
        const long month = v.size() >= 7 ? std::strtol(v.substr(5, 2).c_str(), nullptr, 10) : 0;
        return v.substr(0, 4) + "-Q" + std::to_string((month + 2) / 3);
    }
    default: return v;
    }
}

// One bit per multi-valued source in case_facts.valued_facets: set when the person has at least one value there.
std::int64_t valuedBitOf(Source source, std::string_view facet) {
    switch (source) {
    case Source::Services: return 1 << 4;
    case Source::Referrals: return 1 << 5;
    case Source::Codes:
        if (facet == kFacetExploitationType) return 1 << 0;
        if (facet == kFacetRecruitmentMethod) return 1 << 1;
        if (facet == kFacetControlMeans) return 1 << 2;
        if (facet == kFacetCountryOfExploitation) return 1 << 3;
        break;
    case Source::Scalar: break;
    }
    throw Error(ErrorCode::Internal, "facet", "no valued bit");
}

DimensionSql sqlOf(FactDimension d) {
    switch (d) {
    case FactDimension::AgeBand:
        return {Source::Scalar, ageBandCaseSql().c_str(), "unknown"};
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

    std::string aliasFor(const DimensionSql& d) {
        const std::string key = d.source == Source::Codes ? std::string("codes:") + d.expression
                                : d.source == Source::Services ? "services" : "referrals";
        auto it = joins.find(key);
        if (it != joins.end()) return it->second;
        const std::string alias = "j" + std::to_string(joins.size());
        joins.emplace(key, alias);
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
    static const std::vector<std::string> bands = [] {
        std::vector<std::string> out;
        for (const auto& [upper, band] : kAgeBandUpperBounds) out.emplace_back(band);
        out.emplace_back(kOldestAgeBand);
        out.emplace_back("unknown");
        return out;
    }();
    return bands;
}

namespace {

// The 16 values of a case_facts row, as ?1..?16 (case_rowid first).
void bindFacts(storage::Statement& s, std::int64_t rowid, const CaseFacts& f) {
    std::int64_t valued = 0;
    for (const auto& [facet, code] : f.codes) valued |= valuedBitOf(Source::Codes, facet);
    if (!f.services.empty()) valued |= valuedBitOf(Source::Services, {});
    if (!f.referrals.empty()) valued |= valuedBitOf(Source::Referrals, {});
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
        .bind(16, valued);
}

}  // namespace

void CaseStore::writeFacts(std::int64_t rowid, const CaseFacts& f) {
    // An UPDATE, else an INSERT, both OR FAIL (storage/database.h): a REPLACE deletes and re-inserts (a statement
    // journal, every page of it encrypted), and was with the UPDATE of cases two fifths of applying a first sync.
    static constexpr const char* kColumns =
        "registered_on = ?2, age = ?3, minor = ?4, gender = ?5, citizenship = ?6, international = ?7, "
        "labour_sector = ?8, recruiter_relationship = ?9, status = ?10, closure_reason = ?11, screening_outcome = ?12, "
        "office = ?13, caseworker = ?14, research_consent = ?15, valued_facets = ?16";
    static const std::string kUpdate = std::string("UPDATE OR FAIL case_facts SET ") + kColumns + " WHERE case_rowid = ?1";
    auto& update = db_.cached(kUpdate);
    bindFacts(update, rowid, f);
    update.run();
    if (db_.changes() == 0) {
        auto& insert = db_.cached(
            "INSERT OR FAIL INTO case_facts (case_rowid, registered_on, age, minor, gender, citizenship, international, "
            "labour_sector, recruiter_relationship, status, closure_reason, screening_outcome, office, caseworker, "
            "research_consent, valued_facets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        bindFacts(insert, rowid, f);
        insert.run();
    }
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

namespace {

// The query's own conditions (period, consent, filters) as " AND ..." over case_facts f, with their parameters.
struct Conditions {
    std::string sql;
    std::vector<std::string> params;
};

Conditions conditionsOf(const FactQuery& query) {
    QuerySql q;
    q.addCommon(query);
    return {q.where.substr(std::string_view(" WHERE 1").size()), std::move(q.params)};
}

// Counts keyed by category, in key order; several stored values can map to one category, so they add up.
using Tally = std::map<std::vector<std::string>, std::int64_t>;

// Only combinations that hold someone, as GROUP BY gives them (a total of nobody is no row either).
std::vector<FactCount> countsOf(const Tally& tally) {
    std::vector<FactCount> out;
    for (const auto& [keys, persons] : tally)
        if (persons > 0) out.push_back({keys, persons});
    return out;
}

std::string sourceKeyOf(const DimensionSql& d) {
    return d.source == Source::Codes ? std::string("codes:") + d.expression
                                     : d.source == Source::Services ? "services" : "referrals";
}

// Only single-valued dimensions: one GROUP BY over the stored columns of case_facts. Each person has exactly one
// value of each, so count(*) counts persons.
std::vector<FactCount> countSingleValued(storage::Database& db, const FactQuery& query) {
    const Conditions where = conditionsOf(query);
    std::string columns;
    for (const auto d : query.groupBy) columns += std::string(columns.empty() ? "" : ", ") + storedColumnOf(d);
    std::string sql = "SELECT " + columns + (columns.empty() ? "" : ", ") + "count(*) FROM case_facts f WHERE 1" + where.sql;
    if (!columns.empty()) sql += " GROUP BY " + columns;
    auto stmt = db.prepare(sql);
    bindAll(stmt, where.params);
    Tally tally;
    while (stmt.step()) {
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < query.groupBy.size(); ++i) {
            const FactDimension d = query.groupBy[i];
            keys.push_back(categoryOf(d, stmt.optionalText(static_cast<int>(i)), sqlOf(d).missing));
        }
        tally[keys] += stmt.int64(static_cast<int>(query.groupBy.size()));
    }
    return countsOf(tally);
}

// Every multi-valued dimension of the query reads the same source (one facet, or the services or the referrals
// table), with at most one single-valued dimension beside. The persons with values are counted from the source in
// the order of its index; those without one ("unknown"/"none") from case_facts alone, by their valued_facets bit.
std::vector<FactCount> countOneSource(storage::Database& db, const FactQuery& query) {
    const Conditions where = conditionsOf(query);
    std::optional<DimensionSql> source;
    std::optional<std::size_t> scalarAt;
    std::vector<std::string> selected;  // in groupBy order
    for (std::size_t i = 0; i < query.groupBy.size(); ++i) {
        const DimensionSql d = sqlOf(query.groupBy[i]);
        if (d.source == Source::Scalar) {
            scalarAt = i;
            selected.push_back(storedColumnOf(query.groupBy[i]));
        } else {
            source = d;
            selected.push_back(d.source == Source::Codes ? "j.code" : std::string("j.") + d.expression);
        }
    }
    std::string columns;
    for (const auto& c : selected) columns += (columns.empty() ? "" : ", ") + c;
    const char* table = source->source == Source::Codes      ? "case_fact_codes"
                        : source->source == Source::Services ? "case_fact_services"
                                                             : "case_fact_referrals";
    // A facet holds a code once per person (primary key), so count(*) is a count of persons there; a person can
    // have two services of one type.
    const char* persons = source->source == Source::Codes ? "count(*)" : "count(DISTINCT j.case_rowid)";
    const bool needsFacts = scalarAt.has_value() || !where.sql.empty();
    std::string sql = "SELECT " + columns + ", " + persons + " FROM " + std::string(table) + " j" +
                      (needsFacts ? " JOIN case_facts f ON f.case_rowid = j.case_rowid" : "") + " WHERE 1";
    std::vector<std::string> params;
    if (source->source == Source::Codes) {
        sql += " AND j.facet = ?";
        params.emplace_back(source->expression);
    }
    sql += where.sql + " GROUP BY " + columns;
    params.insert(params.end(), where.params.begin(), where.params.end());

    Tally tally;
    auto stmt = db.prepare(sql);
    bindAll(stmt, params);
    while (stmt.step()) {
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < query.groupBy.size(); ++i) {
            const auto value = stmt.optionalText(static_cast<int>(i));
            keys.push_back(scalarAt == i ? categoryOf(query.groupBy[i], value, sqlOf(query.groupBy[i]).missing)
                                         : value.value_or(""));
        }
        tally[keys] += stmt.int64(static_cast<int>(query.groupBy.size()));
    }

    const std::string bit = std::to_string(valuedBitOf(source->source, source->expression));
    std::string missingSql = "SELECT " + (scalarAt ? selected[*scalarAt] + ", " : std::string()) +
                             "count(*) FROM case_facts f WHERE (f.valued_facets & " + bit + ") = 0" + where.sql;
    if (scalarAt) missingSql += " GROUP BY " + selected[*scalarAt];
    auto missing = db.prepare(missingSql);
    bindAll(missing, where.params);
    while (missing.step()) {
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < query.groupBy.size(); ++i) {
            const DimensionSql d = sqlOf(query.groupBy[i]);
            keys.push_back(scalarAt == i ? categoryOf(query.groupBy[i], missing.optionalText(0), d.missing) : d.missing);
        }
        tally[keys] += missing.int64(scalarAt ? 1 : 0);
    }
    return countsOf(tally);
}

// Any other mix (two multi-valued dimensions from different sources): every person joined to each source, counted
// once per combination.
std::vector<FactCount> countByJoin(storage::Database& db, const FactQuery& query) {
    QuerySql q;
    std::vector<std::string> keys;
    for (const auto d : query.groupBy) keys.push_back(q.valueOf(d));
    q.addCommon(query);
    std::string select = "SELECT ";
    for (std::size_t i = 0; i < keys.size(); ++i) select += "k" + std::to_string(i) + ", ";
    std::string inner = "SELECT f.case_rowid AS person";
    for (std::size_t i = 0; i < keys.size(); ++i) inner += ", " + keys[i] + " AS k" + std::to_string(i);
    inner += q.from + q.where;
    std::string sql = select + "count(DISTINCT person) FROM (" + inner + ")";
    for (std::size_t i = 0; i < keys.size(); ++i) sql += (i == 0 ? " GROUP BY k" : ", k") + std::to_string(i);
    auto stmt = db.prepare(sql);
    bindAll(stmt, q.params);
    Tally tally;
    while (stmt.step()) {
        std::vector<std::string> row;
        for (std::size_t i = 0; i < keys.size(); ++i) row.push_back(stmt.optionalText(static_cast<int>(i)).value_or(""));
        tally[row] += stmt.int64(static_cast<int>(keys.size()));
    }
    return countsOf(tally);
}

}  // namespace

std::vector<FactCount> CaseStore::countPersons(const FactQuery& query) {
    if (query.groupBy.size() > 2) throw Error(ErrorCode::InvalidValue, "rows", "at most two dimensions");
    if (query.countByJoin) return countByJoin(db_, query);
    std::vector<std::string> sources;
    for (const auto d : query.groupBy) {
        const DimensionSql sql = sqlOf(d);
        if (sql.source != Source::Scalar) sources.push_back(sourceKeyOf(sql));
    }
    if (sources.empty()) return countSingleValued(db_, query);
    if (sources.size() == 1 || sources[0] == sources[1]) return countOneSource(db_, query);
    return countByJoin(db_, query);
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
