#include "hub_schema.h"

#include <string>
#include <string_view>
#include <vector>

#include "case_state.h"
#include "duplicate_review.h"
#include "common/error.h"

namespace abri::sync::hub {

namespace {

// Never edit a released step: add a new one. Step N takes the schema from version N-1 to N.
const std::vector<std::string_view>& steps() {
    static const std::vector<std::string_view> all = {
        // ---- version 1: the first schema ----
        R"SQL(
CREATE TABLE schema_version(version INTEGER NOT NULL);
INSERT INTO schema_version(version) VALUES (0);
CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE tokens(secret_hash BLOB PRIMARY KEY, office TEXT NOT NULL, role INTEGER NOT NULL,
                    expiry_ms INTEGER NOT NULL, created_ms INTEGER NOT NULL, used_device BLOB, request_hash BLOB);
CREATE TABLE devices(device_id BLOB PRIMARY KEY, office TEXT NOT NULL, role INTEGER NOT NULL,
                     status INTEGER NOT NULL, status_ms INTEGER NOT NULL, certificate BLOB NOT NULL,
                     chain_seq INTEGER NOT NULL DEFAULT 0, chain_id BLOB, eff_floor INTEGER NOT NULL DEFAULT 0);
CREATE TABLE changesets(id BLOB PRIMARY KEY, device_id BLOB NOT NULL, device_seq INTEGER NOT NULL,
                        case_id BLOB NOT NULL, hub_seq INTEGER NOT NULL, admission BLOB NOT NULL,
                        bytes BLOB NOT NULL, UNIQUE(device_id, device_seq));
CREATE TABLE case_access(case_id BLOB NOT NULL, office TEXT NOT NULL, PRIMARY KEY(case_id, office));
-- signer: the device of a CHANGESET or RECEIPT, and the certified device of a CERT (with cert_serial).
CREATE TABLE feed(office TEXT NOT NULL, office_seq INTEGER NOT NULL, type INTEGER NOT NULL, changeset_id BLOB,
                  signer BLOB, cert_status INTEGER, status_ms INTEGER, certificate BLOB, descriptor BLOB,
                  cert_serial INTEGER,
                  PRIMARY KEY(office, office_seq));
CREATE TABLE quarantine(id INTEGER PRIMARY KEY, device_id BLOB NOT NULL, device_seq INTEGER NOT NULL,
                        changeset_id BLOB NOT NULL, reason INTEGER NOT NULL, received_ms INTEGER NOT NULL,
                        bytes BLOB NOT NULL);
-- Ingest reads a case's change-sets, certificate entries of a feed and held copies for every change-set it admits:
-- without these each would scan a table that grows with the hub's whole history.
CREATE INDEX changesets_by_case ON changesets(case_id, hub_seq);
CREATE UNIQUE INDEX changesets_by_hub_seq ON changesets(hub_seq);
CREATE INDEX feed_by_type ON feed(office, type, signer);
CREATE INDEX quarantine_by_device ON quarantine(device_id, device_seq);
)SQL",
        // ---- version 2: the merged state of every case (PROTOCOL.md §7.2), written by ingest in its transaction;
        // the migration fills it from the stored change-sets (fillCaseStates, below) ----
        R"SQL(
CREATE TABLE case_state(case_id BLOB PRIMARY KEY, state BLOB NOT NULL, open_conflicts INTEGER NOT NULL);
-- `abri-hub conflicts` reads only the cases with open conflicts.
CREATE INDEX case_state_conflicted ON case_state(case_id) WHERE open_conflicts > 0;
-- Ingest reads the hub's offices for every change-set: an index instead of a scan of every device's certificate.
CREATE INDEX devices_by_office ON devices(office);
)SQL",
        // ---- version 3: duplicate review (`abri-hub duplicates`): pairs of cases an operator dismissed as not
        // the same person (case ids, the lesser first), and the hub's key for identity document hashes
        // (meta.duplicates_key, random, written by the migration: createDuplicatesKey below) ----
        R"SQL(
CREATE TABLE dismissed_duplicates(case_a BLOB NOT NULL, case_b BLOB NOT NULL, dismissed_ms INTEGER NOT NULL,
                                  PRIMARY KEY(case_a, case_b));
)SQL",
        // ---- version 4: erasure and retention (PROTOCOL.md §5.9): the cases purged, by id only, with why (and the
        // erase change-set). Their change-sets keep their rows (device chains, duplicates, receipts) with the bytes
        // emptied. meta.retention_closed_years: the hub's retention policy (absent = off) ----
        R"SQL(
CREATE TABLE erased_cases(case_id BLOB PRIMARY KEY, erased_ms INTEGER NOT NULL,
                          reason TEXT NOT NULL CHECK (reason IN ('erasure', 'retention')), changeset_id BLOB);
)SQL",
        // ---- version 5: attachment sync (PROTOCOL.md §11, sync/hub/attachment_chunks.h): signed ABAK chunks held
        // once per hash, never opened (routed by their header's case), and each office's attachment bytes per UTC
        // day ----
        R"SQL(
CREATE TABLE attachment_chunks(chunk_hash BLOB PRIMARY KEY, case_id BLOB NOT NULL, attachment_id BLOB NOT NULL,
                               chunk_index INTEGER NOT NULL, device_id BLOB NOT NULL, received_ms INTEGER NOT NULL,
                               bytes BLOB NOT NULL);
CREATE TABLE attachment_usage(office TEXT NOT NULL, day INTEGER NOT NULL, bytes INTEGER NOT NULL,
                              PRIMARY KEY(office, day));
)SQL",
    };
    return all;
}

bool hasTable(storage::Database& db, std::string_view name) {
    auto stmt = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    stmt.bind(1, name);
    return stmt.step() && stmt.int64(0) > 0;
}

}  // namespace

int hubSchemaVersion(storage::Database& db) {
    if (!hasTable(db, "schema_version")) return hasTable(db, "meta") ? 1 : 0;
    const auto version = db.queryInt64("SELECT version FROM schema_version");
    if (!version) throw Error(ErrorCode::VaultCorrupted, db.path().string(), "schema version missing");
    return static_cast<int>(*version);
}

void migrateHubSchema(storage::Database& db, int target) {
    const int latest = static_cast<int>(steps().size());
    if (target < 0 || target > latest) throw Error(ErrorCode::Internal, "hub schema", "unknown target version");
    int current = hubSchemaVersion(db);
    if (current > latest) {
        throw Error(ErrorCode::VaultFromNewerVersion, db.path().string(), "schema " + std::to_string(current));
    }
    if (current > 0 && !hasTable(db, "schema_version")) {
        // A store from before versions were recorded holds exactly the version 1 tables.
        storage::Transaction tx(db);
        db.exec("CREATE TABLE schema_version(version INTEGER NOT NULL);"
                "INSERT INTO schema_version(version) VALUES (" + std::to_string(current) + ");");
        tx.commit();
    }
    while (current < target) {
        storage::Transaction tx(db);
        db.exec(steps()[static_cast<std::size_t>(current)]);
        ++current;
        if (current == 2) fillCaseStates(db);  // data, not only tables: in the same transaction as its step
        if (current == 3) createDuplicatesKey(db);
        db.exec("UPDATE schema_version SET version = " + std::to_string(current) + ";");
        tx.commit();
    }
}

}  // namespace abri::sync::hub
