#pragma once
// Small value types shared by every sync format: 16-byte ids, 32-byte hashes, op versions, and their text forms.
#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "crypto/signing.h"

namespace abri::wire {

using Id16 = std::array<std::uint8_t, 16>;  // device, hub, case, item, user and page ids on the wire
using Hash32 = crypto::Hash32;              // change-set ids, prev_hash, H(x)
using Hlc = std::uint64_t;

// 32 lowercase hex characters, as vaults and file names write ids.
std::string idToHex(const Id16& id);
// nullopt unless exactly 32 hex characters.
std::optional<Id16> idFromHex(std::string_view hex);
std::string hashToHex(const Hash32& hash);

// The identity of an op (§3.4, §5.1): the HLC it was written with and its device. Ordered by (hlc, device).
struct OpVersion {
    Hlc hlc = 0;
    Id16 device{};
    friend auto operator<=>(const OpVersion&, const OpVersion&) = default;
};

// Office code (§0): ASCII, 1-32 bytes, [A-Z][A-Z0-9-]*; `allowHub` also accepts the hub's pseudo-office "*".
bool isValidOfficeCode(std::string_view office, bool allowHub = false);
// Non-personal ASCII display text (certificate labels, hub names): printable ASCII, at most `maxBytes`.
bool isValidAsciiLabel(std::string_view text, std::size_t maxBytes);

}  // namespace abri::wire
