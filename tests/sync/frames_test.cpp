// Frame codec (PROTOCOL.md §4.2-4.4): exact layouts, round trips, and the typed refusals of bad input.
#include <catch2/catch.hpp>

#include "common/frames.h"

using namespace abri::sync;
using namespace abri::wire;

namespace {
std::optional<SyncCode> codeOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const SyncError& e) {
        return e.code();
    }
    return std::optional<SyncCode>{};
}
}  // namespace

TEST_CASE("HELLO has the documented layout and round-trips", "[sync][frames]") {
    Hello hello;
    hello.capabilities = kCapPageResume | kCapLongPoll;
    hello.purpose = Purpose::Enrol;
    hello.deviceId.fill(0xAB);
    hello.clientTimeMs = 0x0102030405060708ULL;
    hello.software = "abri-syncd/0.1.0";
    auto bytes = encodePayload(hello);
    REQUIRE(bytes.size() == 37 + 1 + hello.software.size());
    CHECK(bytes[0] == 'A');
    CHECK(bytes[3] == 'I');
    CHECK(bytes[12] == 2);  // purpose at offset 12
    CHECK(bytes[29] == 0x01);  // client_time_ms, big-endian, at offset 29
    CHECK(bytes[36] == 0x08);
    auto back = decodeHello(bytes);
    CHECK(back.deviceId == hello.deviceId);
    CHECK(back.clientTimeMs == hello.clientTimeMs);
    CHECK(back.software == hello.software);
    CHECK(back.purpose == Purpose::Enrol);
}

TEST_CASE("Payloads must be consumed exactly", "[sync][frames]") {
    PingPong ping{42};
    auto bytes = encodePayload(ping);
    bytes.push_back(0);
    CHECK(codeOf([&] { decodePingPong(bytes); }) == SyncCode::MalformedFrame);
    bytes.resize(7);
    CHECK(codeOf([&] { decodePingPong(bytes); }) == SyncCode::MalformedFrame);
    Hello hello;
    auto helloBytes = encodePayload(hello);
    helloBytes[0] = 'X';
    CHECK(codeOf([&] { decodeHello(helloBytes); }) == SyncCode::MalformedFrame);
}

TEST_CASE("Frame header refuses oversize payloads and unknown types", "[sync][frames]") {
    std::array<std::uint8_t, 5> header{0x00, 0x01, 0x00, 0x01, 0x01};  // 65537 bytes
    CHECK(codeOf([&] { decodeFrameHeader(header); }) == SyncCode::FrameTooLarge);
    header = {0x00, 0x01, 0x00, 0x00, 0x01};  // exactly MAX_FRAME
    CHECK(decodeFrameHeader(header).payloadLength == kMaxFrame);
    header = {0x00, 0x00, 0x00, 0x00, 0x7F};
    CHECK(codeOf([&] { decodeFrameHeader(header); }) == SyncCode::UnknownFrame);
    Bytes big(kMaxFrame + 1);
    CHECK(codeOf([&] { encodeFrame(FrameType::UploadData, big); }) == SyncCode::FrameTooLarge);
}

TEST_CASE("Every frame type round-trips through its codec", "[sync][frames]") {
    AuthOk ok;
    ok.ackedSeq = 7;
    ok.officeHeadSeq = 99;
    ok.descriptor = {1, 2, 3};
    ok.certificate = {4, 5};
    auto okBack = decodeAuthOk(encodePayload(ok));
    CHECK(okBack.ackedSeq == 7);
    CHECK(okBack.officeHeadSeq == 99);
    CHECK(okBack.descriptor == ok.descriptor);
    CHECK(okBack.certificate == ok.certificate);

    ErrorFrame error{static_cast<std::uint16_t>(SyncCode::Busy), true, 30, "busy"};
    auto errorBack = decodeError(encodePayload(error));
    CHECK(errorBack.code == 106);
    CHECK(errorBack.ref == 30);
    CHECK(errorBack.detail == "busy");

    UploadAck ack;
    ack.fileId.fill(9);
    ack.ackedSeq = 12;
    ack.results = {{11, 0, 0}, {12, 1, 2}};
    ack.refusalNotice = {7};
    auto ackBack = decodeUploadAck(encodePayload(ack));
    REQUIRE(ackBack.results.size() == 2);
    CHECK(ackBack.results[1].excludedCount == 2);
    CHECK(ackBack.refusalNotice == ack.refusalNotice);

    Download download;
    download.sinceSeq = 5;
    download.maxEntries = 100;
    download.maxBytes = 32 * 1024;
    download.office = "TUN-SFX";
    auto downloadBack = decodeDownload(encodePayload(download));
    CHECK(downloadBack.office == "TUN-SFX");
    CHECK(downloadBack.maxBytes == 32 * 1024);
    download.maxBytes = kMaxDownloadBytes + 1;
    CHECK(codeOf([&] { decodeDownload(encodePayload(download)); }) == SyncCode::MalformedFrame);

    UploadData data;
    data.offset = 100;
    data.data = {1, 2, 3};
    auto frame = decodeFrame(frameOf(FrameType::UploadData, data));
    CHECK(frame.type == FrameType::UploadData);
    CHECK(decodeUploadData(frame.payload).data == data.data);
    UploadData empty;
    CHECK(codeOf([&] { decodeUploadData(encodePayload(empty)); }) == SyncCode::MalformedFrame);

    PageBegin begin;
    begin.firstSeq = 3;
    begin.lastSeq = 8;
    begin.headSeq = 10;
    begin.size = 500;
    begin.startOffset = 200;
    CHECK(decodePageBegin(encodePayload(begin)).startOffset == 200);
    begin.lastSeq = 11;  // beyond head
    CHECK(codeOf([&] { decodePageBegin(encodePayload(begin)); }) == SyncCode::MalformedFrame);

    EnrolRequest request;
    request.office = "TUN-SFX";
    request.label = "laptop-03";
    request.proof.fill(3);
    auto requestBack = decodeEnrolRequest(encodePayload(request));
    CHECK(requestBack.label == "laptop-03");
    CHECK(requestBack.proof == request.proof);
}

