#include "devicesync/outbox.h"

#include <algorithm>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "cases/case_store.h"
#include "common/decimal.h"
#include "common/error.h"
#include "storage/meta.h"
#include "wire/batch.h"
#include "wire/limits.h"
#include "wire/sealed_file.h"
#include "wire/sync_error.h"
#include "wire/sync_files.h"

namespace abri::devicesync {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* kChainHeadKey = "sync_chain_head";

struct PendingOp {
    std::int64_t journalSeq = 0;
    std::string caseHex;
    wire::Id16 author{};
    wire::Op op;
};

wire::Id16 requireId(std::string_view hex, std::string_view what) {
    auto id = wire::idFromHex(hex);
    if (!id) throw Error(ErrorCode::VaultCorrupted, std::string(what), "not a 32-hex id");
    return *id;
}

// The case an item belongs to: its create value names it; the item row is the fast path.
class CaseOfItem {
public:
    explicit CaseOfItem(storage::Database& db) : db_(db), store_(db) {}

    std::string lookup(const std::string& itemId) {
        if (auto it = cache_.find(itemId); it != cache_.end()) return it->second;
        std::string caseId;
        if (auto stored = store_.caseOfItem(itemId)) {
            caseId = std::move(*stored);
        } else {
            auto create = db_.prepare("SELECT value FROM journal WHERE entity_id = ? AND op = 'create' ORDER BY seq "
                                      "LIMIT 1");
            create.bind(1, itemId);
            if (!create.step()) throw Error(ErrorCode::VaultCorrupted, "journal.entity_id", "item without create");
            caseId = caseFromCreateValue(create.text(0));
        }
        cache_[itemId] = caseId;
        return caseId;
    }

    void remember(const std::string& itemId, const std::string& caseId) { cache_[itemId] = caseId; }

