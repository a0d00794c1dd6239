#include "wire/wire_types.h"

#include "crypto/primitives.h"

namespace abri::wire {

std::string idToHex(const Id16& id) { return crypto::toHex(id); }

std::optional<Id16> idFromHex(std::string_view hex) {
    if (hex.size() != 32) return std::nullopt;
    crypto::Bytes raw;
    if (!crypto::fromHex(hex, raw) || raw.size() != 16) return std::nullopt;
    Id16 id{};
    std::copy(raw.begin(), raw.end(), id.begin());
    return id;
}

std::string hashToHex(const Hash32& hash) { return crypto::toHex(hash); }

bool isValidOfficeCode(std::string_view office, bool allowHub) {
    if (allowHub && office == "*") return true;
    if (office.empty() || office.size() > 32) return false;
    if (office[0] < 'A' || office[0] > 'Z') return false;
    for (char c : office) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) return false;
    }
    return true;
}

bool isValidAsciiLabel(std::string_view text, std::size_t maxBytes) {
    if (text.size() > maxBytes) return false;
    for (char c : text) {
        if (c < 0x20 || c > 0x7e) return false;
    }
    return true;
}

}  // namespace abri::wire
