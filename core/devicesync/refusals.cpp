#include "devicesync/refusals.h"

#include <algorithm>

#include "wire/changeset.h"
#include "devicesync/inbox.h"
#include "wire/limits.h"
#include "devicesync/outbox.h"
#include "wire/sync_files.h"
#include "common/error.h"
#include "devicesync/device_sync.h"
#include "journal/journal.h"
#include "merge/restamp.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::devicesync {

namespace fs = std::filesystem;
using wire::SyncCode;
using wire::SyncError;

namespace {

const wire::Hash32 kNoId{};

bool isNamed(const wire::Hash32& id) { return id != kNoId; }

wire::Hash32 hashFromBlob(const std::vector<std::uint8_t>& blob, const char* column) {
    wire::Hash32 hash{};
    if (blob.size() != hash.size()) throw Error(ErrorCode::VaultCorrupted, column);
    std::copy(blob.begin(), blob.end(), hash.begin());
    return hash;
}

// Whether sync_outgoing still holds the change-set a notice (or a recorded refusal) is about. A notice that names
// no change-set (the hub could not decode its header) is about whatever this device holds at that seq.
bool holdsChangeSet(storage::Database& db, std::uint64_t deviceSeq, const wire::Hash32& id) {
    auto row = db.prepare("SELECT id FROM sync_outgoing WHERE device_seq = ?");
    row.bind(1, static_cast<std::int64_t>(deviceSeq));
    if (!row.step()) return false;
    return !isNamed(id) || hashFromBlob(row.blob(0), "sync_outgoing.id") == id;
}

// The newest hub time this device knows: notices, admission records and applied pages carry the hub's clock, all
// signed by the hub. Pages keep coming while the refused file is held back, so a clock corrected days later is
// still judged against a recent hub time.
std::uint64_t latestHubTimeMs(storage::Database& db) {
    const auto refusals = db.queryInt64("SELECT max(hub_time_ms) FROM sync_refusals").value_or(0);
    const auto admissions = db.queryInt64("SELECT max(admitted_ms) FROM sync_admissions").value_or(0);
    const auto fromPages = static_cast<std::int64_t>(readHubTimeMs(db));
    return static_cast<std::uint64_t>(std::max<std::int64_t>({refusals, admissions, fromPages, 0}));
}

journal::Hlc queryHlc(storage::Database& db, std::string_view sql) {
    return static_cast<journal::Hlc>(std::max<std::int64_t>(db.queryInt64(sql).value_or(0), 0));
}

// The change-sets from the refused seq on, as stored: the journal entries they hold and the refused one's prev_hash.
struct Dropped {
    std::size_t changeSets = 0;
    wire::Hash32 prevHash{};
    std::vector<std::int64_t> journalSeqs;
};

Dropped readDropped(storage::Database& db, const std::string& deviceHex, const RecordedRefusal& refusal) {
    Dropped dropped;
    auto rows = db.prepare("SELECT device_seq, id, bytes FROM sync_outgoing WHERE device_seq >= ? ORDER BY device_seq");
    rows.bind(1, static_cast<std::int64_t>(refusal.deviceSeq));
    // The ops are found by identity (device, hlc), not by the row's journal range: change-sets are grouped by case,
    // so a later change-set's range can span entries an earlier, admitted change-set holds.
    auto& entry = db.cached("SELECT seq FROM journal WHERE device = ? AND hlc = ? AND origin = 'local'");
    while (rows.step()) {
        const auto seq = static_cast<std::uint64_t>(rows.int64(0));
        const wire::Hash32 id = hashFromBlob(rows.blob(1), "sync_outgoing.id");
        if (dropped.changeSets == 0 &&
            (seq != refusal.deviceSeq || (isNamed(refusal.changeSetId) && id != refusal.changeSetId))) {
            throw Error(ErrorCode::NotFound, "sync_outgoing");
        }
        wire::ChangeSet cs;
        try {
            cs = wire::decodeChangeSet(rows.blob(2), {}, "sync_outgoing");
        } catch (const SyncError&) {
            throw Error(ErrorCode::VaultCorrupted, "sync_outgoing");
        }
        if (dropped.changeSets == 0) dropped.prevHash = cs.header.prevHash;
        for (const auto& op : cs.ops) {
            entry.reset();
            entry.bind(1, deviceHex).bind(2, static_cast<std::int64_t>(op.hlc));
            if (!entry.step()) throw Error(ErrorCode::VaultCorrupted, "sync_outgoing", "op without journal entry");
            dropped.journalSeqs.push_back(entry.int64(0));
        }
        ++dropped.changeSets;
    }
    if (dropped.changeSets == 0) throw Error(ErrorCode::NotFound, "sync_outgoing");
    return dropped;
}

}  // namespace