TEST_CASE("An UPLOAD_ACK count larger than the payload is refused before allocating", "[sync][frames]") {
    UploadAck ack;
    auto bytes = encodePayload(ack);
    bytes[42] = 0x03;  // n = 0x03xx results announced, none present
    bytes[43] = 0xFF;
    CHECK(codeOf([&] { decodeUploadAck(bytes); }) == SyncCode::MalformedFrame);
}

TEST_CASE("ERROR details must be printable ASCII", "[sync][frames]") {
    ErrorFrame error{100, true, 0, "ok"};
    auto bytes = encodePayload(error);
    bytes.back() = 0x07;
    CHECK(codeOf([&] { decodeError(bytes); }) == SyncCode::MalformedFrame);
}

TEST_CASE("CHUNK_GET and CHUNK_BEGIN round-trip and refuse what does not fit (PROTOCOL.md §11.4)",
          "[sync][frames][attachments]") {
    ChunkGet get;
    get.want.caseId.fill(0x11);
    get.want.attachmentId.fill(0x22);
    get.want.chunkIndex = 79;
    get.want.chunkHash.fill(0x33);
    get.resumeOffset = 4096;
    const auto frame = decodeFrame(frameOf(FrameType::ChunkGet, get));
    CHECK(frame.type == FrameType::ChunkGet);
    CHECK(std::string(frameTypeName(frame.type)) == "CHUNK_GET");
    const auto back = decodeChunkGet(frame.payload);
    CHECK(back.want == get.want);
    CHECK(back.resumeOffset == 4096);
    get.want.chunkIndex = 80;  // beyond the most chunks an attachment has
    CHECK(codeOf([&] { decodeChunkGet(encodePayload(get)); }) == SyncCode::MalformedFrame);
    auto longer = encodePayload(ChunkGet{});
    longer.push_back(0);
    CHECK(codeOf([&] { decodeChunkGet(longer); }) == SyncCode::MalformedFrame);

    ChunkBegin begin;
    begin.chunkHash.fill(0x44);
    begin.size = 262'000;
    begin.fileHash.fill(0x55);
    begin.startOffset = 100'000;
    const auto beginBack = decodeChunkBegin(decodeFrame(frameOf(FrameType::ChunkBegin, begin)).payload);
    CHECK(beginBack.size == 262'000);
    CHECK(beginBack.startOffset == 100'000);
    CHECK(beginBack.fileHash == begin.fileHash);
    begin.startOffset = 262'001;
    CHECK(codeOf([&] { decodeChunkBegin(encodePayload(begin)); }) == SyncCode::MalformedFrame);
    begin.startOffset = 0;
    begin.size = 1'000'000;  // more than a sealed chunk can be
    CHECK(codeOf([&] { decodeChunkBegin(encodePayload(begin)); }) == SyncCode::MalformedFrame);
}

TEST_CASE("UPLOAD_BEGIN takes seqs 0 and 0 for an at- file and refuses any other range with a 0 (PROTOCOL.md §11.3)",
          "[sync][frames]") {
    UploadBegin begin;
    begin.fileId.fill(0x5A);
    begin.size = 1000;
    begin.firstSeq = 0;
    begin.lastSeq = 0;
    const auto decoded = decodeUploadBegin(encodePayload(begin));
    CHECK(decoded.firstSeq == 0);
    CHECK(decoded.lastSeq == 0);
    begin.lastSeq = 5;
    CHECK(codeOf([&] { decodeUploadBegin(encodePayload(begin)); }) == SyncCode::MalformedFrame);
    begin.firstSeq = 3;
    begin.lastSeq = 2;
    CHECK(codeOf([&] { decodeUploadBegin(encodePayload(begin)); }) == SyncCode::MalformedFrame);
    begin.firstSeq = 2;
    CHECK(decodeUploadBegin(encodePayload(begin)).lastSeq == 2);
}
