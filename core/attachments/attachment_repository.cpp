#include "attachments/attachment_repository.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

#include "attachments/attachment_purge.h"
#include "attachments/attachment_transfer.h"
#include "audit/audit_log.h"
#include "cases/case_store.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "common/utf8.h"
#include "crypto/primitives.h"
#include "journal/hlc.h"
#include "journal/journal.h"
#include "storage/database.h"
#include "vault/roles.h"
#include "vault/vault.h"

namespace abri::attachments {

namespace {

using vault::Permission;

constexpr std::array kCategories = {
    std::pair{Category::ConsentForm, std::string_view("consent_form")},
    std::pair{Category::IdentityDocument, std::string_view("identity_document")},
    std::pair{Category::Medical, std::string_view("medical")},
    std::pair{Category::Legal, std::string_view("legal")},
    std::pair{Category::Photo, std::string_view("photo")},
    std::pair{Category::Other, std::string_view("other")},
};

// Plaintext that passed through the heap (file pieces, chunks read back) is wiped before it is freed.
struct WipedBytes {
    std::vector<std::uint8_t> bytes;
    WipedBytes() = default;
    explicit WipedBytes(std::size_t size) : bytes(size) {}
    ~WipedBytes() { crypto::wipe(bytes.data(), bytes.capacity()); }
    WipedBytes(const WipedBytes&) = delete;
    WipedBytes& operator=(const WipedBytes&) = delete;
};

std::span<const std::uint8_t> hashSpan(const std::vector<std::uint8_t>& blob) { return {blob.data(), blob.size()}; }

std::string ioReason(int error) {
    switch (error) {
    case ENOENT: return "no such file";
    case EACCES:
    case EPERM: return "permission denied";
    case EISDIR: return "a folder, not a file";
    case ELOOP: return "too many symbolic links";
    case EIO: return "input/output error";
    default: return std::string("error ") + std::to_string(error);
    }
}

// A file opened for reading, its size taken from the open descriptor (no race between the check and the read).
class InputFile {
public:
    explicit InputFile(const std::filesystem::path& path) {
        // O_NONBLOCK: opening a FIFO must not hang; it is refused below as not a regular file.
        fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        if (fd_ < 0) throw AttachmentError(AttachmentCode::Unreadable, "file", ioReason(errno));
        struct stat st {};
        if (::fstat(fd_, &st) != 0) {
            const int error = errno;
            ::close(fd_);
            throw AttachmentError(AttachmentCode::Unreadable, "file", ioReason(error));
        }
        if (!S_ISREG(st.st_mode)) {
            ::close(fd_);
            throw AttachmentError(AttachmentCode::Unreadable, "file",
                                  S_ISDIR(st.st_mode) ? "a folder, not a file" : "not a regular file");
        }
        size_ = static_cast<std::uint64_t>(st.st_size);
    }
    ~InputFile() { ::close(fd_); }
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    std::uint64_t size() const noexcept { return size_; }

