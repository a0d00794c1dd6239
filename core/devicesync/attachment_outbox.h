#pragma once
// The device side of attachment upload (sync/PROTOCOL.md §11.3): each chunk of an attachment added here becomes one
// sealed at- file in the outbox, written in the same pass (A2) as the cs- file that carries its record, and never
// before it: the hub takes a chunk only for a record it has admitted. abri-syncd sends at- files only when no cs-
// file waits, so case edits always go first on a slow link.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "crypto/signing.h"
#include "wire/hub_descriptor.h"

namespace abri::vault {
class Vault;
}

namespace abri::devicesync {

// Writes one at- file per chunk on the upload queue whose record is packed (attachments::AttachmentTransfer::
// uploadsReady): the signed ABAK chunk, sealed to the hub's box key (content 3), written atomically; each chunk
// leaves the queue once its file is in place. A file already there (a crash between the write and the queue
// update) is written again identically. Returns the names written, in queue order.
std::vector<std::string> writeAttachmentOutboxFiles(vault::Vault& vault, const wire::HubDescriptor& hub,
                                                    const crypto::SigningKeyPair& deviceKey,
                                                    const std::filesystem::path& outboxDir);

// Deletes the at- files of this device whose attachment is no longer live here (removed, or its case erased or
// purged by retention): what was removed must not leave the laptop, even sealed. Returns the number deleted.
std::size_t removeWithdrawnUploadFiles(vault::Vault& vault, const std::filesystem::path& outboxDir);

}  // namespace abri::devicesync
