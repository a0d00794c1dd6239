#include "ui/optional_date_edit.h"

#include "i18n/display_format.h"

#include <QtCore/QLocale>
#include <QtGui/QFontMetrics>
#include <QtGui/QKeyEvent>

#include <algorithm>
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

void OptionalDateEdit::setUnsetText(const QString& text) {
    setSpecialValueText(text);
    const QFontMetrics metrics(font());
    const int widest = std::max(metrics.horizontalAdvance(text),
                                metrics.horizontalAdvance(QLocale().toString(QDate(2000, 12, 28), DisplayFormat::dateFormat())));
    setMinimumWidth(widest + 48);  // room for the frame and the drop-down button
}

void OptionalDateEdit::applyLocaleFormat() {
    setDisplayFormat(DisplayFormat::dateFormat());
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

void OptionalDateEdit::setIsoDate(const QString& isoDate) {
    const QDate parsed = QDate::fromString(isoDate, Qt::ISODate);
    setDate(parsed.isValid() ? parsed : kUnset);
}

}  // namespace abri::app
