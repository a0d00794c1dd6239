#pragma once
// The case repository: the only way the app and the CLI read and write cases. Every write runs in one
// transaction together with its journal ops and audit entries, so a crash leaves all of it or none of it.
// Permissions are checked here, not in the callers. The rows themselves are kept by CaseStore (case_store.h).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/case_query.h"
#include "model/fields.h"

namespace abri::vault {
class Vault;
}

namespace abri::cases {

using Json = nlohmann::json;

struct Item {
    std::string id;
    std::string caseId;
    model::Entity kind = model::Entity::Note;
    std::string author;        // user id
    std::int64_t createdMs = 0;
    std::optional<std::string> supersedes;  // append-only kinds: the record this one corrects
    bool superseded = false;                // a later record corrects this one
    Json doc;                               // sensitive fields masked (see CaseView::masked)
    std::vector<std::string> masked;        // field paths masked in doc
};

struct CaseView {
    std::string id;
    Json doc;                               // sensitive fields removed; their paths are in `masked`
    std::vector<std::string> masked;        // paths of sensitive fields that hold a value but are hidden
    // Derived, read-only
    bool minor = false;
    std::optional<int> age;
    std::string screeningOutcome;
    std::optional<bool> international;
    std::vector<Item> items;                // all kinds, oldest first, tombstoned ones excluded
    std::int64_t updatedMs = 0;
};

struct HistoryEntry {
    std::int64_t atMs = 0;
    std::string userId;
    std::string device;      // the device that made the change (32 hex); this vault's own for audit entries
    std::string what;        // "created", "set", "deleted", or an audit action code such as "sensitive_revealed"
    std::string entityId;    // the case or one of its items
    std::string field;
    bool fromAudit = false;  // audit entry (views, reveals) rather than a journal op
};

class CaseRepository {
public:
    explicit CaseRepository(vault::Vault& vault);

    // Creates a case from a document (see model/fields.h). The document may carry an "items" array of child
    // records, each {"kind": "event"|"consent"|"service"|"referral"|"note"|"transfer", ...fields}. Missing case_code, office, status, registered_on are
    // filled in (code generated, office = vault office, status = registered, registered_on = today).
    // Validates everything first; on any error nothing is written. Returns the new case id.
    std::string createCase(const Json& doc);
    // Bulk creation in one transaction (imports, demo data). Returns ids. All-or-nothing.
    // progress(done, total) is called now and then.
    std::vector<std::string> importCases(const std::vector<Json>& docs,
                                         const std::function<void(std::size_t, std::size_t)>& progress = {});

    // Sets one field (JSON null clears it). "status" goes through the lifecycle rules.
    void updateField(std::string_view caseId, std::string_view fieldPath, const Json& value);
    // Sets several fields at once, validated together (e.g. {"status": "closed", "closure_reason": "..."}):
    // one journal op per changed field, all in one transaction. Closing a case fills closed_on (today) unless
    // given; reopening clears closure_reason and closed_on.
    void updateFields(std::string_view caseId, const Json& changes);
    void deleteCase(std::string_view caseId);  // tombstone

    // Items: events, consents, services, referrals, notes, transfers. Outgoing referrals and transfers need an
    // active data_sharing consent (Error ConsentRequired).
    std::string addItem(std::string_view caseId, model::Entity kind, const Json& doc);
    // Editable kinds only (event, consent, referral, transfer); notes and services throw Error(AppendOnly).
    void updateItemField(std::string_view itemId, std::string_view fieldPath, const Json& value);
    // Append-only kinds: a new record superseding `itemId`. Returns the new id.
    std::string correctItem(std::string_view itemId, const Json& doc);
    void deleteItem(std::string_view itemId);

    // Reads
    std::optional<CaseView> load(std::string_view caseId);
    std::optional<std::string> findIdByCode(std::string_view caseCode);
    // Shows a masked field of a case or item (RevealSensitive permission; audited). Returns the value.
    Json reveal(std::string_view entityId, std::string_view fieldPath);
    std::vector<CaseSummary> list(const CaseQuery& query);
    std::int64_t count(const CaseFilter& filter);
    std::vector<HistoryEntry> history(std::string_view caseId);

private:
    vault::Vault& vault_;
};

}  // namespace abri::cases
