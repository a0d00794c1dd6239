#include "catch_qt.h"

#include <QtCore/QSet>

#include "common/error.h"
#include "i18n/error_messages.h"
#include "language_guard.h"

using abri::ErrorCode;
using abri::app::ErrorMessages;

namespace {

std::vector<ErrorCode> allErrorCodes() {
    std::vector<ErrorCode> codes;
    for (int value = 0; value <= static_cast<int>(ErrorCode::Internal); ++value) codes.push_back(static_cast<ErrorCode>(value));
    return codes;
}

}  // namespace

TEST_CASE("every ErrorCode has its own English message", "[app][errors]") {
    QSet<QString> seen;
    for (ErrorCode code : allErrorCodes()) {
        const QString message = ErrorMessages::message(code, QStringLiteral("person.date_of_birth"));
        INFO("code " << abri::errorCodeName(code));
        CHECK_FALSE(message.trimmed().isEmpty());
        // Distinct, except the generic fallback which Internal shares with nothing else.
        CHECK_FALSE(seen.contains(message));
        seen.insert(message);
    }
}

TEST_CASE("field paths in errors become the field's label", "[app][errors]") {
    const abri::Error error(ErrorCode::DateInFuture, "person.date_of_birth");
    CHECK(ErrorMessages::message(error) == QStringLiteral("Date of birth cannot be in the future."));
    const abri::Error nested(ErrorCode::InvalidCode, "person.contacts.0.type", "contact_type");
    CHECK(ErrorMessages::message(nested).contains(QStringLiteral("Contacts")));
}

TEST_CASE("every ErrorCode is translated to French and Arabic", "[app][errors][i18n]") {
    std::map<int, QString> english;
    for (ErrorCode code : allErrorCodes()) english[static_cast<int>(code)] = ErrorMessages::message(code, QStringLiteral("x"));
    for (const char* language : {"fr", "ar"}) {
        abri::app::test::LanguageGuard guard(QString::fromLatin1(language));
        for (ErrorCode code : allErrorCodes()) {
            INFO(language << " " << abri::errorCodeName(code));
            const QString translated = ErrorMessages::message(code, QStringLiteral("x"));
            CHECK_FALSE(translated.isEmpty());
            CHECK(translated != english[static_cast<int>(code)]);
        }
    }
}

TEST_CASE("every AttachmentCode has its own message, translated to French and Arabic", "[app][errors][i18n]") {
    using abri::attachments::AttachmentCode;
    const std::vector<AttachmentCode> codes = {AttachmentCode::Empty,           AttachmentCode::TooLarge,
                                               AttachmentCode::Executable,      AttachmentCode::UnsupportedType,
                                               AttachmentCode::Unreadable,      AttachmentCode::InvalidFileName,
                                               AttachmentCode::ContentDamaged,  AttachmentCode::Incomplete};
    std::map<int, QString> english;
    QSet<QString> seen;
    for (AttachmentCode code : codes) {
        const QString message = ErrorMessages::message(code);
        INFO(abri::attachments::attachmentCodeName(code));
        CHECK_FALSE(message.trimmed().isEmpty());
        CHECK_FALSE(seen.contains(message));
        seen.insert(message);
        english[static_cast<int>(code)] = message;
    }
    for (const char* language : {"fr", "ar"}) {
        abri::app::test::LanguageGuard guard(QString::fromLatin1(language));
        for (AttachmentCode code : codes) {
            INFO(language << " " << abri::attachments::attachmentCodeName(code));
            const QString translated = ErrorMessages::message(code);
            CHECK_FALSE(translated.isEmpty());
            CHECK(translated != english[static_cast<int>(code)]);
        }
        const abri::attachments::AttachmentError tooLarge(AttachmentCode::TooLarge, "file",
                                                          "31457280 bytes over the limit of 20971520 bytes");
        CHECK(ErrorMessages::message(tooLarge) != ErrorMessages::message(AttachmentCode::TooLarge));
    }
}
