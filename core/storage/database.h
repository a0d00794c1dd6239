#pragma once
// A small RAII wrapper over SQLCipher. The only place in Abri that calls sqlite3_* directly.
// Every connection is opened with a raw 256-bit key, asserts that the library is really SQLCipher, and sets the
// pragmas that keep plaintext off the disk (temp_store=MEMORY, secure_delete) before any other statement runs.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crypto/secure_buffer.h"

struct sqlite3;
struct sqlite3_stmt;

namespace abri::storage {

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt, std::string_view pathForErrors);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based, as in SQLite. Text and blobs are copied (SQLITE_TRANSIENT).
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bindBlob(int index, std::span<const std::uint8_t> blob);
    Statement& bindNull(int index);
    Statement& bind(int index, const std::optional<std::string>& text);
    Statement& bind(int index, const std::optional<std::int64_t>& value);

    // Returns true while a row is available; false when done. Throws abri::Error on failure.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    // Makes the statement reusable (keeps bindings cleared).
    void reset();

    int columnCount() const;
    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optionalText(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    std::vector<std::uint8_t> blob(int column) const;

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    std::string path_;
};

class Database {
public:
    enum class Mode { OpenExisting, CreateNew };

    // Opens (or creates) an encrypted database with a 32-byte raw key. Verifies the key by reading the schema:
    // a wrong key or a damaged file throws Error(VaultCorrupted, path); a missing file throws VaultNotFound.
    static Database openEncrypted(const std::filesystem::path& path, const crypto::SecureBuffer& rawKey, Mode mode);
    // Unencrypted database with identical settings. Only for benchmarks' baseline and tests.
    static Database openPlain(const std::filesystem::path& path, Mode mode);
    // A private in-memory database that never touches the disk: no file, no WAL, no temporary files
    // (temp_store = MEMORY). It has no key: SQLCipher encrypts pages on their way to a file, and these pages never
    // leave this process's heap, where the data they are built from already lives in plain form. For derived,
    // throw-away views such as the hub's merged facts for reports (core/reports/merged_facts.h).
    static Database openInMemory();

    Database() = default;
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    bool isOpen() const noexcept { return db_ != nullptr; }
    const std::filesystem::path& path() const noexcept { return path_; }

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    // A prepared statement kept for the connection's lifetime (hot paths: inserts, journal appends).
    // The statement is reset before it is returned.
    //
    // "OR FAIL" on hot writes inside a transaction: a write that may touch several b-trees (a row and its indexes,
    // a REPLACE) and may abort on a constraint makes SQLite keep a statement journal to undo just that statement,
    // and SQLCipher encrypts every page it puts there, so a one-row UPDATE of an indexed table cost as much as a
    // commit (docs/benchmarks.md, first sync and hub ingest). We never need that undo: a failed statement throws
    // and the Transaction rolls back whole. FAIL keeps a one-row write whole too, since SQLite checks a row's
    // constraints before it writes any of its b-trees.
    Statement& cached(const std::string& sql);
    std::int64_t lastInsertRowId() const;
    int changes() const;
    bool inTransaction() const;
    // Single-value helpers.
    std::optional<std::int64_t> queryInt64(std::string_view sql);
    std::optional<std::string> queryText(std::string_view sql);

    // Closes now and wipes cached statements (also done by the destructor).
    void close() noexcept;

    // Copies this whole database into `destination` with SQLite's online backup API, in one step: a consistent
    // snapshot even while other connections write (WAL readers do not block writers). Both must be encrypted with
    // the same key (SQLCipher copies pages only between equally keyed databases), so the copy is as unreadable as
    // the original. Throws Error(Busy) when a lock cannot be had, Error(DiskFull | IoError | DatabaseError).
    void copyInto(Database& destination);
    // PRAGMA integrity_check == "ok" (a damaged page that still decrypts is caught here).
    bool integrityOk();

    // Write-ahead log. A commit that leaves kAutoCheckpointFrames or more frames in the log copies them back into
    // the database file itself (SQLite's auto-checkpoint): tens of milliseconds inside that one commit. A caller
    // that must keep every call short (the app's stepped applying, devicesync::applyInbox) defers that and runs
    // checkpoint() at a moment of its choosing instead.
    static constexpr int kAutoCheckpointFrames = 1000;  // SQLite's default
    void deferCheckpoints(bool deferred) noexcept;
    // Frames the log held after the last commit that have not been checkpointed since (0 when unknown).
    int walFramesPending() const noexcept;
    // A passive checkpoint: copies back every frame no reader still needs, waits for nobody.
    void checkpoint();
    // Copies every frame back and truncates the log to zero bytes (erasure: the log must not keep the pages a purge
    // freed). Returns false when a reader of another connection still needs frames (SQLITE_BUSY): call again later.
    bool checkpointAndTruncate();

    sqlite3* handle() noexcept { return db_; }

private:
    static Database openWith(const std::filesystem::path& path, const crypto::SecureBuffer* rawKey, Mode mode);
    // What the commit hook (sqlite3_wal_hook) keeps; on the heap so its address survives a move of the Database.
    struct WalState {
        int framesPending = 0;
        bool deferred = false;
    };
    static int onWalCommit(void* state, sqlite3* db, const char* schema, int frames);
    sqlite3* db_ = nullptr;
    std::unique_ptr<WalState> wal_;
    std::filesystem::path path_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless committed. Nested use is not supported.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

// The SQLCipher version string reported by the linked library ("3.4.1"); throws Error(NotSqlCipher) when the
// linked library is plain SQLite.
std::string sqlcipherVersion();

}  // namespace abri::storage
