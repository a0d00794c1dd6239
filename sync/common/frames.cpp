#include "frames.h"

#include <algorithm>

#include "common/byte_io.h"

namespace abri::sync {
namespace {

// Every failed read or check of a frame payload is malformed_frame (§4.4), with what failed as the subject.
[[noreturn]] void malformed(std::string subject) {
    throw wire::SyncError(wire::SyncCode::MalformedFrame, std::move(subject));
}

[[noreturn]] void failFrameRead(ByteReadFailure failure, std::string_view) {
    switch (failure) {
    case ByteReadFailure::Truncated: malformed("length");
    case ByteReadFailure::TrailingBytes: malformed("trailing bytes");
    case ByteReadFailure::NonZeroReserved: malformed("reserved");
    }
    malformed("payload");
}

ByteReader frameReader(std::span<const std::uint8_t> payload) { return ByteReader(payload, "frame", &failFrameRead); }

Bytes copyOf(std::span<const std::uint8_t> bytes) { return Bytes(bytes.begin(), bytes.end()); }

constexpr std::array<std::uint8_t, 4> kHelloMagic = {'A', 'B', 'R', 'I'};

// ASCII printable only: details and software names end up in logs.
void requirePrintableAscii(const std::string& text) {
    for (char c : text) {
        if (c < 0x20 || c > 0x7E) malformed("non-ascii text");
    }
}

Purpose purposeFrom(std::uint8_t v) {
    if (v != static_cast<std::uint8_t>(Purpose::Sync) && v != static_cast<std::uint8_t>(Purpose::Enrol)) {
        malformed("purpose");
    }
    return static_cast<Purpose>(v);
}

}  // namespace

bool isKnownFrameType(std::uint8_t type) noexcept {
    switch (type) {
    case 0x01: case 0x02: case 0x03: case 0x04: case 0x05: case 0x06:
    case 0x10: case 0x11:
    case 0x20: case 0x21: case 0x22: case 0x23:
    case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35:
        return true;
    default:
        return false;
    }
}

const char* frameTypeName(FrameType type) noexcept {
    switch (type) {
    case FrameType::Hello: return "HELLO";
    case FrameType::AuthOk: return "AUTH_OK";
    case FrameType::Error: return "ERROR";
    case FrameType::Ping: return "PING";
    case FrameType::Pong: return "PONG";
    case FrameType::Bye: return "BYE";
    case FrameType::EnrolRequest: return "ENROL_REQUEST";
    case FrameType::EnrolOk: return "ENROL_OK";
    case FrameType::UploadBegin: return "UPLOAD_BEGIN";
    case FrameType::UploadReady: return "UPLOAD_READY";
    case FrameType::UploadData: return "UPLOAD_DATA";
    case FrameType::UploadAck: return "UPLOAD_ACK";
    case FrameType::Download: return "DOWNLOAD";
    case FrameType::PageBegin: return "PAGE_BEGIN";
    case FrameType::PageData: return "PAGE_DATA";
    case FrameType::PageNone: return "PAGE_NONE";
    case FrameType::ChunkGet: return "CHUNK_GET";
    case FrameType::ChunkBegin: return "CHUNK_BEGIN";
    }
    return "UNKNOWN";
}

FrameHeader decodeFrameHeader(std::span<const std::uint8_t, kFrameHeaderBytes> header) {
    auto reader = frameReader(header);
    FrameHeader out;
    out.payloadLength = reader.u32();
    auto type = reader.u8();
    if (out.payloadLength > wire::kMaxFrame) throw wire::SyncError(wire::SyncCode::FrameTooLarge, "payload_len");
    if (!isKnownFrameType(type)) throw wire::SyncError(wire::SyncCode::UnknownFrame, "type");
    out.type = static_cast<FrameType>(type);
    return out;
}

Bytes encodeFrame(FrameType type, std::span<const std::uint8_t> payload) {
    if (payload.size() > wire::kMaxFrame) throw wire::SyncError(wire::SyncCode::FrameTooLarge, frameTypeName(type));
    Bytes out;
    ByteWriter w(out);
    w.u32(static_cast<std::uint32_t>(payload.size()));
    w.u8(static_cast<std::uint8_t>(type));
    w.raw(payload);
    return out;
}

Frame decodeFrame(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < kFrameHeaderBytes) throw wire::SyncError(wire::SyncCode::MalformedFrame, "header");
    auto header = decodeFrameHeader(bytes.first<kFrameHeaderBytes>());
    if (bytes.size() - kFrameHeaderBytes != header.payloadLength) {
        throw wire::SyncError(wire::SyncCode::MalformedFrame, "length");
    }
    auto payload = bytes.subspan(kFrameHeaderBytes);
    return Frame{header.type, Bytes(payload.begin(), payload.end())};
}

