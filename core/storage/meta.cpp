#include "storage/meta.h"

#include "storage/database.h"

namespace abri::storage {

std::optional<std::string> readMeta(Database& db, std::string_view key) {
    auto& stmt = db.cached("SELECT value FROM meta WHERE key = ?");
    stmt.bind(1, key);
    std::optional<std::string> value;
    if (stmt.step()) value = stmt.text(0);
    stmt.reset();  // a cached statement left open would pin a read snapshot
    return value;
}

void writeMeta(Database& db, std::string_view key, std::string_view value) {
    db.cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").bind(1, key).bind(2, value).run();
}

}  // namespace abri::storage
