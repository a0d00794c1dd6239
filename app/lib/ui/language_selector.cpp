#include "ui/language_selector.h"

#include <QtCore/QEvent>

#include "i18n/language.h"

namespace abri::app {

LanguageSelector::LanguageSelector(QWidget* parent) : QComboBox(parent) {
    for (const QString& code : Language::available()) addItem(Language::nativeName(code), code);
    setCurrentLanguage(Language::current());
    connect(this, &QComboBox::activated, this, [this] { Q_EMIT languageChosen(currentLanguage()); });
    setAccessibleName(tr("Language"));
}

void LanguageSelector::setCurrentLanguage(const QString& code) {
    const int index = findData(code);
    if (index >= 0) setCurrentIndex(index);
}

QString LanguageSelector::currentLanguage() const { return currentData().toString(); }

void LanguageSelector::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setCurrentLanguage(Language::current());
        setAccessibleName(tr("Language"));
    }
    QComboBox::changeEvent(event);
}

}  // namespace abri::app
