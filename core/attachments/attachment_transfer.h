#pragma once
// Moving attachments between vaults (sync/PROTOCOL.md §11): the record that travels as an item op in the case's
// change-set, the signed chunks (`ABAK`) that travel after it, and the want list of chunks still to come.
//
// Sender: record() gives what the item op carries; signedChunk() cuts the stored content into ABAK chunks signed
// with the device key. Receiver: receiveRecord() stores the record and its parts without content (the attachment is
// listed but incomplete: read() refuses it with attachment_incomplete); acceptChunk() checks a chunk (layout, hash,
// the record's hash at its index, the adding device's signature) and stores it; once every chunk is stored the
// attachment reads like one added here. Chunks are content-addressed, so a chunk already held is never wanted,
// stored or sent again, whatever order they come in and however often.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "attachments/attachment_repository.h"
#include "crypto/signing.h"
#include "wire/wire_types.h"

namespace abri::vault {
class Vault;
}

namespace abri::attachments {

// The item kind of an attachment record in the change journal and on the wire (§11.1).
inline constexpr std::string_view kAttachmentItemKind = "attachment";

// The record as §11.1 defines it. Ids are 32 hex, hashes 64 hex.
struct AttachmentRecord {
    std::string id;
    std::string caseId;
    std::optional<std::string> itemId;
    std::string fileName;
    ContentType type = ContentType::Pdf;
    std::uint64_t size = 0;
    Category category = Category::Other;
    std::string contentHash;
    std::vector<std::string> chunkHashes;
    std::string addedBy;
    std::int64_t addedMs = 0;
    std::optional<std::string> supersedes;
    std::string createdDevice;  // the device that added it: the chunks' signer
};

// The item op's `doc` (§11.1) and back. recordFromDoc throws wire::SyncError(invalid_value, "doc.<key>") for a
// missing, mistyped or out-of-range key, or chunk hashes that do not fit the size.
nlohmann::json recordDoc(const AttachmentRecord& record);
AttachmentRecord recordFromDoc(std::string_view attachmentId, std::string_view caseId, std::string_view device,
                               const nlohmann::json& doc);

// A chunk the receiver lacks, in the want list's words (§11.4): ids and hashes only.
struct WantedChunk {
    std::string caseId;
    std::string attachmentId;
    std::uint32_t index = 0;
    std::string hash;
};

enum class ChunkOutcome { Stored, AlreadyHeld };

// A chunk of an attachment added here whose at- file is still to be written (§11.3).
struct PendingUpload {
    std::string caseId;
    std::string attachmentId;
    std::uint32_t index = 0;
};

// Looks up a device's Ed25519 key (known_devices on a laptop); nullopt when the device is not known.
using SignerKeyLookup = std::function<std::optional<crypto::PublicKey>(const wire::Id16& device)>;

class AttachmentTransfer {
public:
    explicit AttachmentTransfer(vault::Vault& vault);

    // Sender. nullopt for an unknown or removed attachment.
    std::optional<AttachmentRecord> record(std::string_view attachmentId);
    // Chunk `index` of a live, complete attachment of this vault, signed with `deviceKey` (the vault's device).
    // Error NotFound("attachment") when it is removed or not held, or the index is out of range.
    crypto::Bytes signedChunk(std::string_view attachmentId, std::uint32_t index,
                              const crypto::SigningKeyPair& deviceKey);

    // Chunks of attachments added on this device still to be sent, oldest attachment first, in chunk order: only
    // those whose record is already packed into a change-set, so the hub holds the record before the chunk.
    std::vector<PendingUpload> uploadsReady();
    // The chunk's at- file is written: the daemon owns it now.
    void markUploadWritten(std::string_view attachmentId, std::uint32_t index);

    // Receiver. Stores the record and its parts; nothing happens when the record is already here (idempotent).
    // Error NotFound("case") when the case is not in this vault. One transaction, or the caller's if one is open
    // (the merge applier stores records inside its page transaction).
    void receiveRecord(const AttachmentRecord& record);
    // Another device removed the attachment (its tombstone arrived, §11.1): as a local removal, the record keeps
    // its id, case, category and size, its name and content hash are cleared and its chunks purged; audited as
    // attachment_removed by `removedBy`. Nothing happens when it is not here or already removed. Caller's
    // transaction.
    void receiveRemoval(std::string_view attachmentId, std::string_view removedBy, std::int64_t removedMs);
    // Checks and stores one ABAK chunk. Throws wire::SyncError and stores nothing for: a bad layout (§11.2 codes),
    // hash_mismatch, unknown_entity (no live record of that attachment on that case here, or the record's hash at
    // that index differs), device_mismatch (signed by another device than the one that added it),
    // unknown_device, bad_signature. `subject` names the file (non-personal).
    ChunkOutcome acceptChunk(std::span<const std::uint8_t> bytes, const SignerKeyLookup& signerKey,
                             std::string_view subject);

    // Missing chunks of live records, oldest record first, in chunk order.
    std::vector<WantedChunk> wanted();
    // Every chunk of the attachment is stored.
    bool isComplete(std::string_view attachmentId);

private:
    vault::Vault& vault_;
};

}  // namespace abri::attachments
