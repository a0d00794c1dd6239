#include "reports/report_chart.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QPieSeries>
#include <QtCharts/QPieSlice>
#include <QtCharts/QValueAxis>
#include <QtCore/QCoreApplication>
#include <QtCore/QSet>
#include <QtGui/QGuiApplication>
#include <QtGui/QPainter>
#include <QtWidgets/QGraphicsLayout>
#include <QtWidgets/QGraphicsScene>

#include <algorithm>
#include <cmath>

#include "reports/report_labels.h"

namespace abri::app::ReportChart {

using reports::Dimension;
using reports::PublishedTable;
using reports::PublishedValue;

namespace {

constexpr int kMaxPieSlices = 8;

bool isTimeLine(Dimension dimension) {
    return dimension == Dimension::RegistrationYear || dimension == Dimension::RegistrationQuarter ||
           dimension == Dimension::RegistrationMonth;
}

bool isZero(const PublishedValue& value) { return value && *value == 0; }

// Rows worth a bar: those with any value that is not a plain zero (a suppressed value is not zero).
std::vector<std::size_t> drawnRows(const PublishedTable& table) {
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < table.rowKeys.size(); ++r) {
        const auto& cells = table.cells[r];
        if (std::any_of(cells.begin(), cells.end(), [](const PublishedValue& v) { return !isZero(v); })) rows.push_back(r);
    }
    return rows;
}

std::vector<std::size_t> drawnColumns(const PublishedTable& table, const std::vector<std::size_t>& rows) {
    std::vector<std::size_t> columns;
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        if (std::any_of(rows.begin(), rows.end(), [&](std::size_t r) { return !isZero(table.cells[r][c]); })) {
            columns.push_back(c);
        }
    }
    return columns;
}

bool anySuppressed(const PublishedTable& table) {
    for (const auto& row : table.cells)
        for (const auto& v : row)
            if (!v) return true;
    return false;
}

// Category axes need distinct texts (two caseworkers may share a display name).
QString uniqueLabel(QString label, const std::string& code, QSet<QString>& seen) {
    if (seen.contains(label)) label += QStringLiteral(" (") + QString::fromStdString(code) + QLatin1Char(')');
    seen.insert(label);
    return label;
}

// An integer scale from zero with about five steps: counts of persons have no fractions.
QValueAxis* countAxis(double maximum, bool rightToLeft) {
    auto* axis = new QValueAxis;
    double step = 1;
    const double rough = std::max(1.0, maximum / 5.0);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = factor * magnitude;
        if (step >= rough && (step >= 1.0 && std::floor(step) == step)) break;
    }
    const double top = std::max(step, std::ceil(maximum / step) * step);
    axis->setRange(0, top);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setReverse(rightToLeft);
    return axis;
}

