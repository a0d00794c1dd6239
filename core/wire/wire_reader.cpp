#include "wire/wire_reader.h"

#include <string>

namespace abri::wire {

namespace {
[[noreturn]] void failWireRead(ByteReadFailure failure, std::string_view subject) {
    throw SyncError(failure == ByteReadFailure::Truncated ? SyncCode::Truncated : SyncCode::BadHeader,
                    std::string(subject));
}
}  // namespace

ByteReader wireReader(std::span<const std::uint8_t> bytes, std::string_view subject) {
    return ByteReader(bytes, subject, &failWireRead);
}

void fail(const ByteReader& reader, SyncCode code) { throw SyncError(code, std::string(reader.subject())); }

}  // namespace abri::wire
