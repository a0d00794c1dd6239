#include "merge/merge_state_codec.h"

#include <string>

#include "common/byte_io.h"
#include "common/error.h"

namespace abri::merge {

namespace {

// "ABMS", then the layout version. Strings and counts are u32, integers u64, kinds u8, reasons u16 (big-endian).
constexpr std::array<std::uint8_t, 4> kMagic{'A', 'B', 'M', 'S'};
constexpr std::uint8_t kLayoutVersion = 1;

[[noreturn]] void corrupted(std::string_view subject, const std::string& detail) {
    throw Error(ErrorCode::VaultCorrupted, std::string(subject), detail);
}

void onReadFailure(ByteReadFailure failure, std::string_view subject) {
    corrupted(subject, failure == ByteReadFailure::TrailingBytes ? "trailing bytes" : "truncated merge state");
}

void writeString(ByteWriter& out, std::string_view text) {
    out.u32(static_cast<std::uint32_t>(text.size()));
    out.raw(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::string readString(ByteReader& in) {
    const auto length = in.u32();
    const auto bytes = in.take(length);  // bounds-checked: a length past the end is "truncated"
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

void writeVersion(ByteWriter& out, const Version& version) {
    out.u64(version.hlc);
    writeString(out, version.device);
}

Version readVersion(ByteReader& in) {
    Version version;
    version.hlc = in.u64();
    version.device = readString(in);
    return version;
}

void writeOp(ByteWriter& out, const RemoteOp& op) {
    out.u8(wire::wireValue(op.kind));
    out.u8(wire::wireValue(op.entity));
    writeString(out, op.entityId);
    writeString(out, op.caseId);
    writeString(out, op.field);
    writeString(out, op.valueJson);
    out.u32(static_cast<std::uint32_t>(op.parents.size()));
    for (const auto& parent : op.parents) writeVersion(out, parent);
    out.u64(op.hlc);
    out.u64(op.effHlc);
    writeString(out, op.device);
    writeString(out, op.author);
}

RemoteOp readOp(ByteReader& in) {
    RemoteOp op;
    const auto kind = wire::opKindFromWire(in.u8());
    const auto entity = wire::entityKindFromWire(in.u8());
    if (!kind || !entity) corrupted(in.subject(), "unknown op or entity kind");
    op.kind = *kind;
    op.entity = *entity;
    op.entityId = readString(in);
    op.caseId = readString(in);
    op.field = readString(in);
    op.valueJson = readString(in);
    const auto parents = in.u32();
    // Each parent takes at least 12 bytes: a count beyond what is left is damage, not a reason to allocate.
    if (parents > in.remaining() / 12) corrupted(in.subject(), "parent count");
    op.parents.reserve(parents);
    for (std::uint32_t i = 0; i < parents; ++i) op.parents.push_back(readVersion(in));
    op.hlc = in.u64();
    op.effHlc = in.u64();
    op.device = readString(in);
    op.author = readString(in);
    return op;
}

// Every op once: per entity (ascending id) its creates, deletes, then each field's ops (ascending path), each group
// by identity. A function of the state's contents only, hence canonical.
template <typename Visit>
void forEachOp(const MergeState& state, Visit&& visit) {
    for (const auto& [id, entity] : state.entities()) {
        for (const auto& [identity, op] : entity.creates) visit(op);
        for (const auto& [identity, op] : entity.deletes) visit(op);
        for (const auto& [path, reg] : entity.fields)
            for (const auto& [identity, op] : reg.ops) visit(op);
    }
}

}  // namespace

std::vector<std::uint8_t> encodeMergeState(const MergeState& state) {
    std::vector<std::uint8_t> bytes;
    ByteWriter out(bytes);
    out.raw(kMagic);
    out.u8(kLayoutVersion);
    out.u32(static_cast<std::uint32_t>(state.opCount()));
    forEachOp(state, [&out](const RemoteOp& op) { writeOp(out, op); });
    out.u32(static_cast<std::uint32_t>(state.excluded().size()));
    for (const auto& [identity, reason] : state.excluded()) {
        writeVersion(out, identity);
        out.u16(wire::wireValue(reason));
    }
    return bytes;
}

MergeState decodeMergeState(std::span<const std::uint8_t> bytes, std::string_view subject) {
    ByteReader in(bytes, subject, onReadFailure);
    if (in.fixed<4>() != kMagic) corrupted(subject, "not a merge state");
    if (in.u8() != kLayoutVersion) corrupted(subject, "unknown merge state version");
    MergeState state;
    const auto ops = in.u32();
    for (std::uint32_t i = 0; i < ops; ++i) {
        if (!state.add(readOp(in))) corrupted(subject, "repeated op");
    }
    const auto exclusions = in.u32();
    for (std::uint32_t i = 0; i < exclusions; ++i) {
        auto identity = readVersion(in);
        const auto reason = wire::exclusionReasonFromWire(in.u16());
        if (!reason) corrupted(subject, "unknown exclusion reason");
        if (!state.recordExclusion(identity, *reason)) corrupted(subject, "repeated exclusion");
    }
    in.expectEnd();
    return state;
}

}  // namespace abri::merge