bool RecordedRefusal::isClockRefusal() const {
    return code == SyncCode::ClockAhead || code == SyncCode::ClockOutOfBounds;
}

bool recordRefusal(vault::Vault& vault, const wire::RefusalNotice& notice) {
    auto& db = vault.db();
    if (!holdsChangeSet(db, notice.deviceSeq, notice.changeSetId)) return false;
    const std::optional<std::int64_t> opIndex =
        notice.opIndex == wire::kNoOpIndex ? std::nullopt : std::optional<std::int64_t>(notice.opIndex);
    auto existing = db.prepare("SELECT hub_time_ms FROM sync_refusals WHERE device_seq = ? AND changeset_id = ?");
    existing.bind(1, static_cast<std::int64_t>(notice.deviceSeq)).bindBlob(2, notice.changeSetId);
    if (existing.step()) {
        // The same notice can come again (a clock-held file is offered again after 12 h, a bundle carried twice):
        // keep one row, with the newest hub time (what re-stamping checks the corrected clock against).
        const auto hubTime = std::max(existing.int64(0), static_cast<std::int64_t>(notice.hubTimeMs));
        db.prepare("UPDATE sync_refusals SET code = ?, op_index = ?, hub_time_ms = ?, closed_ms = NULL, "
                   "closed_reason = NULL WHERE device_seq = ? AND changeset_id = ?")
            .bind(1, static_cast<std::int64_t>(notice.code))
            .bind(2, opIndex)
            .bind(3, hubTime)
            .bind(4, static_cast<std::int64_t>(notice.deviceSeq))
            .bindBlob(5, notice.changeSetId)
            .run();
        return true;
    }
    db.prepare("INSERT INTO sync_refusals (device_seq, changeset_id, code, op_index, hub_time_ms, received_ms) "
               "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, static_cast<std::int64_t>(notice.deviceSeq))
        .bindBlob(2, notice.changeSetId)
        .bind(3, static_cast<std::int64_t>(notice.code))
        .bind(4, opIndex)
        .bind(5, static_cast<std::int64_t>(notice.hubTimeMs))
        .bind(6, vault.nowMs())
        .run();
    return true;
}

std::vector<RecordedRefusal> pendingRefusals(vault::Vault& vault) {
    auto stmt = vault.db().prepare(
        "SELECT device_seq, changeset_id, code, op_index, hub_time_ms, received_ms FROM sync_refusals "
        "WHERE closed_ms IS NULL ORDER BY device_seq, received_ms");
    std::vector<RecordedRefusal> out;
    while (stmt.step()) {
        RecordedRefusal r;
        r.deviceSeq = static_cast<std::uint64_t>(stmt.int64(0));
        r.changeSetId = hashFromBlob(stmt.blob(1), "sync_refusals.changeset_id");
        r.wireCode = static_cast<std::uint16_t>(stmt.int64(2));
        r.code = wire::syncCodeFromWire(r.wireCode);
        if (auto index = stmt.optionalInt64(3)) r.opIndex = static_cast<std::uint16_t>(*index);
        r.hubTimeMs = static_cast<std::uint64_t>(stmt.int64(4));
        r.receivedMs = stmt.int64(5);
        out.push_back(r);
    }
    return out;
}

std::size_t closeSettledRefusals(vault::Vault& vault) {
    auto& db = vault.db();
    storage::Transaction tx(db);
    std::size_t closed = 0;
    for (const auto& r : pendingRefusals(vault)) {
        if (holdsChangeSet(db, r.deviceSeq, r.changeSetId)) continue;
        db.prepare("UPDATE sync_refusals SET closed_ms = ?, closed_reason = 'settled' WHERE device_seq = ? AND "
                   "changeset_id = ? AND closed_ms IS NULL")
            .bind(1, vault.nowMs())
            .bind(2, static_cast<std::int64_t>(r.deviceSeq))
            .bindBlob(3, r.changeSetId)
            .run();
        ++closed;
    }
    tx.commit();
    return closed;
}

RestampResult restampAfterClockRefusal(vault::Vault& vault, const fs::path& vaultPath,
                                       const RecordedRefusal& refusal) {
    if (!refusal.isClockRefusal()) throw Error(ErrorCode::InvalidValue, "sync_refusals.code");
    auto& db = vault.db();
    const auto syncDir = wire::syncFolder(vaultPath);
    const std::string deviceHex = vault.deviceId();
    const auto device = wire::idFromHex(deviceHex);
    if (!device) throw Error(ErrorCode::VaultCorrupted, "device_id");
    const std::uint64_t n = refusal.deviceSeq;

    storage::Transaction tx(db);
    auto open = db.prepare("SELECT 1 FROM sync_refusals WHERE device_seq = ? AND changeset_id = ? AND closed_ms IS NULL");
    open.bind(1, static_cast<std::int64_t>(n)).bindBlob(2, refusal.changeSetId);
    if (!open.step()) throw Error(ErrorCode::NotFound, "sync_refusals");

    // Has the user corrected the clock? The hub refuses stamps more than MAX_AHEAD_MS ahead of its time; the hub's
    // time now is at least the newest one seen, so a wall clock within that bound of it is not refused again. (A
    // tighter bound such as MAX_DRIFT_MS cannot be checked offline: the notice's hub time only gets older.)
    const std::int64_t wall = vault.nowMs();
    const std::uint64_t hubTime = latestHubTimeMs(db);
    if (wall < static_cast<std::int64_t>(wire::kHlcEpochMs)) {
        throw SyncError(SyncCode::ClockOutOfBounds, "system clock", hubTime);
    }
    if (static_cast<std::uint64_t>(wall) > hubTime + wire::kMaxAheadMs) {
        throw SyncError(SyncCode::ClockAhead, "system clock", hubTime);
    }
    // If the hub took seq n after all (a retry once its clock had caught up), a new change-set n would be a fork.
    if (ackedSeqFromStatus(syncDir) >= n) throw SyncError(SyncCode::Duplicate, "device_seq", n);

    const Dropped dropped = readDropped(db, deviceHex, refusal);
    db.prepare("DELETE FROM sync_outgoing WHERE device_seq >= ?").bind(1, static_cast<std::int64_t>(n)).run();
    vault.journal().markUnshipped(dropped.journalSeqs);
    writeChainHead(db, ChainHead{n - 1, dropped.prevHash});

    // §7.5: new stamps start after everything this device has seen that the hub took: its own admitted ops (at most
    // a day ahead when admitted) and the remote ops it applied (by their effective HLC), and never before hub time.
    RestampResult result;
    result.fromSeq = n;
    result.changeSetsDropped = dropped.changeSets;
    result.restartAt = std::max({journal::makeHlc(static_cast<std::uint64_t>(wall), 0), journal::makeHlc(hubTime, 0),
                                 queryHlc(db, "SELECT max(max(hlc, coalesce(eff_hlc, hlc))) FROM journal "
                                              "WHERE origin = 'local' AND shipped = 1"),
                                 queryHlc(db, "SELECT max(coalesce(eff_hlc, hlc)) FROM journal "
                                              "WHERE origin = 'remote'")});
    const journal::Hlc clockBefore = vault.clock().last();
    try {
        result.entriesRestamped = merge::restampUnshipped(vault, result.restartAt);
        // Later refusals are about change-sets that no longer exist either.
        db.prepare("UPDATE sync_refusals SET closed_ms = ?, closed_reason = 'restamped' WHERE closed_ms IS NULL AND "
                   "device_seq >= ?")
            .bind(1, wall)
            .bind(2, static_cast<std::int64_t>(n))
            .run();
        // A restart must not bring the refused clock back (unlock takes the greater of this and the journal's HLCs).
        vault.persistClock();

        // The outbox files go BEFORE the commit. Files are sealed to the hub, so nothing here could tell a stale
        // file from a fresh one later, and writeOutboxFiles never writes a seq an existing file covers: a stale
        // cs-...-n-... left after the commit would be uploaded by the sync service instead of the new change-set n
        // (refused again, or, once the hub's clock has caught up, admitted — and the new n a fork). Removed first,
        // a crash or failure before the commit leaves the old rows, which the next syncVault seals into files again
        // (the same change-sets, refused again: harmless); after the commit no stale file exists.
        std::vector<fs::path> stale;
        if (fs::is_directory(syncDir / "outbox")) {
            for (const auto& file : fs::directory_iterator(syncDir / "outbox")) {
                const auto name = wire::parseSyncFileName(file.path().filename().string());
                if (name && name->kind == wire::SyncFileKind::OutboxBatch && name->deviceId == *device &&
                    name->lastSeq >= n) {
                    stale.push_back(file.path());
                }
            }
        }
        for (const auto& path : stale) {
            std::error_code ec;
            if (!fs::remove(path, ec) && ec) throw Error(ErrorCode::IoError, path.string());
            result.filesRemoved.push_back(path.filename().string());
        }
        tx.commit();
    } catch (...) {
        vault.clock().resetTo(clockBefore);  // the transaction rolled back: so does the in-memory clock
        throw;
    }
    return result;
}

}  // namespace abri::devicesync
