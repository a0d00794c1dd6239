#include "storage/schema.h"

#include <string>
#include <vector>

#include "common/error.h"

namespace abri::storage {

namespace {

// Never edit a released step: add a new one. Step N takes the schema from version N-1 to N.
const std::vector<std::string_view>& steps() {
    static const std::vector<std::string_view> all = {
        // ---- version 1: the first schema ----
        R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (0);

-- Vault-wide settings: vault_id, device_id, office, hlc_last, audit_head_seq, audit_head_hash ...
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE users (
    id           TEXT PRIMARY KEY,
    username     TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL CHECK (role IN ('caseworker', 'supervisor', 'administrator')),
    active       INTEGER NOT NULL DEFAULT 1,
    created_ms   INTEGER NOT NULL
);

-- One row per case: the columns the case list shows, sorts and filters on, derived from the case document
-- (kept in case_docs).
CREATE TABLE cases (
    rowid             INTEGER PRIMARY KEY,
    id                TEXT NOT NULL UNIQUE,
    case_code         TEXT NOT NULL UNIQUE,
    office            TEXT NOT NULL,
    caseworker        TEXT,
    status            TEXT NOT NULL,
    registered_on     TEXT NOT NULL,
    closed_on         TEXT,
    minor             INTEGER NOT NULL DEFAULT 0,
    gender            TEXT,
    screening_outcome TEXT NOT NULL,
    international     INTEGER,
    exploitation_types TEXT NOT NULL DEFAULT '',
    updated_ms        INTEGER NOT NULL,
    deleted           INTEGER NOT NULL DEFAULT 0,
    created_hlc       INTEGER NOT NULL,
    created_device    TEXT NOT NULL
);
CREATE INDEX cases_by_registered ON cases (deleted, registered_on);
CREATE INDEX cases_by_minor ON cases (deleted, minor, registered_on);
CREATE INDEX cases_by_status ON cases (deleted, status, registered_on);
CREATE INDEX cases_by_office ON cases (deleted, office, registered_on);
CREATE INDEX cases_by_caseworker ON cases (deleted, caseworker, registered_on);

-- The case documents, apart from the list columns: counting and filtering then read a narrow table
-- (a few MB at 100k cases) instead of every document's pages.
CREATE TABLE case_docs (
    case_rowid INTEGER PRIMARY KEY REFERENCES cases (rowid) ON DELETE CASCADE,
    doc        TEXT NOT NULL
);

CREATE TABLE case_exploitation (
    type       TEXT NOT NULL,
    case_rowid INTEGER NOT NULL REFERENCES cases (rowid) ON DELETE CASCADE,
    PRIMARY KEY (type, case_rowid)
) WITHOUT ROWID;
CREATE INDEX case_exploitation_by_case ON case_exploitation (case_rowid);

-- Child records of a case: event, consent, service, referral, note, transfer.
CREATE TABLE case_items (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES cases (id),
    kind           TEXT NOT NULL,
    author         TEXT,
    created_ms     INTEGER NOT NULL,
    created_hlc    INTEGER NOT NULL,
    created_device TEXT NOT NULL,
    supersedes     TEXT,
    deleted        INTEGER NOT NULL DEFAULT 0,
    doc            TEXT NOT NULL
);
CREATE INDEX case_items_by_case ON case_items (case_id, kind, created_ms);

-- Last-writer-wins version of every field edited after creation; absent means "the creation op's version".
CREATE TABLE field_versions (
    entity_id TEXT NOT NULL,
    field     TEXT NOT NULL,
    hlc       INTEGER NOT NULL,
    device    TEXT NOT NULL,
    PRIMARY KEY (entity_id, field)
) WITHOUT ROWID;

-- Full-text index over case code, names, aliases and notes. docid = cases.rowid.
CREATE VIRTUAL TABLE case_search USING fts4 (body, tokenize=unicode61);

-- Field-level change journal: what sync ships. Written in the same transaction as the change itself.
CREATE TABLE journal (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    hlc         INTEGER NOT NULL,
    device      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    op          TEXT NOT NULL,
    field       TEXT,
    value       TEXT,
    base_hlc    INTEGER,
    base_device TEXT,
    user_id     TEXT,
    shipped     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX journal_by_entity ON journal (entity_id, seq);

-- Append-only, hash-chained audit log.
CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY,
    at_ms     INTEGER NOT NULL,
    user_id   TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL,
    entity_id TEXT NOT NULL DEFAULT '',
    field     TEXT NOT NULL DEFAULT '',
    detail    TEXT NOT NULL DEFAULT '',
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL
);
CREATE INDEX audit_by_entity ON audit (entity_id, seq);
)sql",
        // ---- version 2: conflicts kept for review, pending-journal index for the sync status ----
        R"sql(
CREATE TABLE conflicts (
    id           INTEGER PRIMARY KEY,
    entity_id    TEXT NOT NULL,
    field        TEXT NOT NULL,
    losing_value TEXT,
    losing_hlc   INTEGER NOT NULL,
    losing_device TEXT NOT NULL,
    winning_hlc  INTEGER NOT NULL,
    winning_device TEXT NOT NULL,
    detected_ms  INTEGER NOT NULL,
    resolved_ms  INTEGER,
    resolved_by  TEXT
);
CREATE INDEX conflicts_open ON conflicts (resolved_ms, entity_id);
CREATE INDEX journal_pending ON journal (shipped, seq);
)sql",
        // ---- version 3: device keys, enrolment, outgoing change-sets ----
#include "storage/migrations/v3_sync_device.sql.inc"
        ,
        // ---- version 4: merge bookkeeping ----
#include "storage/migrations/v4_merge.sql.inc"
        ,
        // ---- version 5: facts for statistics, saved reports ----
#include "storage/migrations/v5_case_facts.sql.inc"
        ,
        // ---- version 6: indexes and per-person flags for fast report counts ----
#include "storage/migrations/v6_fact_indexes.sql.inc"
        ,
        // ---- version 7: attachments (content chunked, in tables of their own) ----
#include "storage/migrations/v7_attachments.sql.inc"
        ,
        // ---- version 8: erasure and retention tombstones ----
#include "storage/migrations/v8_purged_cases.sql.inc"
        ,
        // ---- version 9: attachment chunks still to send ----
#include "storage/migrations/v9_attachment_uploads.sql.inc"
        ,
    };
    return all;
}

}  // namespace

int schemaVersion(Database& db) {
    auto hasTable = db.queryInt64("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_version';");
    if (!hasTable || *hasTable == 0) return 0;
    auto version = db.queryInt64("SELECT version FROM schema_version;");
    if (!version) throw Error(ErrorCode::VaultCorrupted, db.path().string(), "schema version missing");
    return static_cast<int>(*version);
}

void migrate(Database& db, int target) {
    const int latest = static_cast<int>(steps().size());
    if (target < 0 || target > latest) throw Error(ErrorCode::Internal, "schema", "unknown target version");
    int current = schemaVersion(db);
    if (current > latest) {
        throw Error(ErrorCode::VaultFromNewerVersion, db.path().string(), "schema " + std::to_string(current));
    }
    while (current < target) {
        Transaction tx(db);
        db.exec(steps()[static_cast<std::size_t>(current)]);
        ++current;
        db.exec("UPDATE schema_version SET version = " + std::to_string(current) + ";");
        tx.commit();
    }
}

}  // namespace abri::storage
