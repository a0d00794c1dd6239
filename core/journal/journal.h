#pragma once
// The change journal: every write in core appends field-level operations here, in the same transaction as the
// write itself. Sync ships the unshipped local entries and journals the ops it applies from other devices
// (origin remote, never shipped again); merge (core/merge) computes every field's state from these rows.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "journal/hlc.h"
#include "storage/database.h"
#include "wire/sync_types.h"

namespace abri::journal {

// The op vocabulary is sync's (wire/sync_types.h): the journal stores its text codes in `op` and `entity`.
using wire::OpKind;
using wire::opKindCode;

struct Op {
    std::string entity;      // wire::entityKindCode: "case" or "item"
    std::string entityId;
    OpKind kind = OpKind::Set;
    std::string field;       // Set/Resolve only: field path, e.g. "person.date_of_birth"
    std::string valueJson;   // JSON text; for Create the document, for Set the field's new value
    std::optional<Version> base;  // Set/Resolve: the version the editor saw (Resolve: the winner)
};

enum class Origin { Local, Remote };

struct Entry {
    std::int64_t seq = 0;
    Hlc hlc = 0;
    std::string device;
    std::string userId;
    Op op;
    bool shipped = false;
    // Sync bookkeeping (schema step 4)
    Origin origin = Origin::Local;
    std::string caseId;              // the case the op belongs to (the case itself for case ops)
    Hlc effHlc = 0;                  // effective HLC after the hub's clamping (== hlc until told otherwise)
    std::vector<Version> parents;    // base first; Resolve ops have several
    int excludedReason = 0;          // 5xx code when the hub excluded this op (sync/PROTOCOL.md §6.3), else 0
    Version version() const { return {hlc, device}; }
};

// An op written by another device, as the merge applier journals it.
struct RemoteEntry {
    Op op;                           // op.base is ignored: parents[0] is the base
    std::vector<Version> parents;
    Version identity;                // (hlc, device) the op was written with
    Hlc effHlc = 0;
    std::string caseId;
    std::string userId;              // the author
};

class Journal {
public:
    Journal(storage::Database& db, std::string deviceId, HybridLogicalClock& clock);

    // Appends one op stamped with clock.now() and this device; must run inside the caller's transaction.
    // Returns the version given to the op.
    Version append(const Op& op, std::string_view userId);
    // The same with every parent given (Resolve ops: the winner first, then each open-conflict head).
    Version append(const Op& op, std::string_view userId, const std::vector<Version>& parents);
    // Journals an op of another device (origin remote, never shipped). Returns false when an op with that
    // identity is already journalled (applying twice is applying once).
    bool appendRemote(const RemoteEntry& entry);
    // Records the effective HLC the hub assigned to an op, or its exclusion (reason 0 = not excluded).
    void setEffectiveHlc(const Version& identity, Hlc effHlc);
    void setExcluded(const Version& identity, int reason);

    std::optional<Entry> find(const Version& identity);
    std::vector<Entry> entriesFor(std::string_view entityId);      // oldest first
    std::vector<Entry> entriesForCase(std::string_view caseId);    // oldest first; the case and its items
    std::vector<Entry> allEntries();                                // oldest first (state hash, tests)
    std::vector<std::string> itemIdsOfCase(std::string_view caseId);  // items journalled for a case, distinct
    // Local entries not yet packed into a change-set (remote entries are never returned), oldest first.
    std::vector<Entry> unshipped(std::int64_t afterSeq, int limit);
    std::int64_t unshippedCount();
    void markShipped(std::int64_t uptoSeq);                     // inclusive
    // Local entries of change-sets the hub refused, to be re-stamped and packed again (sync/PROTOCOL.md §7.5).
    void markUnshipped(const std::vector<std::int64_t>& seqs);
    // One local op the hub turns out to hold already (a restored vault, sync/PROTOCOL.md §7.7).
    void markShipped(const Version& identity);

    // Erasure and retention (core/erasure): deletes every op of a case and of its items (`entityIds`), whatever
    // their origin, except this device's erase op (an erasure must still be shipped). Returns the rows deleted.
    std::int64_t purgeCase(std::string_view caseId, const std::vector<std::string>& entityIds);

    const std::string& deviceId() const noexcept { return deviceId_; }

private:
    std::string caseIdOf(const Op& op);
    Version insertLocal(const Op& op, std::string_view userId, const std::vector<Version>& parents);

    storage::Database& db_;
    std::string deviceId_;
    HybridLogicalClock& clock_;
};

}  // namespace abri::journal
