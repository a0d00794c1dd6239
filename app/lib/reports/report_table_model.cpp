#include "reports/report_table_model.h"

#include <QtGui/QColor>
#include <QtGui/QFont>

#include "reports/report_labels.h"

namespace abri::app {

using reports::PublishedValue;

ReportTableModel::ReportTableModel(Session* session, QObject* parent)
    : QAbstractTableModel(parent), session_(session) {}

void ReportTableModel::setTable(reports::PublishedTable table) {
    beginResetModel();
    table_ = std::move(table);
    endResetModel();
}

void ReportTableModel::clear() {
    beginResetModel();
    table_.reset();
    endResetModel();
}

void ReportTableModel::retranslate() {
    if (!table_) return;
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int ReportTableModel::totalRow() const { return table_ ? static_cast<int>(table_->rowKeys.size()) : -1; }

int ReportTableModel::totalColumn() const {
    if (!table_) return -1;
    return isOneWay() ? 1 : static_cast<int>(table_->columnKeys.size()) + 1;
}

int ReportTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !table_) return 0;
    return static_cast<int>(table_->rowKeys.size()) + 1;
}

int ReportTableModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || !table_) return 0;
    // Label, then persons and share (one-way) or the column categories and the row totals.
    return isOneWay() ? 3 : static_cast<int>(table_->columnKeys.size()) + 2;
}

bool ReportTableModel::valueAt(int row, int column, PublishedValue& value) const {
    if (!table_ || column <= 0) return false;
    const auto r = static_cast<std::size_t>(row);
    const bool totals = row == totalRow();
    if (isOneWay()) {
        if (column != 1) return false;
        value = totals ? table_->grandTotal : table_->cells[r][0];
        return true;
    }
    const auto c = static_cast<std::size_t>(column - 1);
    if (column == totalColumn()) {
        value = totals ? table_->grandTotal : table_->rowTotals[r];
    } else {
        value = totals ? table_->columnTotals[c] : table_->cells[r][c];
    }
    return true;
}

QString ReportTableModel::cellText(int row, int column) const {
    const bool totals = row == totalRow();
    if (column == 0) {
        return totals ? ReportLabels::totalLabel()
                      : ReportLabels::category(table_->definition.rows, table_->rowKeys[static_cast<std::size_t>(row)],
                                               session_);
    }
    if (isOneWay() && column == 2) {
        if (totals) return {};
        const auto& persons = table_->cells[static_cast<std::size_t>(row)][0];
        const auto share = table_->percent(static_cast<std::size_t>(row), 0);
        return share && persons && *persons > 0 ? ReportLabels::percent(*share) : QString();
    }
    PublishedValue value;
    if (!valueAt(row, column, value)) return {};
    QString text = ReportLabels::value(*table_, value);
    // Cross-tabs: the cell's share of its row on a second line.
    if (!isOneWay() && !totals && column != totalColumn()) {
        const auto share = table_->percent(static_cast<std::size_t>(row), static_cast<std::size_t>(column - 1));
        if (share && value && *value > 0) text += QLatin1Char('\n') + ReportLabels::percent(*share);
    }
    return text;
}

QVariant ReportTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !table_) return {};
    const int row = index.row();
    const int column = index.column();
    // One-way tables have no column of row totals: their persons column is the cells themselves.
    const bool total = row == totalRow() || (!isOneWay() && column == totalColumn());
    PublishedValue value;
    const bool hasValue = valueAt(row, column, value);
    const bool suppressed = hasValue && !value;
    switch (role) {
    case Qt::DisplayRole: return cellText(row, column);
    case Qt::ToolTipRole:
        if (suppressed) return ReportLabels::suppressedTooltip(table_->minimumCellSize);
        return {};
    case Qt::BackgroundRole:
        if (suppressed) return suppressedColour();
        if (total && column > 0) return totalColour();
        return {};
    case Qt::ForegroundRole:
        // Our own light backgrounds keep dark text, also under a dark theme.
        if (suppressed || (total && column > 0)) return QColor(0x20, 0x20, 0x20);
        return {};
    case Qt::FontRole:
        if (total && !suppressed && (column > 0 || row == totalRow())) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == 0) return QVariant::fromValue(Qt::Alignment(Qt::AlignLeading | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignTrailing | Qt::AlignVCenter));
    case SuppressedRole: return suppressed;
    case TotalRole: return total;
    default: return {};
    }
}

QVariant ReportTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (!table_ || orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (section == 0) return ReportLabels::dimensionName(table_->definition.rows);
    if (isOneWay()) return section == 1 ? ReportLabels::personsLabel() : ReportLabels::shareLabel();
    if (section == totalColumn()) return ReportLabels::totalLabel();
    return ReportLabels::category(*table_->definition.columns, table_->columnKeys[static_cast<std::size_t>(section - 1)],
                                  session_);
}

QColor ReportTableModel::suppressedColour() { return QColor(0xf7, 0xdc, 0x9c); }

QColor ReportTableModel::totalColour() { return QColor(0xe8, 0xec, 0xf1); }

}  // namespace abri::app
