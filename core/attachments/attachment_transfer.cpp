#include "attachments/attachment_transfer.h"

#include "attachments/attachment_purge.h"
#include "audit/audit_log.h"
#include "cases/case_store.h"
#include "common/error.h"
#include "common/utf8.h"
#include "crypto/primitives.h"
#include "storage/database.h"
#include "vault/vault.h"
#include "wire/attachment_chunk.h"
#include "wire/limits.h"
#include "wire/sync_error.h"

namespace abri::attachments {

namespace {

using nlohmann::json;
using wire::SyncCode;
using wire::SyncError;

static_assert(kChunkBytes == wire::kAttachmentChunkBytes, "the vault's chunks are the wire's chunks (§11.7)");

bool isHex(std::string_view text, std::size_t length) {
    if (text.size() != length) return false;
    for (const char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

crypto::Bytes bytesOfHex(std::string_view hex) {
    crypto::Bytes out;
    if (!crypto::fromHex(hex, out)) throw Error(ErrorCode::Internal, "hex");
    return out;
}

[[noreturn]] void invalid(std::string_view key) { throw SyncError(SyncCode::InvalidValue, "doc." + std::string(key)); }

const json& member(const json& doc, std::string_view key) {
    const auto it = doc.find(std::string(key));
    if (it == doc.end()) invalid(key);
    return *it;
}

std::string textMember(const json& doc, std::string_view key) {
    const auto& value = member(doc, key);
    if (!value.is_string()) invalid(key);
    return value.get<std::string>();
}

std::string hexMember(const json& doc, std::string_view key, std::size_t length) {
    auto text = textMember(doc, key);
    if (!isHex(text, length)) invalid(key);
    return text;
}

std::uint64_t uintMember(const json& doc, std::string_view key) {
    const auto& value = member(doc, key);
    if (!value.is_number_unsigned()) invalid(key);
    return value.get<std::uint64_t>();
}

std::optional<std::string> optionalId(const json& doc, std::string_view key) {
    if (!doc.contains(std::string(key))) return std::nullopt;
    return hexMember(doc, key, 32);
}

std::string hexOf(std::span<const std::uint8_t> bytes) { return crypto::toHex(bytes); }

}  // namespace

json recordDoc(const AttachmentRecord& record) {
    json chunks = json::array();
    for (const auto& hash : record.chunkHashes) chunks.push_back(hash);
    json doc = {{"file_name", record.fileName},
                {"content_type", std::string(contentTypeCode(record.type))},
                {"size", record.size},
                {"category", std::string(categoryCode(record.category))},
                {"content_hash", record.contentHash},
                {"chunk_bytes", static_cast<std::uint64_t>(kChunkBytes)},
                {"chunks", chunks},
                {"added_by", record.addedBy},
                {"added_ms", record.addedMs}};
    if (record.itemId) doc["item_id"] = *record.itemId;
    if (record.supersedes) doc["supersedes"] = *record.supersedes;
    return doc;
}

AttachmentRecord recordFromDoc(std::string_view attachmentId, std::string_view caseId, std::string_view device,
                               const json& doc) {
    if (!doc.is_object()) invalid("");
    if (!isHex(attachmentId, 32)) throw SyncError(SyncCode::InvalidValue, "entity_id");
    if (!isHex(caseId, 32)) throw SyncError(SyncCode::InvalidValue, "case_id");
    AttachmentRecord r;
    r.id = attachmentId;
    r.caseId = caseId;
    r.createdDevice = device;
    r.fileName = textMember(doc, "file_name");
    if (!isValidAttachmentFileName(r.fileName)) invalid("file_name");
    const auto type = contentTypeFromCode(textMember(doc, "content_type"));
    if (!type) invalid("content_type");
    r.type = *type;
    r.size = uintMember(doc, "size");
    if (r.size == 0 || r.size > wire::kMaxAttachmentChunks * kChunkBytes) invalid("size");
    const auto category = categoryFromCode(textMember(doc, "category"));
    if (!category) invalid("category");
    r.category = *category;
    r.contentHash = hexMember(doc, "content_hash", 64);
    if (uintMember(doc, "chunk_bytes") != kChunkBytes) invalid("chunk_bytes");
    const auto& chunks = member(doc, "chunks");
    if (!chunks.is_array() || chunks.size() != (r.size + kChunkBytes - 1) / kChunkBytes) invalid("chunks");
    for (const auto& hash : chunks) {
        if (!hash.is_string() || !isHex(hash.get<std::string>(), 64)) invalid("chunks");
        r.chunkHashes.push_back(hash.get<std::string>());
    }
    r.addedBy = hexMember(doc, "added_by", 32);
    const auto& addedMs = member(doc, "added_ms");
    if (!addedMs.is_number_integer()) invalid("added_ms");
    r.addedMs = addedMs.get<std::int64_t>();
    r.itemId = optionalId(doc, "item_id");
    r.supersedes = optionalId(doc, "supersedes");
    return r;
}

AttachmentTransfer::AttachmentTransfer(vault::Vault& vault) : vault_(vault) {}

std::optional<AttachmentRecord> AttachmentTransfer::record(std::string_view attachmentId) {
    vault_.require(vault::Permission::ViewCases);
    auto& db = vault_.db();
    auto st = db.prepare(
        "SELECT id, case_id, item_id, file_name, content_type, size, category, content_hash, added_by, added_ms, "
        "supersedes, created_device FROM attachments WHERE id = ?1 AND removed = 0;");
    st.bind(1, attachmentId);
    if (!st.step()) return std::nullopt;
    AttachmentRecord r;
    r.id = st.text(0);
    r.caseId = st.text(1);
    r.itemId = st.optionalText(2);
    r.fileName = st.text(3);
    r.type = contentTypeFromCode(st.text(4)).value_or(ContentType::PlainText);
    r.size = static_cast<std::uint64_t>(st.int64(5));
    r.category = categoryFromCode(st.text(6)).value_or(Category::Other);
    r.contentHash = hexOf(st.blob(7));
    r.addedBy = st.text(8);
    r.addedMs = st.int64(9);
    r.supersedes = st.optionalText(10);
    r.createdDevice = st.text(11);
    auto parts = db.prepare("SELECT chunk_hash FROM attachment_parts WHERE attachment_id = ?1 ORDER BY seq;");
    parts.bind(1, attachmentId);
    while (parts.step()) r.chunkHashes.push_back(hexOf(parts.blob(0)));
    return r;
}

crypto::Bytes AttachmentTransfer::signedChunk(std::string_view attachmentId, std::uint32_t index,
                                              const crypto::SigningKeyPair& deviceKey) {
    vault_.require(vault::Permission::ViewCases);
    const auto r = record(attachmentId);
    if (!r || index >= r->chunkHashes.size()) throw Error(ErrorCode::NotFound, "attachment");
    auto st = vault_.db().prepare("SELECT data FROM attachment_chunks WHERE hash = ?1;");
    const auto hash = bytesOfHex(r->chunkHashes[index]);
    st.bindBlob(1, hash);
    if (!st.step()) throw Error(ErrorCode::NotFound, "attachment");
    crypto::Bytes data = st.blob(0);
    wire::AttachmentChunk chunk;
    chunk.deviceId = *wire::idFromHex(r->createdDevice);
    chunk.caseId = *wire::idFromHex(r->caseId);
    chunk.attachmentId = *wire::idFromHex(r->id);
    chunk.chunkIndex = index;
    chunk.chunkCount = static_cast<std::uint32_t>(r->chunkHashes.size());
    const auto content = bytesOfHex(r->contentHash);
    std::copy(content.begin(), content.end(), chunk.contentHash.begin());
    chunk.data = data;
    auto out = wire::encodeAttachmentChunk(chunk, deviceKey);
    crypto::wipe(data.data(), data.size());
    return out;
}

std::vector<PendingUpload> AttachmentTransfer::uploadsReady() {
    auto st = vault_.db().prepare(
        "SELECT a.case_id, u.attachment_id, u.chunk_index FROM attachment_uploads u "
        "JOIN attachments a ON a.id = u.attachment_id "
        "WHERE a.removed = 0 AND EXISTS (SELECT 1 FROM journal j WHERE j.entity_id = u.attachment_id "
        "AND j.op = 'create' AND j.origin = 'local' AND j.shipped = 1) "
        "ORDER BY a.rowid, u.chunk_index;");
    std::vector<PendingUpload> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), static_cast<std::uint32_t>(st.int64(2))});
    return out;
}

