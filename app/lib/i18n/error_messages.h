#pragma once
// The one mapping from core's typed errors to translated, user-facing text. Core never writes prose; the app turns
// each ErrorCode into a sentence here. The subject (a field path, a file path, a user name) is never personal data.
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include "attachments/attachment_error.h"
#include "wire/sync_error.h"
#include "common/error.h"

namespace abri::app {

class ErrorMessages {
    Q_DECLARE_TR_FUNCTIONS(ErrorMessages)

public:
    // A full sentence for `code`. Subjects are quoted where they help (a path, a user name); field paths are
    // replaced by the field's translated label.
    static QString message(ErrorCode code, const QString& subject = {});
    static QString message(const Error& error);
    // The same for the sync protocol's typed errors (sync/PROTOCOL.md §9), as the status bar shows them: what
    // happened and what to do, never the code's name (that goes in a tooltip). In sync_error_messages.cpp.
    static QString message(wire::SyncCode code);
    static QString message(const wire::SyncError& error);
    // The same for refused or damaged attachments (core/attachments): what happened, that nothing was stored,
    // and what to do. A file that is too large names the limit. In attachment_error_messages.cpp.
    static QString message(attachments::AttachmentCode code);
    static QString message(const attachments::AttachmentError& error);
};

}  // namespace abri::app
