#pragma once
// Strict canonical CBOR (sync/PROTOCOL.md §3.3): "canonical" means exactly what nlohmann-json 3.11 to_cbor
// writes. Every check failure throws SyncError(BadEncoding) with the caller's non-personal subject.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include <nlohmann/json.hpp>

namespace abri::wire {

// The linear, non-recursive pre-scan: one item, no trailing bytes; definite lengths; shortest heads; major types
// 0-5 and simple values false/true/null only; integers within int64; text strings valid UTF-8; map keys text;
// item counts never above the remaining bytes; nesting depth <= maxDepth (the outermost container is depth 1).
void prescanCanonicalCbor(std::span<const std::uint8_t> bytes, std::size_t maxDepth, std::string_view subject);

// Pre-scan, then json::from_cbor (strict, tags are errors), then to_cbor(parsed) == bytes.
nlohmann::json decodeCanonicalCbor(std::span<const std::uint8_t> bytes, std::size_t maxDepth,
                                   std::string_view subject);

// True when the JSON value has a CBOR form that decodeCanonicalCbor accepts (no floats, no uint64 beyond int64,
// no binary inside values, depth within maxDepth counting the value itself as depth 1).
bool isEncodableValue(const nlohmann::json& value, std::size_t maxDepth);

}  // namespace abri::wire
