#pragma once
// Frames of the sync protocol (PROTOCOL.md §4.2-4.4): `u32 payload_len`, `u8 type`, payload. One struct per frame
// type with an encoder and a strict decoder: a payload that does not match its layout exactly is
// malformed_frame, an over-long one frame_too_large, an unknown type unknown_frame (all SyncError).
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "wire/chunks_wanted.h"
#include "wire/limits.h"
#include "wire/sync_error.h"
#include "wire/wire_types.h"

namespace abri::sync {

using Bytes = std::vector<std::uint8_t>;  // frame payloads and the files they carry

// kProtocolVersion and kMaxFrame come from wire/limits.h.
constexpr std::size_t kFrameHeaderBytes = 5;
constexpr std::size_t kUploadDataOverhead = 36;  // file_id + offset before the data of UPLOAD_DATA
constexpr std::size_t kPageDataOverhead = 20;    // page_id + offset before the data of PAGE_DATA
constexpr std::uint32_t kCapPageResume = 1u << 0;
constexpr std::uint32_t kCapLongPoll = 1u << 1;
// A restored vault asks for its own change-sets in full (PROTOCOL.md §7.7): pages carry them as CHANGESET entries.
constexpr std::uint32_t kCapOwnChangeSets = 1u << 2;
// Acknowledgements by range (§4.7): pages acknowledge runs of the device's own plainly admitted change-sets with
// RECEIPT_RANGE entries (§3.8), and UPLOAD_ACK lists only the change-sets not admitted as they were (§4.4).
// The daemon offers it for the app it ships with, which decodes the pages.
constexpr std::uint32_t kCapCompactAcks = 1u << 3;

enum class FrameType : std::uint8_t {
    Hello = 0x01,
    AuthOk = 0x02,
    Error = 0x03,
    Ping = 0x04,
    Pong = 0x05,
    Bye = 0x06,
    EnrolRequest = 0x10,
    EnrolOk = 0x11,
    UploadBegin = 0x20,
    UploadReady = 0x21,
    UploadData = 0x22,
    UploadAck = 0x23,
    Download = 0x30,
    PageBegin = 0x31,
    PageData = 0x32,
    PageNone = 0x33,
    // Attachment chunks (PROTOCOL.md §11.4); the data follows in PAGE_DATA frames.
    ChunkGet = 0x34,
    ChunkBegin = 0x35,
};

bool isKnownFrameType(std::uint8_t type) noexcept;
const char* frameTypeName(FrameType type) noexcept;

struct Frame {
    FrameType type{};
    Bytes payload;
};

struct FrameHeader {
    std::uint32_t payloadLength = 0;
    FrameType type{};
};

// Checks the length limit first (frame_too_large), then the type (unknown_frame).
FrameHeader decodeFrameHeader(std::span<const std::uint8_t, kFrameHeaderBytes> header);
Bytes encodeFrame(FrameType type, std::span<const std::uint8_t> payload);
// Splits a buffer holding exactly one frame (header + payload); used by tests and the fuzz target.
Frame decodeFrame(std::span<const std::uint8_t> bytes);

enum class Purpose : std::uint8_t { Sync = 1, Enrol = 2 };

struct Hello {
    std::uint16_t protoMin = wire::kProtocolVersion;
    std::uint16_t protoMax = wire::kProtocolVersion;
    std::uint32_t capabilities = 0;
    Purpose purpose = Purpose::Sync;
    wire::Id16 deviceId{};
    std::uint64_t clientTimeMs = 0;
    std::string software;
};

struct AuthOk {
    std::uint16_t proto = wire::kProtocolVersion;
    std::uint32_t capabilities = 0;
    Purpose session = Purpose::Sync;
    std::uint64_t hubTimeMs = 0;
    std::uint32_t maxFrame = static_cast<std::uint32_t>(wire::kMaxFrame);
    std::uint16_t idleTimeoutS = 180;
    std::uint16_t maxWaitS = 120;
    std::uint64_t ackedSeq = 0;
    std::uint64_t officeHeadSeq = 0;
    Bytes descriptor;
    Bytes certificate;
};

struct ErrorFrame {
    std::uint16_t code = 0;
    bool fatal = true;
    std::uint64_t ref = 0;
    std::string detail;  // ASCII, non-personal
};

struct PingPong {
    std::uint64_t nonce = 0;
};

struct Bye {
    std::uint16_t code = 0;
};

struct EnrolRequest {
    wire::Hash32 secret{};
    wire::Id16 deviceId{};
    wire::Hash32 signPk{};
    wire::Hash32 boxPk{};
    wire::Hash32 tlsPk{};
    std::string office;
    std::string label;
    std::array<std::uint8_t, 64> proof{};
};

struct EnrolOk {
    Bytes certificate;
    Bytes descriptor;
    std::uint64_t hubTimeMs = 0;
    std::uint64_t officeHeadSeq = 0;
};

struct UploadBegin {
    wire::Hash32 fileId{};
    std::uint32_t size = 0;
    std::uint64_t firstSeq = 0;
    std::uint64_t lastSeq = 0;
};

struct UploadReady {
    wire::Hash32 fileId{};
    std::uint32_t offset = 0;
};

struct UploadData {
    wire::Hash32 fileId{};
    std::uint32_t offset = 0;
    Bytes data;  // 1..MAX_FRAME-36
};

struct ChangeSetResult {
    std::uint64_t deviceSeq = 0;
    std::uint16_t status = 0;  // 0 admitted, 1 with exclusions, 2 duplicate, 3 quarantined, or a 3xx/4xx code
    std::uint16_t excludedCount = 0;
};

struct UploadAck {
    wire::Hash32 fileId{};
    std::uint16_t fileStatus = 0;
    std::uint64_t ackedSeq = 0;
    std::vector<ChangeSetResult> results;
    Bytes refusalNotice;
};

struct Download {
    std::uint64_t sinceSeq = 0;
    std::uint16_t maxEntries = 0;
    std::uint32_t maxBytes = 0;  // <= 1 MiB
    std::uint32_t waitMs = 0;
    wire::Id16 resumePageId{};
    std::uint32_t resumeOffset = 0;
    std::string office;
};

struct PageBegin {
    wire::Id16 pageId{};
    std::uint64_t firstSeq = 0;
    std::uint64_t lastSeq = 0;
    std::uint64_t headSeq = 0;
    std::uint32_t size = 0;
    wire::Hash32 fileHash{};
    std::uint32_t startOffset = 0;
};

struct PageData {
    wire::Id16 pageId{};
    std::uint32_t offset = 0;
    Bytes data;
};

struct PageNone {
    std::uint64_t headSeq = 0;
};

// CHUNK_GET: one chunk of the want list (wire/chunks_wanted.h), and how much of its sealed file the device holds.
struct ChunkGet {
    wire::ChunkWant want;
    std::uint32_t resumeOffset = 0;
};

// CHUNK_BEGIN: the sealed chunk file that follows in PAGE_DATA frames (page_id = the first 16 bytes of the hash).
struct ChunkBegin {
    wire::Hash32 chunkHash{};
    std::uint32_t size = 0;
    wire::Hash32 fileHash{};  // H(sealed chunk file)
    std::uint32_t startOffset = 0;
};

constexpr std::uint32_t kMaxDownloadBytes = 1u << 20;
constexpr std::size_t kMaxUploadResults = 1024;

Bytes encodePayload(const Hello& f);
Bytes encodePayload(const AuthOk& f);
Bytes encodePayload(const ErrorFrame& f);
Bytes encodePayload(const PingPong& f);
Bytes encodePayload(const Bye& f);
Bytes encodePayload(const EnrolRequest& f);
Bytes encodePayload(const EnrolOk& f);
Bytes encodePayload(const UploadBegin& f);
Bytes encodePayload(const UploadReady& f);
Bytes encodePayload(const UploadData& f);
Bytes encodePayload(const UploadAck& f);
Bytes encodePayload(const Download& f);
Bytes encodePayload(const PageBegin& f);
Bytes encodePayload(const PageData& f);
Bytes encodePayload(const PageNone& f);
Bytes encodePayload(const ChunkGet& f);
Bytes encodePayload(const ChunkBegin& f);

Hello decodeHello(std::span<const std::uint8_t> p);
AuthOk decodeAuthOk(std::span<const std::uint8_t> p);
ErrorFrame decodeError(std::span<const std::uint8_t> p);
PingPong decodePingPong(std::span<const std::uint8_t> p);
Bye decodeBye(std::span<const std::uint8_t> p);
EnrolRequest decodeEnrolRequest(std::span<const std::uint8_t> p);
EnrolOk decodeEnrolOk(std::span<const std::uint8_t> p);
UploadBegin decodeUploadBegin(std::span<const std::uint8_t> p);
UploadReady decodeUploadReady(std::span<const std::uint8_t> p);
UploadData decodeUploadData(std::span<const std::uint8_t> p);
UploadAck decodeUploadAck(std::span<const std::uint8_t> p);
Download decodeDownload(std::span<const std::uint8_t> p);
PageBegin decodePageBegin(std::span<const std::uint8_t> p);
PageData decodePageData(std::span<const std::uint8_t> p);
PageNone decodePageNone(std::span<const std::uint8_t> p);
ChunkGet decodeChunkGet(std::span<const std::uint8_t> p);
ChunkBegin decodeChunkBegin(std::span<const std::uint8_t> p);

// Whole frame (header included) for a typed payload.
template <typename Payload>
Bytes frameOf(FrameType type, const Payload& payload) {
    auto body = encodePayload(payload);
    return encodeFrame(type, body);
}

}  // namespace abri::sync
