#include "attachments/attachment_purge.h"

#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.h"

namespace abri::attachments {

int purgeCaseAttachments(storage::Database& db, std::string_view caseId) {
    std::vector<std::string> ids;
    {
        auto st = db.prepare("SELECT id FROM attachments WHERE case_id = ?1;");
        st.bind(1, caseId);
        while (st.step()) ids.push_back(st.text(0));
    }
    std::vector<std::vector<std::uint8_t>> hashes;
    for (const auto& id : ids) {
        auto st = db.prepare("SELECT DISTINCT chunk_hash FROM attachment_parts WHERE attachment_id = ?1;");
        st.bind(1, id);
        while (st.step()) hashes.push_back(st.blob(0));
        db.prepare("DELETE FROM attachment_parts WHERE attachment_id = ?1;").bind(1, id).run();
        forgetUploads(db, id);
    }
    purgeUnlistedChunks(db, hashes);
    db.prepare("DELETE FROM attachments WHERE case_id = ?1;").bind(1, caseId).run();
    return static_cast<int>(ids.size());
}

void tombstoneAttachment(storage::Database& db, std::string_view attachmentId, std::string_view removedBy,
                         std::int64_t removedMs) {
    std::vector<std::vector<std::uint8_t>> hashes;
    {
        auto st = db.prepare("SELECT DISTINCT chunk_hash FROM attachment_parts WHERE attachment_id = ?1;");
        st.bind(1, attachmentId);
        while (st.step()) hashes.push_back(st.blob(0));
    }
    db.prepare("DELETE FROM attachment_parts WHERE attachment_id = ?1;").bind(1, attachmentId).run();
    purgeUnlistedChunks(db, hashes);
    forgetUploads(db, attachmentId);
    db.prepare(
          "UPDATE attachments SET removed = 1, removed_by = ?2, removed_ms = ?3, file_name = '', "
          "content_hash = x'' WHERE id = ?1;")
        .bind(1, attachmentId)
        .bind(2, removedBy)
        .bind(3, removedMs)
        .run();
}

void forgetUploads(storage::Database& db, std::string_view attachmentId) {
    db.prepare("DELETE FROM attachment_uploads WHERE attachment_id = ?1;").bind(1, attachmentId).run();
}

void purgeUnlistedChunks(storage::Database& db, const std::vector<std::vector<std::uint8_t>>& chunkHashes) {
    auto purge = db.prepare(
        "DELETE FROM attachment_chunks WHERE hash = ?1 "
        "AND NOT EXISTS (SELECT 1 FROM attachment_parts WHERE chunk_hash = ?1);");
    for (const auto& hash : chunkHashes) {
        purge.reset();
        purge.bindBlob(1, hash).run();
    }
}

}  // namespace abri::attachments
