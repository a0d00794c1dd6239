#pragma once
// How values look on screen: dates and numbers by the current QLocale, codes by CodeLabels.
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "model/fields.h"

namespace abri::app {

class DisplayFormat {
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    // The locale's short date format with four-digit years (birth dates span a century).
    static QString dateFormat();
    static QString date(const std::string& isoDate);   // "2024-03-05" -> locale short date; invalid: as given
    static QString dateTime(std::int64_t msSinceEpoch);  // local time, locale short format
    static QString number(std::int64_t value);
    static QString yesNo(bool value);
    static QString internationalText(std::optional<bool> international);
    // Any field value as one line of text (lists joined, codes labelled, dates localised).
    static QString value(const model::FieldSpec& spec, const nlohmann::json& value);
};

}  // namespace abri::app
