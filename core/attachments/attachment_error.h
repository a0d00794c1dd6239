#pragma once
// Typed refusals of attachments, in the manner of wire::SyncError: a stable code, its snake_case name, and a
// NON-PERSONAL subject. The subject is never the file's path or name (a folder or file name can name the person):
// it is "file", or an attachment id; the detail carries only sizes, limits and type codes.
// Other failures (no such case, permission, locked vault, a damaged vault) stay abri::Error.
#include <exception>
#include <string>
#include <string_view>

namespace abri::attachments {

enum class AttachmentCode {
    Empty,            // a zero-byte file
    TooLarge,         // over the configured maximum; detail: "<size> bytes over the limit of <max> bytes"
    Executable,       // ELF, PE, Mach-O or a script, whatever its name says
    UnsupportedType,  // the content is none of PDF, JPEG, PNG, TIFF, WebP or plain text
    Unreadable,       // the path cannot be opened or read, or is not a regular file; detail: the reason
    InvalidFileName,  // the name to show is empty, too long, or has control characters or a '/'
    ContentDamaged,   // a stored chunk no longer matches its hash (nothing is handed out)
    Incomplete,       // synced from another laptop, some chunks not received yet (nothing is handed out)
};

// "attachment_empty", "attachment_too_large", ...
std::string_view attachmentCodeName(AttachmentCode code) noexcept;

class AttachmentError : public std::exception {
public:
    explicit AttachmentError(AttachmentCode code, std::string subject = "file", std::string detail = {});
    AttachmentCode code() const noexcept { return code_; }
    std::string_view name() const noexcept { return attachmentCodeName(code_); }
    const std::string& subject() const noexcept { return subject_; }
    const std::string& detail() const noexcept { return detail_; }
    // English one-line description for CLI output and logs (no personal data by construction).
    const char* what() const noexcept override { return message_.c_str(); }

private:
    AttachmentCode code_;
    std::string subject_;
    std::string detail_;
    std::string message_;
};

}  // namespace abri::attachments
