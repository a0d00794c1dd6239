#pragma once
// A compact binary form of a MergeState: every op it holds and every exclusion it recorded, so that decoding gives
// back exactly the state that was encoded. The hub stores one per case (sync/PROTOCOL.md §7.2) instead of rebuilding
// it from the case's change-sets for every admission. The encoding is canonical: two equal states encode to the
// same bytes, so `abri-hub verify-state` compares the bytes.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "merge/merge_state.h"

namespace abri::merge {

std::vector<std::uint8_t> encodeMergeState(const MergeState& state);

// Throws Error(VaultCorrupted, subject, detail) on anything encodeMergeState does not write: a bad magic or version,
// a truncated or over-long layout, an unknown op kind, entity kind or exclusion reason, a repeated op identity.
MergeState decodeMergeState(std::span<const std::uint8_t> bytes, std::string_view subject);

}  // namespace abri::merge
