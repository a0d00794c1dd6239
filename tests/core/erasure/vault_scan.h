#pragma once
// What an erasure test looks for: a marker in any cell of any table of an open vault (the decrypted content, FTS
// shadow tables included), and in any file of a folder (what is on disk).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string>

#include "storage/database.h"
#include "support/temp_dir.h"

namespace abri::test {

inline std::string lowered(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// The tables (and FTS shadow tables) with at least one cell holding `marker`, as typed or lower-cased (the
// search index keeps words lower-cased).
inline std::set<std::string> tablesHolding(storage::Database& db, const std::string& marker) {
    std::set<std::string> tables;
    {
        auto st = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
        while (st.step()) tables.insert(st.text(0));
    }
    const std::string low = lowered(marker);
    std::set<std::string> out;
    for (const auto& table : tables) {
        auto st = db.prepare("SELECT * FROM \"" + table + "\"");
        while (st.step()) {
            for (int c = 0; c < st.columnCount(); ++c) {
                if (st.isNull(c)) continue;
                const auto cell = st.blob(c);
                const std::string text(cell.begin(), cell.end());
                if (text.find(marker) != std::string::npos || lowered(text).find(low) != std::string::npos)
                    out.insert(table);
            }
        }
    }
    return out;
}

// Files under `dir` whose bytes hold `marker` (as typed or lower-cased).
inline std::set<std::string> filesHolding(const std::filesystem::path& dir, const std::string& marker) {
    std::set<std::string> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        if (fileContains(entry.path(), marker) || fileContains(entry.path(), lowered(marker)))
            out.insert(entry.path().filename().string());
    }
    return out;
}

}  // namespace abri::test
