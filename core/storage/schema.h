#pragma once
// The vault's schema and its migrations. Version 1 is the first released schema; each later version is one
// migration step applied in its own transaction. A vault newer than this build is refused, never downgraded.
#include <string_view>

#include "storage/database.h"

namespace abri::storage {

constexpr int kSchemaVersion = 9;

// Reads the schema version (0 for an empty database).
int schemaVersion(Database& db);
// Brings the database to `target` (default: the latest). Throws Error(VaultFromNewerVersion) when the file is
// newer than this build. Each step commits on its own, so a crash leaves a valid older version.
void migrate(Database& db, int target = kSchemaVersion);

}  // namespace abri::storage
