#include "vault/user.h"

#include "common/error.h"
#include "common/utf8.h"

namespace abri::vault {

namespace {

// Names are stored in JSON (the key-slot file) and shown in the UI: they must be valid UTF-8 and printable.
bool isCleanUtf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        const auto decoded = decodeUtf8Char(text, pos);
        if (!decoded) return false;
        const char32_t c = decoded->codePoint;
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return false;  // C0, DEL and C1 control characters
        pos += decoded->length;
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
