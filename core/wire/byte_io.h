#pragma once
// Big-endian readers and writers for the binary layouts of sync/PROTOCOL.md (§0). The reader throws
// SyncError(Truncated) when a layout asks for more bytes than there are. Internal to core/wire and sync/.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "wire/sync_error.h"
#include "crypto/primitives.h"

namespace abri::wire {

class ByteWriter {
public:
    explicit ByteWriter(crypto::Bytes& out) : out_(out) {}
    void u8(std::uint8_t v) { out_.push_back(v); }
    void u16(std::uint16_t v);
    void u32(std::uint32_t v);
    void u64(std::uint64_t v);
    void raw(std::span<const std::uint8_t> bytes) { out_.insert(out_.end(), bytes.begin(), bytes.end()); }
    void zeros(std::size_t n) { out_.insert(out_.end(), n, 0); }
    // Callers check lengths first; these throw SyncError(BadHeader) on overflow so nothing truncates silently.
    void str8(std::string_view text);
    void blob16(std::span<const std::uint8_t> bytes);
    std::size_t size() const noexcept { return out_.size(); }

private:
    crypto::Bytes& out_;
};

class ByteReader {
public:
    ByteReader(std::span<const std::uint8_t> bytes, std::string_view subject) : bytes_(bytes), subject_(subject) {}
    std::uint8_t u8();
    std::uint16_t u16();
    std::uint32_t u32();
    std::uint64_t u64();
    std::span<const std::uint8_t> take(std::size_t n);
    template <std::size_t N>
    std::array<std::uint8_t, N> fixed() {
        std::array<std::uint8_t, N> out{};
        auto s = take(N);
        std::copy(s.begin(), s.end(), out.begin());
        return out;
    }
    std::string str8();
    std::span<const std::uint8_t> blob16();
    // Reserved bytes must be zero (bad_header).
    void reserved(std::size_t n);
    std::size_t offset() const noexcept { return offset_; }
    std::size_t remaining() const noexcept { return bytes_.size() - offset_; }
    bool atEnd() const noexcept { return offset_ == bytes_.size(); }
    // Trailing bytes are an error (bad_header).
    void expectEnd() const;
    [[noreturn]] void fail(SyncCode code) const;

private:
    std::span<const std::uint8_t> bytes_;
    std::string_view subject_;
    std::size_t offset_ = 0;
};

// Big-endian loads at a fixed offset of a buffer known to be long enough.
std::uint64_t loadU64(std::span<const std::uint8_t> bytes, std::size_t offset);

}  // namespace abri::wire
