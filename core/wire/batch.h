#pragma once
// Outbox batch (`ABBT`, sync/PROTOCOL.md §3.6): the payload of a sealed file to the hub, 1..MAX_BATCH_COUNT
// consecutive change-sets of one device.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "wire/wire_types.h"
#include "crypto/primitives.h"

namespace abri::wire {

struct Batch {
    Id16 deviceId{};
    std::uint64_t firstSeq = 0;
    std::vector<crypto::Bytes> changeSets;  // verbatim signed change-sets, seqs firstSeq, firstSeq + 1, ...
};

crypto::Bytes encodeBatch(const Batch& batch);
// Records are zstd-compressed together when smaller, and a prev_hash equal to the previous change-set's id is left
// out (restored on decode), sync/PROTOCOL.md §3.6.
// too_large (payload or records > MAX_BATCH_PAYLOAD), truncated, bad_magic, unsupported_format, bad_compression,
// bad_header (flags, reserved bytes, count 0 or > MAX_BATCH_COUNT, lengths, trailing bytes), device_mismatch (a
// change-set's device or seq, read at its fixed offsets when it is long enough, disagrees). The change-sets
// themselves are not decoded.
Batch decodeBatch(std::span<const std::uint8_t> payload, std::string_view subject);

}  // namespace abri::wire
