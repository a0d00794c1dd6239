#pragma once
// Reads a GNU gettext .mo catalogue (e.g. iso-codes' iso_3166-1.mo) into memory. The app does not call
// dgettext(): that needs the matching system locale to be generated (fr_FR.UTF-8, ar_...), which a shared shelter
// laptop often lacks; the .mo format itself is small and stable.
#include <QtCore/QByteArray>
#include <QtCore/QHash>
#include <QtCore/QString>

namespace abri::app {

class MoCatalog {
public:
    MoCatalog() = default;
    // Returns an empty catalogue when the file is missing or malformed (the caller falls back to English).
    static MoCatalog load(const QString& filePath);
    static MoCatalog fromBytes(const QByteArray& bytes);

    // The translation of `msgid`, or a null QString when the catalogue has none.
    QString translate(const QByteArray& msgid) const;
    bool isEmpty() const { return messages_.isEmpty(); }
    qsizetype size() const { return messages_.size(); }

private:
    QHash<QByteArray, QString> messages_;
};

}  // namespace abri::app