// ---- HELLO
Bytes encodePayload(const Hello& f) {
    Bytes out;
    ByteWriter w(out);
    w.raw(kHelloMagic);
    w.u16(f.protoMin);
    w.u16(f.protoMax);
    w.u32(f.capabilities);
    w.u8(static_cast<std::uint8_t>(f.purpose));
    w.raw(f.deviceId);
    w.u64(f.clientTimeMs);
    w.str8(f.software);
    return out;
}

Hello decodeHello(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    Hello f;
    if (r.fixed<4>() != kHelloMagic) malformed("magic");
    f.protoMin = r.u16();
    f.protoMax = r.u16();
    if (f.protoMin > f.protoMax) malformed("proto range");
    f.capabilities = r.u32();
    f.purpose = purposeFrom(r.u8());
    f.deviceId = r.fixed<16>();
    f.clientTimeMs = r.u64();
    f.software = r.str8();
    requirePrintableAscii(f.software);
    r.expectEnd();
    return f;
}

// ---- AUTH_OK
Bytes encodePayload(const AuthOk& f) {
    Bytes out;
    ByteWriter w(out);
    w.u16(f.proto);
    w.u32(f.capabilities);
    w.u8(static_cast<std::uint8_t>(f.session));
    w.u64(f.hubTimeMs);
    w.u32(f.maxFrame);
    w.u16(f.idleTimeoutS);
    w.u16(f.maxWaitS);
    w.u64(f.ackedSeq);
    w.u64(f.officeHeadSeq);
    w.blob16(f.descriptor);
    w.blob16(f.certificate);
    return out;
}

AuthOk decodeAuthOk(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    AuthOk f;
    f.proto = r.u16();
    f.capabilities = r.u32();
    f.session = purposeFrom(r.u8());
    f.hubTimeMs = r.u64();
    f.maxFrame = r.u32();
    f.idleTimeoutS = r.u16();
    f.maxWaitS = r.u16();
    f.ackedSeq = r.u64();
    f.officeHeadSeq = r.u64();
    f.descriptor = copyOf(r.blob16());
    f.certificate = copyOf(r.blob16());
    r.expectEnd();
    return f;
}

// ---- ERROR
Bytes encodePayload(const ErrorFrame& f) {
    Bytes out;
    ByteWriter w(out);
    w.u16(f.code);
    w.u8(f.fatal ? 1 : 0);
    w.u64(f.ref);
    w.str8(f.detail);
    return out;
}

ErrorFrame decodeError(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    ErrorFrame f;
    f.code = r.u16();
    auto fatal = r.u8();
    if (fatal > 1) malformed("fatal");
    f.fatal = fatal == 1;
    f.ref = r.u64();
    f.detail = r.str8();
    requirePrintableAscii(f.detail);
    r.expectEnd();
    return f;
}

// ---- PING / PONG / BYE
Bytes encodePayload(const PingPong& f) {
    Bytes out;
    ByteWriter w(out);
    w.u64(f.nonce);
    return out;
}

PingPong decodePingPong(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    PingPong f;
    f.nonce = r.u64();
    r.expectEnd();
    return f;
}

Bytes encodePayload(const Bye& f) {
    Bytes out;
    ByteWriter w(out);
    w.u16(f.code);
    return out;
}

Bye decodeBye(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    Bye f;
    f.code = r.u16();
    r.expectEnd();
    return f;
}

// ---- ENROL_REQUEST / ENROL_OK
Bytes encodePayload(const EnrolRequest& f) {
    Bytes out;
    ByteWriter w(out);
    w.raw(f.secret);
    w.raw(f.deviceId);
    w.raw(f.signPk);
    w.raw(f.boxPk);
    w.raw(f.tlsPk);
    w.str8(f.office);
    w.str8(f.label);
    w.raw(f.proof);
    return out;
}

