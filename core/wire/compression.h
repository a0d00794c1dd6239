#pragma once
// The zstd rules of change-set bodies (sync/PROTOCOL.md §3.5).
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "crypto/primitives.h"
#include "wire/limits.h"

namespace abri::wire {

// One zstd frame at `level` with the content size; nullopt when it would not be smaller than the input
// (the packer then stores the body as it is).
std::optional<crypto::Bytes> compressBody(std::span<const std::uint8_t> raw, int level = kZstdLevel);
// Strict decompression: exactly one standard frame, content size present and == rawLen, dictID 0, compressed size
// == the whole input, windowLog <= kZstdWindowLogMax, output exactly rawLen. Else SyncError(BadCompression).
crypto::Bytes decompressBody(std::span<const std::uint8_t> body, std::size_t rawLen, std::string_view subject);

}  // namespace abri::wire
