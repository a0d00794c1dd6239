#pragma once
// Typed errors of the core. The core never produces user-facing prose: it reports a stable code plus a
// non-personal "subject" (a field path such as "person.date_of_birth", a file path, a code-list name).
// The app translates codes; the CLI prints English descriptions. Never put personal data in an Error.
#include <exception>
#include <string>
#include <string_view>

namespace abri {

enum class ErrorCode {
    // Files and the vault
    VaultNotFound,          // subject: vault path
    VaultAlreadyExists,     // subject: vault path
    VaultCorrupted,         // subject: vault path (not a database, or malformed pages)
    VaultFromNewerVersion,  // subject: vault path; detail: schema version found
    KeySlotFileMissing,     // subject: key-slot path
    KeySlotFileCorrupted,   // subject: key-slot path
    NotSqlCipher,           // the SQLite library linked is not SQLCipher: refuse to run
    WrongPassword,          // subject: user name
    InvalidRecoveryKey,
    UnknownUser,            // subject: user name
    UserDisabled,           // subject: user name
    UserAlreadyExists,      // subject: user name
    WeakPassword,           // detail: which rule failed
    VaultLocked,
    PermissionDenied,       // subject: the action
    IoError,                // subject: path
    DiskFull,               // subject: path
    Busy,                   // another process holds the vault
    DatabaseError,          // detail: SQLite's message (never contains values)
    // Backups (vault/vault_backup.h, the hub's store backup)
    BackupDestinationExists,  // subject: destination path; nothing was written
    BackupCorrupted,          // subject: backup path; detail: which check failed (damaged, not a backup)
    BackupOfAnotherVault,     // subject: backup path; the backup's vault id differs from the vault it would replace
    // Input and validation
    InvalidJson,            // subject: source (file name); detail: parser position
    MissingField,           // subject: field path
    UnknownField,           // subject: field path
    InvalidValue,           // subject: field path; detail: the rule
    InvalidCode,            // subject: field path; detail: code-list name
    InvalidDate,            // subject: field path
    DateInFuture,           // subject: field path
    ValueOutOfRange,        // subject: field path
    InvalidTransition,      // subject: "case.status"; detail: "from->to"
    ConsentRequired,        // subject: what needs consent
    NotFound,               // subject: kind of thing ("case", "item", "user")
    AppendOnly,             // subject: field path of an append-only record
    // Audit log
    AuditChainBroken,       // detail: sequence number where the chain breaks
    AuditChainTruncated,
    Internal,
};

// Stable machine name of a code, e.g. "wrong_password". Used by the CLI's JSON output and by logs.
std::string_view errorCodeName(ErrorCode code) noexcept;

class Error : public std::exception {
public:
    explicit Error(ErrorCode code, std::string subject = {}, std::string detail = {});

    ErrorCode code() const noexcept { return code_; }
    const std::string& subject() const noexcept { return subject_; }
    const std::string& detail() const noexcept { return detail_; }
    // English one-line description for CLI output and logs (no personal data by construction).
    const char* what() const noexcept override { return message_.c_str(); }

private:
    ErrorCode code_;
    std::string subject_;
    std::string detail_;
    std::string message_;
};

}  // namespace abri
