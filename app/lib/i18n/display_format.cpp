#include "i18n/display_format.h"

#include <QtCore/QDate>
#include <QtCore/QDateTime>
#include <QtCore/QLocale>
#include <QtCore/QStringList>

#include "i18n/code_labels.h"

namespace abri::app {

using model::FieldType;

QString DisplayFormat::dateFormat() {
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QStringLiteral("yyyy"))) format.replace(QStringLiteral("yy"), QStringLiteral("yyyy"));
    return format;
}

QString DisplayFormat::date(const std::string& isoDate) {
    if (isoDate.empty()) return {};
    const QDate parsed = QDate::fromString(QString::fromStdString(isoDate), Qt::ISODate);
    return parsed.isValid() ? QLocale().toString(parsed, dateFormat()) : QString::fromStdString(isoDate);
}

QString DisplayFormat::dateTime(std::int64_t msSinceEpoch) {
    if (msSinceEpoch <= 0) return {};
    const QLocale locale;
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(msSinceEpoch);
    return locale.toString(when, dateFormat() + QLatin1Char(' ') + locale.timeFormat(QLocale::ShortFormat));
}

QString DisplayFormat::number(std::int64_t value) { return QLocale().toString(static_cast<qlonglong>(value)); }

QString DisplayFormat::yesNo(bool value) { return value ? tr("Yes") : tr("No"); }

QString DisplayFormat::internationalText(std::optional<bool> international) {
    if (!international) return {};
    return *international ? tr("International") : tr("Internal");
}

QString DisplayFormat::value(const model::FieldSpec& spec, const nlohmann::json& value) {
    if (value.is_null()) return {};
    try {
        switch (spec.type) {
        case FieldType::Text:
        case FieldType::LongText:
            return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
        case FieldType::Date:
            return value.is_string() ? date(value.get<std::string>()) : QString();
        case FieldType::Integer:
            return value.is_number_integer() ? number(value.get<std::int64_t>()) : QString();
        case FieldType::Boolean:
            return value.is_boolean() ? yesNo(value.get<bool>()) : QString();
        case FieldType::Code:
            return value.is_string() && spec.codeList ? CodeLabels::label(*spec.codeList, value.get<std::string>())
                                                      : QString();
        case FieldType::CodeSet:
        case FieldType::TextList: {
            if (!value.is_array()) return {};
            QStringList parts;
            for (const auto& entry : value) {
                if (!entry.is_string()) continue;
                const auto text = entry.get<std::string>();
                parts << (spec.type == FieldType::CodeSet && spec.codeList ? CodeLabels::label(*spec.codeList, text)
                                                                           : QString::fromStdString(text));
            }
            return QLocale().createSeparatedList(parts);
        }
        case FieldType::Contacts:
        case FieldType::IdentityDocuments:
            return value.is_array() ? number(static_cast<std::int64_t>(value.size())) : QString();
        }
    } catch (const nlohmann::json::exception&) {
        return {};
    }
    return {};
}

}  // namespace abri::app
