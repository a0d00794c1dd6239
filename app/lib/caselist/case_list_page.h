#pragma once
// The case list: search box (full text, debounced), filters, the paged table and a count. Enter or a double-click
// opens a case.
#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

#include <memory>
#include <string>

#include "cases/case_query.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace abri::app {

class CaseListModel;
class OptionalDateEdit;
class Session;

class CaseListPage : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSearchDebounceMs = 250;

    explicit CaseListPage(Session& session, QWidget* parent = nullptr);
    ~CaseListPage() override;

    CaseListModel* model() const { return model_.get(); }
    QTableView* table() const { return table_; }
    QLineEdit* searchEdit() const { return search_; }
    QComboBox* statusFilter() const { return status_; }
    QComboBox* exploitationFilter() const { return exploitation_; }
    QComboBox* minorFilter() const { return minor_; }
    QComboBox* caseworkerFilter() const { return caseworker_; }
    QLineEdit* officeFilter() const { return office_; }
    OptionalDateEdit* fromFilter() const { return from_; }
    OptionalDateEdit* toFilter() const { return to_; }
    QLabel* countLabel() const { return count_; }

    // The filter the widgets describe right now.
    cases::CaseFilter currentFilter() const;
    // Applies the filter immediately (the search box normally waits kSearchDebounceMs).
    void applyFilter();
    void clearFilters();
    void refresh();
    void refillUsers();

Q_SIGNALS:
    void openCaseRequested(const QString& caseId);
    void newCaseRequested();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslate();
    void updateCount();
    void openRow(int row);
    // Fits the columns to the header and the rows in view (never measures the whole list).
    void fitColumns();

    Session& session_;
    std::unique_ptr<CaseListModel> model_;
    QTimer searchDebounce_;
    QLineEdit* search_;
    QPushButton* newCase_;
    QComboBox* status_;
    QComboBox* exploitation_;
    QComboBox* minor_;
    QComboBox* caseworker_;
    QLineEdit* office_;
    QLabel* fromLabel_;
    OptionalDateEdit* from_;
    QLabel* toLabel_;
    OptionalDateEdit* to_;
    QPushButton* clear_;
    QTableView* table_;
    QLabel* count_;
    QLabel* error_;
    bool fitted_ = false;
};

}  // namespace abri::app
