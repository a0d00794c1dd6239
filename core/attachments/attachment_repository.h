#pragma once
// Attachments on a case (optionally on one of its items): scanned consent forms, identity documents, medical and
// legal papers, photos. The only way the app and the CLI add, list, read and remove them.
//
// Storage (schema step 7, docs/attachments.md): inside the vault's SQLCipher file, in tables of their own that the
// case list never reads. The content is cut into chunks of kChunkBytes, each stored once under its BLAKE2b-256
// (content-addressed), and the attachment record lists them in order with the BLAKE2b-256 of the whole content.
// So nothing of an attachment is ever on disk in the clear (no temporary file either: a file is read piece by
// piece straight into the vault), and a chunk can later travel as its own signed, hash-checked change-set.
//
// Rules:
// - The type comes from the content (content_type.h), never from the name. Executables, empty files, files over
//   Limits::maxFileBytes and paths that cannot be read are refused with an AttachmentError; nothing is stored.
// - Append-only with supersede, like notes: a corrected scan is a new attachment that supersedes the old one.
// - Removal is a tombstone plus purge: the record stays (id, case, category, size, who and when) but its name,
//   content hash and every chunk no other attachment uses are deleted (secure_delete zeroes the freed pages).
// - Permissions: add and supersede need EditCases; list needs ViewCases (file names are shown only to roles that
//   may reveal sensitive fields); reading the content needs RevealSensitive and is audited like a reveal
//   (attachment_viewed); export also needs ExportData (attachment_exported); removal needs DeleteCases.
// - Every write runs in one transaction with its audit entry and its journal op: an add journals the record as an
//   item op of kind "attachment" and queues its chunks for upload, a removal journals the record's tombstone
//   (attachment_transfer.h, sync/PROTOCOL.md §11). created_hlc is the journal op's stamp.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "attachments/attachment_error.h"
#include "attachments/content_type.h"

namespace abri::vault {
class Vault;
}

namespace abri::attachments {

enum class Category { ConsentForm, IdentityDocument, Medical, Legal, Photo, Other };
std::string_view categoryCode(Category category) noexcept;  // "consent_form", "identity_document", ...
std::optional<Category> categoryFromCode(std::string_view code) noexcept;
const std::vector<Category>& allCategories();
// A name that may be shown for an attachment: 1..255 bytes of UTF-8, no control character or '/', not . or ..
bool isValidAttachmentFileName(std::string_view name) noexcept;

constexpr std::size_t kChunkBytes = 256 * 1024;

struct Limits {
    std::uint64_t maxFileBytes = 20ULL * 1024 * 1024;  // 20 MiB per file
};

struct AttachmentInfo {
    std::string id;
    std::string caseId;
    std::optional<std::string> itemId;
    std::string fileName;          // empty when masked (fileNameMasked) or removed
    bool fileNameMasked = false;   // the user's role may not reveal sensitive fields
    ContentType type = ContentType::Pdf;
    std::uint64_t size = 0;
    Category category = Category::Other;
    std::string addedBy;           // user id
    std::int64_t addedMs = 0;
    std::string contentHash;       // BLAKE2b-256 of the content, 64 hex (empty once removed)
    std::int64_t chunkCount = 0;
    // Chunks of it this vault holds: less than chunkCount while a synced file is still arriving (read() refuses it
    // with attachment_incomplete until then, sync/PROTOCOL.md §11.1).
    std::int64_t chunksHeld = 0;
    std::optional<std::string> supersedes;  // the attachment this one replaces
    bool superseded = false;                // a later attachment replaces this one
    bool removed = false;
};

// One chunk of an attachment, in order: what sync will send and check.
struct ChunkRef {
    std::int64_t seq = 0;
    std::string hash;  // 64 hex
    std::int64_t size = 0;
};

struct AddOptions {
    Category category = Category::Other;
    std::optional<std::string> itemId{};  // an item of the same case (a consent, a service ...)
    std::optional<std::string> fileName{};  // the name to show; default: the file's own name
};

class AttachmentRepository {
public:
    explicit AttachmentRepository(vault::Vault& vault, Limits limits = {});

    // Attaches the file at `path` to case `caseId`. Returns the new attachment's id.
    // Throws AttachmentError (Empty, TooLarge, Executable, UnsupportedType, Unreadable, InvalidFileName) or
    // Error (NotFound "case"/"item", PermissionDenied, VaultLocked); on any of them nothing is stored.
    std::string addFile(std::string_view caseId, const std::filesystem::path& path, const AddOptions& options);
    // The same from bytes already in memory (the app's drag and drop); options.fileName is required.
    std::string addBytes(std::string_view caseId, std::span<const std::uint8_t> content, const AddOptions& options);
    // A new attachment replacing `attachmentId` (same case and item; category from options). Returns its id.
    std::string supersedeWithFile(std::string_view attachmentId, const std::filesystem::path& path,
                                  const AddOptions& options);

    // The case's attachments, oldest first; removed ones only when asked.
    std::vector<AttachmentInfo> list(std::string_view caseId, bool includeRemoved = false);
    std::optional<AttachmentInfo> find(std::string_view attachmentId);
    std::vector<ChunkRef> chunks(std::string_view attachmentId);

    // Hands the content to `sink` chunk by chunk, each checked against its hash first (AttachmentError
    // ContentDamaged otherwise). Audited (attachment_viewed) before the first byte leaves the core. Error NotFound
    // for a removed attachment or one on a deleted case (read and export alike).
    void read(std::string_view attachmentId, const std::function<void(std::span<const std::uint8_t>)>& sink);
    // Writes the content to `target` atomically (common/atomic_file.h, mode 0600), after checking every chunk and
    // the whole content's hash. Audited (attachment_exported). Returns the number of bytes written.
    std::uint64_t exportTo(std::string_view attachmentId, const std::filesystem::path& target);

    // Tombstone + purge (see above).
    void remove(std::string_view attachmentId);

private:
    struct Ingest;
    std::string store(std::string_view caseId, const AddOptions& options, const std::string& fileName,
                      const std::optional<std::string>& supersedes,
                      const std::function<void(Ingest&)>& feed);

    vault::Vault& vault_;
    Limits limits_;
};

}  // namespace abri::attachments
