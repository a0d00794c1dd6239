#pragma once
// The `meta` table: one text value per key (schema version, office, audit head, sync chain head, checkpoint…).
// Every module that keeps a value there reads and writes it through these two functions.
#include <optional>
#include <string>
#include <string_view>

namespace abri::storage {

class Database;

std::optional<std::string> readMeta(Database& db, std::string_view key);
void writeMeta(Database& db, std::string_view key, std::string_view value);

}  // namespace abri::storage