void AttachmentTransfer::markUploadWritten(std::string_view attachmentId, std::uint32_t index) {
    vault_.db()
        .prepare("DELETE FROM attachment_uploads WHERE attachment_id = ?1 AND chunk_index = ?2;")
        .bind(1, attachmentId)
        .bind(2, std::int64_t{index})
        .run();
}

void AttachmentTransfer::receiveRemoval(std::string_view attachmentId, std::string_view removedBy,
                                        std::int64_t removedMs) {
    auto& db = vault_.db();
    auto st = db.prepare("SELECT case_id, category FROM attachments WHERE id = ?1 AND removed = 0;");
    st.bind(1, attachmentId);
    if (!st.step()) return;
    const std::string caseId = st.text(0), category = st.text(1);
    tombstoneAttachment(db, attachmentId, removedBy, removedMs);
    vault_.audit().append(vault_.nowMs(), std::string(removedBy), audit::Action::AttachmentRemoved,
                          std::string(attachmentId), category, "case " + caseId + " from another device");
}

void AttachmentTransfer::receiveRecord(const AttachmentRecord& record) {
    auto& db = vault_.db();
    std::optional<storage::Transaction> tx;
    if (!db.inTransaction()) tx.emplace(db);
    if (db.prepare("SELECT 1 FROM attachments WHERE id = ?1;").bind(1, record.id).step()) return;
    const auto row = cases::CaseStore(db).findCase(record.caseId);
    if (!row) throw Error(ErrorCode::NotFound, "case");
    db.prepare(
          "INSERT INTO attachments (id, case_id, item_id, file_name, content_type, size, category, content_hash, "
          "chunk_bytes, chunk_count, added_by, added_ms, created_hlc, created_device, supersedes) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 0, ?13, ?14);")
        .bind(1, record.id)
        .bind(2, record.caseId)
        .bind(3, record.itemId)
        .bind(4, record.fileName)
        .bind(5, contentTypeCode(record.type))
        .bind(6, static_cast<std::int64_t>(record.size))
        .bind(7, categoryCode(record.category))
        .bindBlob(8, bytesOfHex(record.contentHash))
        .bind(9, static_cast<std::int64_t>(kChunkBytes))
        .bind(10, static_cast<std::int64_t>(record.chunkHashes.size()))
        .bind(11, record.addedBy)
        .bind(12, record.addedMs)
        .bind(13, record.createdDevice)
        .bind(14, record.supersedes)
        .run();
    auto part = db.prepare("INSERT INTO attachment_parts (attachment_id, seq, chunk_hash) VALUES (?1, ?2, ?3);");
    for (std::size_t i = 0; i < record.chunkHashes.size(); ++i) {
        part.reset();
        part.bind(1, record.id).bind(2, static_cast<std::int64_t>(i)).bindBlob(3, bytesOfHex(record.chunkHashes[i]));
        part.run();
    }
    if (tx) tx->commit();
}

