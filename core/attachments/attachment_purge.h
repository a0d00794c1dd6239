#pragma once
// Erasure and retention (core/erasure): every attachment of a case leaves the vault, records included. Unlike a
// removal (a tombstone that keeps who removed what), nothing of them stays: the case itself is being purged.
#include <string_view>

namespace abri::storage {
class Database;
}

namespace abri::attachments {

// Deletes the case's attachment records, their parts, and every chunk no other attachment still lists.
// Runs in the caller's transaction; returns the number of attachment records deleted.
int purgeCaseAttachments(storage::Database& db, std::string_view caseId);

}  // namespace abri::attachments
