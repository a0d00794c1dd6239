#pragma once
// What the hub knows of attachment records (sync/PROTOCOL.md §11.1, §11.3): records are item ops it admitted into a
// case's merged state like any other, so it takes a chunk only when that state holds the live record the chunk
// claims to belong to, and it drops the chunks of a record once the record's tombstone is admitted.
#include <cstddef>
#include <string_view>

#include "merge/merge_state.h"
#include "storage/database.h"
#include "wire/attachment_chunk.h"

namespace abri::sync::hub {

// unknown_entity unless the case's stored state holds a live attachment record of that id whose chunk count,
// content hash and hash at the chunk's index are the chunk's; device_mismatch when another device added it.
void requireAdmittedRecord(storage::Database& db, const wire::AttachmentChunk& chunk, std::string_view subject);

// Deletes the held chunks of every removed attachment of the case (in the caller's transaction). Returns the rows
// deleted.
std::size_t purgeRemovedAttachmentChunks(storage::Database& db, const wire::Id16& caseId,
                                         const merge::MergeState& state);

}  // namespace abri::sync::hub
