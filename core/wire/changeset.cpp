#include "wire/changeset.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "common/byte_io.h"
#include "wire/canonical_cbor.h"
#include "wire/compression.h"
#include "wire/limits.h"
#include "wire/sync_error.h"
#include "wire/wire_reader.h"

namespace abri::wire {

namespace {

using nlohmann::json;
constexpr std::array<std::uint8_t, 4> kMagic = {'A', 'B', 'C', 'S'};
constexpr std::size_t kFixedHeaderBytes = 104;  // up to the office's str8 length byte

std::string opSubject(std::size_t index) { return "op " + std::to_string(index); }

[[noreturn]] void badOp(std::size_t index) { throw SyncError(SyncCode::BadOp, opSubject(index)); }

bool isValidFieldPath(std::string_view path) {
    if (path.empty() || path.size() > kMaxFieldPathBytes) return false;
    bool segmentEmpty = true;
    for (char c : path) {
        if (c == '.') {
            if (segmentEmpty) return false;
            segmentEmpty = true;
            continue;
        }
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) return false;
        segmentEmpty = false;
    }
    return !segmentEmpty;
}

bool containsBinary(const json& value) {
    if (value.is_binary()) return true;
    if (value.is_structured()) {
        for (const auto& child : value) {
            if (containsBinary(child)) return true;
        }
    }
    return false;
}

bool isId16(const json& value) { return value.is_binary() && value.get_binary().size() == 16; }

Id16 toId16(const json& value) {
    Id16 id{};
    const auto& bin = value.get_binary();
    std::copy(bin.begin(), bin.end(), id.begin());
    return id;
}

json binaryOf(std::span<const std::uint8_t> bytes) {
    return json::binary(std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
}

bool readUnsigned(const json& value, std::uint64_t max, std::uint64_t& out) {
    if (!value.is_number_unsigned()) return false;
    out = value.get<std::uint64_t>();
    return out <= max;
}

OpVersion readVersion(const json& value, std::size_t index) {
    if (!value.is_array() || value.size() != 2 || !value[0].is_number_unsigned() || !isId16(value[1])) badOp(index);
    return OpVersion{value[0].get<std::uint64_t>(), toId16(value[1])};
}

// Checks the value rules of §3.4 that depend on the op kind.
void checkValue(const Op& op, const json& value, const Id16& caseId, std::size_t index) {
    if (containsBinary(value)) badOp(index);  // values are JSON-shaped: a byte string has no JSON form
    if (json::to_cbor(value).size() > kMaxValue) badOp(index);
    switch (op.kind) {
    case OpKind::Create:
        if (!value.is_object()) badOp(index);
        if (op.entity == EntityKind::Item) {
            for (const auto& [key, child] : value.items()) {
                if (key != "case_id" && key != "doc" && key != "kind" && key != "supersedes") badOp(index);
                if (key != "doc" && !child.is_string()) badOp(index);
            }
            if (!value.contains("case_id") || !value.contains("doc") || !value.contains("kind")) badOp(index);
            if (!value["doc"].is_object()) badOp(index);
            if (value["case_id"].get<std::string>() != idToHex(caseId)) badOp(index);
        }
        break;
    case OpKind::Delete:
    case OpKind::Erase:
        if (!value.is_null()) badOp(index);
        break;
    case OpKind::Set:
    case OpKind::Resolve:
        break;
    }
}

Op decodeOp(const json& item, const std::vector<Id16>& authors, const Id16& caseId, std::size_t index) {
    if (!item.is_array() || item.size() != 8) badOp(index);
    Op op;
    std::uint64_t n = 0;
    const auto kind = item[0].is_number_unsigned() ? opKindFromWire(item[0].get<std::uint64_t>()) : std::nullopt;
    if (!kind) badOp(index);
    op.kind = *kind;
    const auto entity =
        item[1].is_number_unsigned() ? entityKindFromWire(item[1].get<std::uint64_t>()) : std::nullopt;
    if (!entity) badOp(index);
    op.entity = *entity;
    if (!isId16(item[2])) badOp(index);
    op.entityId = toId16(item[2]);
    if (op.entity == EntityKind::Case && op.entityId != caseId) badOp(index);
    if (op.kind == OpKind::Erase && op.entity != EntityKind::Case) badOp(index);
    if (!item[3].is_string()) badOp(index);
    op.field = item[3].get<std::string>();
    const bool hasField = op.kind == OpKind::Set || op.kind == OpKind::Resolve;
    if (hasField ? !isValidFieldPath(op.field) : !op.field.empty()) badOp(index);

    checkValue(op, item[4], caseId, index);
    op.valueJson = item[4].dump();

    if (!item[5].is_array()) badOp(index);
    for (const auto& parent : item[5]) op.parents.push_back(readVersion(parent, index));
    switch (op.kind) {
    case OpKind::Create:
    case OpKind::Delete:
    case OpKind::Erase:
        if (!op.parents.empty()) badOp(index);
        break;
    case OpKind::Set:
        if (op.parents.size() != 1) badOp(index);
        break;
    case OpKind::Resolve: {
        if (op.parents.size() < 2) badOp(index);
        std::set<OpVersion> distinct(op.parents.begin(), op.parents.end());
        if (distinct.size() != op.parents.size()) badOp(index);
        break;
    }
    }
    if (!item[6].is_number_unsigned()) badOp(index);
    op.hlc = item[6].get<std::uint64_t>();
    if (!readUnsigned(item[7], authors.size() - 1, n)) badOp(index);
    op.authorIndex = static_cast<std::uint32_t>(n);
    return op;
}

// An erasure travels alone (§3.4): a replica purges the case on it, so nothing else may ride in its change-set.
void checkEraseAlone(const std::vector<Op>& ops) {
    if (ops.size() < 2) return;
    for (std::size_t i = 0; i < ops.size(); ++i)
        if (ops[i].kind == OpKind::Erase) badOp(i);
}

json opToJson(const Op& op, std::size_t index) {
    json value;
    try {
        value = json::parse(op.valueJson);
    } catch (const json::exception&) {
        badOp(index);
    }
    if (!isEncodableValue(value, kMaxDepth - 3)) badOp(index);  // body, ops and the op array enclose it
    json parents = json::array();
    for (const auto& p : op.parents) parents.push_back(json::array({p.hlc, binaryOf(p.device)}));
    return json::array({std::uint64_t{wireValue(op.kind)}, std::uint64_t{wireValue(op.entity)},
                        binaryOf(op.entityId), op.field, std::move(value), std::move(parents), op.hlc,
                        static_cast<std::uint64_t>(op.authorIndex)});
}

std::size_t cborHeadSize(std::size_t n) {
    if (n < 24) return 1;
    if (n <= 0xff) return 2;
    if (n <= 0xffff) return 3;
    return 5;
}

}  // namespace

ChangeSetFrame decodeChangeSetFrame(std::span<const std::uint8_t> bytes, std::string_view subject) {
    if (bytes.size() > kMaxChangeSetBytes) throw SyncError(SyncCode::TooLarge, std::string(subject));
    auto r = wireReader(bytes, subject);
    const auto magic = r.fixed<4>();
    if (magic != kMagic) fail(r, SyncCode::BadMagic);
    ChangeSetFrame f;
    ChangeSetHeader& h = f.header;
    h.version = r.u8();
    if (h.version != kChangeSetVersion) fail(r, SyncCode::UnsupportedFormat);
    const std::uint8_t flags = r.u8();
    if ((flags & ~1u) != 0) fail(r, SyncCode::BadHeader);
    h.compressed = (flags & 1u) != 0;
    h.opCount = r.u16();
    h.deviceId = r.fixed<16>();
    h.deviceSeq = r.u64();
    h.prevHash = r.fixed<32>();
    h.hlcMin = r.u64();
    h.hlcMax = r.u64();
    h.caseId = r.fixed<16>();
    h.bodyRawLen = r.u32();
    h.bodyLen = r.u32();
    h.office = r.str8();
    if (h.opCount == 0 || h.opCount > kMaxOps) fail(r, SyncCode::BadHeader);
    if (h.deviceSeq == 0) fail(r, SyncCode::BadHeader);
    if (h.deviceSeq == 1 && h.prevHash != Hash32{}) fail(r, SyncCode::BadHeader);
    if (h.bodyRawLen == 0 || h.bodyRawLen > kMaxBodyRaw || h.bodyLen == 0) fail(r, SyncCode::BadHeader);
    if (!h.compressed && h.bodyLen != h.bodyRawLen) fail(r, SyncCode::BadHeader);
    if (!isValidOfficeCode(h.office, true)) fail(r, SyncCode::BadHeader);
    f.bodyOffset = r.offset();
    r.take(h.bodyLen);
    const std::size_t signedLength = r.offset();
    f.signature = r.fixed<crypto::kSignatureBytes>();
    r.expectEnd();
    f.id = crypto::blake2b({bytes.first(signedLength)});
    return f;
}

void verifyChangeSetSignature(const ChangeSetFrame& frame, std::span<const std::uint8_t> signerPublicKey,
                              std::string_view subject) {
    if (!crypto::verifyDigest(signerPublicKey, crypto::Domain::ChangeSet, frame.id, frame.signature)) {
        throw SyncError(SyncCode::BadSignature, std::string(subject));
    }
}

ChangeSet decodeChangeSetBody(const ChangeSetFrame& frame, std::span<const std::uint8_t> bytes,
                              std::string_view subject) {
    const ChangeSetHeader& h = frame.header;
    const auto body = bytes.subspan(frame.bodyOffset, h.bodyLen);
    crypto::Bytes decompressed;
    std::span<const std::uint8_t> raw = body;
    if (h.compressed) {
        decompressed = decompressBody(body, h.bodyRawLen, subject);
        raw = decompressed;
    }
    const json root = decodeCanonicalCbor(raw, kMaxDepth, subject);
    const std::string subjectText(subject);
    if (!root.is_array() || root.size() != 2 || !root[0].is_array() || !root[1].is_array()) {
        throw SyncError(SyncCode::BadEncoding, subjectText);
    }
    ChangeSet cs;
    cs.header = h;
    cs.id = frame.id;
    cs.signature = frame.signature;
    const json& authors = root[0];
    if (authors.empty() || authors.size() > kMaxAuthors) throw SyncError(SyncCode::BadEncoding, subjectText);
    for (const auto& a : authors) {
        if (!isId16(a)) throw SyncError(SyncCode::BadEncoding, subjectText);
        cs.authors.push_back(toId16(a));
    }
    const json& ops = root[1];
    cs.ops.reserve(ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) cs.ops.push_back(decodeOp(ops[i], cs.authors, h.caseId, i));

    if (cs.ops.size() != h.opCount) throw SyncError(SyncCode::BadHeader, subjectText);
    checkEraseAlone(cs.ops);
    for (std::size_t i = 1; i < cs.ops.size(); ++i) {
        if (cs.ops[i].hlc <= cs.ops[i - 1].hlc) throw SyncError(SyncCode::BadHeader, opSubject(i));
    }
    if (cs.ops.front().hlc != h.hlcMin || cs.ops.back().hlc != h.hlcMax) {
        throw SyncError(SyncCode::BadHeader, subjectText);
    }
    cs.bytes.assign(bytes.begin(), bytes.end());
    return cs;
}

ChangeSet decodeChangeSet(std::span<const std::uint8_t> bytes, std::span<const std::uint8_t> signerPublicKey,
                          std::string_view subject) {
    const ChangeSetFrame frame = decodeChangeSetFrame(bytes, subject);
    if (!signerPublicKey.empty()) verifyChangeSetSignature(frame, signerPublicKey, subject);
    return decodeChangeSetBody(frame, bytes, subject);
}

crypto::Bytes encodeOpCbor(const Op& op) { return json::to_cbor(opToJson(op, 0)); }

std::size_t bodyRawSize(std::size_t authorCount, std::size_t opCount, std::size_t sumOfOpSizes) {
    return 1 + cborHeadSize(authorCount) + authorCount * 17 + cborHeadSize(opCount) + sumOfOpSizes;
}

ChangeSet encodeChangeSet(const ChangeSetDraft& draft, const crypto::SigningKeyPair& signer) {
    const std::string subject = "change-set " + std::to_string(draft.deviceSeq);
    if (draft.ops.empty() || draft.ops.size() > kMaxOps) throw SyncError(SyncCode::BadHeader, subject);
    if (draft.authors.empty() || draft.authors.size() > kMaxAuthors) throw SyncError(SyncCode::BadEncoding, subject);
    if (!isValidOfficeCode(draft.office, true)) throw SyncError(SyncCode::BadHeader, subject);

    json authors = json::array();
    for (const auto& a : draft.authors) authors.push_back(binaryOf(a));
    json ops = json::array();
    for (std::size_t i = 0; i < draft.ops.size(); ++i) {
        if (draft.ops[i].kind == OpKind::Erase && draft.ops[i].entity != EntityKind::Case) badOp(i);
        ops.push_back(opToJson(draft.ops[i], i));
    }
    checkEraseAlone(draft.ops);
    const crypto::Bytes raw = json::to_cbor(json::array({std::move(authors), std::move(ops)}));
    if (raw.size() > kMaxBodyRaw) throw SyncError(SyncCode::TooLarge, subject);

    std::optional<crypto::Bytes> packed;
    if (draft.allowCompression) packed = compressBody(raw);
    const crypto::Bytes& body = packed ? *packed : raw;

    crypto::Bytes out;
    out.reserve(kFixedHeaderBytes + 1 + draft.office.size() + body.size() + crypto::kSignatureBytes);
    ByteWriter w(out);
    w.raw(kMagic);
    w.u8(kChangeSetVersion);
    w.u8(packed ? 1 : 0);
    w.u16(static_cast<std::uint16_t>(draft.ops.size()));
    w.raw(draft.deviceId);
    w.u64(draft.deviceSeq);
    w.raw(draft.prevHash);
    w.u64(draft.ops.front().hlc);
    w.u64(draft.ops.back().hlc);
    w.raw(draft.caseId);
    w.u32(static_cast<std::uint32_t>(raw.size()));
    w.u32(static_cast<std::uint32_t>(body.size()));
    w.str8(draft.office);
    w.raw(body);
    const Hash32 id = crypto::blake2b({out});
    w.raw(crypto::signDigest(signer, crypto::Domain::ChangeSet, id));
    if (out.size() > kMaxChangeSetBytes) throw SyncError(SyncCode::TooLarge, subject);
    // Decode what was just signed: every rule a receiver checks holds, or nothing is returned.
    return decodeChangeSet(out, signer.publicKey, subject);
}

}  // namespace abri::wire
