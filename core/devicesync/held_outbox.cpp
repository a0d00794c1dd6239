#include "devicesync/held_outbox.h"

#include <sstream>

#include "crypto/primitives.h"
#include "storage/database.h"
#include "storage/meta.h"
#include "wire/limits.h"
#include "wire/sync_files.h"
#include "wire/upload_held.h"

namespace abri::devicesync {

namespace fs = std::filesystem;

namespace {

// "<file name> <hash hex>" lines: the files the last re-seal wrote (names hold a device id and seqs only).
constexpr const char* kResealedMetaKey = "sync_resealed";

std::optional<std::string> fileHashHex(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
    try {
        const auto bytes = wire::readWholeFile(file, wire::kMaxBatchPayload + 1024);
        return wire::hashToHex(crypto::blake2b({bytes}));
    } catch (const wire::SyncError&) {
        return std::nullopt;  // grew past any batch since the daemon hashed it: not the file it holds
    }
}

bool sealedByAnEarlierReseal(storage::Database& db, const wire::HeldUpload& held) {
    const auto stored = storage::readMeta(db, kResealedMetaKey);
    if (!stored) return false;
    std::istringstream lines(*stored);
    for (std::string name, hash; lines >> name >> hash;) {
        if (name == held.fileName && hash == held.fileHashHex) return true;
    }
    return false;
}

}  // namespace

HeldOutbox removeUnreadableHeldFile(storage::Database& db, const fs::path& syncDir, std::uint64_t ackedSeq) {
    HeldOutbox out;
    const auto held = wire::loadHeldUpload(syncDir);
    if (!held) return out;
    const fs::path file = syncDir / "outbox" / held->fileName;
    // Gone or replaced (acknowledged, re-stamped, already resealed): the daemon ends the hold itself.
    if (fileHashHex(file) != held->fileHashHex) return out;
    out.stillHeld = held->code;
    if (!held->wholeFile || sealedByAnEarlierReseal(db, *held)) return out;
    const auto name = wire::parseSyncFileName(held->fileName);
    if (!name || name->lastSeq <= ackedSeq) return out;  // the daemon deletes an acknowledged file
    // Removed only while every change-set it carries is still stored, so A2 can write all of them again.
    const std::uint64_t first = std::max(name->firstSeq, ackedSeq + 1);
    auto stored = db.prepare("SELECT count(*) FROM sync_outgoing WHERE device_seq BETWEEN ? AND ?");
    stored.bind(1, static_cast<std::int64_t>(first)).bind(2, static_cast<std::int64_t>(name->lastSeq));
    if (!stored.step() || static_cast<std::uint64_t>(stored.int64(0)) != name->lastSeq - first + 1) return out;
    fs::remove(file);
    out.removedFile = held->fileName;
    out.stillHeld.reset();
    return out;
}

std::optional<wire::SyncCode> refusedAfterReseal(storage::Database& db, const fs::path& syncDir) {
    const auto held = wire::loadHeldUpload(syncDir);
    if (!held || !held->wholeFile || !sealedByAnEarlierReseal(db, *held)) return std::nullopt;
    if (fileHashHex(syncDir / "outbox" / held->fileName) != held->fileHashHex) return std::nullopt;
    return held->code;
}

void rememberResealedFiles(storage::Database& db, const fs::path& outboxDir, const std::vector<std::string>& names) {
    std::string lines;
    for (const auto& name : names) {
        if (auto hash = fileHashHex(outboxDir / name)) lines += name + " " + *hash + "\n";
    }
    storage::writeMeta(db, kResealedMetaKey, lines);
}

}  // namespace abri::devicesync
