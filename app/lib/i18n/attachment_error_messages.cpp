// ErrorMessages for core's typed attachment refusals (core/attachments/attachment_error.h). The subject is "file" or
// an attachment id and the detail only sizes: neither is shown, so no file name or path reaches a message.
#include <QtCore/QLocale>
#include <QtCore/QRegularExpression>

#include "i18n/error_messages.h"

namespace abri::app {

namespace {

// "12 MB" in the UI language's digits: the limit is a whole number of MiB by default.
QString megabytes(qint64 bytes) {
    const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
    return ErrorMessages::tr("%1 MB").arg(QLocale().toString(mib, 'f', mib < 10.0 ? 1 : 0));
}

}  // namespace

QString ErrorMessages::message(attachments::AttachmentCode code) {
    using attachments::AttachmentCode;
    // No default: the compiler (-Wswitch, -Werror) flags a new AttachmentCode that has no message yet.
    switch (code) {
    case AttachmentCode::Empty:
        return tr("The file is empty. Nothing was attached.");
    case AttachmentCode::TooLarge:
        return tr("The file is larger than attachments may be. Nothing was attached; scan it at a lower "
                  "resolution or split it.");
    case AttachmentCode::Executable:
        return tr("The file is a program or a script, whatever its name says. Programs are never attached; "
                  "nothing was stored.");
    case AttachmentCode::UnsupportedType:
        return tr("Only PDF files, JPEG, PNG, TIFF and WebP images and plain text can be attached. Nothing was "
                  "stored.");
    case AttachmentCode::Unreadable:
        return tr("The file could not be read (it may be a folder, on a removed drive, or not yours to read). "
                  "Nothing was attached.");
    case AttachmentCode::InvalidFileName:
        return tr("The file's name cannot be used for an attachment (it is empty, too long or has special "
                  "characters). Rename the file and try again.");
    case AttachmentCode::ContentDamaged:
        return tr("This attachment is damaged in the vault and cannot be shown. Restore the vault from a backup "
                  "or ask a colleague whose laptop has it.");
    case AttachmentCode::Incomplete:
        return tr("This attachment is still arriving from the hub. Sync again and open it when it is complete.");
    }
    return tr("The attachment could not be handled.");
}

QString ErrorMessages::message(const attachments::AttachmentError& error) {
    if (error.code() == attachments::AttachmentCode::TooLarge) {
        // detail: "<size> bytes over the limit of <max> bytes" (attachment_error.h)
        static const QRegularExpression pattern(QStringLiteral("(\\d+) bytes over the limit of (\\d+) bytes"));
        const auto match = pattern.match(QString::fromStdString(error.detail()));
        if (match.hasMatch()) {
            return tr("The file is %1, over the limit of %2 for attachments. Nothing was attached; scan it at a "
                      "lower resolution or split it.")
                .arg(megabytes(match.captured(1).toLongLong()), megabytes(match.captured(2).toLongLong()));
        }
    }
    return message(error.code());
}

}  // namespace abri::app
