#pragma once
// A date editor that can be empty: the minimum date stands for "not set" (shown as special text). Opening the
// calendar or stepping from "not set" starts today rather than in 1900.
#include <QtCore/QDate>
#include <QtCore/QString>
#include <QtWidgets/QDateEdit>

namespace abri::app {

class OptionalDateEdit : public QDateEdit {
    Q_OBJECT

public:
    static inline const QDate kUnset{1900, 1, 1};

    explicit OptionalDateEdit(QWidget* parent = nullptr);
    bool isSet() const { return date() != kUnset; }
    void clearDate() { setDate(kUnset); }
    // "YYYY-MM-DD" or empty.
    QString isoDate() const;
    void setIsoDate(const QString& isoDate);  // empty or invalid: unset
    // Also widens the editor so that the text is never clipped (it is longer than a date in some languages).
    void setUnsetText(const QString& text);
    // Shows dates in the current locale's short format.
    void applyLocaleFormat();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
};

}  // namespace abri::app
