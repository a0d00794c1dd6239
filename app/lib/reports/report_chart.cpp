#include "reports/report_chart.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QHorizontalStackedBarSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QPieSeries>
#include <QtCharts/QPieSlice>
#include <QtCharts/QValueAxis>
#include <QtGui/QPen>
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

// Rows worth a bar. One-way: every row that is not a plain zero (a suppressed row keeps its place, empty and
// marked). Cross-tabs: rows with at least one value to draw (the note says that suppressed values are not drawn).
std::vector<std::size_t> drawnRows(const PublishedTable& table) {
    const bool oneWay = table.columnKeys.empty();
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < table.rowKeys.size(); ++r) {
        const auto& cells = table.cells[r];
        const bool keep = oneWay ? !isZero(cells[0])
                                 : std::any_of(cells.begin(), cells.end(),
                                               [](const PublishedValue& v) { return v && *v > 0; });
        if (keep) rows.push_back(r);
    }
    return rows;
}

// Columns (bar sets) with at least one value to draw among the rows drawn.
std::vector<std::size_t> drawnColumns(const PublishedTable& table, const std::vector<std::size_t>& rows) {
    if (table.columnKeys.empty()) return {0};
    std::vector<std::size_t> columns;
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        if (std::any_of(rows.begin(), rows.end(), [&](std::size_t r) {
                const PublishedValue& v = table.cells[r][c];
                return v && *v > 0;
            })) {
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
    // "%d" draws nothing with localised numbers (Qt 6.4); "%.0f" gives the locale's digits.
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setReverse(rightToLeft);
    return axis;
}

void buildBars(QChart* chart, const PublishedTable& table, Session* session, bool rightToLeft) {
    // A horizontal bar chart draws its first category at the bottom: the rows go in from the last, so that the
    // chart reads from the top like the table.
    std::vector<std::size_t> rows = drawnRows(table);
    const auto columns = drawnColumns(table, rows);
    std::reverse(rows.begin(), rows.end());
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
        // Axis and legend texts are rich text: "<11" must not read as a tag.
        categories << uniqueLabel(label, table.rowKeys[r], seen).toHtmlEscaped();
    }
    double maximum = 0;
    std::vector<double> stackHeights(rows.size(), 0.0);
    for (const std::size_t c : columns) {
        const QString name = oneWay ? ReportLabels::personsLabel()
                                    : ReportLabels::category(*table.definition.columns, table.columnKeys[c], session);
        auto* set = new QBarSet(name.toHtmlEscaped());
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
    series->setBarWidth(columns.size() > 1 && !stacked ? 0.85 : 0.7);
    chart->addSeries(series);
    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    QFont labelFont = categoryAxis->labelsFont();
    if (labelFont.pointSizeF() > 0) labelFont.setPointSizeF(labelFont.pointSizeF() * 0.9);  // long names, many rows
    categoryAxis->setLabelsFont(labelFont);
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
    QStringList names;
    for (std::size_t r = 0; r < table.rowKeys.size(); ++r) {
        const PublishedValue& value = table.cells[r][0];
        if (!value || *value == 0) continue;  // suppressed slices are left out (and the title says so)
        const auto share = table.percent(r, 0);
        // The share on the slice, the category in the legend.
        auto* slice = series->append(share ? ReportLabels::percent(*share).toHtmlEscaped() : QString(),
                                     static_cast<double>(*value));
        slice->setLabelVisible(share.has_value());
        slice->setLabelPosition(QPieSlice::LabelInsideHorizontal);
        slice->setLabelColor(Qt::white);
        names << ReportLabels::category(table.definition.rows, table.rowKeys[r], session).toHtmlEscaped();
    }
    series->setPieSize(0.78);
    chart->addSeries(series);
    const auto markers = chart->legend()->markers(series);
    for (int i = 0; i < markers.size() && i < names.size(); ++i) markers[i]->setLabel(names[i]);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

}  // namespace

int barCount(const PublishedTable& table) {
    const auto rows = drawnRows(table);
    const auto columns = drawnColumns(table, rows);
    const bool stacked = !table.columnKeys.empty() && isTimeLine(table.definition.rows) && !table.multiValued;
    return static_cast<int>(rows.size() * (stacked ? 1 : std::max<std::size_t>(columns.size(), 1)));
}

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
    // The chart mirrors itself where that reads right (axes, bars, legend order); Qt Charts' own right-to-left
    // layout misplaces the labels of a right-hand axis, so its layout stays left to right.
    chart->setLayoutDirection(Qt::LeftToRight);
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(6, 6, 6, 6));
    if (kind == Kind::Pie && pieFits(table)) {
        buildPie(chart, table, session);
    } else {
        buildBars(chart, table, session, rightToLeft);
    }
    chart->legend()->setReverseMarkers(rightToLeft);  // the first series at the right
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
    // Drawn at twice the size with twice the font sizes, on a plain 1:1 image: text is measured and drawn on
    // the same device (a high-DPI image measures Arabic labels narrower than it draws them, which clips them).
    constexpr int kScale = 2;
    const auto scaled = [](QFont font) {
        if (font.pointSizeF() > 0) font.setPointSizeF(font.pointSizeF() * kScale);
        else if (font.pixelSize() > 0) font.setPixelSize(font.pixelSize() * kScale);
        return font;
    };
    QGraphicsScene scene;
    QChart* chart = build(table, kind, session);
    scene.addItem(chart);  // the scene owns and deletes it
    chart->setTitleFont(scaled(chart->titleFont()));
    chart->legend()->setFont(scaled(chart->legend()->font()));
    chart->setMargins(chart->margins() * kScale);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(scaled(axis->labelsFont()));
        QPen grid = axis->gridLinePen();
        grid.setWidthF(std::max(1.0, grid.widthF()) * kScale);
        axis->setGridLinePen(grid);
    }
    for (QAbstractSeries* series : chart->series()) {
        if (auto* pie = qobject_cast<QPieSeries*>(series)) {
            for (QPieSlice* slice : pie->slices()) slice->setLabelFont(scaled(slice->labelFont()));
        }
    }
    const QSize pixels = size * kScale;
    chart->resize(pixels);
    // Lay the chart out now: nothing may wait for the event loop during an export.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (chart->layout() != nullptr) chart->layout()->activate();
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)), QRectF(QPointF(0, 0), QSizeF(pixels)));
    painter.end();
    return image;
}

}  // namespace abri::app::ReportChart