void buildBars(QChart* chart, const PublishedTable& table, Session* session, bool rightToLeft) {
    const auto rows = drawnRows(table);
    const auto columns = drawnColumns(table, rows);
    const bool oneWay = table.columnKeys.empty();
    const bool stacked = !oneWay && isTimeLine(table.definition.rows) && !table.multiValued;
    QAbstractBarSeries* series = stacked ? static_cast<QAbstractBarSeries*>(new QHorizontalStackedBarSeries)
                                         : static_cast<QAbstractBarSeries*>(new QHorizontalBarSeries);
    QStringList categories;
    QSet<QString> seen;
    for (const std::size_t r : rows) {
        QString label = ReportLabels::category(table.definition.rows, table.rowKeys[r], session);
        // One-way: a suppressed bar is empty; its category says why.
        if (oneWay && !table.cells[r][0]) {
            label = ReportLabels::tr("%1 (%2)", "category (suppressed value)").arg(label, ReportLabels::value(table, {}));
        }
        categories << uniqueLabel(label, table.rowKeys[r], seen);
    }
    double maximum = 0;
    std::vector<double> stackHeights(rows.size(), 0.0);
    for (const std::size_t c : columns) {
        const QString name = oneWay ? ReportLabels::personsLabel()
                                    : ReportLabels::category(*table.definition.columns, table.columnKeys[c], session);
        auto* set = new QBarSet(name);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const PublishedValue& value = table.cells[rows[i]][c];
            const double drawn = value ? static_cast<double>(*value) : 0.0;  // suppressed: no bar
            set->append(drawn);
            stackHeights[i] += drawn;
            maximum = std::max(maximum, drawn);
        }
        series->append(set);
    }
    if (stacked)
        for (const double h : stackHeights) maximum = std::max(maximum, h);
    chart->addSeries(series);
    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    categoryAxis->setReverse(true);  // the first category at the top, as in the table
    chart->addAxis(categoryAxis, rightToLeft ? Qt::AlignRight : Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    auto* valueAxis = countAxis(maximum, rightToLeft);
    chart->addAxis(valueAxis, Qt::AlignBottom);
    series->attachAxis(valueAxis);
    chart->legend()->setVisible(!oneWay);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

void buildPie(QChart* chart, const PublishedTable& table, Session* session) {
    auto* series = new QPieSeries;
    for (std::size_t r = 0; r < table.rowKeys.size(); ++r) {
        const PublishedValue& value = table.cells[r][0];
        if (!value || *value == 0) continue;  // suppressed slices are left out (and the title says so)
        const QString label = ReportLabels::category(table.definition.rows, table.rowKeys[r], session);
        const auto share = table.percent(r, 0);
        auto* slice = series->append(share ? ReportLabels::tr("%1: %2", "pie slice: category: share")
                                                 .arg(label, ReportLabels::percent(*share))
                                           : label,
                                     static_cast<double>(*value));
        slice->setLabelVisible(true);
    }
    series->setPieSize(0.62);
    chart->addSeries(series);
    chart->legend()->setVisible(false);
}

}  // namespace

bool pieFits(const PublishedTable& table) {
    if (!table.columnKeys.empty() || table.multiValued) return false;
    int slices = 0;
    for (const auto& row : table.cells)
        if (!isZero(row[0])) ++slices;
    return slices >= 2 && slices <= kMaxPieSlices;
}

QString suppressionNote(const PublishedTable& table, Kind kind) {
    if (!anySuppressed(table)) return {};
    const QString k = ReportLabels::value(table, {});
    if (kind == Kind::Pie && pieFits(table)) {
        return ReportLabels::tr("Suppressed categories (%1) are left out.").arg(k);
    }
    if (table.columnKeys.empty()) return ReportLabels::tr("Bars marked (%1) are suppressed and not drawn.").arg(k);
    return ReportLabels::tr("Suppressed values (%1) are not drawn.").arg(k);
}

QChart* build(const PublishedTable& table, Kind kind, Session* session) {
    auto* chart = new QChart;
    const bool rightToLeft = QGuiApplication::isRightToLeft();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setLayoutDirection(rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    chart->setBackgroundRoundness(0);
    if (kind == Kind::Pie && pieFits(table)) {
        buildPie(chart, table, session);
    } else {
        buildBars(chart, table, session, rightToLeft);
    }
    QString title = ReportLabels::title(table.definition).toHtmlEscaped();
    QString note = table.grandTotal && *table.grandTotal == 0 ? ReportLabels::emptyNote() : suppressionNote(table, kind);
    if (!note.isEmpty()) title += QStringLiteral("<br><small>") + note.toHtmlEscaped() + QStringLiteral("</small>");
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    return chart;
}

QImage render(const PublishedTable& table, Kind kind, Session* session, QSize size) {
    QGraphicsScene scene;
    QChart* chart = build(table, kind, session);
    scene.addItem(chart);  // the scene owns and deletes it
    chart->resize(size);
    // Lay the chart out now: nothing may wait for the event loop during an export.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (chart->layout() != nullptr) chart->layout()->activate();
    constexpr qreal kScale = 2.0;  // sharp in print
    QImage image(size * kScale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(kScale);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), QRectF(QPointF(0, 0), QSizeF(size)));
    painter.end();
    return image;
}

}  // namespace abri::app::ReportChart
