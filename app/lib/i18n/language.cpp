#include "i18n/language.h"

#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QPointer>
#include <QtCore/QTranslator>
#include <QtGui/QGuiApplication>
#include <QtWidgets/QApplication>
#include <QtWidgets/QWidget>

#include "i18n/iso_names.h"

namespace abri::app {

namespace {

struct State {
    QString current = QStringLiteral("en");
    QPointer<QTranslator> abri;
    QPointer<QTranslator> qtbase;
};

State& state() {
    static State instance;
    return instance;
}

void removeTranslator(QPointer<QTranslator>& translator) {
    if (translator) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

}  // namespace

QStringList Language::available() {
    return {QStringLiteral("en"), QStringLiteral("fr"), QStringLiteral("ar")};
}

QString Language::nativeName(const QString& code) {
    // Each language is named in its own script; Qt calls English "American English", too specific here.
    if (code == QStringLiteral("en")) return QStringLiteral("English");
    QString name = QLocale(code).nativeLanguageName();
    if (!name.isEmpty()) name[0] = name[0].toUpper();  // "français" -> "Français" in a list of languages
    return name;
}

QString Language::current() { return state().current; }

QString Language::systemDefault() {
    const QString system = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    return available().contains(system) ? system : QStringLiteral("en");
}

void Language::apply(const QString& requested) {
    const QString code = available().contains(requested) ? requested : QStringLiteral("en");
    auto& s = state();
    removeTranslator(s.abri);
    removeTranslator(s.qtbase);

    const QLocale locale(code);
    if (code != QStringLiteral("en")) {
        auto* abri = new QTranslator(QCoreApplication::instance());
        if (abri->load(QStringLiteral(":/i18n/abri_%1.qm").arg(code))) {
            QCoreApplication::installTranslator(abri);
            s.abri = abri;
        } else {
            delete abri;
        }
        auto* qtbase = new QTranslator(QCoreApplication::instance());
        if (qtbase->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qtbase);
            s.qtbase = qtbase;
        } else {
            delete qtbase;
        }
    }
    s.current = code;
    IsoNames::setLanguage(code);
    QLocale::setDefault(locale);
    if (qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr) {
        QGuiApplication::setLayoutDirection(locale.textDirection());
    }
    // Widgets copy the default locale when created; hand the new one to the existing windows (date editors,
    // number formatting) - children inherit it.
    if (qobject_cast<QApplication*>(QCoreApplication::instance()) != nullptr) {
        const auto windows = QApplication::topLevelWidgets();
        for (QWidget* window : windows) window->setLocale(locale);
    }
    // Switching to English installs no translator, so Qt may send nothing: labels that depend on the locale
    // (code lists, country names, dates) must refresh anyway. QApplication forwards this to every window.
    QEvent event(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
}

}  // namespace abri::app
