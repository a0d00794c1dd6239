#include "storage/database.h"

#include <sqlite3.h>

#include <cstring>
#include <system_error>
#include <utility>

#include "common/error.h"
#include "crypto/primitives.h"

namespace abri::storage {

namespace {

// SQLCipher's page size is not stored in the file: it must be applied on every open, before the first read.
constexpr const char* kPageSizePragma = "PRAGMA cipher_page_size = 4096;";
constexpr const char* kPlainPageSizePragma = "PRAGMA page_size = 4096;";

[[noreturn]] void throwFor(sqlite3* db, int rc, const std::string& path) {
    const int primary = rc & 0xff;
    // SQLite's messages name tables and columns, never bound values, so they are safe to carry as detail.
    std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    switch (primary) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT: throw Error(ErrorCode::VaultCorrupted, path, detail);
    case SQLITE_FULL: throw Error(ErrorCode::DiskFull, path, detail);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM: throw Error(ErrorCode::IoError, path, detail);
    case SQLITE_BUSY:
    case SQLITE_LOCKED: throw Error(ErrorCode::Busy, path, detail);
    default: throw Error(ErrorCode::DatabaseError, path, detail);
    }
}

}  // namespace

// ---- Statement ----

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, std::string_view pathForErrors)
    : db_(db), stmt_(stmt), path_(pathForErrors) {}

