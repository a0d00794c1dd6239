#pragma once
// Switches the UI language for one test and back to English afterwards.
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include "i18n/language.h"

namespace abri::app::test {

class LanguageGuard {
public:
    explicit LanguageGuard(const QString& code) {
        Language::apply(code);
        QCoreApplication::processEvents();
    }
    ~LanguageGuard() {
        Language::apply(QStringLiteral("en"));
        QCoreApplication::processEvents();
    }
    LanguageGuard(const LanguageGuard&) = delete;
    LanguageGuard& operator=(const LanguageGuard&) = delete;
};

}  // namespace abri::app::test
