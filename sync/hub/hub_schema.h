#pragma once
// The hub store's schema and its migrations, kept like the vault's (core/storage/schema.h): version 1 is the schema
// the first hub stores were created with; each later version is one step applied in its own transaction. A store
// newer than this build is refused, never downgraded.
#include "storage/database.h"

namespace abri::sync::hub {

constexpr int kHubSchemaVersion = 5;

// The store's schema version: 0 for an empty database, 1 for a store made before the hub recorded its version
// (it has the version 1 tables but no schema_version table).
int hubSchemaVersion(storage::Database& db);
// Brings the store to `target` (default: the latest), recording the version of a store made before versions were
// recorded. Throws Error(VaultFromNewerVersion, path, "schema N") when the store is newer than this build.
void migrateHubSchema(storage::Database& db, int target = kHubSchemaVersion);

}  // namespace abri::sync::hub