    static std::string caseFromCreateValue(const std::string& valueJson) {
        const json value = json::parse(valueJson, nullptr, false);
        if (!value.is_object() || !value.contains("case_id") || !value["case_id"].is_string()) {
            throw Error(ErrorCode::VaultCorrupted, "journal.value", "item create without case_id");
        }
        return value["case_id"].get<std::string>();
    }

private:
    storage::Database& db_;
    cases::CaseStore store_;
    std::unordered_map<std::string, std::string> cache_;
};

bool journalHasColumn(storage::Database& db, std::string_view column) {
    auto stmt = db.prepare("PRAGMA table_info(journal)");
    while (stmt.step()) {
        if (stmt.text(1) == column) return true;
    }
    return false;
}

// Parents kept by the journal as JSON text [[hlc, "device hex"], ...] (resolve ops; schema step 4).
std::vector<wire::OpVersion> parseParents(const std::string& text) {
    const json parsed = json::parse(text, nullptr, false);
    if (!parsed.is_array()) throw Error(ErrorCode::VaultCorrupted, "journal.parents");
    std::vector<wire::OpVersion> out;
    for (const auto& p : parsed) {
        if (!p.is_array() || p.size() != 2 || !p[0].is_number_unsigned() || !p[1].is_string()) {
            throw Error(ErrorCode::VaultCorrupted, "journal.parents");
        }
        out.push_back(wire::OpVersion{p[0].get<wire::Hlc>(), requireId(p[1].get<std::string>(), "journal.parents")});
    }
    return out;
}

std::vector<PendingOp> readUnshipped(storage::Database& db, const DeviceIdentity& identity) {
    // Schema step 4 (merge) adds case_id and a parents list; older layouts derive both.
    const bool hasCaseColumn = journalHasColumn(db, "case_id");
    const bool hasParentsColumn = journalHasColumn(db, "parents");
    const std::string sql = std::string("SELECT seq, hlc, device, user_id, entity, entity_id, op, field, value, "
                                        "base_hlc, base_device, ") +
                            (hasCaseColumn ? "case_id, " : "NULL, ") + (hasParentsColumn ? "parents " : "NULL ") +
                            "FROM journal WHERE shipped = 0 AND origin = 'local' ORDER BY seq";
    auto stmt = db.prepare(sql);
    CaseOfItem caseOfItem(db);
    std::vector<PendingOp> out;
    while (stmt.step()) {
        PendingOp p;
        p.journalSeq = stmt.int64(0);
        p.op.hlc = static_cast<wire::Hlc>(stmt.int64(1));
        if (requireId(stmt.text(2), "journal.device") != identity.deviceId) {
            // An op's identity is (hlc, header device): packing another device's op under ours would forge it.
            throw Error(ErrorCode::VaultCorrupted, "journal.device", "local entry of another device");
        }
        p.author = requireId(stmt.optionalText(3).value_or(""), "journal.user_id");
        const std::string entity = stmt.text(4);
        const std::string entityId = stmt.text(5);
        const std::string kind = stmt.text(6);
        p.op.field = stmt.optionalText(7).value_or("");
        p.op.entityId = requireId(entityId, "journal.entity_id");
        const auto entityKind = wire::entityKindFromCode(entity);
        if (!entityKind) throw Error(ErrorCode::VaultCorrupted, "journal.entity", "unknown entity kind");
        p.op.entity = *entityKind;
        const auto opKind = wire::opKindFromCode(kind);
        if (!opKind) throw Error(ErrorCode::VaultCorrupted, "journal.op", "op kind the packer does not know");
        p.op.kind = *opKind;

        p.op.valueJson = p.op.kind == wire::OpKind::Delete || p.op.kind == wire::OpKind::Erase
                             ? "null"
                             : stmt.optionalText(8).value_or("null");
        if (p.op.kind == wire::OpKind::Set || p.op.kind == wire::OpKind::Resolve) {
            if (auto parents = stmt.optionalText(12)) {
                p.op.parents = parseParents(*parents);
            } else if (!stmt.isNull(9)) {
                p.op.parents.push_back(
                    wire::OpVersion{static_cast<wire::Hlc>(stmt.int64(9)),
                                    requireId(stmt.optionalText(10).value_or(""), "journal.base_device")});
            }
            if (p.op.parents.empty()) throw Error(ErrorCode::VaultCorrupted, "journal.base_hlc", "edit without base");
        }
        if (auto caseId = stmt.optionalText(11)) {
            p.caseHex = *caseId;
        } else if (p.op.entity == wire::EntityKind::Case) {
            p.caseHex = entityId;
        } else if (p.op.kind == wire::OpKind::Create) {
            p.caseHex = CaseOfItem::caseFromCreateValue(p.op.valueJson);
            caseOfItem.remember(entityId, p.caseHex);
        } else {
            p.caseHex = caseOfItem.lookup(entityId);
        }
        out.push_back(std::move(p));
    }
    return out;
}

// Accumulates the ops of one case into a draft until the next op would break a limit of §3.2.
class DraftBuilder {
public:
    bool fits(const PendingOp& p) const {
        if (ops_.empty()) return true;
        const bool newAuthor = authorIndex(p.author) == std::nullopt;
        const std::size_t authors = authors_.size() + (newAuthor ? 1 : 0);
        if (ops_.size() + 1 > wire::kMaxOps || authors > wire::kMaxAuthors) return false;
        const std::size_t opSize = encodedSize(p, newAuthor ? authors_.size() : *authorIndex(p.author));
        return wire::bodyRawSize(authors, ops_.size() + 1, opBytes_ + opSize) <= wire::kPackBodyTarget;
    }

    void add(const PendingOp& p) {
        auto index = authorIndex(p.author);
        if (!index) {
            index = authors_.size();
            authors_.push_back(p.author);
        }
        wire::Op op = p.op;
        op.authorIndex = static_cast<std::uint32_t>(*index);
        opBytes_ += encodedSize(p, *index);
        ops_.push_back(std::move(op));
        firstJournalSeq_ = ops_.size() == 1 ? p.journalSeq : std::min(firstJournalSeq_, p.journalSeq);
        lastJournalSeq_ = std::max(lastJournalSeq_, p.journalSeq);
    }

    bool empty() const { return ops_.empty(); }
    std::int64_t firstJournalSeq() const { return firstJournalSeq_; }
    std::int64_t lastJournalSeq() const { return lastJournalSeq_; }

