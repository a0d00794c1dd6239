#include "reports/report_export.h"

#include <QtCore/QBuffer>
#include <QtCore/QDate>
#include <QtCore/QLocale>
#include <QtCore/QSaveFile>
#include <QtCore/QUrl>
#include <QtGui/QGuiApplication>
#include <QtGui/QPageLayout>
#include <QtGui/QPageSize>
#include <QtGui/QPdfWriter>
#include <QtGui/QTextDocument>
#include <QtGui/QTextOption>

#include <algorithm>

#include "common/error.h"
#include "reports/report_labels.h"
#include "reports/report_table_model.h"
#include "session/session.h"

namespace abri::app {

using reports::PublishedTable;

namespace {

constexpr int kChartWidth = 760;  // logical pixels of the chart image; shown 600 wide on the page
constexpr int kChartShownWidth = 600;  // the text is 17 cm wide: 640 px at 96 dpi

QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')) &&
        !text.contains(QLatin1Char('\r'))) {
        return text;
    }
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvLine(const QStringList& fields) {
    QStringList quoted;
    for (const QString& field : fields) quoted << csvField(field);
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

// The lines that say what the figures are: period, filters, and the notes a reader must not miss.
QStringList contextLines(const PublishedTable& table, Session* session) {
    QStringList lines;
    lines << ReportLabels::period(table.definition);
    const QString filters = ReportLabels::filters(table.definition, session);
    if (!filters.isEmpty()) lines << ReportExport::tr("Filters: %1").arg(filters);
    if (table.internalOnly) lines << ReportLabels::internalNote();
    if (table.multiValued) lines << ReportLabels::multiValuedNote();
    lines << ReportLabels::protectionNote(table);
    return lines;
}

QString reportDate() {
    return ReportExport::tr("Report of %1").arg(QLocale().toString(QDate::currentDate(), QLocale::LongFormat));
}

int chartHeight(const PublishedTable& table, ReportChart::Kind kind) {
    if (kind == ReportChart::Kind::Pie && ReportChart::pieFits(table)) return 480;
    return std::clamp(150 + 18 * ReportChart::barCount(table), 300, 1000);
}

QString cellHtml(const ReportTableModel& model, int row, int column, bool header) {
    const QModelIndex index = model.index(row, column);
    QString text = model.data(index).toString().toHtmlEscaped();
    text.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    QString attributes;
    if (model.data(index, ReportTableModel::SuppressedRole).toBool()) {
        attributes += QStringLiteral(" bgcolor=\"%1\"").arg(ReportTableModel::suppressedColour().name());
    } else if (model.data(index, ReportTableModel::TotalRole).toBool() && column > 0) {
        attributes += QStringLiteral(" bgcolor=\"%1\"").arg(ReportTableModel::totalColour().name());
    }
    if (header || model.data(index, ReportTableModel::TotalRole).toBool()) {
        text = QStringLiteral("<b>") + text + QStringLiteral("</b>");
    }
    const bool rightToLeft = QGuiApplication::isRightToLeft();
    const QString align = column == 0 ? (rightToLeft ? QStringLiteral("right") : QStringLiteral("left"))
                                      : (rightToLeft ? QStringLiteral("left") : QStringLiteral("right"));
    return QStringLiteral("<td align=\"%1\"%2>%3</td>").arg(align, attributes, text);
}

QString tableHtml(const PublishedTable& table, Session* session) {
    ReportTableModel model(session);
    model.setTable(table);
    const bool rightToLeft = QGuiApplication::isRightToLeft();
    // Right to left the first column (the categories) is on the right: the columns are written in reverse.
    std::vector<int> order(static_cast<std::size_t>(model.columnCount()));
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    if (rightToLeft) std::reverse(order.begin(), order.end());
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\" "
                                  "style=\"border-collapse: collapse; border-color: #8a8f98\">");
    html += QStringLiteral("<tr>");
    for (const int column : order) {
        const QString header = model.headerData(column, Qt::Horizontal).toString().toHtmlEscaped();
        html += QStringLiteral("<td align=\"center\" bgcolor=\"%1\"><b>%2</b></td>")
                    .arg(ReportTableModel::totalColour().name(), header);
    }
    html += QStringLiteral("</tr>");
    for (int row = 0; row < model.rowCount(); ++row) {
        html += QStringLiteral("<tr>");
        for (const int column : order) html += cellHtml(model, row, column, false);
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

}  // namespace

QByteArray ReportExport::csv(const PublishedTable& table, Session* session) {
    QString text;
    text += csvLine({QStringLiteral("# ") + ReportLabels::title(table.definition)});
    text += csvLine({QStringLiteral("# ") + reportDate()});
    for (const QString& line : contextLines(table, session)) text += csvLine({QStringLiteral("# ") + line});
    QStringList header{ReportLabels::dimensionName(table.definition.rows)};
    if (table.columnKeys.empty()) {
        header << ReportLabels::personsLabel();
    } else {
        for (const auto& key : table.columnKeys) header << ReportLabels::category(*table.definition.columns, key, session);
        header << ReportLabels::totalLabel();
    }
    text += csvLine(header);
    for (std::size_t r = 0; r < table.rowKeys.size(); ++r) {
        QStringList fields{ReportLabels::category(table.definition.rows, table.rowKeys[r], session)};
        for (const auto& value : table.cells[r]) fields << ReportLabels::plainValue(table, value);
        if (!table.columnKeys.empty()) fields << ReportLabels::plainValue(table, table.rowTotals[r]);
        text += csvLine(fields);
    }
    QStringList totals{ReportLabels::totalLabel()};
    for (const auto& value : table.columnTotals) totals << ReportLabels::plainValue(table, value);
    totals << ReportLabels::plainValue(table, table.grandTotal);
    text += csvLine(totals);
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();  // the BOM: spreadsheets then read UTF-8 (Arabic) right
}

QString ReportExport::html(const std::vector<PublishedTable>& tables, ReportChart::Kind chartKind, Session* session) {
    const bool rightToLeft = QGuiApplication::isRightToLeft();
    const QString direction = rightToLeft ? QStringLiteral("rtl") : QStringLiteral("ltr");
    QString html = QStringLiteral("<html><body>");
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const PublishedTable& table = tables[i];
        const QString pageBreak = i == 0 ? QString() : QStringLiteral(" style=\"page-break-before: always\"");
        html += QStringLiteral("<h2 dir=\"%1\"%2>%3</h2>")
                    .arg(direction, pageBreak, ReportLabels::title(table.definition).toHtmlEscaped());
        QString office;
        if (session != nullptr) office = tr("Office %1").arg(session->office()) + QStringLiteral(" · ");
        html += QStringLiteral("<p dir=\"%1\">%2</p>").arg(direction, (office + reportDate()).toHtmlEscaped());
        for (const QString& line : contextLines(table, session)) {
            html += QStringLiteral("<p dir=\"%1\">%2</p>").arg(direction, line.toHtmlEscaped());
        }
        html += tableHtml(table, session);
        const int height = chartHeight(table, chartKind) * kChartShownWidth / kChartWidth;
        html += QStringLiteral("<p dir=\"%1\" align=\"center\"><img src=\"chart:%2\" width=\"%3\" height=\"%4\"></p>")
                    .arg(direction)
                    .arg(i)
                    .arg(kChartShownWidth)
                    .arg(height);
    }
    return html + QStringLiteral("</body></html>");
}

QByteArray ReportExport::pdf(const std::vector<PublishedTable>& tables, ReportChart::Kind chartKind,
                             Session* session) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        // QTextDocument::print() puts its own 2 cm margin around the text: the page itself has none.
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
        writer.setCreator(QStringLiteral("Abri"));
        writer.setResolution(300);
        if (!tables.empty()) writer.setTitle(ReportLabels::title(tables.front().definition));
        QTextDocument document;
        QTextOption option = document.defaultTextOption();
        option.setTextDirection(QGuiApplication::layoutDirection());
        document.setDefaultTextOption(option);
        for (std::size_t i = 0; i < tables.size(); ++i) {
            const QImage chart = ReportChart::render(tables[i], chartKind, session,
                                                     QSize(kChartWidth, chartHeight(tables[i], chartKind)));
            document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("chart:%1").arg(i)), chart);
        }
        document.setHtml(html(tables, chartKind, session));
        document.print(&writer);
    }
    buffer.close();
    return bytes;
}

void ReportExport::writeAtomically(const QString& path, const QByteArray& bytes,
                                   const std::function<void()>& beforeCommit) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) throw Error(ErrorCode::IoError, path.toStdString());
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        throw Error(ErrorCode::IoError, path.toStdString());
    }
    try {
        if (beforeCommit) beforeCommit();
    } catch (...) {
        file.cancelWriting();
        throw;
    }
    if (!file.commit()) throw Error(ErrorCode::IoError, path.toStdString());
}

}  // namespace abri::app
