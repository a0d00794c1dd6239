#pragma once
// The statistics facts of merged cases, for reports at the hub: an in-memory database with the vault schema,
// filled through cases::CaseStore::insertCase from merged documents (core/merge), so the very same engine
// (reports::countReport, reports::publish) counts a region's cases, or one office's, exactly as each office's
// vault counts its own. Nothing is ever written to disk (storage::Database::openInMemory).
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.h"

namespace abri::merge {
class MergeState;
}

namespace abri::reports {

class MergedFacts {
public:
    // With an office, only cases whose document's "office" is that office are taken in.
    explicit MergedFacts(std::optional<std::string> office = std::nullopt);

    // Takes in every live case of `state` (of the office, when one was given) with its live items, as a vault
    // shows them after applying the same ops. Cases already taken in are left as they are, so the hub can add its
    // cases one merge state at a time. Returns how many cases were added.
    std::size_t add(const merge::MergeState& state);

    // The database to run reports::countReport on (read it, never write it).
    storage::Database& db() { return db_; }
    std::int64_t caseCount() const { return cases_; }

private:
    std::optional<std::string> office_;
    storage::Database db_;
    std::int64_t cases_ = 0;
};

}  // namespace abri::reports
