#include "devicesync/inbox.h"

#include <algorithm>

#include "common/decimal.h"
#include "common/error.h"
#include "storage/meta.h"
#include "wire/certificate.h"
#include "wire/limits.h"
#include "wire/page.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"

namespace abri::devicesync {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCheckpointKey = "sync_checkpoint";
constexpr const char* kHubTimeKey = "sync_hub_time_ms";

std::optional<crypto::PublicKey> signerKey(storage::Database& db, const wire::Id16& deviceId) {
    // Cached: looked up once per change-set of a page.
    auto& stmt = db.cached("SELECT sign_pk FROM sync_certificates WHERE device_id = ? ORDER BY serial DESC LIMIT 1");
    stmt.bind(1, wire::idToHex(deviceId));
    if (!stmt.step()) return std::nullopt;
    const auto raw = stmt.blob(0);
    stmt.reset();
    if (raw.size() != crypto::kPublicKeyBytes) throw Error(ErrorCode::VaultCorrupted, "sync_certificates.sign_pk");
    crypto::PublicKey pk{};
    std::copy(raw.begin(), raw.end(), pk.begin());
    return pk;
}

void storeCertificate(storage::Database& db, const wire::PageEntry& entry, const wire::HubDescriptor& hub,
                      const std::string& subject) {
    const wire::Certificate cert = wire::decodeCertificate(entry.certificate, subject);
    wire::verifyCertificate(cert, hub.identityPk, subject);
    if (cert.hubId != hub.hubId) throw wire::SyncError(wire::SyncCode::WrongHub, subject);
    // SQLCipher 3.4 (SQLite 3.15) has no UPSERT: a later entry for the same serial replaces the row (status).
    db.prepare("INSERT OR REPLACE INTO sync_certificates (device_id, serial, status, status_ms, sign_pk, certificate) "
               "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, wire::idToHex(cert.deviceId))
        .bind(2, static_cast<std::int64_t>(cert.serial))
        .bind(3, static_cast<std::int64_t>(entry.certStatus))
        .bind(4, static_cast<std::int64_t>(entry.certStatusMs))
        .bindBlob(5, cert.signPk)
        .bindBlob(6, cert.bytes)
        .run();
}

// A newer descriptor of the same hub (same identity: the pin never changes through a page).
void storeDescriptor(storage::Database& db, const wire::PageEntry& entry, const wire::HubDescriptor& hub,
                     const std::string& subject) {
    const wire::HubDescriptor d = wire::decodeHubDescriptor(entry.descriptor, subject);
    if (d.hubId != hub.hubId || d.identityPk != hub.identityPk)
        throw wire::SyncError(wire::SyncCode::WrongHub, subject);
    const auto current = storedHubDescriptor(db);
    if (current && d.boxKeySerial < current->boxKeySerial) return;  // devices ignore older box keys (§2.3)
    db.prepare("UPDATE sync_enrolment SET descriptor = ? WHERE id = 1").bindBlob(1, d.bytes).run();
}

wire::ChangeSet verifyPageChangeSet(storage::Database& db, const wire::PageEntry& entry, const std::string& subject) {
    const wire::ChangeSetFrame frame = wire::decodeChangeSetFrame(entry.changeSet, subject);
    const wire::AdmissionRecord& a = entry.admission;
    if (frame.id != a.changeSetId) throw wire::SyncError(wire::SyncCode::HashMismatch, subject);
    if (frame.header.deviceId != a.deviceId || frame.header.deviceSeq != a.deviceSeq ||
        frame.header.caseId != a.caseId) {
        throw wire::SyncError(wire::SyncCode::DeviceMismatch, subject);
    }
    const auto signer = signerKey(db, frame.header.deviceId);
    if (!signer) throw wire::SyncError(wire::SyncCode::UnknownDevice, subject);
    wire::verifyChangeSetSignature(frame, *signer, subject);
    return wire::decodeChangeSetBody(frame, entry.changeSet, subject);
}

struct InboxFile {
    fs::path path;
    wire::SyncFileName name;
};

// A decimal number kept in meta; 0 when absent.
std::uint64_t readMetaNumber(storage::Database& db, const char* key) {
    const auto value = storage::readMeta(db, key);
    if (!value) return 0;
    const auto number = parseNonNegativeDecimal(*value);
    if (!number) throw Error(ErrorCode::VaultCorrupted, std::string("meta.") + key);
    return static_cast<std::uint64_t>(*number);
}

void setAside(const fs::path& path) {
    std::error_code ec;
    fs::rename(path, path.parent_path() / (".bad-" + path.filename().string()), ec);
}

}  // namespace

std::uint64_t readHubTimeMs(storage::Database& db) { return readMetaNumber(db, kHubTimeKey); }

std::uint64_t readCheckpoint(storage::Database& db) { return readMetaNumber(db, kCheckpointKey); }

std::optional<wire::HubDescriptor> storedHubDescriptor(storage::Database& db) {
    auto stmt = db.prepare("SELECT descriptor FROM sync_enrolment WHERE id = 1 AND descriptor IS NOT NULL");
    if (!stmt.step()) return std::nullopt;
    try {
        return wire::decodeHubDescriptor(stmt.blob(0), "sync_enrolment.descriptor");
    } catch (const wire::SyncError&) {
        throw Error(ErrorCode::VaultCorrupted, "sync_enrolment.descriptor");
    }
}

void storeEnrolment(storage::Database& db, const std::string& state, std::span<const std::uint8_t> certificate,
                    std::span<const std::uint8_t> descriptor, const std::string& hubAddress, std::int64_t nowMs) {
    // Keeps token_hash from the enrolling step (no UPSERT in SQLite 3.15).
    db.prepare("INSERT OR REPLACE INTO sync_enrolment (id, state, token_hash, certificate, descriptor, hub_address, "
               "updated_ms) VALUES (1, ?, (SELECT token_hash FROM sync_enrolment WHERE id = 1), ?, ?, ?, ?)")
        .bind(1, state)
        .bindBlob(2, certificate)
        .bindBlob(3, descriptor)
        .bind(4, hubAddress)
        .bind(5, nowMs)
        .run();
}

std::uint64_t downloadedThrough(const fs::path& inboxDir, const wire::Id16& deviceId) {
    std::uint64_t through = 0;
    std::error_code ec;
    for (fs::directory_iterator it(inboxDir, ec), end; !ec && it != end; it.increment(ec)) {
        auto name = wire::parseSyncFileName(it->path().filename().string());
        if (name && name->deviceId == deviceId && name->kind == wire::SyncFileKind::InboxPage)
            through = std::max(through, name->lastSeq);
    }
    return through;
}

InboxResult applyInbox(storage::Database& db, const InboxContext& context, const fs::path& inboxDir,
                       const fs::path& checkpointFile, const InboxHandlers& handlers, const ApplyBudget& budget) {
    if (context.boxKey == nullptr) throw Error(ErrorCode::Internal, "inbox", "no box key");
    const auto started = std::chrono::steady_clock::now();
    const auto budgetSpent = [&] {
        if (budget.time.count() <= 0) return false;
        const auto pending = handlers.pendingCommitWork ? handlers.pendingCommitWork() : std::chrono::nanoseconds{0};
        return std::chrono::steady_clock::now() - started + pending >= budget.time;
    };
    const auto writeCheckpointFile = [&](std::uint64_t seq) {
        const std::string text = "office_seq " + std::to_string(seq) + "\n";
        wire::writeFileAtomically(checkpointFile.parent_path(), checkpointFile.filename().string(),
                                  crypto::asBytes(text));
    };
    // Steps commit without waiting for the disk (synchronous = NORMAL): a part of a page lost to a power cut is only
    // applied again, since the page file stays until its last entry is in; before a page file is deleted, one small
    // commit with FULL makes everything before it durable. One fsync per page, not one per step.
    // Nor does a step's commit checkpoint the write-ahead log (30-45 ms when it comes due, on top of the step's
    // budget): a step that finds the log long checkpoints first, within its budget, and applies with what is left.
    const bool stepping = budget.time.count() > 0;
    struct StepSettingsUndo {
        storage::Database& db;
        bool active;
        ~StepSettingsUndo() {
            if (!active) return;
            db.deferCheckpoints(false);
            try {
                db.exec("PRAGMA synchronous = FULL;");
            } catch (...) {  // the connection is unusable then anyway; its next statement reports it
            }
        }
    } undoStepSettings{db, stepping};
    if (stepping) {
        db.exec("PRAGMA synchronous = NORMAL;");
        db.deferCheckpoints(true);
        if (db.walFramesPending() >= storage::Database::kAutoCheckpointFrames) db.checkpoint();
    }
    InboxResult result;
    result.checkpoint = readCheckpoint(db);
    std::vector<InboxFile> pages;
    std::vector<InboxFile> notices;
    if (fs::exists(inboxDir)) {
        for (const auto& entry : fs::directory_iterator(inboxDir)) {
            auto name = wire::parseSyncFileName(entry.path().filename().string());
            if (!name || name->deviceId != context.deviceId) continue;
            if (name->kind == wire::SyncFileKind::InboxPage) pages.push_back({entry.path(), *name});
            if (name->kind == wire::SyncFileKind::RefusalNotice) notices.push_back({entry.path(), *name});
        }
    }
    auto byFirstSeq = [](const InboxFile& a, const InboxFile& b) {
        return std::pair(a.name.firstSeq, a.name.lastSeq) < std::pair(b.name.firstSeq, b.name.lastSeq);
    };
    std::sort(pages.begin(), pages.end(), byFirstSeq);
    std::sort(notices.begin(), notices.end(), byFirstSeq);

    for (const auto& file : pages) {
        const std::string subject = file.path.filename().string();
        // Each call applies something before it looks at the budget, so steps always advance.
        if (result.pagesApplied > 0 && budgetSpent()) {
            result.more = true;
            break;
        }
        if (file.name.lastSeq <= result.checkpoint) {
            fs::remove(file.path);
            ++result.pagesSkipped;
            continue;
        }
        if (file.name.firstSeq > result.checkpoint + 1) {
            result.waiting = wire::SyncError(wire::SyncCode::PageGap, subject, result.checkpoint);
            break;
        }
        std::size_t delivered = 0;
        std::size_t receipts = 0;
        std::optional<std::uint64_t> stoppedAt;  // the budget ran out inside this page, after this entry
        wire::Page decoded;
        const wire::Page* cached = budget.pageCache ? budget.pageCache->find(file.path) : nullptr;
        const wire::Page& page = cached ? *cached : decoded;
        try {
            if (!cached) {
                if (budget.pageCache) budget.pageCache->clear();
                const auto bytes = wire::readWholeFile(
                    file.path, wire::kSealedHeaderBytes + crypto::kSealOverheadBytes + wire::kMaxPagePayload);
                const wire::OpenedFile opened = wire::openSealedFile(bytes, *context.boxKey, subject);
                if (opened.content != wire::SealedContent::Page)
                    throw wire::SyncError(wire::SyncCode::BadMagic, subject);
                decoded = wire::decodePage(opened.payload, context.hub.hubId, context.deviceId, context.hub.identityPk,
                                           subject);
            }
            // The name is the daemon's hint; the signed page decides.
            if (page.firstSeq > result.checkpoint + 1) {
                result.waiting = wire::SyncError(wire::SyncCode::PageGap, subject, result.checkpoint);
                break;
            }
            storage::Transaction tx(db);
            if (handlers.onTransactionBegin) handlers.onTransactionBegin();
            std::uint64_t appliedThrough = result.checkpoint;
            for (const auto& entry : page.entries) {
                if (entry.officeSeq <= result.checkpoint) continue;  // overlapping pages are normal
                // Out of time with entries left: commit this part of the page (see ApplyBudget).
                if (appliedThrough > result.checkpoint && budgetSpent()) {
                    if (handlers.beforeCommit) handlers.beforeCommit();
                    storage::writeMeta(db, kCheckpointKey, std::to_string(appliedThrough));
                    tx.commit();
                    stoppedAt = appliedThrough;
                    break;
                }
                const std::string entrySubject = subject + " entry " + std::to_string(entry.officeSeq);
                switch (entry.type) {
                case wire::PageEntryType::Cert:
                    storeCertificate(db, entry, context.hub, entrySubject);
                    break;
                case wire::PageEntryType::Hub:
                    storeDescriptor(db, entry, context.hub, entrySubject);
                    break;
                case wire::PageEntryType::ChangeSet: {
                    const wire::ChangeSet cs = verifyPageChangeSet(db, entry, entrySubject);
                    if (!handlers.onChangeSet) throw Error(ErrorCode::Internal, "inbox", "no change-set handler");
                    handlers.onChangeSet(cs, entry.admission);
                    ++delivered;
                    break;
                }
                case wire::PageEntryType::Receipt:
                    if (entry.admission.deviceId != context.deviceId) {
                        throw wire::SyncError(wire::SyncCode::DeviceMismatch, entrySubject);
                    }
                    if (handlers.onReceipt) handlers.onReceipt(entry.admission);
                    ++receipts;
                    break;
                case wire::PageEntryType::ReceiptRange:
                    // Own change-sets admitted as they were (no clamp, no exclusion): their ops are journalled
                    // and shipped already, so there is nothing to record; sync_outgoing is pruned by acked below.
                    receipts += entry.rangeCount;
                    break;
                }
                appliedThrough = entry.officeSeq;
            }
            if (stoppedAt) {
                // The rest of this page is for the next step: keep it decoded (checked already) until then.
                if (budget.pageCache && !cached) budget.pageCache->keep(file.path, std::move(decoded));
                result.checkpoint = *stoppedAt;
                result.changeSetsDelivered += delivered;
                result.receipts += receipts;
                result.more = true;
                writeCheckpointFile(*stoppedAt);
                break;
            }
            if (handlers.beforeCommit) handlers.beforeCommit();
            if (handlers.onPageApplied) handlers.onPageApplied(page);
            db.prepare("DELETE FROM sync_outgoing WHERE device_seq <= ?")
                .bind(1, static_cast<std::int64_t>(page.ackedDeviceSeq))
                .run();
            storage::writeMeta(db, kCheckpointKey, std::to_string(page.lastSeq));
            storage::writeMeta(db, kHubTimeKey, std::to_string(std::max(readHubTimeMs(db), page.hubTimeMs)));
            tx.commit();
        } catch (const wire::SyncError& error) {
            if (budget.pageCache) budget.pageCache->clear();
            // A page that does not verify is set aside (".bad-" names are ignored by every reader); the daemon's
            // since_seq stops at the gap, so the range is downloaded again.
            setAside(file.path);
            result.rejected.push_back(error);
            continue;
        }
        if (stepping) {
            // Before the page file goes, its commits must be on disk: one small commit with FULL fsyncs the WAL up
            // to here (the steps' own commits did not wait for the disk).
            db.exec("PRAGMA synchronous = FULL;");
            storage::writeMeta(db, kCheckpointKey, std::to_string(page.lastSeq));
            db.exec("PRAGMA synchronous = NORMAL;");
        }
        if (context.clock != nullptr) context.clock->observe(journal::makeHlc(page.hubTimeMs, 0));
        result.checkpoint = page.lastSeq;
        result.changeSetsDelivered += delivered;
        result.receipts += receipts;
        ++result.pagesApplied;
        writeCheckpointFile(result.checkpoint);
        if (budget.pageCache) budget.pageCache->clear();
        fs::remove(file.path);
    }

    if (handlers.onRefusal) {
        for (const auto& file : notices) {
            const std::string subject = file.path.filename().string();
            try {
                const auto bytes = wire::readWholeFile(file.path, wire::kRefusalNoticeBytes);
                const wire::RefusalNotice notice = wire::decodeRefusalNotice(bytes, context.hub.identityPk, subject);
                if (notice.hubId != context.hub.hubId) throw wire::SyncError(wire::SyncCode::WrongHub, subject);
                if (notice.deviceId != context.deviceId) throw wire::SyncError(wire::SyncCode::WrongDevice, subject);
                storage::Transaction tx(db);
                handlers.onRefusal(notice);
                tx.commit();
            } catch (const wire::SyncError& error) {
                setAside(file.path);
                result.rejected.push_back(error);
                continue;
            }
            ++result.refusals;
            fs::remove(file.path);
        }
    }
    return result;
}

}  // namespace abri::devicesync
