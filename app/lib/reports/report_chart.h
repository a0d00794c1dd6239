#pragma once
// Charts of published reports (Qt Charts): horizontal bars for one-way tables, grouped bars for cross-tabs
// (stacked for a time line by a single-valued breakdown), and a pie for one-way tables of a few categories that
// add up to the total. Suppressed values are never drawn: their bars stay empty and are marked "(<k)", pie slices
// are left out, and the title says so. Right to left, categories start at the right and bars grow leftwards.
#include <QtCore/QSize>
#include <QtGui/QImage>

#include "reports/report_table.h"

class QChart;

namespace abri::app {

class Session;

namespace ReportChart {

enum class Kind { Bar, Pie };

// A pie only says something true when the slices are parts of one whole: one-way, single-valued, 2 to 8 slices.
bool pieFits(const reports::PublishedTable& table);
// How many bars a bar chart of the table draws (to size a chart image).
int barCount(const reports::PublishedTable& table);
// A new chart (the caller owns it); Pie falls back to Bar when it does not fit.
QChart* build(const reports::PublishedTable& table, Kind kind, Session* session);
// The same chart drawn into an image (the PDF export), in the application's current layout direction.
QImage render(const reports::PublishedTable& table, Kind kind, Session* session, QSize size);
// The line under the chart's title: which values were left out, or empty when none were.
QString suppressionNote(const reports::PublishedTable& table, Kind kind);

}  // namespace ReportChart

}  // namespace abri::app
