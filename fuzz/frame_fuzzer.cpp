// Fuzzes the frame layer of the sync protocol (PROTOCOL.md §4.2-4.4): a frame header and every payload decoder.
// Hostile bytes from the network must end in SyncError, never a crash, a hang or an over-allocation; a payload that
// decodes must re-encode to exactly the same bytes (the layouts have no slack).
#include <cstddef>
#include <cstdint>
#include <span>

#include "common/frames.h"

using namespace abri::sync;
using namespace abri::wire;

namespace {

template <typename Payload>
void roundTrip(std::span<const std::uint8_t> payload, Payload (*decode)(std::span<const std::uint8_t>)) {
    auto value = decode(payload);
    auto again = encodePayload(value);
    if (again.size() != payload.size() || !std::equal(again.begin(), again.end(), payload.begin())) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::span<const std::uint8_t> bytes(data, size);
    try {
        auto frame = decodeFrame(bytes);
        const std::span<const std::uint8_t> p(frame.payload);
        switch (frame.type) {
        case FrameType::Hello: roundTrip(p, decodeHello); break;
        case FrameType::AuthOk: roundTrip(p, decodeAuthOk); break;
        case FrameType::Error: roundTrip(p, decodeError); break;
        case FrameType::Ping:
        case FrameType::Pong: roundTrip(p, decodePingPong); break;
        case FrameType::Bye: roundTrip(p, decodeBye); break;
        case FrameType::EnrolRequest: roundTrip(p, decodeEnrolRequest); break;
        case FrameType::EnrolOk: roundTrip(p, decodeEnrolOk); break;
        case FrameType::UploadBegin: roundTrip(p, decodeUploadBegin); break;
        case FrameType::UploadReady: roundTrip(p, decodeUploadReady); break;
        case FrameType::UploadData: roundTrip(p, decodeUploadData); break;
        case FrameType::UploadAck: roundTrip(p, decodeUploadAck); break;
        case FrameType::Download: roundTrip(p, decodeDownload); break;
        case FrameType::PageBegin: roundTrip(p, decodePageBegin); break;
        case FrameType::PageData: roundTrip(p, decodePageData); break;
        case FrameType::PageNone: roundTrip(p, decodePageNone); break;
        case FrameType::ChunkGet: roundTrip(p, decodeChunkGet); break;
        case FrameType::ChunkBegin: roundTrip(p, decodeChunkBegin); break;
        }
    } catch (const SyncError&) {
        // expected for bad input
    }
    return 0;
}
