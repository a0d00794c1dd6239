#pragma once
// Reading a sync file layout (sync/PROTOCOL.md §2-3) with the common ByteReader: a failed read is a SyncError about
// the layout's subject (truncated; bad_header for trailing or non-zero reserved bytes), as §3.11 orders them.
#include <cstdint>
#include <span>
#include <string_view>

#include "common/byte_io.h"
#include "wire/sync_error.h"

namespace abri::wire {

// `subject` (a file name, "certificate", ...) must outlive the reader.
ByteReader wireReader(std::span<const std::uint8_t> bytes, std::string_view subject);
// A decoder's own check failed: SyncError(code, the reader's subject).
[[noreturn]] void fail(const ByteReader& reader, SyncCode code);

}  // namespace abri::wire
