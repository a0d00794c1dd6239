#pragma once
// The change journal: every write in core appends field-level operations here, in the same transaction as the
// write itself. Sync ships unshipped entries (issue: sync) and merges remote ones by (HLC, device).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "journal/hlc.h"
#include "storage/database.h"

namespace abri::journal {

enum class OpKind {
    Create,  // value: the whole initial document (JSON) of a case or item
    Set,     // field + value (JSON) + base version (the version the editor saw)
    Delete,  // tombstone; value empty
};
std::string_view opKindCode(OpKind kind);  // "create", "set", "delete"
std::optional<OpKind> opKindFromCode(std::string_view code);

struct Op {
    std::string entity;      // "case" or "item"
    std::string entityId;
    OpKind kind = OpKind::Set;
    std::string field;       // Set only: field path, e.g. "person.date_of_birth"
    std::string valueJson;   // JSON text; for Create the document, for Set the field's new value
    std::optional<Version> base;  // Set only
};

struct Entry {
    std::int64_t seq = 0;
    Hlc hlc = 0;
    std::string device;
    std::string userId;
    Op op;
    bool shipped = false;
};

class Journal {
public:
    Journal(storage::Database& db, std::string deviceId, HybridLogicalClock& clock);

    // Appends one op stamped with clock.now() and this device; must run inside the caller's transaction.
    // Returns the version given to the op.
    Version append(const Op& op, std::string_view userId);

    std::vector<Entry> entriesFor(std::string_view entityId);   // oldest first
    std::vector<Entry> unshipped(std::int64_t afterSeq, int limit);  // oldest first
    std::int64_t unshippedCount();
    void markShipped(std::int64_t uptoSeq);                     // inclusive

    const std::string& deviceId() const noexcept { return deviceId_; }

private:
    storage::Database& db_;
    std::string deviceId_;
    HybridLogicalClock& clock_;
};

}  // namespace abri::journal
