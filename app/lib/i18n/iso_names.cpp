#include "i18n/iso_names.h"

#include <QtCore/QStandardPaths>

#include "i18n/mo_catalog.h"
#include "model/code_lists.h"

namespace abri::app::IsoNames {

namespace {

struct Catalogues {
    MoCatalog countries;
    MoCatalog languages;
};

Catalogues& catalogues() {
    static Catalogues instance;
    return instance;
}

MoCatalog loadDomain(const QString& language, const QString& domain) {
    const QString relative = QStringLiteral("locale/%1/LC_MESSAGES/%2.mo").arg(language, domain);
    QString path = QStandardPaths::locate(QStandardPaths::GenericDataLocation, relative);
    if (path.isEmpty()) path = QStringLiteral("/usr/share/") + relative;
    return MoCatalog::load(path);
}

QString translated(const MoCatalog& catalogue, std::string_view english, const QString& code) {
    if (english.empty()) return code;
    const QByteArray msgid(english.data(), static_cast<qsizetype>(english.size()));
    const QString name = catalogue.translate(msgid);
    return name.isEmpty() ? QString::fromUtf8(msgid) : name;
}

}  // namespace

void setLanguage(const QString& language) {
    auto& all = catalogues();
    if (language.isEmpty() || language == QStringLiteral("en")) {
        all = {};
        return;
    }
    all.countries = loadDomain(language, QStringLiteral("iso_3166-1"));
    all.languages = loadDomain(language, QStringLiteral("iso_639-2"));
}

QString countryName(const QString& alpha2) {
    const std::string code = alpha2.toStdString();
    return translated(catalogues().countries, model::countryEnglishName(code), alpha2);
}

QString languageName(const QString& alpha2) {
    const std::string code = alpha2.toStdString();
    QString name = translated(catalogues().languages, model::languageEnglishName(code), alpha2);
    // French catalogues write language names in lower case ("arabe"); they start an entry in our lists.
    if (!name.isEmpty()) name[0] = name[0].toUpper();
    return name;
}

}  // namespace abri::app::IsoNames
