#include "ui/optional_date_edit.h"

#include <QtCore/QLocale>
#include <QtGui/QKeyEvent>
#include <QtGui/QMouseEvent>

namespace abri::app {

OptionalDateEdit::OptionalDateEdit(QWidget* parent) : QDateEdit(parent) {
    setCalendarPopup(true);
    setMinimumDate(kUnset);
    setMaximumDate(QDate(2100, 12, 31));
    setDate(kUnset);
    applyLocaleFormat();
}

QString OptionalDateEdit::isoDate() const { return isSet() ? date().toString(Qt::ISODate) : QString(); }

void OptionalDateEdit::setIsoDate(const QString& isoDate) {
    const QDate parsed = QDate::fromString(isoDate, Qt::ISODate);
    setDate(parsed.isValid() ? parsed : kUnset);
}

void OptionalDateEdit::applyLocaleFormat() {
    // Four-digit years whatever the locale's short format says: birth dates span a century.
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QStringLiteral("yyyy"))) format.replace(QStringLiteral("yy"), QStringLiteral("yyyy"));
    setDisplayFormat(format);
}

void OptionalDateEdit::mousePressEvent(QMouseEvent* event) {
    if (!isSet() && !isReadOnly()) setDate(QDate::currentDate());
    QDateEdit::mousePressEvent(event);
}

void OptionalDateEdit::keyPressEvent(QKeyEvent* event) {
    if (!isSet() && !isReadOnly() && (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down)) {
        setDate(QDate::currentDate());
        return;
    }
    QDateEdit::keyPressEvent(event);
}

}  // namespace abri::app
