#pragma once
// A published report as a table: the first column names the row categories, then one column per column category
// (cross-tabs) and the row totals, or the persons and their share (one-way tables); the last row holds the totals.
// Suppressed values show as "<k" on a marked background with a tooltip; their number never reaches the model.
#include <QtCore/QAbstractTableModel>

#include <optional>

#include "reports/report_table.h"

namespace abri::app {

class Session;

class ReportTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Role {
        SuppressedRole = Qt::UserRole + 1,  // bool: the value of this cell is suppressed
        TotalRole,                          // bool: a total (last row or last column)
    };

    explicit ReportTableModel(Session* session, QObject* parent = nullptr);

    void setTable(reports::PublishedTable table);
    void clear();
    const std::optional<reports::PublishedTable>& table() const { return table_; }
    // Relabels after a language switch (the numbers do not change).
    void retranslate();

    // Where a value of the published table sits in the model.
    int valueColumn(std::size_t tableColumn) const { return static_cast<int>(tableColumn) + 1; }
    int totalRow() const;
    int totalColumn() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The suppressed-cell background, shared with the PDF so that both look alike.
    static QColor suppressedColour();
    static QColor totalColour();

private:
    bool isOneWay() const { return table_ && table_->columnKeys.empty(); }
    // The published value at a model position, and whether there is one (labels and blank cells have none).
    bool valueAt(int row, int column, reports::PublishedValue& value) const;
    QString cellText(int row, int column) const;

    Session* session_;
    std::optional<reports::PublishedTable> table_;
};

}  // namespace abri::app
