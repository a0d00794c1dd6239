#include "common/error.h"

namespace abri {

std::string_view errorCodeName(ErrorCode code) noexcept {
    switch (code) {
    case ErrorCode::VaultNotFound: return "vault_not_found";
    case ErrorCode::VaultAlreadyExists: return "vault_already_exists";
    case ErrorCode::VaultCorrupted: return "vault_corrupted";
    case ErrorCode::VaultFromNewerVersion: return "vault_from_newer_version";
    case ErrorCode::KeySlotFileMissing: return "key_slot_file_missing";
    case ErrorCode::KeySlotFileCorrupted: return "key_slot_file_corrupted";
    case ErrorCode::NotSqlCipher: return "not_sqlcipher";
    case ErrorCode::WrongPassword: return "wrong_password";
    case ErrorCode::InvalidRecoveryKey: return "invalid_recovery_key";
    case ErrorCode::UnknownUser: return "unknown_user";
    case ErrorCode::UserDisabled: return "user_disabled";
    case ErrorCode::UserAlreadyExists: return "user_already_exists";
    case ErrorCode::WeakPassword: return "weak_password";
    case ErrorCode::VaultLocked: return "vault_locked";
    case ErrorCode::PermissionDenied: return "permission_denied";
    case ErrorCode::IoError: return "io_error";
    case ErrorCode::DiskFull: return "disk_full";
    case ErrorCode::Busy: return "busy";
    case ErrorCode::BackupDestinationExists: return "backup_destination_exists";
    case ErrorCode::BackupCorrupted: return "backup_corrupted";
    case ErrorCode::BackupOfAnotherVault: return "backup_of_another_vault";
    case ErrorCode::DatabaseError: return "database_error";
    case ErrorCode::InvalidJson: return "invalid_json";
    case ErrorCode::MissingField: return "missing_field";
    case ErrorCode::UnknownField: return "unknown_field";
    case ErrorCode::InvalidValue: return "invalid_value";
    case ErrorCode::InvalidCode: return "invalid_code";
    case ErrorCode::InvalidDate: return "invalid_date";
    case ErrorCode::DateInFuture: return "date_in_future";
    case ErrorCode::ValueOutOfRange: return "value_out_of_range";
    case ErrorCode::InvalidTransition: return "invalid_transition";
    case ErrorCode::ConsentRequired: return "consent_required";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::AppendOnly: return "append_only";
    case ErrorCode::AuditChainBroken: return "audit_chain_broken";
    case ErrorCode::AuditChainTruncated: return "audit_chain_truncated";
    case ErrorCode::Internal: return "internal";
    }
    return "unknown";
}

namespace {
std::string_view englishText(ErrorCode code) {
    switch (code) {
    case ErrorCode::VaultNotFound: return "vault not found";
    case ErrorCode::VaultAlreadyExists: return "a vault already exists there";
    case ErrorCode::VaultCorrupted: return "the vault file is damaged or is not an Abri vault";
    case ErrorCode::VaultFromNewerVersion: return "the vault was written by a newer version of Abri";
    case ErrorCode::KeySlotFileMissing: return "the key-slot file is missing";
    case ErrorCode::KeySlotFileCorrupted: return "the key-slot file is damaged";
    case ErrorCode::NotSqlCipher: return "the SQLite library in use is not SQLCipher; refusing to run";
    case ErrorCode::WrongPassword: return "wrong password";
    case ErrorCode::InvalidRecoveryKey: return "invalid recovery key";
    case ErrorCode::UnknownUser: return "unknown user";
    case ErrorCode::UserDisabled: return "user is disabled";
    case ErrorCode::UserAlreadyExists: return "user already exists";
    case ErrorCode::WeakPassword: return "password too weak";
    case ErrorCode::VaultLocked: return "the vault is locked";
    case ErrorCode::PermissionDenied: return "permission denied";
    case ErrorCode::IoError: return "input/output error";
    case ErrorCode::DiskFull: return "disk full";
    case ErrorCode::Busy: return "the vault is in use by another process";
    case ErrorCode::BackupDestinationExists: return "the backup destination exists already; nothing was written";
    case ErrorCode::BackupCorrupted: return "the backup is damaged or is not an Abri backup";
    case ErrorCode::BackupOfAnotherVault: return "the backup belongs to another vault";
    case ErrorCode::DatabaseError: return "database error";
    case ErrorCode::InvalidJson: return "invalid JSON";
    case ErrorCode::MissingField: return "required field missing";
    case ErrorCode::UnknownField: return "unknown field";
    case ErrorCode::InvalidValue: return "invalid value";
    case ErrorCode::InvalidCode: return "not a known code";
    case ErrorCode::InvalidDate: return "invalid date (expected YYYY-MM-DD)";
    case ErrorCode::DateInFuture: return "date is in the future";
    case ErrorCode::ValueOutOfRange: return "value out of range";
    case ErrorCode::InvalidTransition: return "status change not allowed";
    case ErrorCode::ConsentRequired: return "the person's consent is required";
    case ErrorCode::NotFound: return "not found";
    case ErrorCode::AppendOnly: return "record is append-only";
    case ErrorCode::AuditChainBroken: return "audit log chain is broken (tampered)";
    case ErrorCode::AuditChainTruncated: return "audit log is truncated";
    case ErrorCode::Internal: return "internal error";
    }
    return "error";
}
}  // namespace

Error::Error(ErrorCode code, std::string subject, std::string detail)
    : code_(code), subject_(std::move(subject)), detail_(std::move(detail)) {
    message_ = std::string(englishText(code_));
    if (!subject_.empty()) message_ += ": " + subject_;
    if (!detail_.empty()) message_ += " (" + detail_ + ")";
}

}  // namespace abri
