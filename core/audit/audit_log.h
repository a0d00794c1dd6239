#pragma once
// Append-only, hash-chained audit log inside the vault. Each entry's hash is a keyed BLAKE2b over the previous
// hash and the entry's fields, so editing, removing or reordering entries breaks the chain; the chain head
// (last seq + hash) is also kept in `meta`, so cutting entries off the end is detected too.
// Entries name users, actions, entities and fields, never field values: the log holds no personal data.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/secure_buffer.h"
#include "storage/database.h"

namespace abri::audit {

enum class Action {
    Unlock,            // successful unlock
    UnlockFailed,      // wrong password (recorded in the key-slot file while locked, moved here at next unlock)
    RecoveryUnlock,
    Lock,
    CaseCreated,
    CaseEdited,        // field names in `field`
    CaseDeleted,
    ItemAdded,
    ItemEdited,
    ItemDeleted,
    SensitiveRevealed, // a masked field was shown
    CaseViewed,
    Exported,
    Imported,
    UserAdded,
    UserDisabled,
    UserEnabled,
    PasswordChanged,
    PasswordReset,
    RecoveryKeyRegenerated,
    ConflictResolved,
    StatisticsSettingsChanged,  // the minimum cell size of reports; detail: the new value
    VaultBackedUp,     // detail: the backup's size in bytes (never its path: a folder name can be personal)
    VaultRestored,     // detail: "from_backup_ms=<when the backup was taken>"
    // Attachments (core/attachments): entity = the attachment id, field = its category, detail = "case <id>"
    // (and "supersedes <id>"); never the file name.
    AttachmentAdded,
    AttachmentRemoved,  // tombstone + purge of the content
    AttachmentViewed,   // the content left the vault for display (like a reveal)
    AttachmentExported, // the content was written to a file the user chose; detail adds its size
    // Erasure and retention (core/erasure): entity = the case id (random, names nobody), never anything of it.
    CaseErased,              // a person's request carried out: by this user here, or (detail "from <device>") elsewhere
    CasePurgedByRetention,   // detail: "years=<the policy>"
    RetentionPolicyChanged,  // detail: "years=<N>" or "off"
};
std::string_view actionCode(Action action);  // "unlock", "case_edited", ...
std::optional<Action> actionFromCode(std::string_view code);

struct Entry {
    std::int64_t seq = 0;
    std::int64_t atMs = 0;
    std::string userId;
    Action action = Action::CaseViewed;
    std::string entityId;
    std::string field;
    std::string detail;  // non-personal: counts, codes, a file name
};

struct VerifyResult {
    bool ok = true;
    std::int64_t entries = 0;
    std::optional<std::int64_t> firstBadSeq;  // where the chain breaks
    bool truncated = false;                   // entries missing at the end
};

class AuditLog {
public:
    // chainKey: a sub-key of the vault's data key (locked memory), so entries cannot be forged without it.
    AuditLog(storage::Database& db, crypto::SecureBuffer chainKey);

    // Appends inside the caller's transaction (or its own if none is open). Returns the new entry's seq.
    std::int64_t append(std::int64_t atMs, std::string_view userId, Action action, std::string_view entityId = {},
                        std::string_view field = {}, std::string_view detail = {});

    std::vector<Entry> entriesFor(std::string_view entityId);  // oldest first
    std::vector<Entry> page(std::int64_t offset, int limit);   // newest first
    std::int64_t count();

    // Walks the whole chain. Does not throw for a broken chain: reports it.
    VerifyResult verify();

private:
    storage::Database& db_;
    crypto::SecureBuffer key_;
};

}  // namespace abri::audit
