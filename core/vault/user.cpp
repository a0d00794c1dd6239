#include "vault/user.h"

#include <cstdint>

#include "common/error.h"

namespace abri::vault {

namespace {

// Names are stored in JSON (the key-slot file) and shown in the UI: they must be valid UTF-8 and printable.
bool isCleanUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (lead < 0x80) {
            if (lead < 0x20 || lead == 0x7f) return false;
            ++i;
            continue;
        }
        if ((lead & 0xE0) == 0xC0) {
            extra = 1;
            cp = lead & 0x1Fu;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2;
            cp = lead & 0x0Fu;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3;
            cp = lead & 0x07u;
        } else {
            return false;
        }
        if (i + extra >= text.size()) return false;  // truncated sequence
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto c = static_cast<unsigned char>(text[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        const std::uint32_t minimum = extra == 1 ? 0x80 : extra == 2 ? 0x800 : 0x10000;
        if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;  // overlong, surrogates
        if (cp >= 0x80 && cp < 0xA0) return false;  // C1 control characters
        i += extra + 1;
    }
    return true;
}

}  // namespace

void checkUsername(std::string_view username) {
    if (username.empty()) throw Error(ErrorCode::InvalidValue, "user.username", "empty");
    if (username.size() > kMaxUsernameBytes) throw Error(ErrorCode::InvalidValue, "user.username", "too long");
    if (username.front() == ' ' || username.back() == ' ') {
        throw Error(ErrorCode::InvalidValue, "user.username", "leading or trailing space");
    }
    if (!isCleanUtf8(username)) throw Error(ErrorCode::InvalidValue, "user.username", "invalid characters");
}

void checkDisplayName(std::string_view displayName) {
    if (displayName.size() > kMaxDisplayNameBytes) {
        throw Error(ErrorCode::InvalidValue, "user.display_name", "too long");
    }
    if (!isCleanUtf8(displayName)) throw Error(ErrorCode::InvalidValue, "user.display_name", "invalid characters");
}

}  // namespace abri::vault
