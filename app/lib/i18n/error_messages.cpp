#include "i18n/error_messages.h"

#include "i18n/field_labels.h"
#include "ui/text_direction.h"

namespace abri::app {

namespace {

// The parts of a report definition and the statistics settings that core's errors name (core/reports).
QString reportFieldName(const QString& subject) {
    if (subject == QStringLiteral("rows")) return ErrorMessages::tr("Report rows");
    if (subject == QStringLiteral("columns")) return ErrorMessages::tr("Report columns");
    if (subject == QStringLiteral("title")) return ErrorMessages::tr("Report name");
    if (subject == QStringLiteral("from")) return ErrorMessages::tr("Start of the period");
    if (subject == QStringLiteral("to")) return ErrorMessages::tr("End of the period");
    if (subject == QStringLiteral("period")) return ErrorMessages::tr("Period");
    if (subject == QStringLiteral("minimum_cell_size") || subject == QStringLiteral("k")) {
        return ErrorMessages::tr("Minimum cell size");
    }
    if (subject.startsWith(QStringLiteral("filters["))) return ErrorMessages::tr("Report filter");
    return {};
}

QString fieldName(const QString& subject) {
    QString label = FieldLabels::labelForPath(subject);
    if (label.isEmpty()) label = reportFieldName(subject);
    return label.isEmpty() ? subject : label;
}

// Sentences that say more than the generic one for a code, for the subjects where that helps.
QString specificMessage(ErrorCode code, const QString& subject) {
    const bool cellSize = subject == QStringLiteral("minimum_cell_size") || subject == QStringLiteral("k");
    if (code == ErrorCode::ValueOutOfRange && cellSize) {
        return ErrorMessages::tr("The minimum cell size must be between 5 and 1000: smaller counts could reveal who "
                                 "the persons are.");
    }
    if (code == ErrorCode::InvalidValue && subject == QStringLiteral("period")) {
        return ErrorMessages::tr("The start of the period is after its end.");
    }
    if (code == ErrorCode::InvalidValue && subject == QStringLiteral("columns")) {
        return ErrorMessages::tr("Choose a different dimension for the columns than for the rows.");
    }
    if (code == ErrorCode::InvalidCode && subject.startsWith(QStringLiteral("filters["))) {
        return ErrorMessages::tr("A filter of the report holds a value this dimension does not have; choose the "
                                 "values from the list again.");
    }
    if (code == ErrorCode::MissingField && subject == QStringLiteral("title")) {
        return ErrorMessages::tr("Give the report a name to save it.");
    }
    if (code == ErrorCode::PermissionDenied && subject == QStringLiteral("erase_cases_device")) {
        return ErrorMessages::tr("This computer is enrolled for caseworkers, so the hub would refuse the erasure. "
                                 "Nothing was erased. Erase the case from a computer enrolled for a supervisor.");
    }
    if (code == ErrorCode::NotFound && subject == QStringLiteral("report")) {
        return ErrorMessages::tr("This saved report no longer exists.");
    }
    return {};
}

}  // namespace

QString ErrorMessages::message(ErrorCode code, const QString& subject) {
    if (const QString specific = specificMessage(code, subject); !specific.isEmpty()) return specific;
    // No default: the compiler (-Wswitch, -Werror) flags a new ErrorCode that has no message yet.
    switch (code) {
    case ErrorCode::VaultNotFound:
        return tr("No vault was found at %1.").arg(leftToRight(subject));
    case ErrorCode::VaultAlreadyExists:
        return tr("A vault already exists at %1. It was left untouched.").arg(leftToRight(subject));
    case ErrorCode::VaultCorrupted:
        return tr("The vault %1 is damaged or is not an Abri vault. Nothing was changed; restore it from a backup.")
            .arg(leftToRight(subject));
    case ErrorCode::VaultFromNewerVersion:
        return tr("The vault %1 was created by a newer version of Abri. Install the newer version to open it; "
                  "nothing was changed.")
            .arg(leftToRight(subject));
    case ErrorCode::KeySlotFileMissing:
        return tr("The key file %1 that belongs to the vault is missing. Restore it from a backup.").arg(leftToRight(subject));
    case ErrorCode::KeySlotFileCorrupted:
        return tr("The key file %1 is damaged. Restore it from a backup.").arg(leftToRight(subject));
    case ErrorCode::NotSqlCipher:
        return tr("This installation of Abri is broken: the encrypted database library is missing. "
                  "Reinstall Abri.");
    case ErrorCode::WrongPassword:
        return tr("Wrong password. Check the keyboard layout and Caps Lock, then try again.");
    case ErrorCode::InvalidRecoveryKey:
        return tr("This recovery key does not open the vault. Check each group of characters.");
    case ErrorCode::UnknownUser:
        return tr("There is no user named %1 in this vault.").arg(leftToRight(subject));
    case ErrorCode::UserDisabled:
        return tr("The account %1 is disabled. Ask an administrator to enable it.").arg(leftToRight(subject));
    case ErrorCode::UserAlreadyExists:
        return tr("A user named %1 already exists.").arg(leftToRight(subject));
    case ErrorCode::WeakPassword:
        return tr("This password is too weak. Use at least 10 characters; a short sentence is easy to remember.");
    case ErrorCode::VaultLocked:
        return tr("The vault is locked. Unlock it to continue.");
    case ErrorCode::PermissionDenied:
        return tr("Your role does not allow this action.");
    case ErrorCode::IoError:
        return tr("Abri could not read or write %1.").arg(leftToRight(subject));
    case ErrorCode::DiskFull:
        return tr("The disk is full; nothing was saved. Free some space and try again.");
    case ErrorCode::Busy:
        return tr("The vault is in use by another Abri window or program. Close it and try again.");
    case ErrorCode::BackupDestinationExists:
        return tr("A file named %1 already exists. Choose another name; nothing was written.").arg(leftToRight(subject));
    case ErrorCode::BackupCorrupted:
        return tr("The backup %1 is damaged or is not an Abri backup. Nothing was changed.").arg(leftToRight(subject));
    case ErrorCode::BackupOfAnotherVault:
        return tr("The backup %1 belongs to another vault. Nothing was changed.").arg(leftToRight(subject));
    case ErrorCode::DatabaseError:
        return tr("The vault reported an internal database error; nothing was saved.");
    case ErrorCode::InvalidJson:
        return tr("The file %1 is not valid JSON.").arg(leftToRight(subject));
    case ErrorCode::MissingField:
        return tr("%1 is required.").arg(fieldName(subject));
    case ErrorCode::UnknownField:
        return tr("The field %1 is not known to this version of Abri.").arg(leftToRight(subject));
    case ErrorCode::InvalidValue:
        return tr("This value is not valid for %1.").arg(fieldName(subject));
    case ErrorCode::InvalidCode:
        return tr("Choose a value from the list for %1.").arg(fieldName(subject));
    case ErrorCode::InvalidDate:
        return tr("%1 is not a valid date.").arg(fieldName(subject));
    case ErrorCode::DateInFuture:
        return tr("%1 cannot be in the future.").arg(fieldName(subject));
    case ErrorCode::ValueOutOfRange:
        return tr("The value of %1 is out of range.").arg(fieldName(subject));
    case ErrorCode::InvalidTransition:
        return tr("The case cannot move directly to this status.");
    case ErrorCode::ConsentRequired:
        return tr("The person has not consented to sharing their data; record a data-sharing consent first.");
    case ErrorCode::NotFound:
        return tr("This record no longer exists; it may have been deleted.");
    case ErrorCode::AppendOnly:
        return tr("This record cannot be changed; add a correction instead.");
    case ErrorCode::AuditChainBroken:
        return tr("The audit log has been tampered with. Contact your administrator.");
    case ErrorCode::AuditChainTruncated:
        return tr("Entries are missing from the end of the audit log. Contact your administrator.");
    case ErrorCode::Internal:
        return tr("An unexpected error occurred; nothing was saved.");
    }
    return tr("An unexpected error occurred; nothing was saved.");
}

QString ErrorMessages::message(const Error& error) {
    return message(error.code(), QString::fromStdString(error.subject()));
}

}  // namespace abri::app
