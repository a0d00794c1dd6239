#pragma once
// Big-endian writer and bounds-checked reader for Abri's fixed binary layouts: the sync file formats (core/wire,
// sync/PROTOCOL.md §0) and the frames of the sync connection (sync/common/frames). One reader for all of them;
// each format decides which error a failed read is (wire: truncated / bad_header; frames: malformed_frame), through
// the handler it gives the reader, so this file knows no format's errors.
#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace abri {

class ByteWriter {
public:
    // Appends to `out` (which may already hold a prefix: a layout written in parts).
    explicit ByteWriter(std::vector<std::uint8_t>& out) : out_(out) {}
    void u8(std::uint8_t v) { out_.push_back(v); }
    void u16(std::uint16_t v) { bigEndian(v, 2); }
    void u32(std::uint32_t v) { bigEndian(v, 4); }
    void u64(std::uint64_t v) { bigEndian(v, 8); }
    void raw(std::span<const std::uint8_t> bytes) { out_.insert(out_.end(), bytes.begin(), bytes.end()); }
    void zeros(std::size_t n) { out_.insert(out_.end(), n, 0); }
    // A 1-byte / 2-byte length, then the bytes. Callers check lengths first (every format has its own, lower
    // limit); an over-long field here is a programming error: std::length_error, never a silent truncation.
    void str8(std::string_view text);
    void blob16(std::span<const std::uint8_t> bytes);
    std::size_t size() const noexcept { return out_.size(); }

private:
    void bigEndian(std::uint64_t v, int width);
    std::vector<std::uint8_t>& out_;
};

// Why a read failed.
enum class ByteReadFailure : std::uint8_t {
    Truncated,        // a read past the end
    TrailingBytes,    // expectEnd() with bytes left over
    NonZeroReserved,  // reserved(n) found a byte that is not zero
};

class ByteReader {
public:
    // Throws the format's error for `failure`; `subject` is the one the reader was made with. Must not return.
    using FailureHandler = void (*)(ByteReadFailure failure, std::string_view subject);

    ByteReader(std::span<const std::uint8_t> bytes, std::string_view subject, FailureHandler onFailure)
        : bytes_(bytes), subject_(subject), onFailure_(onFailure) {}

    std::uint8_t u8() { return static_cast<std::uint8_t>(bigEndian(1)); }
    std::uint16_t u16() { return static_cast<std::uint16_t>(bigEndian(2)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(bigEndian(4)); }
    std::uint64_t u64() { return bigEndian(8); }
    std::span<const std::uint8_t> take(std::size_t n);
    template <std::size_t N>
    std::array<std::uint8_t, N> fixed() {
        std::array<std::uint8_t, N> out{};
        const auto part = take(N);
        std::copy(part.begin(), part.end(), out.begin());
        return out;
    }
    std::string str8();
    std::span<const std::uint8_t> blob16();
    std::span<const std::uint8_t> rest() { return take(remaining()); }
    // Reserved bytes must be zero.
    void reserved(std::size_t n);
    // The layout must be consumed exactly.
    void expectEnd() const;

    std::size_t offset() const noexcept { return offset_; }
    std::size_t remaining() const noexcept { return bytes_.size() - offset_; }
    bool atEnd() const noexcept { return offset_ == bytes_.size(); }
    std::string_view subject() const noexcept { return subject_; }

private:
    std::uint64_t bigEndian(int width);
    [[noreturn]] void fail(ByteReadFailure failure) const;

    std::span<const std::uint8_t> bytes_;
    std::string_view subject_;
    FailureHandler onFailure_;
    std::size_t offset_ = 0;
};

// Big-endian load at a fixed offset of a buffer known to be long enough.
std::uint64_t loadU64(std::span<const std::uint8_t> bytes, std::size_t offset);

}  // namespace abri
