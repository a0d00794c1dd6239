#pragma once
// Purge: every trace of one case leaves this vault, apart from a tombstone that names nobody (its random id, when,
// why). What an erasure on request and the retention policy both end in (docs/erasure.md).
//
// What goes: the case row, document, items, field versions, conflicts (with the losing values), derived rows,
// statistics facts, search text, attachments and their content, and every journal op of the case, whatever device
// wrote it. What stays: the tombstone (purged_cases), the audit log's entries (ids and codes only, by design), and
// sync bookkeeping that carries no value (admission records). secure_delete overwrites the freed space.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace abri::vault {
class Vault;
}
namespace abri::storage {
class Database;
}
namespace abri::journal {
class Journal;
}

namespace abri::erasure {

enum class PurgeReason { Erasure, Retention };
std::string_view purgeReasonCode(PurgeReason reason);  // "erasure", "retention" (purged_cases.reason)

struct PurgedCase {
    std::string caseId;
    std::int64_t purgedMs = 0;
    PurgeReason reason = PurgeReason::Erasure;
};

// Removes the case and leaves its tombstone, in the caller's transaction. Purging a case this vault never held
// still leaves the tombstone (an erasure can arrive before the case it erases). Returns false when the case was
// purged already (nothing done).
bool purgeCase(vault::Vault& vault, std::string_view caseId, PurgeReason reason);
// The same on a database and its journal (what the vault overload runs; tests use it on a plaintext file).
bool purgeCase(storage::Database& db, journal::Journal& journal, std::string_view caseId, PurgeReason reason,
               std::int64_t nowMs);

// After the transaction of one or more purges: merges the search index (whose older segments still hold the
// words of a purged case) and checkpoints the write-ahead log down to zero bytes, so neither keeps a copy of what
// was purged. Returns false when another connection's reader kept the log from being truncated (the next call
// finishes it; the pages in it are encrypted like the vault).
bool scrubAfterPurge(vault::Vault& vault);
bool scrubAfterPurge(storage::Database& db);

bool isPurged(storage::Database& db, std::string_view caseId);
std::optional<PurgedCase> findPurged(storage::Database& db, std::string_view caseId);
std::vector<PurgedCase> purgedCases(storage::Database& db);

}  // namespace abri::erasure
