#pragma once
// Numbers Abri keeps as decimal text (meta values such as sequences, counters and the checkpoint): one checked
// parser, so a damaged or edited file gives a typed error in the caller instead of a crash or a wrapped value.
#include <cstdint>
#include <optional>
#include <string_view>

namespace abri {

// The value of text made only of ASCII digits that fits in int64 (leading zeros allowed); nullopt for an empty
// text, a sign, spaces, any other character, or a value above INT64_MAX.
std::optional<std::int64_t> parseNonNegativeDecimal(std::string_view text);

}  // namespace abri
