#pragma once
// The device side of attachment download (sync/PROTOCOL.md §11.4): the want list the daemon reads, and the chunk
// files it leaves in the inbox, opened, checked and stored into the vault's attachment tables. Runs after the pages
// (the records come in pages), with the vault unlocked.
#include <cstddef>
#include <filesystem>
#include <vector>

#include "crypto/sealed_box.h"
#include "wire/sync_error.h"

namespace abri::vault {
class Vault;
}

namespace abri::devicesync {

struct ChunkInboxResult {
    std::size_t stored = 0;
    std::size_t alreadyHeld = 0;
    std::vector<wire::SyncCode> refused;  // one per refused file, in name order (non-personal)
};

// Applies every inbox/ck-*.abri file, each in its own transaction: opens it with this device's box key, checks
// layout, hash, the signer's certificate (sync_certificates) and signature, and the record's hash at that index
// (attachments::AttachmentTransfer::acceptChunk), stores the data, and deletes the file. A refused file (damaged on
// the wire or on a stick, forged, or for a record not here yet) is deleted too and stores nothing: its chunk stays
// in the want list and is fetched again. Other names are left alone.
ChunkInboxResult applyChunkFiles(vault::Vault& vault, const std::filesystem::path& inboxDir,
                                 const crypto::BoxKeyPair& deviceBox);

// Writes <sync folder>/chunks-wanted (atomically) from the vault's missing chunks; an empty file when none.
// Returns the number of chunks wanted.
std::size_t writeChunksWanted(vault::Vault& vault, const std::filesystem::path& syncDir);

}  // namespace abri::devicesync
