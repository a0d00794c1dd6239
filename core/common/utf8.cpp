#include "common/utf8.h"

#include <array>
#include <cstdint>

namespace abri {

std::optional<Utf8Char> decodeUtf8Char(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) return Utf8Char{lead, 1};
    std::size_t length = 0;
    char32_t codePoint = 0;
    if ((lead & 0xE0U) == 0xC0U) {
        length = 2;
        codePoint = lead & 0x1FU;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3;
        codePoint = lead & 0x0FU;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4;
        codePoint = lead & 0x07U;
    } else {
        return std::nullopt;  // a continuation byte or 0xF8-0xFF where a character should start
    }
    if (length > text.size() - pos) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[pos + k]);
        if ((next & 0xC0U) != 0x80U) return std::nullopt;
        codePoint = (codePoint << 6U) | (next & 0x3FU);
    }
    // The smallest code point each length may carry: anything less is an overlong form.
    static constexpr std::array<char32_t, 5> kSmallest = {0, 0, 0x80, 0x800, 0x10000};
    if (codePoint < kSmallest[length] || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        return std::nullopt;
    }
    return Utf8Char{codePoint, length};
}

bool isValidUtf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        if (static_cast<unsigned char>(text[pos]) < 0x80) {  // the common case, without the decoder
            ++pos;
            continue;
        }
        const auto decoded = decodeUtf8Char(text, pos);
        if (!decoded) return false;
        pos += decoded->length;
    }
    return true;
}

}  // namespace abri