    // Fills `out` as far as the file goes; returns the bytes read (less than out.size() only at the end).
    std::size_t read(std::span<std::uint8_t> out) {
        std::size_t done = 0;
        while (done < out.size()) {
            const ssize_t n = ::read(fd_, out.data() + done, out.size() - done);
            if (n < 0) {
                if (errno == EINTR) continue;
                throw AttachmentError(AttachmentCode::Unreadable, "file", ioReason(errno));
            }
            if (n == 0) break;
            done += static_cast<std::size_t>(n);
        }
        return done;
    }

private:
    int fd_ = -1;
    std::uint64_t size_ = 0;
};

void checkFileName(const std::string& name) {
    if (!isValidAttachmentFileName(name)) throw AttachmentError(AttachmentCode::InvalidFileName, "file_name");
}

std::string tooLargeDetail(std::uint64_t size, std::uint64_t limit) {
    return std::to_string(size) + " bytes over the limit of " + std::to_string(limit) + " bytes";
}

constexpr std::string_view kSelectInfo =
    "SELECT a.id, a.case_id, a.item_id, a.file_name, a.content_type, a.size, a.category, a.added_by, a.added_ms, "
    "a.content_hash, a.chunk_count, a.supersedes, a.removed, "
    "EXISTS (SELECT 1 FROM attachments s WHERE s.supersedes = a.id AND s.removed = 0), "
    "(SELECT count(*) FROM attachment_parts p JOIN attachment_chunks c ON c.hash = p.chunk_hash "
    "WHERE p.attachment_id = a.id) "
    "FROM attachments a ";

AttachmentInfo infoFromRow(const storage::Statement& st, bool mayReveal) {
    AttachmentInfo info;
    info.id = st.text(0);
    info.caseId = st.text(1);
    info.itemId = st.optionalText(2);
    info.removed = st.int64(12) != 0;
    info.fileNameMasked = !mayReveal && !info.removed;
    if (mayReveal) info.fileName = st.text(3);
    info.type = contentTypeFromCode(st.text(4)).value_or(ContentType::PlainText);
    info.size = static_cast<std::uint64_t>(st.int64(5));
    info.category = categoryFromCode(st.text(6)).value_or(Category::Other);
    info.addedBy = st.text(7);
    info.addedMs = st.int64(8);
    info.contentHash = crypto::toHex(st.blob(9));
    info.chunkCount = st.int64(10);
    info.supersedes = st.optionalText(11);
    info.superseded = st.int64(13) != 0;
    info.chunksHeld = st.int64(14);
    return info;
}

}  // namespace

std::string_view categoryCode(Category category) noexcept {
    for (const auto& [value, code] : kCategories)
        if (value == category) return code;
    return "other";
}

bool isValidAttachmentFileName(std::string_view name) noexcept {
    if (name.empty() || name.size() > 255 || name == "." || name == ".." || !isValidUtf8(name)) return false;
    for (const unsigned char c : name) {
        if (c < 0x20 || c == 0x7F || c == '/') return false;
    }
    return true;
}

std::optional<Category> categoryFromCode(std::string_view code) noexcept {
    for (const auto& [value, name] : kCategories)
        if (name == code) return value;
    return std::nullopt;
}

const std::vector<Category>& allCategories() {
    static const std::vector<Category> all = [] {
        std::vector<Category> out;
        for (const auto& entry : kCategories) out.push_back(entry.first);
        return out;
    }();
    return all;
}

// Cuts what it is fed into chunks and stores them, inside the caller's transaction. The first piece decides the
// type; later pieces of plain text must stay text; the running size must stay within the limit.
struct AttachmentRepository::Ingest {
    storage::Database& db;
    std::string attachmentId;
    std::uint64_t limit = 0;
    crypto::Blake2bStream whole;
    std::optional<ContentType> type;
    std::uint64_t size = 0;
    std::int64_t seq = 0;
    std::vector<std::string> chunkHashes;  // hex, in order: the record that sync carries (§11.1)

