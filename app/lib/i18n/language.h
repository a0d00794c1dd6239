#pragma once
// Runtime language switch. Installing the translators makes Qt send QEvent::LanguageChange to every widget, which
// retranslates itself; the layout direction comes from the locale (Arabic: right-to-left), not from a list.
#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace abri::app {

class Language {
    Q_DECLARE_TR_FUNCTIONS(Language)

public:
    static QStringList available();                 // "en", "fr", "ar"
    static QString nativeName(const QString& code);  // "English", "Français", "العربية"
    // Installs abri_<code>.qm (embedded) and Qt's qtbase_<code>.qm, sets the default QLocale and the application's
    // layout direction, and the country/language name catalogues. Unknown codes fall back to English.
    static void apply(const QString& code);
    static QString current();
    // The language to start with when the settings have none: the system's, if we have it.
    static QString systemDefault();
};

}  // namespace abri::app
