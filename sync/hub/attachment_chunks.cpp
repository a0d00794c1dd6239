#include "attachment_chunks.h"

#include <algorithm>

#include "attachment_records.h"
#include "storage/database.h"
#include "wire/attachment_chunk.h"
#include "wire/limits.h"
#include "wire/sealed_file.h"
#include "wire/sync_error.h"

namespace abri::sync::hub {

namespace {

using wire::SyncCode;
using wire::SyncError;

constexpr std::uint64_t kDayMs = 86'400'000;

bool hasAccess(HubStore& store, const wire::Id16& caseId, const std::string& office) {
    const auto offices = store.caseOffices(caseId);
    return std::find(offices.begin(), offices.end(), office) != offices.end();
}

// budget_exhausted when `bytes` more would pass the office's budget for today.
void checkBudget(HubStore& store, const std::string& office, std::uint64_t bytes, std::uint64_t nowMs,
                 const AttachmentBudget& budget) {
    if (budget.bytesPerOfficePerDay == 0) return;
    if (attachmentBytesToday(store, office, nowMs) + bytes > budget.bytesPerOfficePerDay) {
        const std::uint64_t secondsLeft = (kDayMs - nowMs % kDayMs + 999) / 1000;
        throw SyncError(SyncCode::BudgetExhausted, office, secondsLeft);
    }
}

void count(HubStore& store, const std::string& office, std::uint64_t bytes, std::uint64_t nowMs) {
    const auto day = static_cast<std::int64_t>(nowMs / kDayMs);
    // SQLCipher 3.4 has no UPSERT.
    store.db()
        .prepare("INSERT OR IGNORE INTO attachment_usage(office, day, bytes) VALUES(?1, ?2, 0);")
        .bind(1, office)
        .bind(2, day)
        .run();
    store.db()
        .prepare("UPDATE attachment_usage SET bytes = bytes + ?3 WHERE office = ?1 AND day = ?2;")
        .bind(1, office)
        .bind(2, day)
        .bind(3, static_cast<std::int64_t>(bytes))
        .run();
}

}  // namespace

std::uint64_t attachmentBytesToday(HubStore& store, const std::string& office, std::uint64_t nowMs) {
    auto st = store.db().prepare("SELECT bytes FROM attachment_usage WHERE office = ?1 AND day = ?2;");
    st.bind(1, office).bind(2, static_cast<std::int64_t>(nowMs / kDayMs));
    return st.step() ? static_cast<std::uint64_t>(st.int64(0)) : 0;
}

void acceptChunkUpload(HubStore& store, const DeviceRecord& device, std::span<const std::uint8_t> sealedFile,
                       std::uint64_t nowMs, const AttachmentBudget& budget) {
    const std::string subject = "at-upload";
    storage::Transaction tx(store.db());
    checkBudget(store, device.office, sealedFile.size(), nowMs, budget);
    const auto opened = wire::openSealedFile(sealedFile, store.boxKey(), subject);
    if (opened.content != wire::SealedContent::Chunk) throw SyncError(SyncCode::BadMagic, subject);
    const auto decoded = wire::decodeAttachmentChunk(opened.payload, subject);
    const auto& c = decoded.chunk;
    if (c.deviceId != device.deviceId) throw SyncError(SyncCode::DeviceMismatch, subject);
    wire::verifyAttachmentChunk(decoded, device.certificate.signPk, subject);
    if (!hasAccess(store, c.caseId, device.office)) throw SyncError(SyncCode::ForbiddenCase, subject);
    requireAdmittedRecord(store.db(), c, subject);  // only chunks of a record the hub admitted (§11.3)
    store.db()
        .prepare("INSERT OR IGNORE INTO attachment_chunks(chunk_hash, case_id, attachment_id, chunk_index, "
                 "device_id, received_ms, bytes) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7);")
        .bindBlob(1, c.chunkHash)
        .bindBlob(2, c.caseId)
        .bindBlob(3, c.attachmentId)
        .bind(4, static_cast<std::int64_t>(c.chunkIndex))
        .bindBlob(5, c.deviceId)
        .bind(6, static_cast<std::int64_t>(nowMs))
        .bindBlob(7, opened.payload)
        .run();
    if (budget.countUsage) count(store, device.office, sealedFile.size(), nowMs);
    tx.commit();
}

crypto::Bytes chunkForDevice(HubStore& store, const DeviceRecord& device, const wire::ChunkWant& want,
                             std::uint64_t nowMs, const AttachmentBudget& budget) {
    const std::string subject = "chunk";
    storage::Transaction tx(store.db());
    auto st = store.db().prepare(
        "SELECT bytes FROM attachment_chunks WHERE chunk_hash = ?1 AND case_id = ?2 AND attachment_id = ?3 "
        "AND chunk_index = ?4;");
    st.bindBlob(1, want.chunkHash)
        .bindBlob(2, want.caseId)
        .bindBlob(3, want.attachmentId)
        .bind(4, static_cast<std::int64_t>(want.chunkIndex));
    if (!st.step() || !hasAccess(store, want.caseId, device.office))
        throw SyncError(SyncCode::ChunkUnavailable, subject);
    const auto chunk = st.blob(0);
    auto sealed = wire::encodeSealedFile(wire::SealedContent::Chunk, device.certificate.boxPk, chunk);
    checkBudget(store, device.office, sealed.size(), nowMs, budget);
    if (budget.countUsage) count(store, device.office, sealed.size(), nowMs);
    tx.commit();
    return sealed;
}

}  // namespace abri::sync::hub
