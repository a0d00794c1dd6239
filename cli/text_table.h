#pragma once
// Plain-text tables for the terminal. Column widths follow the *display* width of UTF-8 text (combining marks
// take no column, East Asian wide characters take two), so Arabic, French and CJK values line up with ASCII.
// Control characters and invalid UTF-8 are replaced, so a stored value can never drive the terminal.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace abri::cli {

// Columns a UTF-8 string occupies on a terminal.
std::size_t displayWidth(std::string_view utf8);
// Replaces control characters (C0, DEL, C1) and invalid UTF-8 sequences with '?'. Keeps everything else.
std::string sanitizeForTerminal(std::string_view utf8);
// Cuts to at most `width` columns, ending with "…" when something was cut. Never splits a character.
std::string truncateToWidth(std::string_view utf8, std::size_t width);

class TextTable {
public:
    explicit TextTable(std::vector<std::string> headers, std::size_t maxColumnWidth = 40);
    void addRow(std::vector<std::string> cells);
    std::size_t rowCount() const { return rows_.size(); }
    // Header, a rule of dashes, then the rows; two spaces between columns; no trailing spaces.
    std::string render() const;

private:
    std::vector<std::string> headers_;
    std::vector<std::vector<std::string>> rows_;
    std::size_t maxColumnWidth_;
};

}  // namespace abri::cli
