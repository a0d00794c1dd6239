#pragma once
// The signed change-set (`ABCS`, sync/PROTOCOL.md §3.2-3.5): a fixed binary header, a CBOR body of ops
// (optionally one zstd frame), an Ed25519 signature. Pure functions: encoders return bytes, decoders return a value
// or throw SyncError with the §3.11 code of the first failing check.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wire/sync_types.h"
#include "wire/wire_types.h"
#include "crypto/primitives.h"
#include "crypto/signing.h"

namespace abri::wire {

struct Op {
    OpKind kind = OpKind::Set;
    EntityKind entity = EntityKind::Case;
    Id16 entityId{};
    std::string field;              // "" for create/delete; a field path for set/resolve
    std::string valueJson;          // JSON text of the value ("null" for delete); from_cbor(value).dump() on decode
    std::vector<OpVersion> parents; // create/delete: none; set: exactly the base; resolve: base first, then others
    Hlc hlc = 0;                    // identity of the op together with the change-set's device
    std::uint32_t authorIndex = 0;  // index into ChangeSet::authors
};

// Everything at fixed offsets, readable without touching the body (§3.2).
struct ChangeSetHeader {
    std::uint8_t version = 1;
    bool compressed = false;
    std::uint16_t opCount = 0;
    Id16 deviceId{};
    std::uint64_t deviceSeq = 0;
    Hash32 prevHash{};
    Hlc hlcMin = 0;
    Hlc hlcMax = 0;
    Id16 caseId{};
    std::uint32_t bodyRawLen = 0;
    std::uint32_t bodyLen = 0;
    std::string office;
};

struct ChangeSet {
    ChangeSetHeader header;
    std::vector<Id16> authors;  // user ids
    std::vector<Op> ops;
    Hash32 id{};                // H(S), S = everything before the signature
    crypto::Signature signature{};
    crypto::Bytes bytes;        // the signed change-set exactly as received or written: stored and forwarded verbatim
};

// Step 2 of §3.11: size (too_large), header (truncated, bad_magic, unsupported_format, bad_header), then id.
// The body is not looked at beyond its length.
struct ChangeSetFrame {
    ChangeSetHeader header;
    Hash32 id{};
    crypto::Signature signature{};
    std::size_t bodyOffset = 0;
};
ChangeSetFrame decodeChangeSetFrame(std::span<const std::uint8_t> bytes, std::string_view subject);

// Step 4: the signature over "abri/v1/changeset" || id. Throws SyncError(BadSignature).
void verifyChangeSetSignature(const ChangeSetFrame& frame, std::span<const std::uint8_t> signerPublicKey,
                              std::string_view subject);

// Step 7: decompress (bad_compression), CBOR (bad_encoding), ops (bad_op, subject "op <index>"), header
// consistency (bad_header: op_count, hlc_min/hlc_max, strictly increasing HLCs). The HLC epoch is not checked
// here: that is the hub's clock step (clock_out_of_bounds, §3.11 step 9).
ChangeSet decodeChangeSetBody(const ChangeSetFrame& frame, std::span<const std::uint8_t> bytes,
                              std::string_view subject);

// Steps 2, 4 (when signerPublicKey is not empty) and 7 in order.
ChangeSet decodeChangeSet(std::span<const std::uint8_t> bytes, std::span<const std::uint8_t> signerPublicKey,
                          std::string_view subject);

// What a packer provides; the encoder fills version, op count, HLC range, lengths and compression.
struct ChangeSetDraft {
    Id16 deviceId{};
    std::uint64_t deviceSeq = 0;
    Hash32 prevHash{};
    Id16 caseId{};
    std::string office;
    std::vector<Id16> authors;
    std::vector<Op> ops;
    bool allowCompression = true;
};
// Encodes, compresses when smaller, signs. Throws SyncError with the code a decoder would give for a draft that
// violates a rule (bad_op for a bad op, too_large when the result exceeds MAX_CS_BYTES, ...), so nothing
// undecodable is ever signed.
ChangeSet encodeChangeSet(const ChangeSetDraft& draft, const crypto::SigningKeyPair& signer);

// CBOR of one op as it appears in a body (the packer measures sizes with it; valueJson must parse).
crypto::Bytes encodeOpCbor(const Op& op);
// Raw body size of [authors, ops] given the encoded op sizes (exact).
std::size_t bodyRawSize(std::size_t authorCount, std::size_t opCount, std::size_t sumOfOpSizes);

}  // namespace abri::wire
