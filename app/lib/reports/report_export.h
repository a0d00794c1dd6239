#pragma once
// Reports leaving the screen: CSV for spreadsheets (UTF-8 with a byte-order mark, so that Arabic opens right;
// translated labels, plain digits) and PDF (title, date, period, filters, protection notes, the table and the chart,
// in the current language; Arabic right to left). Files are written atomically: a failed export leaves nothing.
#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <functional>
#include <vector>

#include "reports/report_chart.h"
#include "reports/report_table.h"

namespace abri::app {

class Session;

class ReportExport {
    Q_DECLARE_TR_FUNCTIONS(ReportExport)

public:
    // Comment lines ("# title", period, filters, notes), then the header, one line per category and the totals.
    static QByteArray csv(const reports::PublishedTable& table, Session* session);
    // One section per table (the annex: several, each on its own page).
    static QByteArray pdf(const std::vector<reports::PublishedTable>& tables, ReportChart::Kind chartKind,
                          Session* session);
    // All or nothing (QSaveFile). `beforeCommit` runs once the bytes are written but before the file appears (the
    // audit record of the export); if it throws, no file is left. Throws Error(IoError, path) when the file
    // cannot be written.
    static void writeAtomically(const QString& path, const QByteArray& bytes, const std::function<void()>& beforeCommit);
    // The report's HTML as it goes into the PDF (tests read it).
    static QString html(const std::vector<reports::PublishedTable>& tables, ReportChart::Kind chartKind,
                        Session* session);
};

}  // namespace abri::app
