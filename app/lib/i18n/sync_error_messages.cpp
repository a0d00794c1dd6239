// ErrorMessages for the sync protocol's codes (sync/PROTOCOL.md §9). Most are handled by the sync service or the
// hub without the user; the app shows the sentence when its own sync step or the service reports one.
#include "i18n/error_messages.h"
#include "i18n/sync_error_messages.h"

namespace abri::app {

QString ErrorMessages::message(wire::SyncCode code) {
    using wire::SyncCode;
    // No default: the compiler (-Wswitch, -Werror) flags a new SyncCode that has no message yet.
    switch (code) {
    case SyncCode::ProtocolViolation:
    case SyncCode::FrameTooLarge:
    case SyncCode::UnknownFrame:
    case SyncCode::MalformedFrame:
        return tr("The connection to the hub failed because of a communication error. The sync service will try "
                  "again.");
    case SyncCode::UnsupportedVersion:
        return tr("The hub uses a newer sync protocol. Install the newer version of Abri on this computer.");
    case SyncCode::Timeout:
        return tr("The hub did not answer in time. The sync service will try again.");
    case SyncCode::Busy:
        return tr("The hub is busy. The sync service will try again later.");
    case SyncCode::ShuttingDown:
        return tr("The hub is restarting. The sync service will try again later.");
    case SyncCode::Superseded:
        return tr("A newer connection from this computer to the hub replaced this one.");
    case SyncCode::UnknownDevice:
        return tr("This computer is not enrolled with the hub. Enrol it again with a new token.");
    case SyncCode::Revoked:
        return tr("The hub has withdrawn this computer's access. Contact the hub operator.");
    case SyncCode::CertExpired:
        return tr("This computer's enrolment has expired. Enrol it again with a new token.");
    case SyncCode::KeyMismatch:
        return tr("The hub did not recognise this computer's key. Contact the hub operator.");
    case SyncCode::WrongHub:
        return tr("The server is not the hub this computer was enrolled with. Nothing was sent.");
    case SyncCode::DeviceQuarantined:
        return tr("The hub has set this computer's changes aside for checking. Contact the hub operator.");
    case SyncCode::TokenInvalid:
        return tr("The enrolment token is not valid.");
    case SyncCode::TokenExpired:
        return tr("The enrolment token has expired. Ask the hub operator for a new one.");
    case SyncCode::TokenUsed:
        return tr("The enrolment token has already been used. Ask the hub operator for a new one.");
    case SyncCode::TokenMalformed:
        return tr("The enrolment token is incomplete or mistyped. Check each character.");
    case SyncCode::OfficeMismatch:
        return tr("The enrolment token is for another office.");
    case SyncCode::DeviceExists:
        return tr("This computer is already enrolled with the hub.");
    case SyncCode::BadProof:
    case SyncCode::BadKey:
        return tr("The hub refused the enrolment request. Contact the hub operator.");
    case SyncCode::Truncated:
    case SyncCode::BadMagic:
    case SyncCode::TooLarge:
    case SyncCode::BadHeader:
    case SyncCode::BadEncoding:
    case SyncCode::BadCompression:
    case SyncCode::BadOp:
    case SyncCode::BadSeal:
    case SyncCode::WrongRecipient:
    case SyncCode::HashMismatch:
    case SyncCode::DeviceMismatch:
        return tr("A sync file was damaged or was not meant for this computer. It was set aside and will be "
                  "fetched again.");
    case SyncCode::UnsupportedFormat:
        return tr("A sync file was written by a newer version of Abri. Install the newer version on this computer.");
    case SyncCode::BadSignature:
    case SyncCode::BadHubSignature:
        return tr("A sync file failed its signature check. It was set aside and will be fetched again.");
    case SyncCode::ChainGap:
        return tr("The hub is missing earlier changes from this computer. They will be sent again.");
    case SyncCode::Fork:
        return tr("The hub received two different histories from this computer (was the vault restored from a "
                  "backup?) and set its changes aside. Contact the hub operator.");
    case SyncCode::Duplicate:
        return tr("These changes had already reached the hub.");
    case SyncCode::UnauthorisedOffice:
        return tr("The hub refused changes for an office this computer is not enrolled for.");
    case SyncCode::ClockAhead:
        return tr("This computer's clock is too far ahead, so the hub refused its changes. Correct the date and "
                  "time.");
    case SyncCode::ClockOutOfBounds:
        return tr("This computer's date is wrong, so the hub refused its changes. Correct the date and time.");
    case SyncCode::ForbiddenCase:
        return tr("The hub refused a change to a case this office has no access to.");
    case SyncCode::ForbiddenRole:
        return tr("The hub refused a change that this computer's role does not allow.");
    case SyncCode::ForeignOffice:
        return tr("The hub refused a case registered for another office.");
    case SyncCode::UnknownEntity:
        return tr("The hub refused a change to a record it does not have.");
    case SyncCode::EntityExists:
        return tr("The hub refused a record that it already has.");
    case SyncCode::WrongCase:
        return tr("The hub refused a change filed under the wrong case.");
    case SyncCode::NotEditable:
        return tr("The hub refused a change to a field that cannot be changed.");
    case SyncCode::AppendOnly:
        return tr("The hub refused a change to a record that can only be corrected.");
    case SyncCode::UnknownField:
        return tr("The hub refused a field it does not know. The hub may need an update.");
    case SyncCode::InvalidValue:
        return tr("The hub refused a value it considers not valid.");
    case SyncCode::Erased:
        return tr("The hub refused a change to a case that was erased at a person's request.");
    case SyncCode::OfficeNotAllowed:
        return tr("The hub refused to send this computer the data of another office.");
    case SyncCode::BadSince:
        return tr("The hub has less data than this computer expected (was it restored from a backup?). Contact "
                  "the hub operator.");
    case SyncCode::PageGap:
        return tr("Waiting for earlier updates from the hub.");
    case SyncCode::WrongDevice:
        return tr("An update meant for another computer was found and set aside.");
    case SyncCode::InboxFull:
        return tr("Downloads are paused because many updates are waiting. Keep Abri unlocked for a moment so that "
                  "they are applied.");
    case SyncCode::ChunkUnavailable:
        return tr("An attachment is not available from the hub yet. The sync service will ask for it again.");
    case SyncCode::BudgetExhausted:
        return tr("Today's attachment allowance for this office is used up. Case changes still sync; attachments "
                  "continue tomorrow.");
    }
    return tr("The sync failed for an unknown reason. The sync service will try again.");
}

QString ErrorMessages::message(const wire::SyncError& error) { return message(error.code()); }

QString RefusalMessages::reason(std::optional<wire::SyncCode> code) {
    using wire::SyncCode;
    if (!code) {
        return tr("The hub refused changes from this computer for a reason this version of Abri does not know. "
                  "Contact the hub operator and quote the error code.");
    }
    switch (*code) {
    case SyncCode::Truncated:
    case SyncCode::BadMagic:
    case SyncCode::UnsupportedFormat:
    case SyncCode::TooLarge:
    case SyncCode::BadHeader:
    case SyncCode::BadEncoding:
    case SyncCode::BadCompression:
    case SyncCode::BadOp:
    case SyncCode::DeviceMismatch:
        return tr("The hub could not accept a set of changes from this computer because it was not valid. Contact "
                  "the hub operator and quote the error code.");
    case SyncCode::BadSignature:
        return tr("The hub could not verify the signature on changes from this computer. Contact the hub operator "
                  "and quote the error code.");
    default:
        // clock_ahead, unauthorised_office, fork, unknown_device ...: the status bar's sentence fits as it is.
        return ErrorMessages::message(*code);
    }
}

QString RefusalMessages::resendRefused(wire::SyncCode code) {
    using wire::SyncCode;
    switch (code) {
    case SyncCode::ClockAhead:
        return tr("This computer's clock is still more than a day ahead of the hub's time. Correct the date and time "
                  "in the system settings, then try again.");
    case SyncCode::ClockOutOfBounds:
        return tr("This computer's date is still before 2020. Correct the date and time in the system settings, "
                  "then try again.");
    case SyncCode::Duplicate:
        return tr("The hub has accepted these changes in the meantime, so they are not sent again. Sync again to "
                  "update the list.");
    default:
        return ErrorMessages::message(code);
    }
}

}  // namespace abri::app
