#pragma once
// Country and language names in the current UI language, from Debian's iso-codes: the English names come from
// core (model::countryEnglishName / languageEnglishName) and are the msgids of the iso_3166-1 and iso_639-2
// gettext domains, whose translations are read from /usr/share/locale/<lang>/LC_MESSAGES.
#include <QtCore/QString>

namespace abri::app::IsoNames {

// Loads the catalogues of `language` ("fr", "ar"; "en" clears them). Called by the language switch.
void setLanguage(const QString& language);
QString countryName(const QString& alpha2);   // falls back to English, then to the code itself
QString languageName(const QString& alpha2);

}  // namespace abri::app::IsoNames
