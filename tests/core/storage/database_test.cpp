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

namespace {
// One commit that writes well over kAutoCheckpointFrames pages (4 KiB each) into the write-ahead log.
void writeManyPages(Database& db, int round) {
    storage::Transaction tx(db);
    auto insert = db.prepare("INSERT INTO t (round, filler) VALUES (?, randomblob(3000))");
    for (int i = 0; i < 1600; ++i) insert.bind(1, round).run(), insert.reset();
    tx.commit();
}
}  // namespace

TEST_CASE("commits checkpoint the write-ahead log unless checkpoints are deferred", "[storage]") {
    test::TempDir dir;
    auto key = crypto::randomKey();
    auto created = Database::openEncrypted(dir / "v.db", key, Database::Mode::CreateNew);
    Database db = std::move(created);  // the commit hook's state must survive a move
    db.exec("CREATE TABLE t (round INTEGER, filler BLOB);");
    const auto fileSize = [&] { return std::filesystem::file_size(dir / "v.db"); };

    SECTION("by default the commit that fills the log copies it back into the database file") {
        const auto before = fileSize();
        writeManyPages(db, 1);
        CHECK(db.walFramesPending() == 0);
        CHECK(fileSize() > before + 4'000'000);
    }
    SECTION("deferred, the log keeps growing until checkpoint() is called") {
        db.deferCheckpoints(true);
        const auto before = fileSize();
        writeManyPages(db, 1);
        writeManyPages(db, 2);
        CHECK(db.walFramesPending() >= 2 * 1600);
        CHECK(fileSize() == before);
        db.checkpoint();
        CHECK(db.walFramesPending() == 0);
        CHECK(fileSize() > before + 8'000'000);
        CHECK(db.queryInt64("SELECT count(*) FROM t") == 3200);
        // Deferring ends: the next large commit checkpoints by itself again.
        db.deferCheckpoints(false);
        const auto afterCheckpoint = fileSize();
        writeManyPages(db, 3);
        CHECK(db.walFramesPending() == 0);
        CHECK(fileSize() > afterCheckpoint + 4'000'000);
    }
}
