#pragma once
// The case repository's workload run directly on a storage::Database, so the very same statements can be timed on
// an encrypted and on a plain (unencrypted) SQLCipher database. The repository itself only runs on a Vault (it
// needs the vault's user, journal and audit log), so this is the like-for-like baseline: same schema
// (storage::migrate), same validation, same journal ops, and the same case store (cases::CaseStore) writing and
// querying the rows.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "cases/case_query.h"
#include "journal/hlc.h"
#include "storage/database.h"

namespace abri::bench {

class SqlWorkload {
public:
    SqlWorkload(storage::Database& db, std::string today);

    // Validates, derives and inserts the documents (each may carry "items") in one transaction, like
    // CaseRepository::importCases.
    void importCases(const std::vector<nlohmann::json>& docs);
    // Like CaseRepository::list followed by count: a page of summaries plus the total for the filter.
    struct Page {
        std::size_t rows = 0;
        std::int64_t total = 0;
    };
    Page listPage(const cases::CaseQuery& query, bool withCount = true);

private:
    storage::Database& db_;
    std::string today_;
    journal::HybridLogicalClock clock_;
    std::int64_t nextCode_ = 1;
};

}  // namespace abri::bench
