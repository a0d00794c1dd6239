#include <catch2/catch.hpp>

#include "common/error.h"
#include "crypto/primitives.h"
#include "storage/database.h"
#include "storage/schema.h"
#include "support/temp_dir.h"

using namespace abri;
using storage::Database;

TEST_CASE("the linked SQLite is SQLCipher", "[storage]") {
    CHECK_FALSE(storage::sqlcipherVersion().empty());
}

TEST_CASE("an encrypted database round-trips data and hides it on disk", "[storage]") {
    test::TempDir dir;
    auto key = crypto::randomKey();
    {
        auto db = Database::openEncrypted(dir / "v.db", key, Database::Mode::CreateNew);
        db.exec("CREATE TABLE t (x TEXT);");
        db.prepare("INSERT INTO t VALUES (?)").bind(1, "ZEBRA-MARKER-7731").run();
        CHECK(db.queryText("PRAGMA temp_store;") == "2");
        CHECK(db.queryText("PRAGMA secure_delete;") == "1");
        CHECK(db.queryText("PRAGMA journal_mode;") == "wal");
        CHECK_FALSE(test::fileContains(dir / "v.db-wal", "ZEBRA-MARKER-7731"));
    }
    CHECK_FALSE(test::fileContains(dir / "v.db", "ZEBRA-MARKER-7731"));
    auto db = Database::openEncrypted(dir / "v.db", key, Database::Mode::OpenExisting);
    CHECK(db.queryText("SELECT x FROM t;") == "ZEBRA-MARKER-7731");
}

TEST_CASE("a wrong key reads as a damaged vault, a missing file as not found", "[storage]") {
    test::TempDir dir;
    auto key = crypto::randomKey();
    { Database::openEncrypted(dir / "v.db", key, Database::Mode::CreateNew).exec("CREATE TABLE t (x);"); }
    auto other = crypto::randomKey();
    try {
        Database::openEncrypted(dir / "v.db", other, Database::Mode::OpenExisting);
        FAIL("opened with a wrong key");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::VaultCorrupted);
    }
    try {
        Database::openEncrypted(dir / "none.db", key, Database::Mode::OpenExisting);
        FAIL("opened a missing file");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::VaultNotFound);
    }
    CHECK_THROWS_AS(Database::openEncrypted(dir / "v.db", key, Database::Mode::CreateNew), Error);
}

TEST_CASE("migrations run step by step and refuse a newer schema", "[storage]") {
    test::TempDir dir;
    auto key = crypto::randomKey();
    auto db = Database::openEncrypted(dir / "v.db", key, Database::Mode::CreateNew);
    CHECK(storage::schemaVersion(db) == 0);
    storage::migrate(db, 1);
    CHECK(storage::schemaVersion(db) == 1);
    CHECK(db.queryInt64("SELECT count(*) FROM sqlite_master WHERE name='conflicts';") == 0);
    storage::migrate(db);
    CHECK(storage::schemaVersion(db) == storage::kSchemaVersion);
    CHECK(db.queryInt64("SELECT count(*) FROM sqlite_master WHERE name='conflicts';") == 1);
    db.exec("UPDATE schema_version SET version = 99;");
    try {
        storage::migrate(db);
        FAIL("migrated a newer schema");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::VaultFromNewerVersion);
    }
}

TEST_CASE("a transaction rolls back unless committed", "[storage]") {
    test::TempDir dir;
    auto db = Database::openEncrypted(dir / "v.db", crypto::randomKey(), Database::Mode::CreateNew);
    db.exec("CREATE TABLE t (x INTEGER);");
    {
        storage::Transaction tx(db);
        db.exec("INSERT INTO t VALUES (1);");
    }
    CHECK(db.queryInt64("SELECT count(*) FROM t;") == 0);
    {
        storage::Transaction tx(db);
        db.exec("INSERT INTO t VALUES (1);");
        tx.commit();
    }
    CHECK(db.queryInt64("SELECT count(*) FROM t;") == 1);
}

TEST_CASE("an in-memory database holds the vault schema and writes no file", "[storage]") {
    test::TempDir dir;
    const auto before = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());  // a file would appear here if ":memory:" were taken as a name
    {
        auto db = Database::openInMemory();
        storage::migrate(db);
        CHECK(storage::schemaVersion(db) == storage::kSchemaVersion);
        db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)").bind(1, "marker").bind(2, "ZEBRA-7731").run();
        CHECK(db.queryText("SELECT value FROM meta WHERE key = 'marker'") == "ZEBRA-7731");
        CHECK(db.queryText("PRAGMA temp_store;") == "2");
        CHECK(db.queryText("PRAGMA journal_mode;") == "memory");
        // Two in-memory databases are two databases.
        auto other = Database::openInMemory();
        CHECK(storage::schemaVersion(other) == 0);
    }
    std::filesystem::current_path(before);
    CHECK(std::filesystem::is_empty(dir.path()));
}