ChunkOutcome AttachmentTransfer::acceptChunk(std::span<const std::uint8_t> bytes, const SignerKeyLookup& signerKey,
                                             std::string_view subject) {
    const auto decoded = wire::decodeAttachmentChunk(bytes, subject);
    const auto& c = decoded.chunk;
    // Signature before the record: a forged chunk costs one verification and nothing else.
    const auto key = signerKey(c.deviceId);
    if (!key) throw SyncError(SyncCode::UnknownDevice, std::string(subject));
    wire::verifyAttachmentChunk(decoded, *key, subject);
    auto& db = vault_.db();
    // The record decides which bytes belong at this index; a chunk with no record here is kept nowhere (§11.2).
    auto st = db.prepare(
        "SELECT a.created_device, a.content_hash, a.chunk_count, p.chunk_hash FROM attachments a "
        "JOIN attachment_parts p ON p.attachment_id = a.id AND p.seq = ?3 "
        "WHERE a.id = ?1 AND a.case_id = ?2 AND a.removed = 0;");
    st.bind(1, wire::idToHex(c.attachmentId)).bind(2, wire::idToHex(c.caseId)).bind(3, std::int64_t{c.chunkIndex});
    if (!st.step()) throw SyncError(SyncCode::UnknownEntity, std::string(subject));
    if (st.int64(2) != c.chunkCount || !crypto::constantTimeEqual(st.blob(1), c.contentHash) ||
        !crypto::constantTimeEqual(st.blob(3), c.chunkHash))
        throw SyncError(SyncCode::UnknownEntity, std::string(subject));
    if (st.text(0) != wire::idToHex(c.deviceId)) throw SyncError(SyncCode::DeviceMismatch, std::string(subject));
    auto insert = db.prepare("INSERT OR IGNORE INTO attachment_chunks (hash, size, data) VALUES (?1, ?2, ?3);");
    insert.bindBlob(1, c.chunkHash).bind(2, static_cast<std::int64_t>(c.data.size())).bindBlob(3, c.data).run();
    return db.changes() > 0 ? ChunkOutcome::Stored : ChunkOutcome::AlreadyHeld;
}

std::vector<WantedChunk> AttachmentTransfer::wanted() {
    auto st = vault_.db().prepare(
        "SELECT a.case_id, a.id, p.seq, p.chunk_hash FROM attachments a "
        "JOIN attachment_parts p ON p.attachment_id = a.id "
        "WHERE a.removed = 0 AND NOT EXISTS (SELECT 1 FROM attachment_chunks c WHERE c.hash = p.chunk_hash) "
        "ORDER BY a.rowid, p.seq;");
    std::vector<WantedChunk> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), static_cast<std::uint32_t>(st.int64(2)), hexOf(st.blob(3))});
    return out;
}

bool AttachmentTransfer::isComplete(std::string_view attachmentId) {
    auto st = vault_.db().prepare(
        "SELECT count(*) FROM attachment_parts p WHERE p.attachment_id = ?1 "
        "AND NOT EXISTS (SELECT 1 FROM attachment_chunks c WHERE c.hash = p.chunk_hash);");
    st.bind(1, attachmentId);
    st.step();
    const bool nothingMissing = st.int64(0) == 0;
    return nothingMissing && vault_.db()
                                 .prepare("SELECT 1 FROM attachments WHERE id = ?1 AND removed = 0;")
                                 .bind(1, attachmentId)
                                 .step();
}

}  // namespace abri::attachments