    // `piece` is one chunk: kChunkBytes long except for the last.
    void chunk(std::span<const std::uint8_t> piece) {
        if (piece.empty()) return;
        size += piece.size();
        if (size > limit) throw AttachmentError(AttachmentCode::TooLarge, "file", tooLargeDetail(size, limit));
        if (!type) {
            const auto verdict = sniffContent(piece);
            if (verdict.refusal == ContentRefusal::Executable) throw AttachmentError(AttachmentCode::Executable);
            if (!verdict.type) throw AttachmentError(AttachmentCode::UnsupportedType);
            type = verdict.type;
        } else if (type == ContentType::PlainText && !looksLikeTextContinuation(piece)) {
            throw AttachmentError(AttachmentCode::UnsupportedType, "file", "binary data after a text beginning");
        }
        whole.update(piece);
        const auto hash = crypto::blake2b({piece});
        // Content-addressed: a chunk already stored (the same scan attached again, a supersede that keeps most
        // pages) is stored once.
        db.cached("INSERT OR IGNORE INTO attachment_chunks (hash, size, data) VALUES (?1, ?2, ?3);")
            .bindBlob(1, hash)
            .bind(2, static_cast<std::int64_t>(piece.size()))
            .bindBlob(3, piece)
            .run();
        db.cached("INSERT INTO attachment_parts (attachment_id, seq, chunk_hash) VALUES (?1, ?2, ?3);")
            .bind(1, attachmentId)
            .bind(2, seq)
            .bindBlob(3, hash)
            .run();
        chunkHashes.push_back(crypto::toHex(hash));
        ++seq;
    }
};

AttachmentRepository::AttachmentRepository(vault::Vault& vault, Limits limits) : vault_(vault), limits_(limits) {}

std::string AttachmentRepository::store(std::string_view caseId, const AddOptions& options,
                                        const std::string& fileName, const std::optional<std::string>& supersedes,
                                        const std::function<void(Ingest&)>& feed) {
    vault_.require(Permission::EditCases);
    checkFileName(fileName);
    auto& db = vault_.db();
    cases::CaseStore caseStore(db);
    const auto row = caseStore.findCase(caseId);
    if (!row || row->deleted) throw Error(ErrorCode::NotFound, "case");
    if (options.itemId) {
        const auto item = caseStore.findItem(*options.itemId);
        if (!item || item->deleted || item->caseId != row->id) throw Error(ErrorCode::NotFound, "item");
    }

    storage::Transaction tx(db);
    Ingest ingest{db, crypto::randomId(), limits_.maxFileBytes, {}, std::nullopt, 0, 0, {}};
    feed(ingest);
    if (ingest.size == 0 || !ingest.type) throw AttachmentError(AttachmentCode::Empty);
    const auto contentHash = ingest.whole.finish();
    const std::int64_t now = vault_.nowMs();
    const std::string userId = vault_.currentUser().id;
    // The record is journalled as an item op of kind "attachment" (sync/PROTOCOL.md §11.1), so it travels, signed and
    // authorised, in the case's change-set; the journal's stamp is the attachment's created_hlc.
    AttachmentRecord record;
    record.id = ingest.attachmentId;
    record.caseId = row->id;
    record.itemId = options.itemId;
    record.fileName = fileName;
    record.type = *ingest.type;
    record.size = ingest.size;
    record.category = options.category;
    record.contentHash = crypto::toHex(contentHash);
    record.chunkHashes = ingest.chunkHashes;
    record.addedBy = userId;
    record.addedMs = now;
    record.supersedes = supersedes;
    const nlohmann::json value = {{"case_id", row->id}, {"kind", kAttachmentItemKind}, {"doc", recordDoc(record)}};
    const auto created = vault_.journal().append(
        journal::Op{"item", ingest.attachmentId, journal::OpKind::Create, "", value.dump(), std::nullopt}, userId);
    const auto hlc = created.hlc;
    auto insert = db.prepare(
        "INSERT INTO attachments (id, case_id, item_id, file_name, content_type, size, category, content_hash, "
        "chunk_bytes, chunk_count, added_by, added_ms, created_hlc, created_device, supersedes) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15);");
    insert.bind(1, ingest.attachmentId)
        .bind(2, row->id)
        .bind(3, options.itemId)
        .bind(4, fileName)
        .bind(5, contentTypeCode(*ingest.type))
        .bind(6, static_cast<std::int64_t>(ingest.size))
        .bind(7, categoryCode(options.category))
        .bindBlob(8, contentHash)
        .bind(9, static_cast<std::int64_t>(kChunkBytes))
        .bind(10, ingest.seq)
        .bind(11, userId)
        .bind(12, now)
        .bind(13, static_cast<std::int64_t>(hlc))
        .bind(14, vault_.deviceId())
        .bind(15, supersedes)
        .run();
    // Its chunks go to the hub as at- files once the record's change-set is packed (devicesync/attachment_outbox.h).
    auto& upload = db.cached("INSERT INTO attachment_uploads (attachment_id, chunk_index) VALUES (?1, ?2);");
    for (std::int64_t i = 0; i < ingest.seq; ++i) {
        upload.reset();
        upload.bind(1, ingest.attachmentId).bind(2, i).run();
    }
    std::string detail = "case " + row->id;
    if (supersedes) detail += " supersedes " + *supersedes;
    vault_.audit().append(now, userId, audit::Action::AttachmentAdded, ingest.attachmentId,
                          categoryCode(options.category), detail);
    tx.commit();
    return ingest.attachmentId;
}

std::string AttachmentRepository::addFile(std::string_view caseId, const std::filesystem::path& path,
                                          const AddOptions& options) {
    vault_.require(Permission::EditCases);
    const std::string fileName = options.fileName.value_or(path.filename().string());
    checkFileName(fileName);
    InputFile file(path);
    // The cheap refusals before anything is read or the vault is written to.
    if (file.size() == 0) throw AttachmentError(AttachmentCode::Empty);
    if (file.size() > limits_.maxFileBytes)
        throw AttachmentError(AttachmentCode::TooLarge, "file", tooLargeDetail(file.size(), limits_.maxFileBytes));
    WipedBytes buffer(kChunkBytes);
    return store(caseId, options, fileName, std::nullopt, [&](Ingest& ingest) {
        for (;;) {
            const std::size_t n = file.read(buffer.bytes);
            ingest.chunk(std::span<const std::uint8_t>(buffer.bytes).first(n));
            if (n < buffer.bytes.size()) break;
        }
    });
}

std::string AttachmentRepository::addBytes(std::string_view caseId, std::span<const std::uint8_t> content,
                                           const AddOptions& options) {
    vault_.require(Permission::EditCases);
    if (!options.fileName) throw AttachmentError(AttachmentCode::InvalidFileName, "file_name");
    if (content.empty()) throw AttachmentError(AttachmentCode::Empty);
    if (content.size() > limits_.maxFileBytes)
        throw AttachmentError(AttachmentCode::TooLarge, "file", tooLargeDetail(content.size(), limits_.maxFileBytes));
    return store(caseId, options, *options.fileName, std::nullopt, [&](Ingest& ingest) {
        for (std::size_t at = 0; at < content.size(); at += kChunkBytes)
            ingest.chunk(content.subspan(at, std::min(kChunkBytes, content.size() - at)));
    });
}

std::string AttachmentRepository::supersedeWithFile(std::string_view attachmentId, const std::filesystem::path& path,
                                                    const AddOptions& options) {
    vault_.require(Permission::EditCases);
    const auto old = find(attachmentId);
    if (!old || old->removed) throw Error(ErrorCode::NotFound, "attachment");
    AddOptions same = options;
    same.itemId = old->itemId;
    const std::string fileName = options.fileName.value_or(path.filename().string());
    checkFileName(fileName);
    InputFile file(path);
    if (file.size() == 0) throw AttachmentError(AttachmentCode::Empty);
    if (file.size() > limits_.maxFileBytes)
        throw AttachmentError(AttachmentCode::TooLarge, "file", tooLargeDetail(file.size(), limits_.maxFileBytes));
    WipedBytes buffer(kChunkBytes);
    return store(old->caseId, same, fileName, old->id, [&](Ingest& ingest) {
        for (;;) {
            const std::size_t n = file.read(buffer.bytes);
            ingest.chunk(std::span<const std::uint8_t>(buffer.bytes).first(n));
            if (n < buffer.bytes.size()) break;
        }
    });
}

std::vector<AttachmentInfo> AttachmentRepository::list(std::string_view caseId, bool includeRemoved) {
    vault_.require(Permission::ViewCases);
    const bool mayReveal = vault_.can(Permission::RevealSensitive);
    auto st = vault_.db().prepare(std::string(kSelectInfo) + "WHERE a.case_id = ?1" +
                                  (includeRemoved ? "" : " AND a.removed = 0") + " ORDER BY a.added_ms, a.rowid;");
    st.bind(1, caseId);
    std::vector<AttachmentInfo> out;
    while (st.step()) out.push_back(infoFromRow(st, mayReveal));
    return out;
}

std::optional<AttachmentInfo> AttachmentRepository::find(std::string_view attachmentId) {
    vault_.require(Permission::ViewCases);
    const bool mayReveal = vault_.can(Permission::RevealSensitive);
    auto st = vault_.db().prepare(std::string(kSelectInfo) + "WHERE a.id = ?1;");
    st.bind(1, attachmentId);
    if (!st.step()) return std::nullopt;
    return infoFromRow(st, mayReveal);
}

std::vector<ChunkRef> AttachmentRepository::chunks(std::string_view attachmentId) {
    vault_.require(Permission::ViewCases);
    auto st = vault_.db().prepare(
        "SELECT p.seq, p.chunk_hash, c.size FROM attachment_parts p "
        "LEFT JOIN attachment_chunks c ON c.hash = p.chunk_hash WHERE p.attachment_id = ?1 ORDER BY p.seq;");
    st.bind(1, attachmentId);
    std::vector<ChunkRef> out;
    while (st.step()) out.push_back({st.int64(0), crypto::toHex(st.blob(1)), st.optionalInt64(2).value_or(0)});
    return out;
}

namespace {

// Streams the stored chunks of a live attachment to `sink`, each checked against its hash before it is handed
// out, and checks that they are all there and add up to the recorded size and content hash. No permission check
// and no audit entry: the callers do both.
void readVerified(storage::Database& db, const AttachmentInfo& info,
                  const std::function<void(std::span<const std::uint8_t>)>& sink) {
    auto st = db.prepare(
        "SELECT p.seq, p.chunk_hash, c.data FROM attachment_parts p "
        "LEFT JOIN attachment_chunks c ON c.hash = p.chunk_hash WHERE p.attachment_id = ?1 ORDER BY p.seq;");
    st.bind(1, info.id);
    std::int64_t expectedSeq = 0;
    std::uint64_t size = 0;
    crypto::Blake2bStream whole;
    while (st.step()) {
        if (st.int64(0) != expectedSeq)
            throw AttachmentError(AttachmentCode::ContentDamaged, info.id, "chunk " + std::to_string(expectedSeq) +
                                                                                " missing");
        // A synced record whose chunks are still on their way (sync/PROTOCOL.md §11.1).
        if (st.isNull(2))
            throw AttachmentError(AttachmentCode::Incomplete, info.id,
                                  "chunk " + std::to_string(expectedSeq) + " not received yet");
        const auto hash = st.blob(1);
        WipedBytes data;
        data.bytes = st.blob(2);
        const auto actual = crypto::blake2b({data.bytes});
        if (!crypto::constantTimeEqual(actual, hashSpan(hash)))
            throw AttachmentError(AttachmentCode::ContentDamaged, info.id,
                                  "chunk " + std::to_string(expectedSeq) + " does not match its hash");
        whole.update(data.bytes);
        size += data.bytes.size();
        sink(data.bytes);
        ++expectedSeq;
    }
    if (expectedSeq != info.chunkCount || size != info.size)
        throw AttachmentError(AttachmentCode::ContentDamaged, info.id, "chunks missing");
    std::vector<std::uint8_t> recorded;
    if (!crypto::fromHex(info.contentHash, recorded) || !crypto::constantTimeEqual(whole.finish(), recorded))
        throw AttachmentError(AttachmentCode::ContentDamaged, info.id, "content does not match its hash");
}

// An attachment whose content may be handed out: live, on a live case (a deleted case's files are not shown,
// like the case itself).
AttachmentInfo requireReadable(storage::Database& db, const std::optional<AttachmentInfo>& info) {
    if (!info || info->removed) throw Error(ErrorCode::NotFound, "attachment");
    const auto row = cases::CaseStore(db).findCase(info->caseId);
    if (!row || row->deleted) throw Error(ErrorCode::NotFound, "attachment");
    return *info;
}

}  // namespace

void AttachmentRepository::read(std::string_view attachmentId,
                                const std::function<void(std::span<const std::uint8_t>)>& sink) {
    vault_.require(Permission::RevealSensitive);
    const AttachmentInfo info = requireReadable(vault_.db(), find(attachmentId));
    // Recorded before the first byte leaves the core, like a reveal.
    vault_.audit().append(vault_.nowMs(), vault_.currentUser().id, audit::Action::AttachmentViewed, info.id,
                          categoryCode(info.category), "case " + info.caseId);
    readVerified(vault_.db(), info, sink);
}

std::uint64_t AttachmentRepository::exportTo(std::string_view attachmentId, const std::filesystem::path& target) {
    vault_.require(Permission::RevealSensitive);
    vault_.require(Permission::ExportData);
    const AttachmentInfo info = requireReadable(vault_.db(), find(attachmentId));
    WipedBytes content;
    content.bytes.reserve(static_cast<std::size_t>(info.size));
    readVerified(vault_.db(), info, [&](std::span<const std::uint8_t> piece) {
        content.bytes.insert(content.bytes.end(), piece.begin(), piece.end());
    });
    // The audit entry and the file stand or fall together: the entry is committed only once the file is in place.
    storage::Transaction tx(vault_.db());
    vault_.audit().append(vault_.nowMs(), vault_.currentUser().id, audit::Action::AttachmentExported, info.id,
                          categoryCode(info.category),
                          "case " + info.caseId + " bytes " + std::to_string(content.bytes.size()));
    writeFileAtomically(target, content.bytes);
    tx.commit();
    return content.bytes.size();
}

void AttachmentRepository::remove(std::string_view attachmentId) {
    vault_.require(Permission::DeleteCases);
    const auto info = find(attachmentId);
    if (!info || info->removed) throw Error(ErrorCode::NotFound, "attachment");
    auto& db = vault_.db();
    storage::Transaction tx(db);
    const std::int64_t now = vault_.nowMs();
    tombstoneAttachment(db, info->id, vault_.currentUser().id, now);
    // The tombstone travels like any deletion (§11.1): every replica clears the name and purges the content.
    vault_.journal().append(journal::Op{"item", info->id, journal::OpKind::Delete, "", "", std::nullopt},
                            vault_.currentUser().id);
    vault_.audit().append(now, vault_.currentUser().id, audit::Action::AttachmentRemoved, info->id,
                          categoryCode(info->category), "case " + info->caseId);
    tx.commit();
}

}  // namespace abri::attachments
