#pragma once
// The last failure of the app's own sync step (seal the outbox, apply the inbox), kept as codes rather than text so
// that the status bar follows a language change.
#include <QtCore/QString>

#include <string_view>
#include <variant>

#include "wire/sync_error.h"
#include "common/error.h"
#include "i18n/error_messages.h"

namespace abri::app {

struct SyncProblem {
    std::variant<ErrorCode, wire::SyncCode> code;
    QString subject;  // non-personal (a file name, a path); shown in the tooltip only

    QString message() const {
        return std::visit([this](auto value) { return messageFor(value); }, code);
    }
    // The stable name ("bad_seal", "io_error") for the tooltip: what a hub operator asks for on the phone.
    QString codeName() const {
        return std::visit([](auto value) { return nameOf(value); }, code);
    }
    friend bool operator==(const SyncProblem&, const SyncProblem&) = default;

private:
    QString messageFor(ErrorCode value) const { return ErrorMessages::message(value, subject); }
    QString messageFor(wire::SyncCode value) const { return ErrorMessages::message(value); }
    static QString text(std::string_view name) {
        return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
    }
    static QString nameOf(ErrorCode value) { return text(errorCodeName(value)); }
    static QString nameOf(wire::SyncCode value) { return text(wire::syncCodeName(value)); }
};

}  // namespace abri::app