EnrolRequest decodeEnrolRequest(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    EnrolRequest f;
    f.secret = r.fixed<32>();
    f.deviceId = r.fixed<16>();
    f.signPk = r.fixed<32>();
    f.boxPk = r.fixed<32>();
    f.tlsPk = r.fixed<32>();
    f.office = r.str8();
    requirePrintableAscii(f.office);
    f.label = r.str8();
    requirePrintableAscii(f.label);
    f.proof = r.fixed<64>();
    r.expectEnd();
    return f;
}

Bytes encodePayload(const EnrolOk& f) {
    Bytes out;
    ByteWriter w(out);
    w.blob16(f.certificate);
    w.blob16(f.descriptor);
    w.u64(f.hubTimeMs);
    w.u64(f.officeHeadSeq);
    return out;
}

EnrolOk decodeEnrolOk(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    EnrolOk f;
    f.certificate = copyOf(r.blob16());
    f.descriptor = copyOf(r.blob16());
    f.hubTimeMs = r.u64();
    f.officeHeadSeq = r.u64();
    r.expectEnd();
    return f;
}

// ---- UPLOAD_*
Bytes encodePayload(const UploadBegin& f) {
    Bytes out;
    ByteWriter w(out);
    w.raw(f.fileId);
    w.u32(f.size);
    w.u64(f.firstSeq);
    w.u64(f.lastSeq);
    return out;
}

UploadBegin decodeUploadBegin(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    UploadBegin f;
    f.fileId = r.fixed<32>();
    f.size = r.u32();
    f.firstSeq = r.u64();
    f.lastSeq = r.u64();
    if (f.size == 0) malformed("size");
    // first_seq = last_seq = 0 is an at- file (an attachment chunk, §11.3); a cs- file never has seq 0.
    const bool chunkFile = f.firstSeq == 0 && f.lastSeq == 0;
    if (!chunkFile && (f.firstSeq == 0 || f.firstSeq > f.lastSeq)) malformed("seq range");
    r.expectEnd();
    return f;
}

Bytes encodePayload(const UploadReady& f) {
    Bytes out;
    ByteWriter w(out);
    w.raw(f.fileId);
    w.u32(f.offset);
    return out;
}

UploadReady decodeUploadReady(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    UploadReady f;
    f.fileId = r.fixed<32>();
    f.offset = r.u32();
    r.expectEnd();
    return f;
}

Bytes encodePayload(const UploadData& f) {
    Bytes out;
    ByteWriter w(out);
    w.raw(f.fileId);
    w.u32(f.offset);
    w.raw(f.data);
    return out;
}

UploadData decodeUploadData(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    UploadData f;
    f.fileId = r.fixed<32>();
    f.offset = r.u32();
    auto data = r.rest();
    if (data.empty()) malformed("empty data");
    f.data.assign(data.begin(), data.end());
    return f;
}

Bytes encodePayload(const UploadAck& f) {
    if (f.results.size() > kMaxUploadResults)
        throw wire::SyncError(wire::SyncCode::MalformedFrame, "UPLOAD_ACK results");
    Bytes out;
    ByteWriter w(out);
    w.raw(f.fileId);
    w.u16(f.fileStatus);
    w.u64(f.ackedSeq);
    w.u16(static_cast<std::uint16_t>(f.results.size()));
    for (const auto& result : f.results) {
        w.u64(result.deviceSeq);
        w.u16(result.status);
        w.u16(result.excludedCount);
    }
    w.blob16(f.refusalNotice);
    return out;
}

UploadAck decodeUploadAck(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    UploadAck f;
    f.fileId = r.fixed<32>();
    f.fileStatus = r.u16();
    f.ackedSeq = r.u64();
    auto n = r.u16();
    if (n > kMaxUploadResults) malformed("result count");
    if (std::size_t{n} * 12 > r.remaining()) malformed("result count");
    f.results.reserve(n);
    for (std::uint16_t i = 0; i < n; ++i) {
        ChangeSetResult result;
        result.deviceSeq = r.u64();
        result.status = r.u16();
        result.excludedCount = r.u16();
        f.results.push_back(result);
    }
    f.refusalNotice = copyOf(r.blob16());
    r.expectEnd();
    return f;
}

