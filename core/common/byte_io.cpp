#include "common/byte_io.h"

#include <stdexcept>

namespace abri {

void ByteWriter::bigEndian(std::uint64_t v, int width) {
    for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) out_.push_back(static_cast<std::uint8_t>(v >> shift));
}

void ByteWriter::str8(std::string_view text) {
    if (text.size() > 0xff) throw std::length_error("str8 field longer than 255 bytes");
    u8(static_cast<std::uint8_t>(text.size()));
    out_.insert(out_.end(), text.begin(), text.end());
}

void ByteWriter::blob16(std::span<const std::uint8_t> bytes) {
    if (bytes.size() > 0xffff) throw std::length_error("blob16 field longer than 65535 bytes");
    u16(static_cast<std::uint16_t>(bytes.size()));
    raw(bytes);
}

void ByteReader::fail(ByteReadFailure failure) const {
    onFailure_(failure, subject_);
    // A handler that returns would let a decoder read garbage: stop here instead.
    throw std::logic_error("ByteReader failure handler returned");
}

std::span<const std::uint8_t> ByteReader::take(std::size_t n) {
    if (n > remaining()) fail(ByteReadFailure::Truncated);
    const auto part = bytes_.subspan(offset_, n);
    offset_ += n;
    return part;
}

std::uint64_t ByteReader::bigEndian(int width) {
    std::uint64_t v = 0;
    for (const auto b : take(static_cast<std::size_t>(width))) v = (v << 8) | b;
    return v;
}

std::string ByteReader::str8() {
    const std::size_t n = u8();
    const auto part = take(n);
    return std::string(part.begin(), part.end());
}

std::span<const std::uint8_t> ByteReader::blob16() {
    const std::size_t n = u16();
    return take(n);
}

void ByteReader::reserved(std::size_t n) {
    for (const auto b : take(n)) {
        if (b != 0) fail(ByteReadFailure::NonZeroReserved);
    }
}

void ByteReader::expectEnd() const {
    if (!atEnd()) fail(ByteReadFailure::TrailingBytes);
}

std::uint64_t loadU64(std::span<const std::uint8_t> bytes, std::size_t offset) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | bytes[offset + i];
    return v;
}

}  // namespace abri
