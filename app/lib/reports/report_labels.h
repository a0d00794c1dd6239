#pragma once
// Words for reports: dimension names, category labels (code lists, age bands, months, countries, caseworkers),
// built-in report titles, periods, filters and the protection notes. Core reports codes and counts; only this class
// turns them into text, so the screen, the chart, the CSV and the PDF all say the same thing.
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <optional>
#include <string>

#include "reports/report_definition.h"
#include "reports/report_table.h"

namespace abri::app {

class Session;

class ReportLabels {
    Q_DECLARE_TR_FUNCTIONS(ReportLabels)

public:
    static QString dimensionName(reports::Dimension dimension);
    // Built-in reports by id in the current language; saved reports by the name the user gave them; an ad-hoc
    // cross-tab as "Rows by columns".
    static QString title(const reports::ReportDefinition& definition);
    // The label of one category of a dimension. Caseworkers are user ids: `session` turns them into display names
    // (nullptr: the id is shown).
    static QString category(reports::Dimension dimension, const std::string& code, Session* session = nullptr);
    // A published value in the current locale's digits; a suppressed one as "<k".
    static QString value(const reports::PublishedTable& table, const reports::PublishedValue& value);
    // The same for files read by programs (CSV): plain digits, "<k" as core writes it.
    static QString plainValue(const reports::PublishedTable& table, const reports::PublishedValue& value);
    static QString percent(double percent);
    // "1 Jan 2025 – 31 Dec 2025", "from …", "until …" or "All registrations".
    static QString period(const reports::ReportDefinition& definition);
    // "Sex: Female, Male · Type of exploitation: Forced labour"; empty without filters.
    static QString filters(const reports::ReportDefinition& definition, Session* session = nullptr);
    static QString totalLabel();
    static QString personsLabel();
    static QString shareLabel();
    static QString suppressedTooltip(int minimumCellSize);
    static QString multiValuedNote();
    static QString internalNote();
    // "Values below 11 are suppressed to protect the persons counted" (+ "; rounded to base 5").
    static QString protectionNote(const reports::PublishedTable& table);
    static QString emptyNote();
};

}  // namespace abri::app
