#include "attachment_records.h"

#include "attachments/attachment_transfer.h"
#include "case_state.h"
#include "crypto/primitives.h"
#include "wire/sync_error.h"

namespace abri::sync::hub {

using wire::SyncCode;
using wire::SyncError;

void requireAdmittedRecord(storage::Database& db, const wire::AttachmentChunk& chunk, std::string_view subject) {
    const auto state = storedCaseState(db, chunk.caseId);
    const std::string caseHex = wire::idToHex(chunk.caseId);
    const merge::EntityState* e = state.find(wire::idToHex(chunk.attachmentId));
    if (e == nullptr || !e->isAttachment() || e->deleted() || e->caseId != caseHex)
        throw SyncError(SyncCode::UnknownEntity, std::string(subject));
    const merge::RemoteOp& create = *e->create();
    const auto value = merge::parseValue(create.valueJson);
    attachments::AttachmentRecord record;
    try {
        record = attachments::recordFromDoc(e->id, caseHex, create.device,
                                            value.contains("doc") ? value["doc"] : merge::Json());
    } catch (const SyncError&) {
        throw SyncError(SyncCode::UnknownEntity, std::string(subject));
    }
    if (record.chunkHashes.size() != chunk.chunkCount || chunk.chunkIndex >= record.chunkHashes.size() ||
        record.chunkHashes[chunk.chunkIndex] != crypto::toHex(chunk.chunkHash) ||
        record.contentHash != crypto::toHex(chunk.contentHash))
        throw SyncError(SyncCode::UnknownEntity, std::string(subject));
    if (record.createdDevice != wire::idToHex(chunk.deviceId)) throw SyncError(SyncCode::DeviceMismatch, std::string(subject));
}

std::size_t purgeRemovedAttachmentChunks(storage::Database& db, const wire::Id16& caseId,
                                         const merge::MergeState& state) {
    std::size_t deleted = 0;
    for (const merge::EntityState* e : state.entitiesOfCase(wire::idToHex(caseId))) {
        if (!e->isAttachment() || !e->deleted()) continue;
        const auto id = wire::idFromHex(e->id);
        if (!id) continue;
        db.prepare("DELETE FROM attachment_chunks WHERE attachment_id = ?1;").bindBlob(1, *id).run();
        deleted += static_cast<std::size_t>(db.changes());
    }
    return deleted;
}

}  // namespace abri::sync::hub
