#pragma once
// Erasure and retention (core/erasure): every attachment of a case leaves the vault, records included. Unlike a
// removal (a tombstone that keeps who removed what), nothing of them stays: the case itself is being purged.
#include <cstdint>
#include <string_view>
#include <vector>

namespace abri::storage {
class Database;
}

namespace abri::attachments {

// Deletes the case's attachment records, their parts, and every chunk no other attachment still lists.
// Runs in the caller's transaction; returns the number of attachment records deleted.
int purgeCaseAttachments(storage::Database& db, std::string_view caseId);

// Deletes each of these chunks that no attachment part lists any more (content-addressed: the same scan attached
// twice shares its chunks). A removal and a case purge both end here; secure_delete overwrites the freed space.
void purgeUnlistedChunks(storage::Database& db, const std::vector<std::vector<std::uint8_t>>& chunkHashes);

// The tombstone of a removal, local or synced (§11.1): deletes the attachment's parts, every chunk no other
// attachment lists and its upload queue, and clears its name and content hash; the record keeps its id, case,
// category, size and who/when. Runs in the caller's transaction.
void tombstoneAttachment(storage::Database& db, std::string_view attachmentId, std::string_view removedBy,
                         std::int64_t removedMs);

// Takes the attachment's chunks off this device's upload queue (schema step 9): a removed file is never sent.
void forgetUploads(storage::Database& db, std::string_view attachmentId);

}  // namespace abri::attachments
