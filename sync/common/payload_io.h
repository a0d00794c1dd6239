#pragma once
// Big-endian writer and bounds-checked reader of frame payloads for the fixed layouts of §0/§4.4. The reader throws
// SyncError(malformed_frame) on any overrun, so a decoder is a straight sequence of reads followed by
// expectEnd(): a payload must be consumed exactly.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wire/sync_error.h"
#include "wire/wire_types.h"

namespace abri::sync {

using Bytes = std::vector<std::uint8_t>;  // Id16 and Hash32 come from wire/wire_types.h

class PayloadWriter {
public:
    void u8(std::uint8_t v) { out_.push_back(v); }
    void u16(std::uint16_t v) { putBigEndian(v, 2); }
    void u32(std::uint32_t v) { putBigEndian(v, 4); }
    void u64(std::uint64_t v) { putBigEndian(v, 8); }
    void raw(std::span<const std::uint8_t> bytes) { out_.insert(out_.end(), bytes.begin(), bytes.end()); }
    // str8 / blob16: the caller's length limit is checked (an over-long field is a programming error here).
    void str8(std::string_view text);
    void blob16(std::span<const std::uint8_t> bytes);
    Bytes take() { return std::move(out_); }
    std::size_t size() const noexcept { return out_.size(); }

private:
    void putBigEndian(std::uint64_t v, int width);
    Bytes out_;
};

class PayloadReader {
public:
    explicit PayloadReader(std::span<const std::uint8_t> bytes, wire::SyncCode onError = wire::SyncCode::MalformedFrame)
        : bytes_(bytes), onError_(onError) {}
    std::uint8_t u8();
    std::uint16_t u16();
    std::uint32_t u32();
    std::uint64_t u64();
    template <std::size_t N>
    std::array<std::uint8_t, N> fixed() {
        auto part = take(N);
        std::array<std::uint8_t, N> out{};
        std::copy(part.begin(), part.end(), out.begin());
        return out;
    }
    std::span<const std::uint8_t> take(std::size_t n);
    std::string str8();
    Bytes blob16();
    std::span<const std::uint8_t> rest();
    std::size_t remaining() const noexcept { return bytes_.size() - pos_; }
    void expectEnd() const;
    [[noreturn]] void fail(std::string subject) const;

private:
    std::uint64_t getBigEndian(int width);
    std::span<const std::uint8_t> bytes_;
    std::size_t pos_ = 0;
    wire::SyncCode onError_;
};

}  // namespace abri::sync
