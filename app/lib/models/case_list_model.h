#pragma once
// The case list as a table model that pages from core: rowCount() is CaseRepository::count(filter) and rows are
// fetched 200 at a time when the view asks for them, keeping only a few pages in memory. So 100k cases cost a count
// query and the visible pages, never the whole list. Sorting and filtering re-query core.
#include <QtCore/QAbstractTableModel>
#include <QtCore/QHash>
#include <QtCore/QList>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cases/case_query.h"

namespace abri::cases {
class CaseRepository;
}

namespace abri::app {

class CaseListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        CaseCode,
        RegisteredOn,
        Status,
        Screening,
        Gender,
        Minor,
        Exploitation,
        International,
        Office,
        Caseworker,
        Updated,
        ColumnCount
    };
    static constexpr int kPageSize = 200;
    static constexpr int kCachedPages = 8;
    static constexpr int kCaseIdRole = Qt::UserRole + 1;

    // userName maps a caseworker's user id to a display name.
    CaseListModel(cases::CaseRepository& repository, std::function<QString(const std::string&)> userName,
                  QObject* parent = nullptr);
    ~CaseListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

    static bool isSortable(int column);
    const cases::CaseFilter& filter() const { return query_.filter; }
    void setFilter(const cases::CaseFilter& filter);
    const cases::CaseQuery& query() const { return query_; }
    std::int64_t totalCount() const { return total_; }
    // Re-reads the count and drops cached pages (after a case was created or changed).
    void refresh();
    // The case id in `row` (fetching its page when needed); empty when out of range.
    std::string caseIdAt(int row) const;
    // Pages currently held in memory (tests check that the model never loads everything).
    int cachedPageCount() const { return static_cast<int>(pages_.size()); }
    int pagesFetched() const { return pagesFetched_; }
    // Labels of codes and dates are computed in data(); after a language switch the views must repaint them.
    void retranslate();

Q_SIGNALS:
    void countChanged(qint64 count);
    void queryFailed(const QString& message);

private:
    const cases::CaseSummary* summaryAt(int row) const;
    QString displayText(const cases::CaseSummary& summary, int column) const;
    void reload();

    cases::CaseRepository& repository_;
    std::function<QString(const std::string&)> userName_;
    cases::CaseQuery query_;
    std::int64_t total_ = 0;
    // Page cache: page number -> rows; `pageOrder_` is least recently used first.
    mutable QHash<std::int64_t, std::vector<cases::CaseSummary>> pages_;
    mutable QList<std::int64_t> pageOrder_;
    mutable int pagesFetched_ = 0;
};

}  // namespace abri::app
