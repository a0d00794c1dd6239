#include "wire/byte_io.h"

namespace abri::wire {

void ByteWriter::u16(std::uint16_t v) {
    u8(static_cast<std::uint8_t>(v >> 8));
    u8(static_cast<std::uint8_t>(v));
}

void ByteWriter::u32(std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) u8(static_cast<std::uint8_t>(v >> shift));
}

void ByteWriter::u64(std::uint64_t v) {
    for (int shift = 56; shift >= 0; shift -= 8) u8(static_cast<std::uint8_t>(v >> shift));
}

void ByteWriter::str8(std::string_view text) {
    if (text.size() > 0xff) throw SyncError(SyncCode::BadHeader, "str8");
    u8(static_cast<std::uint8_t>(text.size()));
    raw(crypto::asBytes(text));
}

void ByteWriter::blob16(std::span<const std::uint8_t> bytes) {
    if (bytes.size() > 0xffff) throw SyncError(SyncCode::BadHeader, "blob16");
    u16(static_cast<std::uint16_t>(bytes.size()));
    raw(bytes);
}

void ByteReader::fail(SyncCode code) const { throw SyncError(code, std::string(subject_)); }

std::span<const std::uint8_t> ByteReader::take(std::size_t n) {
    if (n > remaining()) fail(SyncCode::Truncated);
    auto out = bytes_.subspan(offset_, n);
    offset_ += n;
    return out;
}

std::uint8_t ByteReader::u8() { return take(1)[0]; }

std::uint16_t ByteReader::u16() {
    auto s = take(2);
    return static_cast<std::uint16_t>((s[0] << 8) | s[1]);
}

std::uint32_t ByteReader::u32() {
    auto s = take(4);
    std::uint32_t v = 0;
    for (auto b : s) v = (v << 8) | b;
    return v;
}

std::uint64_t ByteReader::u64() {
    auto s = take(8);
    std::uint64_t v = 0;
    for (auto b : s) v = (v << 8) | b;
    return v;
}

std::string ByteReader::str8() {
    const std::size_t n = u8();
    auto s = take(n);
    return std::string(reinterpret_cast<const char*>(s.data()), s.size());
}

std::span<const std::uint8_t> ByteReader::blob16() {
    const std::size_t n = u16();
    return take(n);
}

void ByteReader::reserved(std::size_t n) {
    for (auto b : take(n)) {
        if (b != 0) fail(SyncCode::BadHeader);
    }
}

void ByteReader::expectEnd() const {
    if (!atEnd()) fail(SyncCode::BadHeader);
}

std::uint64_t loadU64(std::span<const std::uint8_t> bytes, std::size_t offset) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | bytes[offset + i];
    return v;
}

}  // namespace abri::wire
