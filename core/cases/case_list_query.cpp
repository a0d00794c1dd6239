// CaseStore's case list: filters, sort order and pages over the list columns of `cases`, and counts.
#include <algorithm>

#include "cases/case_store.h"
#include "cases/code_list_column.h"
#include "cases/search_text.h"
#include "storage/database.h"

namespace abri::cases {

namespace {

struct WhereClause {
    std::string sql;
    std::vector<std::string> params;
};

WhereClause buildWhere(const CaseFilter& f) {
    WhereClause w;
    w.sql = " WHERE c.deleted = 0";
    auto add = [&](const char* clause, const std::string& value) {
        w.sql += clause;
        w.params.push_back(value);
    };
    if (f.status) add(" AND c.status = ?", *f.status);
    if (f.office) add(" AND c.office = ?", *f.office);
    if (f.caseworker) add(" AND c.caseworker = ?", *f.caseworker);
    if (f.registeredFrom) add(" AND c.registered_on >= ?", *f.registeredFrom);
    if (f.registeredTo) add(" AND c.registered_on <= ?", *f.registeredTo);
    if (f.minor) w.sql += *f.minor ? " AND c.minor = 1" : " AND c.minor = 0";
    if (f.exploitationType)
        add(" AND c.rowid IN (SELECT case_rowid FROM case_exploitation WHERE type = ?)", *f.exploitationType);
    if (!f.text.empty()) {
        std::string match = ftsMatchQuery(f.text);
        if (match.empty()) {
            w.sql += " AND 0";  // only punctuation: nothing can match
        } else {
            add(" AND c.rowid IN (SELECT docid FROM case_search WHERE case_search MATCH ?)", match);
        }
    }
    return w;
}

const char* sortColumn(SortKey key) {
    switch (key) {
    case SortKey::RegisteredOn: return "c.registered_on";
    case SortKey::CaseCode: return "c.case_code";
    case SortKey::Status: return "c.status";
    case SortKey::Office: return "c.office";
    case SortKey::UpdatedAt: return "c.updated_ms";
    }
    return "c.registered_on";
}

}  // namespace

std::vector<CaseSummary> CaseStore::list(const CaseQuery& query) {
    WhereClause w = buildWhere(query.filter);
    const char* dir = query.descending ? " DESC" : " ASC";
    std::string sql =
        "SELECT c.id, c.case_code, c.office, c.caseworker, c.status, c.registered_on, c.screening_outcome, c.gender, "
        "c.minor, c.international, c.exploitation_types, c.updated_ms FROM cases c" +
        w.sql + " ORDER BY " + sortColumn(query.sort) + dir + ", c.rowid" + dir + " LIMIT ? OFFSET ?";
    auto stmt = db_.prepare(sql);
    int index = 1;
    for (const auto& p : w.params) stmt.bind(index++, p);
    stmt.bind(index++, std::max(0, query.limit));
    stmt.bind(index, std::max<std::int64_t>(0, query.offset));
    std::vector<CaseSummary> out;
    while (stmt.step()) {
        CaseSummary s;
        s.id = stmt.text(0);
        s.caseCode = stmt.text(1);
        s.office = stmt.text(2);
        s.caseworker = stmt.optionalText(3).value_or("");
        s.status = stmt.text(4);
        s.registeredOn = stmt.text(5);
        s.screeningOutcome = stmt.text(6);
        s.gender = stmt.optionalText(7).value_or("");
        s.minor = stmt.int64(8) != 0;
        if (!stmt.isNull(9)) s.international = stmt.int64(9) != 0;
        s.exploitationTypes = splitCodeColumn(stmt.text(10));
        s.updatedMs = stmt.int64(11);
        out.push_back(std::move(s));
    }
    return out;
}

std::int64_t CaseStore::count(const CaseFilter& filter) {
    // The two common single filters are counted on their own index. Both indexes hold live cases only:
    // deleting a case (here and in merge) removes its exploitation rows and its search row.
    const bool onlyExploitation = filter.exploitationType && !filter.status && !filter.office && !filter.caseworker &&
                                  !filter.minor && !filter.registeredFrom && !filter.registeredTo &&
                                  filter.text.empty();
    const bool onlyText = !filter.text.empty() && !filter.exploitationType && !filter.status && !filter.office &&
                          !filter.caseworker && !filter.minor && !filter.registeredFrom && !filter.registeredTo;
    if (onlyExploitation) {
        auto& s = db_.cached("SELECT count(*) FROM case_exploitation WHERE type = ?");
        s.bind(1, *filter.exploitationType);
        const std::int64_t n = s.step() ? s.int64(0) : 0;
        s.reset();
        return n;
    }
    if (onlyText) {
        const std::string match = ftsMatchQuery(filter.text);
        if (match.empty()) return 0;
        auto& s = db_.cached("SELECT count(*) FROM case_search WHERE case_search MATCH ?");
        s.bind(1, match);
        const std::int64_t n = s.step() ? s.int64(0) : 0;
        s.reset();
        return n;
    }
    WhereClause w = buildWhere(filter);
    auto stmt = db_.prepare("SELECT count(*) FROM cases c" + w.sql);
    int index = 1;
    for (const auto& p : w.params) stmt.bind(index++, p);
    return stmt.step() ? stmt.int64(0) : 0;
}

}  // namespace abri::cases