Statement::~Statement() {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)), path_(std::move(other.path_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        if (stmt_ != nullptr) sqlite3_finalize(stmt_);
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
        path_ = std::move(other.path_);
    }
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) throwFor(db_, rc, path_);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) throwFor(db_, rc, path_);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // An empty string_view may carry a null pointer, which SQLite would store as NULL: bind "" instead.
    const char* data = text.data() != nullptr ? text.data() : "";
    int rc = sqlite3_bind_text(stmt_, index, data, static_cast<int>(text.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throwFor(db_, rc, path_);
    return *this;
}

Statement& Statement::bindBlob(int index, std::span<const std::uint8_t> blob) {
    // An empty span is an empty blob (x''), not NULL, which is what sqlite3_bind_blob makes of a null pointer.
    int rc = blob.empty() ? sqlite3_bind_zeroblob(stmt_, index, 0)
                          : sqlite3_bind_blob(stmt_, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throwFor(db_, rc, path_);
    return *this;
}

Statement& Statement::bindNull(int index) {
    int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) throwFor(db_, rc, path_);
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bindNull(index);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bindNull(index);
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Reset so the statement can be reused after an error (e.g. a constraint failure in a cached statement).
    sqlite3_reset(stmt_);
    throwFor(db_, rc, path_);
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int Statement::columnCount() const { return sqlite3_column_count(stmt_); }
bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    int n = sqlite3_column_bytes(stmt_, column);
    return p != nullptr ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::optional<std::string> Statement::optionalText(int column) const {
    if (isNull(column)) return std::nullopt;
    return text(column);
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const {
    if (isNull(column)) return std::nullopt;
    return int64(column);
}

std::vector<std::uint8_t> Statement::blob(int column) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    int n = sqlite3_column_bytes(stmt_, column);
    return p != nullptr ? std::vector<std::uint8_t>(p, p + n) : std::vector<std::uint8_t>();
}

// ---- Database ----

std::string sqlcipherVersion() {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw Error(ErrorCode::Internal, "sqlite", "cannot open an in-memory database");
    }
    std::string version;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA cipher_version;", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        const auto* text = sqlite3_column_text(stmt, 0);
        if (text != nullptr) version = reinterpret_cast<const char*>(text);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    // Plain SQLite silently ignores unknown pragmas and returns no row: it would write an unencrypted file.
    if (version.empty()) throw Error(ErrorCode::NotSqlCipher);
    return version;
}

Database Database::openEncrypted(const std::filesystem::path& path, const crypto::SecureBuffer& rawKey, Mode mode) {
    if (rawKey.size() != crypto::kKeyBytes) throw Error(ErrorCode::Internal, "database", "raw key must be 32 bytes");
    return openWith(path, &rawKey, mode);
}

Database Database::openPlain(const std::filesystem::path& path, Mode mode) { return openWith(path, nullptr, mode); }

Database Database::openWith(const std::filesystem::path& path, const crypto::SecureBuffer* rawKey, Mode mode) {
    static const std::string checkedVersion = sqlcipherVersion();  // refuse to run on plain SQLite, once per process
    (void)checkedVersion;

    const std::string pathText = path.string();
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (mode == Mode::OpenExisting && !exists) throw Error(ErrorCode::VaultNotFound, pathText);
    if (mode == Mode::CreateNew && exists) throw Error(ErrorCode::VaultAlreadyExists, pathText);
    if (mode == Mode::OpenExisting && std::filesystem::is_regular_file(path, ec) &&
        std::filesystem::file_size(path, ec) == 0) {
        throw Error(ErrorCode::VaultCorrupted, pathText, "empty file");
    }

    Database out;
    out.path_ = path;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
    if (mode == Mode::CreateNew) flags |= SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(pathText.c_str(), &out.db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string detail = out.db_ != nullptr ? sqlite3_errmsg(out.db_) : sqlite3_errstr(rc);
        out.close();
        throw Error(ErrorCode::IoError, pathText, detail);
    }
    sqlite3_extended_result_codes(out.db_, 1);

    if (rawKey != nullptr) {
        // Raw key form x'<64 hex>': SQLCipher uses it directly, skipping its own PBKDF2. Built in locked memory.
        crypto::SecureBuffer keySpec(3 + 2 * rawKey->size());
        auto* p = reinterpret_cast<char*>(keySpec.data());
        p[0] = 'x';
        p[1] = '\'';
        static constexpr char digits[] = "0123456789abcdef";
        for (std::size_t i = 0; i < rawKey->size(); ++i) {
            p[2 + 2 * i] = digits[rawKey->data()[i] >> 4];
            p[3 + 2 * i] = digits[rawKey->data()[i] & 0x0f];
        }
        p[keySpec.size() - 1] = '\'';
        rc = sqlite3_key(out.db_, keySpec.data(), static_cast<int>(keySpec.size()));
        if (rc != SQLITE_OK) {
            out.close();
            throw Error(ErrorCode::Internal, pathText, "sqlite3_key failed");
        }
        out.exec(kPageSizePragma);
    } else if (mode == Mode::CreateNew) {
        out.exec(kPlainPageSizePragma);
    }

    try {
        // The first real read: a wrong key or a damaged header fails here with SQLITE_NOTADB.
        out.queryInt64("SELECT count(*) FROM sqlite_master;");
        out.exec("PRAGMA temp_store = MEMORY;");
        out.exec("PRAGMA secure_delete = ON;");
        out.exec("PRAGMA foreign_keys = ON;");
        out.exec("PRAGMA busy_timeout = 5000;");
        // SQLCipher decrypts a page each time it enters the cache: the default 2 MiB cache makes a 100k-case vault
        // decrypt and re-encrypt the same pages over and over (docs/benchmarks.md). 64 MiB keeps the working set.
        out.exec("PRAGMA cache_size = -65536;");
        auto journalMode = out.queryText("PRAGMA journal_mode = WAL;");
        if (!journalMode || *journalMode != "wal") throw Error(ErrorCode::IoError, pathText, "cannot enable WAL");
        // FULL: a committed edit survives power loss too, not only a crash of the process.
        out.exec("PRAGMA synchronous = FULL;");
        // Our own commit hook replaces SQLite's auto-checkpoint (same threshold), so that it can be deferred.
        out.wal_ = std::make_unique<WalState>();
        sqlite3_wal_hook(out.db_, &onWalCommit, out.wal_.get());
    } catch (...) {
        out.close();
        throw;
    }
    if (mode == Mode::CreateNew) {
        std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                     std::filesystem::perm_options::replace, ec);
    }
    return out;
}

Database Database::openInMemory() {
    static const std::string checkedVersion = sqlcipherVersion();  // the same library check as every other open
    (void)checkedVersion;
    Database out;
    out.path_ = ":memory:";
    const int rc = sqlite3_open_v2(":memory:", &out.db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        out.close();
        throw Error(ErrorCode::Internal, "database", "cannot open an in-memory database");
    }
    sqlite3_extended_result_codes(out.db_, 1);
    try {
        // As for files, so the same statements behave the same; journal_mode stays MEMORY (there is no file).
        out.exec("PRAGMA temp_store = MEMORY;");
        out.exec("PRAGMA secure_delete = ON;");
        out.exec("PRAGMA foreign_keys = ON;");
    } catch (...) {
        out.close();
        throw;
    }
    return out;
}

Database::~Database() { close(); }

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      wal_(std::move(other.wal_)),
      path_(std::move(other.path_)),
      cache_(std::move(other.cache_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        db_ = std::exchange(other.db_, nullptr);
        wal_ = std::move(other.wal_);
        path_ = std::move(other.path_);
        cache_ = std::move(other.cache_);
    }
    return *this;
}