    wire::ChangeSetDraft take(const DeviceIdentity& identity, const wire::Id16& caseId) {
        wire::ChangeSetDraft draft;
        draft.deviceId = identity.deviceId;
        draft.caseId = caseId;
        draft.office = identity.office;
        draft.authors = std::move(authors_);
        draft.ops = std::move(ops_);
        *this = DraftBuilder();
        return draft;
    }

private:
    std::optional<std::size_t> authorIndex(const wire::Id16& author) const {
        auto it = std::find(authors_.begin(), authors_.end(), author);
        if (it == authors_.end()) return std::nullopt;
        return static_cast<std::size_t>(it - authors_.begin());
    }

    static std::size_t encodedSize(const PendingOp& p, std::size_t authorIndex) {
        wire::Op op = p.op;
        op.authorIndex = static_cast<std::uint32_t>(authorIndex);
        return wire::encodeOpCbor(op).size();
    }

    std::vector<wire::Id16> authors_;
    std::vector<wire::Op> ops_;
    std::size_t opBytes_ = 0;
    std::int64_t firstJournalSeq_ = 0;
    std::int64_t lastJournalSeq_ = 0;
};

}  // namespace

void writeChainHead(storage::Database& db, const ChainHead& head) {
    storage::writeMeta(db, kChainHeadKey, std::to_string(head.seq) + " " + wire::hashToHex(head.id));
}

ChainHead readChainHead(storage::Database& db) {
    const auto stored = storage::readMeta(db, kChainHeadKey);
    if (!stored) return {};
    const std::string& value = *stored;
    const auto space = value.find(' ');
    ChainHead head;
    crypto::Bytes id;
    const auto seq = parseNonNegativeDecimal(std::string_view(value).substr(0, space));
    if (!seq || space == std::string::npos || !crypto::fromHex(value.substr(space + 1), id) || id.size() != 32) {
        throw Error(ErrorCode::VaultCorrupted, "meta.sync_chain_head");
    }
    head.seq = static_cast<std::uint64_t>(*seq);
    std::copy(id.begin(), id.end(), head.id.begin());
    return head;
}

PackResult packUnshipped(storage::Database& db, const DeviceIdentity& identity, const crypto::SigningKeyPair& signer) {
    storage::Transaction tx(db);
    const std::vector<PendingOp> pending = readUnshipped(db, identity);
    PackResult result;
    if (pending.empty()) return result;

    // Group by case, cases in order of first appearance, ops in journal order within each case.
    std::vector<std::string> caseOrder;
    std::unordered_map<std::string, std::vector<const PendingOp*>> byCase;
    for (const auto& p : pending) {
        auto [it, inserted] = byCase.try_emplace(p.caseHex);
        if (inserted) caseOrder.push_back(p.caseHex);
        it->second.push_back(&p);
    }

    ChainHead head = readChainHead(db);
    auto insert = db.prepare(
        "INSERT INTO sync_outgoing (device_seq, id, bytes, first_journal_seq, last_journal_seq) VALUES (?, ?, ?, ?, ?)");
    auto seal = [&](DraftBuilder& builder, const wire::Id16& caseId) {
        const std::int64_t firstJournal = builder.firstJournalSeq();
        const std::int64_t lastJournal = builder.lastJournalSeq();
        wire::ChangeSetDraft draft = builder.take(identity, caseId);
        draft.deviceSeq = head.seq + 1;
        draft.prevHash = head.id;
        const wire::ChangeSet cs = wire::encodeChangeSet(draft, signer);
        insert.reset();
        insert.bind(1, static_cast<std::int64_t>(cs.header.deviceSeq))
            .bindBlob(2, cs.id)
            .bindBlob(3, cs.bytes)
            .bind(4, firstJournal)
            .bind(5, lastJournal)
            .run();
        head = ChainHead{cs.header.deviceSeq, cs.id};
        if (result.firstSeq == 0) result.firstSeq = head.seq;
        result.lastSeq = head.seq;
        ++result.changeSets;
        result.ops += cs.ops.size();
        result.bytes += cs.bytes.size();
    };

    for (const auto& caseHex : caseOrder) {
        const wire::Id16 caseId = requireId(caseHex, "case_id");
        DraftBuilder builder;
        for (const PendingOp* p : byCase[caseHex]) {
            const bool erase = p->op.kind == wire::OpKind::Erase;  // an erasure travels alone (§3.4)
            if (!builder.empty() && (erase || !builder.fits(*p))) seal(builder, caseId);
            builder.add(*p);
            if (erase) seal(builder, caseId);
        }
        if (!builder.empty()) seal(builder, caseId);
    }

    std::int64_t maxSeq = 0;
    for (const auto& p : pending) maxSeq = std::max(maxSeq, p.journalSeq);
    db.prepare("UPDATE journal SET shipped = 1 WHERE shipped = 0 AND origin = 'local' AND seq <= ?")
        .bind(1, maxSeq)
        .run();
    writeChainHead(db, head);
    tx.commit();
    return result;
}

