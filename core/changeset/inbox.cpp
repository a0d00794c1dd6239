#include "changeset/inbox.h"

#include <algorithm>

#include "changeset/certificate.h"
#include "changeset/limits.h"
#include "changeset/page.h"
#include "changeset/sealed_file.h"
#include "changeset/sync_files.h"
#include "common/decimal.h"
#include "common/error.h"
#include "storage/meta.h"

namespace abri::sync {

namespace fs = std::filesystem;

namespace {

constexpr const char* kCheckpointKey = "sync_checkpoint";
constexpr const char* kHubTimeKey = "sync_hub_time_ms";

std::optional<crypto::PublicKey> signerKey(storage::Database& db, const Id16& deviceId) {
    auto stmt = db.prepare("SELECT sign_pk FROM sync_certificates WHERE device_id = ? ORDER BY serial DESC LIMIT 1");
    stmt.bind(1, idToHex(deviceId));
    if (!stmt.step()) return std::nullopt;
    const auto raw = stmt.blob(0);
    if (raw.size() != crypto::kPublicKeyBytes) throw Error(ErrorCode::VaultCorrupted, "sync_certificates.sign_pk");
    crypto::PublicKey pk{};
    std::copy(raw.begin(), raw.end(), pk.begin());
    return pk;
}

void storeCertificate(storage::Database& db, const PageEntry& entry, const HubDescriptor& hub,
                      const std::string& subject) {
    const Certificate cert = decodeCertificate(entry.certificate, subject);
    verifyCertificate(cert, hub.identityPk, subject);
    if (cert.hubId != hub.hubId) throw SyncError(SyncCode::WrongHub, subject);
    // SQLCipher 3.4 (SQLite 3.15) has no UPSERT: a later entry for the same serial replaces the row (status).
    db.prepare("INSERT OR REPLACE INTO sync_certificates (device_id, serial, status, status_ms, sign_pk, certificate) "
               "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, idToHex(cert.deviceId))
        .bind(2, static_cast<std::int64_t>(cert.serial))
        .bind(3, static_cast<std::int64_t>(entry.certStatus))
        .bind(4, static_cast<std::int64_t>(entry.certStatusMs))
        .bindBlob(5, cert.signPk)
        .bindBlob(6, cert.bytes)
        .run();
}

// A newer descriptor of the same hub (same identity: the pin never changes through a page).
void storeDescriptor(storage::Database& db, const PageEntry& entry, const HubDescriptor& hub,
                     const std::string& subject) {
    const HubDescriptor d = decodeHubDescriptor(entry.descriptor, subject);
    if (d.hubId != hub.hubId || d.identityPk != hub.identityPk) throw SyncError(SyncCode::WrongHub, subject);
    const auto current = storedHubDescriptor(db);
    if (current && d.boxKeySerial < current->boxKeySerial) return;  // devices ignore older box keys (§2.3)
    db.prepare("UPDATE sync_enrolment SET descriptor = ? WHERE id = 1").bindBlob(1, d.bytes).run();
}

ChangeSet verifyPageChangeSet(storage::Database& db, const PageEntry& entry, const std::string& subject) {
    const ChangeSetFrame frame = decodeChangeSetFrame(entry.changeSet, subject);
    const AdmissionRecord& a = entry.admission;
    if (frame.id != a.changeSetId) throw SyncError(SyncCode::HashMismatch, subject);
    if (frame.header.deviceId != a.deviceId || frame.header.deviceSeq != a.deviceSeq ||
        frame.header.caseId != a.caseId) {
        throw SyncError(SyncCode::DeviceMismatch, subject);
    }
    const auto signer = signerKey(db, frame.header.deviceId);
    if (!signer) throw SyncError(SyncCode::UnknownDevice, subject);
    verifyChangeSetSignature(frame, *signer, subject);
    return decodeChangeSetBody(frame, entry.changeSet, subject);
}

struct InboxFile {
    fs::path path;
    SyncFileName name;
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

std::optional<HubDescriptor> storedHubDescriptor(storage::Database& db) {
    auto stmt = db.prepare("SELECT descriptor FROM sync_enrolment WHERE id = 1 AND descriptor IS NOT NULL");
    if (!stmt.step()) return std::nullopt;
    try {
        return decodeHubDescriptor(stmt.blob(0), "sync_enrolment.descriptor");
    } catch (const SyncError&) {
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

InboxResult applyInbox(storage::Database& db, const InboxContext& context, const fs::path& inboxDir,
                       const fs::path& checkpointFile, const InboxHandlers& handlers) {
    if (context.boxKey == nullptr) throw Error(ErrorCode::Internal, "inbox", "no box key");
    InboxResult result;
    result.checkpoint = readCheckpoint(db);
    std::vector<InboxFile> pages;
    std::vector<InboxFile> notices;
    if (fs::exists(inboxDir)) {
        for (const auto& entry : fs::directory_iterator(inboxDir)) {
            auto name = parseSyncFileName(entry.path().filename().string());
            if (!name || name->deviceId != context.deviceId) continue;
            if (name->kind == SyncFileKind::InboxPage) pages.push_back({entry.path(), *name});
            if (name->kind == SyncFileKind::RefusalNotice) notices.push_back({entry.path(), *name});
        }
    }
    auto byFirstSeq = [](const InboxFile& a, const InboxFile& b) {
        return std::pair(a.name.firstSeq, a.name.lastSeq) < std::pair(b.name.firstSeq, b.name.lastSeq);
    };
    std::sort(pages.begin(), pages.end(), byFirstSeq);
    std::sort(notices.begin(), notices.end(), byFirstSeq);

    for (const auto& file : pages) {
        const std::string subject = file.path.filename().string();
        if (file.name.lastSeq <= result.checkpoint) {
            fs::remove(file.path);
            ++result.pagesSkipped;
            continue;
        }
        if (file.name.firstSeq > result.checkpoint + 1) {
            result.waiting = SyncError(SyncCode::PageGap, subject, result.checkpoint);
            break;
        }
        std::size_t delivered = 0;
        std::size_t receipts = 0;
        Page page;
        try {
            const auto bytes =
                readWholeFile(file.path, kSealedHeaderBytes + crypto::kSealOverheadBytes + kMaxPagePayload);
            const OpenedFile opened = openSealedFile(bytes, *context.boxKey, subject);
            if (opened.content != SealedContent::Page) throw SyncError(SyncCode::BadMagic, subject);
            page = decodePage(opened.payload, context.hub.hubId, context.deviceId, context.hub.identityPk, subject);
            // The name is the daemon's hint; the signed page decides.
            if (page.firstSeq > result.checkpoint + 1) {
                result.waiting = SyncError(SyncCode::PageGap, subject, result.checkpoint);
                break;
            }
            storage::Transaction tx(db);
            for (const auto& entry : page.entries) {
                if (entry.officeSeq <= result.checkpoint) continue;  // overlapping pages are normal
                const std::string entrySubject = subject + " entry " + std::to_string(entry.officeSeq);
                switch (entry.type) {
                case PageEntryType::Cert:
                    storeCertificate(db, entry, context.hub, entrySubject);
                    break;
                case PageEntryType::Hub:
                    storeDescriptor(db, entry, context.hub, entrySubject);
                    break;
                case PageEntryType::ChangeSet: {
                    const ChangeSet cs = verifyPageChangeSet(db, entry, entrySubject);
                    if (!handlers.onChangeSet) throw Error(ErrorCode::Internal, "inbox", "no change-set handler");
                    handlers.onChangeSet(cs, entry.admission);
                    ++delivered;
                    break;
                }
                case PageEntryType::Receipt:
                    if (entry.admission.deviceId != context.deviceId) {
                        throw SyncError(SyncCode::DeviceMismatch, entrySubject);
                    }
                    if (handlers.onReceipt) handlers.onReceipt(entry.admission);
                    ++receipts;
                    break;
                }
            }
            if (handlers.onPageApplied) handlers.onPageApplied(page);
            db.prepare("DELETE FROM sync_outgoing WHERE device_seq <= ?")
                .bind(1, static_cast<std::int64_t>(page.ackedDeviceSeq))
                .run();
            storage::writeMeta(db, kCheckpointKey, std::to_string(page.lastSeq));
            storage::writeMeta(db, kHubTimeKey, std::to_string(std::max(readHubTimeMs(db), page.hubTimeMs)));
            tx.commit();
        } catch (const SyncError& error) {
            // A page that does not verify is set aside (".bad-" names are ignored by every reader); the daemon's
            // since_seq stops at the gap, so the range is downloaded again.
            setAside(file.path);
            result.rejected.push_back(error);
            continue;
        }
        if (context.clock != nullptr) context.clock->observe(journal::makeHlc(page.hubTimeMs, 0));
        result.checkpoint = page.lastSeq;
        result.changeSetsDelivered += delivered;
        result.receipts += receipts;
        ++result.pagesApplied;
        const std::string text = "office_seq " + std::to_string(result.checkpoint) + "\n";
        writeFileAtomically(checkpointFile.parent_path(), checkpointFile.filename().string(),
                            crypto::asBytes(text));
        fs::remove(file.path);
    }

    if (handlers.onRefusal) {
        for (const auto& file : notices) {
            const std::string subject = file.path.filename().string();
            try {
                const auto bytes = readWholeFile(file.path, kRefusalNoticeBytes);
                const RefusalNotice notice = decodeRefusalNotice(bytes, context.hub.identityPk, subject);
                if (notice.hubId != context.hub.hubId) throw SyncError(SyncCode::WrongHub, subject);
                if (notice.deviceId != context.deviceId) throw SyncError(SyncCode::WrongDevice, subject);
                storage::Transaction tx(db);
                handlers.onRefusal(notice);
                tx.commit();
            } catch (const SyncError& error) {
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

}  // namespace abri::sync
