#include "attachments/attachment_error.h"

#include <utility>

namespace abri::attachments {

namespace {
std::string_view englishText(AttachmentCode code) {
    switch (code) {
    case AttachmentCode::Empty: return "the file is empty; nothing was stored";
    case AttachmentCode::TooLarge: return "the file is larger than the attachment limit; nothing was stored";
    case AttachmentCode::Executable: return "the file is a program or a script, whatever its name; nothing was stored";
    case AttachmentCode::UnsupportedType:
        return "the file is not a PDF, JPEG, PNG, TIFF, WebP image or plain text; nothing was stored";
    case AttachmentCode::Unreadable: return "the file cannot be read; nothing was stored";
    case AttachmentCode::InvalidFileName: return "the file name cannot be used for an attachment";
    case AttachmentCode::ContentDamaged: return "the stored attachment is damaged (a chunk does not match its hash)";
    case AttachmentCode::Incomplete: return "the attachment has not fully arrived from the hub yet";
    }
    return "attachment error";
}
}  // namespace

std::string_view attachmentCodeName(AttachmentCode code) noexcept {
    switch (code) {
    case AttachmentCode::Empty: return "attachment_empty";
    case AttachmentCode::TooLarge: return "attachment_too_large";
    case AttachmentCode::Executable: return "attachment_executable";
    case AttachmentCode::UnsupportedType: return "attachment_unsupported_type";
    case AttachmentCode::Unreadable: return "attachment_unreadable";
    case AttachmentCode::InvalidFileName: return "attachment_invalid_file_name";
    case AttachmentCode::ContentDamaged: return "attachment_content_damaged";
    case AttachmentCode::Incomplete: return "attachment_incomplete";
    }
    return "unknown";
}

AttachmentError::AttachmentError(AttachmentCode code, std::string subject, std::string detail)
    : code_(code), subject_(std::move(subject)), detail_(std::move(detail)) {
    message_ = std::string(englishText(code));
    if (!subject_.empty() && subject_ != "file") message_ = subject_ + ": " + message_;
    if (!detail_.empty()) message_ += " (" + detail_ + ")";
}

}  // namespace abri::attachments