std::vector<std::string> writeOutboxFiles(storage::Database& db, const DeviceIdentity& identity,
                                          const wire::HubDescriptor& hub, const fs::path& outboxDir,
                                          std::uint64_t ackedSeq) {
    fs::create_directories(outboxDir);
    // Seqs already in an outbox file of this device: never written twice (files are immutable once renamed).
    std::vector<std::pair<std::uint64_t, std::uint64_t>> covered;
    for (const auto& entry : fs::directory_iterator(outboxDir)) {
        auto name = wire::parseSyncFileName(entry.path().filename().string());
        if (name && name->kind == wire::SyncFileKind::OutboxBatch && name->deviceId == identity.deviceId) {
            covered.emplace_back(name->firstSeq, name->lastSeq);
        }
    }
    auto isCovered = [&](std::uint64_t seq) {
        return std::any_of(covered.begin(), covered.end(),
                           [seq](const auto& range) { return seq >= range.first && seq <= range.second; });
    };

    std::vector<std::string> written;
    wire::Batch batch;
    std::size_t payloadSize = 0;
    constexpr std::size_t kBatchHeaderBytes = 36;
    auto flush = [&] {
        if (batch.changeSets.empty()) return;
        const crypto::Bytes payload = wire::encodeBatch(batch);
        const crypto::Bytes file = wire::encodeSealedFile(wire::SealedContent::Batch, hub.boxPk, payload);
        const std::uint64_t last = batch.firstSeq + batch.changeSets.size() - 1;
        const std::string name = wire::outboxFileName(identity.deviceId, batch.firstSeq, last);
        wire::writeFileAtomically(outboxDir, name, file);
        written.push_back(name);
        batch = wire::Batch{};
        payloadSize = 0;
    };

    auto rows = db.prepare("SELECT device_seq, bytes FROM sync_outgoing WHERE device_seq > ? ORDER BY device_seq");
    rows.bind(1, static_cast<std::int64_t>(ackedSeq));
    while (rows.step()) {
        const auto seq = static_cast<std::uint64_t>(rows.int64(0));
        if (isCovered(seq)) {
            flush();
            continue;
        }
        crypto::Bytes bytes = rows.blob(1);
        const bool consecutive = !batch.changeSets.empty() && seq == batch.firstSeq + batch.changeSets.size();
        const bool full = batch.changeSets.size() + 1 > wire::kMaxBatchCount ||
                          kBatchHeaderBytes + payloadSize + 4 + bytes.size() > wire::kMaxBatchPayload;
        if (!batch.changeSets.empty() && (!consecutive || full)) flush();
        if (batch.changeSets.empty()) {
            batch.deviceId = identity.deviceId;
            batch.firstSeq = seq;
        }
        payloadSize += 4 + bytes.size();
        batch.changeSets.push_back(std::move(bytes));
    }
    flush();
    return written;
}

double bytesPerOp(const PackResult& result) {
    return result.ops == 0 ? 0.0 : static_cast<double>(result.bytes) / static_cast<double>(result.ops);
}

}  // namespace abri::devicesync
