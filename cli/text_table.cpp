#include "text_table.h"

#include <algorithm>
#include <array>

#include "common/utf8.h"

namespace abri::cli {

namespace {

struct Range {
    char32_t first;
    char32_t last;
};

// Non-spacing marks and format characters common in the scripts Abri's offices use (Latin, Arabic, Hebrew,
// Devanagari, Thai ...): they render on the previous character.
constexpr std::array<Range, 22> kZeroWidth = {{{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},
                                               {0x05BF, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F},
                                               {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
                                               {0x06E7, 0x06ED}, {0x0900, 0x0902}, {0x093C, 0x094D},
                                               {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
                                               {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F},
                                               {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF},
                                               {0xFE00, 0xFE0F}}};

// East Asian Wide and Fullwidth blocks, and emoji: two columns.
constexpr std::array<Range, 13> kWide = {{{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF},
                                          {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
                                          {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE30, 0xFE4F},
                                          {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1FAFF},
                                          {0x20000, 0x3FFFD}}};

bool inRanges(char32_t cp, const auto& ranges) {
    return std::any_of(ranges.begin(), ranges.end(), [cp](const Range& r) { return cp >= r.first && cp <= r.last; });
}

std::size_t widthOf(char32_t cp) {
    if (cp == 0xFEFF || inRanges(cp, kZeroWidth)) return 0;
    if (inRanges(cp, kWide)) return 2;
    return 1;
}

bool isControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

}  // namespace

std::size_t displayWidth(std::string_view utf8) {
    std::size_t width = 0;
    for (std::size_t pos = 0; pos < utf8.size();) {
        auto decoded = decodeUtf8Char(utf8, pos);
        if (!decoded) {
            ++width;  // shown as a replacement character
            ++pos;
            continue;
        }
        width += isControl(decoded->codePoint) ? 1 : widthOf(decoded->codePoint);
        pos += decoded->length;
    }
    return width;
}

std::string sanitizeForTerminal(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) {
        auto decoded = decodeUtf8Char(utf8, pos);
        if (!decoded || isControl(decoded->codePoint)) {
            out += '?';
            pos += decoded ? decoded->length : 1;
            continue;
        }
        out.append(utf8.substr(pos, decoded->length));
        pos += decoded->length;
    }
    return out;
}

std::string truncateToWidth(std::string_view utf8, std::size_t width) {
    if (displayWidth(utf8) <= width) return std::string(utf8);
    if (width == 0) return {};
    std::string out;
    std::size_t used = 0;
    for (std::size_t pos = 0; pos < utf8.size();) {
        auto decoded = decodeUtf8Char(utf8, pos);
        const std::size_t length = decoded ? decoded->length : 1;
        const std::size_t w = decoded ? widthOf(decoded->codePoint) : 1;
        if (used + w > width - 1) break;  // keep one column for the ellipsis
        out.append(utf8.substr(pos, length));
        used += w;
        pos += length;
    }
    return out + "…";
}

TextTable::TextTable(std::vector<std::string> headers, std::size_t maxColumnWidth)
    : headers_(std::move(headers)), maxColumnWidth_(maxColumnWidth) {}

void TextTable::addRow(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    for (auto& cell : cells) cell = truncateToWidth(sanitizeForTerminal(cell), maxColumnWidth_);
    rows_.push_back(std::move(cells));
}

std::string TextTable::render() const {
    std::vector<std::size_t> widths(headers_.size(), 0);
    for (std::size_t c = 0; c < headers_.size(); ++c) widths[c] = displayWidth(headers_[c]);
    for (const auto& row : rows_) {
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            out += cells[c];
            if (c + 1 < cells.size()) out += std::string(widths[c] - displayWidth(cells[c]) + 2, ' ');
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out + "\n";
    };
    std::string out = line(headers_);
    std::vector<std::string> rule;
    for (auto w : widths) rule.emplace_back(w, '-');
    out += line(rule);
    for (const auto& row : rows_) out += line(row);
    return out;
}

}  // namespace abri::cli
