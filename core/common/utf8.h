#pragma once
// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. The one decoder behind every
// check of outside text (case documents, user names, CBOR text strings) and the CLI's terminal output.
#include <cstddef>
#include <optional>
#include <string_view>

namespace abri {

struct Utf8Char {
    char32_t codePoint = 0;
    std::size_t length = 0;  // bytes the sequence takes (1-4)
};

// Decodes the character starting at text[pos] (pos < text.size()); nullopt when the bytes there are not a valid
// UTF-8 sequence (a stray continuation byte, a truncated or overlong sequence, a surrogate, beyond U+10FFFF).
std::optional<Utf8Char> decodeUtf8Char(std::string_view text, std::size_t pos);

// True when the whole text is valid UTF-8 (an empty text is).
bool isValidUtf8(std::string_view text);

}  // namespace abri
