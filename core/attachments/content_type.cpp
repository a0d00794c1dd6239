#include "attachments/content_type.h"

#include <algorithm>
#include <string_view>

#include "common/utf8.h"

namespace abri::attachments {

namespace {

bool startsWith(std::span<const std::uint8_t> bytes, std::initializer_list<std::uint8_t> magic) {
    if (bytes.size() < magic.size()) return false;
    return std::equal(magic.begin(), magic.end(), bytes.begin());
}

bool isExecutable(std::span<const std::uint8_t> b) {
    if (startsWith(b, {0x7F, 'E', 'L', 'F'})) return true;  // ELF
    if (startsWith(b, {'M', 'Z'})) return true;             // DOS/PE (and anything else that starts like one)
    if (startsWith(b, {'#', '!'})) return true;             // a script with an interpreter line
    // Mach-O (32/64 bit, both byte orders) and universal binaries
    if (startsWith(b, {0xFE, 0xED, 0xFA, 0xCE}) || startsWith(b, {0xFE, 0xED, 0xFA, 0xCF}) ||
        startsWith(b, {0xCE, 0xFA, 0xED, 0xFE}) || startsWith(b, {0xCF, 0xFA, 0xED, 0xFE}) ||
        startsWith(b, {0xCA, 0xFE, 0xBA, 0xBE}))
        return true;
    return false;
}

bool isTextByte(std::uint8_t c) {
    if (c >= 0x20 && c != 0x7F) return true;
    return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x1B;
}

// Strict UTF-8 (common/utf8.h) of text characters. The head is a prefix of the file, so a sequence cut off by its
// end (a lead byte and continuation bytes only, fewer than it needs) is accepted when the head was cut.
bool isUtf8Text(std::span<const std::uint8_t> b, bool cut) {
    const std::string_view text(reinterpret_cast<const char*>(b.data()), b.size());
    std::size_t i = startsWith(b, {0xEF, 0xBB, 0xBF}) ? 3 : 0;  // byte-order mark
    while (i < text.size()) {
        const auto decoded = decodeUtf8Char(text, i);
        if (!decoded) {
            const std::size_t left = text.size() - i;
            if (!cut || left >= 4 || b[i] < 0xC2 || b[i] > 0xF4) return false;
            for (std::size_t k = i + 1; k < text.size(); ++k)
                if ((b[k] & 0xC0) != 0x80) return false;
            return true;
        }
        if (decoded->codePoint < 0x80 && !isTextByte(static_cast<std::uint8_t>(decoded->codePoint))) return false;
        if (decoded->codePoint >= 0x80 && decoded->codePoint < 0xA0) return false;  // C1 control characters
        i += decoded->length;
    }
    return true;
}

}  // namespace

ContentVerdict sniffContent(std::span<const std::uint8_t> head) {
    head = head.first(std::min(head.size(), kSniffBytes));
    if (head.empty()) return {std::nullopt, ContentRefusal::Unsupported};
    if (isExecutable(head)) return {std::nullopt, ContentRefusal::Executable};
    if (startsWith(head, {'%', 'P', 'D', 'F', '-'})) return {ContentType::Pdf, std::nullopt};
    if (startsWith(head, {0xFF, 0xD8, 0xFF})) return {ContentType::Jpeg, std::nullopt};
    if (startsWith(head, {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) return {ContentType::Png, std::nullopt};
    if (startsWith(head, {'I', 'I', 0x2A, 0x00}) || startsWith(head, {'M', 'M', 0x00, 0x2A}))
        return {ContentType::Tiff, std::nullopt};
    if (head.size() >= 12 && startsWith(head, {'R', 'I', 'F', 'F'}) && head[8] == 'W' && head[9] == 'E' &&
        head[10] == 'B' && head[11] == 'P')
        return {ContentType::WebP, std::nullopt};
    if (isUtf8Text(head, head.size() == kSniffBytes)) return {ContentType::PlainText, std::nullopt};
    return {std::nullopt, ContentRefusal::Unsupported};
}

bool looksLikeTextContinuation(std::span<const std::uint8_t> bytes) noexcept {
    // UTF-8 sequences may straddle piece boundaries, so only the bytes that are never in text are checked here.
    return std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t c) { return c >= 0x80 || isTextByte(c); });
}

std::string_view contentTypeCode(ContentType type) noexcept {
    switch (type) {
    case ContentType::Pdf: return "pdf";
    case ContentType::Jpeg: return "jpeg";
    case ContentType::Png: return "png";
    case ContentType::Tiff: return "tiff";
    case ContentType::WebP: return "webp";
    case ContentType::PlainText: return "text";
    }
    return "unknown";
}

std::string_view mediaType(ContentType type) noexcept {
    switch (type) {
    case ContentType::Pdf: return "application/pdf";
    case ContentType::Jpeg: return "image/jpeg";
    case ContentType::Png: return "image/png";
    case ContentType::Tiff: return "image/tiff";
    case ContentType::WebP: return "image/webp";
    case ContentType::PlainText: return "text/plain";
    }
    return "application/octet-stream";
}

std::optional<ContentType> contentTypeFromCode(std::string_view code) noexcept {
    for (auto type : {ContentType::Pdf, ContentType::Jpeg, ContentType::Png, ContentType::Tiff, ContentType::WebP,
                      ContentType::PlainText}) {
        if (contentTypeCode(type) == code) return type;
    }
    return std::nullopt;
}

}  // namespace abri::attachments