void Database::close() noexcept {
    cache_.clear();
    if (db_ != nullptr) {
        sqlite3_close_v2(db_);  // SQLCipher wipes its key material when the connection closes
        db_ = nullptr;
    }
}

void Database::exec(std::string_view sql) {
    if (db_ == nullptr) throw Error(ErrorCode::VaultLocked);
    std::string owned(sql);
    char* message = nullptr;
    int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message);
    if (message != nullptr) sqlite3_free(message);
    if (rc != SQLITE_OK) throwFor(db_, rc, path_.string());
}

Statement Database::prepare(std::string_view sql) {
    if (db_ == nullptr) throw Error(ErrorCode::VaultLocked);
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) throwFor(db_, rc, path_.string());
    return Statement(db_, stmt, path_.string());
}

Statement& Database::cached(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<Statement>(prepare(sql))).first;
    it->second->reset();
    return *it->second;
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }
int Database::onWalCommit(void* state, sqlite3* db, const char* schema, int frames) {
    auto* wal = static_cast<WalState*>(state);
    wal->framesPending = frames;
    if (wal->deferred || frames < kAutoCheckpointFrames) return SQLITE_OK;
    // What SQLite's own auto-checkpoint does: passive, and a failure here never fails the commit that triggered it.
    int logFrames = 0;
    int copiedFrames = 0;
    if (sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copiedFrames) == SQLITE_OK &&
        copiedFrames >= logFrames) {
        wal->framesPending = 0;
    }
    return SQLITE_OK;
}

void Database::deferCheckpoints(bool deferred) noexcept {
    if (wal_) wal_->deferred = deferred;
}

int Database::walFramesPending() const noexcept { return wal_ ? wal_->framesPending : 0; }

void Database::checkpoint() {
    if (db_ == nullptr) throw Error(ErrorCode::VaultLocked);
    int logFrames = 0;
    int copiedFrames = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copiedFrames);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) throwFor(db_, rc, path_.string());
    if (wal_ && rc == SQLITE_OK && copiedFrames >= logFrames) wal_->framesPending = 0;
}

bool Database::checkpointAndTruncate() {
    if (db_ == nullptr) throw Error(ErrorCode::VaultLocked);
    int logFrames = 0;
    int copiedFrames = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &copiedFrames);
    if (rc == SQLITE_BUSY) return false;
    if (rc != SQLITE_OK) throwFor(db_, rc, path_.string());
    if (wal_) wal_->framesPending = 0;
    return true;
}

bool Database::inTransaction() const { return db_ != nullptr && sqlite3_get_autocommit(db_) == 0; }

std::optional<std::int64_t> Database::queryInt64(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt.step() || stmt.isNull(0)) return std::nullopt;
    return stmt.int64(0);
}

std::optional<std::string> Database::queryText(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt.step() || stmt.isNull(0)) return std::nullopt;
    return stmt.text(0);
}

void Database::copyInto(Database& destination) {
    if (db_ == nullptr || destination.db_ == nullptr) throw Error(ErrorCode::Internal, "database", "not open");
    sqlite3_backup* backup = sqlite3_backup_init(destination.db_, "main", db_, "main");
    if (backup == nullptr) {
        throw Error(ErrorCode::DatabaseError, destination.path_.string(), sqlite3_errmsg(destination.db_));
    }
    const int stepRc = sqlite3_backup_step(backup, -1);  // all pages at once: one read snapshot of the source
    const int finishRc = sqlite3_backup_finish(backup);
    const int rc = stepRc == SQLITE_DONE ? finishRc : stepRc;
    if (rc == SQLITE_OK || rc == SQLITE_DONE) return;
    const std::string subject = destination.path_.string();
    const int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw Error(ErrorCode::Busy, subject);
    if (primary == SQLITE_FULL) throw Error(ErrorCode::DiskFull, subject);
    if (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY) {
        throw Error(ErrorCode::IoError, subject, sqlite3_errstr(rc));
    }
    throw Error(ErrorCode::DatabaseError, subject, sqlite3_errstr(rc));
}

bool Database::integrityOk() {
    auto result = queryText("PRAGMA integrity_check;");
    return result && *result == "ok";
}

// ---- Transaction ----

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE;"); }

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec("ROLLBACK;");
        } catch (...) {
            // The connection may already be gone (disk error); SQLite rolls back on close anyway.
        }
    }
}

void Transaction::commit() {
    db_.exec("COMMIT;");
    done_ = true;
}

}  // namespace abri::storage