// ---- DOWNLOAD / PAGE_*
Bytes encodePayload(const Download& f) {
    Bytes out;
    ByteWriter w(out);
    w.u64(f.sinceSeq);
    w.u16(f.maxEntries);
    w.u32(f.maxBytes);
    w.u32(f.waitMs);
    w.raw(f.resumePageId);
    w.u32(f.resumeOffset);
    w.str8(f.office);
    return out;
}

Download decodeDownload(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    Download f;
    f.sinceSeq = r.u64();
    f.maxEntries = r.u16();
    f.maxBytes = r.u32();
    f.waitMs = r.u32();
    f.resumePageId = r.fixed<16>();
    f.resumeOffset = r.u32();
    f.office = r.str8();
    requirePrintableAscii(f.office);
    if (f.maxEntries == 0) malformed("max_entries");
    if (f.maxBytes == 0 || f.maxBytes > kMaxDownloadBytes) malformed("max_bytes");
    r.expectEnd();
    return f;
}

Bytes encodePayload(const PageBegin& f) {
    Bytes out;
    ByteWriter w(out);
    w.raw(f.pageId);
    w.u64(f.firstSeq);
    w.u64(f.lastSeq);
    w.u64(f.headSeq);
    w.u32(f.size);
    w.raw(f.fileHash);
    w.u32(f.startOffset);
    return out;
}

PageBegin decodePageBegin(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    PageBegin f;
    f.pageId = r.fixed<16>();
    f.firstSeq = r.u64();
    f.lastSeq = r.u64();
    f.headSeq = r.u64();
    f.size = r.u32();
    f.fileHash = r.fixed<32>();
    f.startOffset = r.u32();
    if (f.firstSeq > f.lastSeq || f.lastSeq > f.headSeq) malformed("seq range");
    if (f.startOffset > f.size) malformed("start_offset");
    r.expectEnd();
    return f;
}

Bytes encodePayload(const PageData& f) {
    Bytes out;
    ByteWriter w(out);
    w.raw(f.pageId);
    w.u32(f.offset);
    w.raw(f.data);
    return out;
}

PageData decodePageData(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    PageData f;
    f.pageId = r.fixed<16>();
    f.offset = r.u32();
    auto data = r.rest();
    if (data.empty()) malformed("empty data");
    f.data.assign(data.begin(), data.end());
    return f;
}

Bytes encodePayload(const PageNone& f) {
    Bytes out;
    ByteWriter w(out);
    w.u64(f.headSeq);
    return out;
}

PageNone decodePageNone(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    PageNone f;
    f.headSeq = r.u64();
    r.expectEnd();
    return f;
}

Bytes encodePayload(const ChunkGet& f) {
    Bytes out;
    ByteWriter w(out);
    w.raw(f.want.chunkHash);
    w.raw(f.want.caseId);
    w.raw(f.want.attachmentId);
    w.u32(f.want.chunkIndex);
    w.u32(f.resumeOffset);
    return out;
}

ChunkGet decodeChunkGet(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    ChunkGet f;
    f.want.chunkHash = r.fixed<32>();
    f.want.caseId = r.fixed<16>();
    f.want.attachmentId = r.fixed<16>();
    f.want.chunkIndex = r.u32();
    f.resumeOffset = r.u32();
    if (f.want.chunkIndex >= wire::kMaxAttachmentChunks) malformed("chunk_index");
    r.expectEnd();
    return f;
}

Bytes encodePayload(const ChunkBegin& f) {
    Bytes out;
    ByteWriter w(out);
    w.raw(f.chunkHash);
    w.u32(f.size);
    w.raw(f.fileHash);
    w.u32(f.startOffset);
    return out;
}

ChunkBegin decodeChunkBegin(std::span<const std::uint8_t> p) {
    auto r = frameReader(p);
    ChunkBegin f;
    f.chunkHash = r.fixed<32>();
    f.size = r.u32();
    f.fileHash = r.fixed<32>();
    f.startOffset = r.u32();
    // A sealed chunk file: header, box and one signed chunk at most.
    if (f.size == 0 || f.size > 20 + 48 + wire::kMaxChunkFile) malformed("size");
    if (f.startOffset > f.size) malformed("start_offset");
    r.expectEnd();
    return f;
}

}  // namespace abri::sync
