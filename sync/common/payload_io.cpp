#include "payload_io.h"

#include <stdexcept>

namespace abri::sync {

void PayloadWriter::putBigEndian(std::uint64_t v, int width) {
    for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) out_.push_back(static_cast<std::uint8_t>(v >> shift));
}

void PayloadWriter::str8(std::string_view text) {
    if (text.size() > 0xFF) throw std::length_error("str8 field longer than 255 bytes");
    u8(static_cast<std::uint8_t>(text.size()));
    out_.insert(out_.end(), text.begin(), text.end());
}

void PayloadWriter::blob16(std::span<const std::uint8_t> bytes) {
    if (bytes.size() > 0xFFFF) throw std::length_error("blob16 field longer than 65535 bytes");
    u16(static_cast<std::uint16_t>(bytes.size()));
    raw(bytes);
}

std::span<const std::uint8_t> PayloadReader::take(std::size_t n) {
    if (n > remaining()) fail("length");
    auto part = bytes_.subspan(pos_, n);
    pos_ += n;
    return part;
}

std::uint64_t PayloadReader::getBigEndian(int width) {
    auto part = take(static_cast<std::size_t>(width));
    std::uint64_t v = 0;
    for (auto b : part) v = (v << 8) | b;
    return v;
}

std::uint8_t PayloadReader::u8() { return static_cast<std::uint8_t>(getBigEndian(1)); }
std::uint16_t PayloadReader::u16() { return static_cast<std::uint16_t>(getBigEndian(2)); }
std::uint32_t PayloadReader::u32() { return static_cast<std::uint32_t>(getBigEndian(4)); }
std::uint64_t PayloadReader::u64() { return getBigEndian(8); }

std::string PayloadReader::str8() {
    auto n = u8();
    auto part = take(n);
    return std::string(part.begin(), part.end());
}

Bytes PayloadReader::blob16() {
    auto n = u16();
    auto part = take(n);
    return Bytes(part.begin(), part.end());
}

std::span<const std::uint8_t> PayloadReader::rest() { return take(remaining()); }

void PayloadReader::expectEnd() const {
    if (remaining() != 0) fail("trailing bytes");
}

void PayloadReader::fail(std::string subject) const { throw wire::SyncError(onError_, std::move(subject)); }

}  // namespace abri::sync
