#pragma once
// Building one's own cross-tab: the rows, optional columns and filters (a dimension and one or more of its
// categories), then "Show" or "Save" under a name (reports::saveReport). The period is chosen on the Reports screen.
// Office and caseworker are offered only to roles that may see internal breakdowns.
#include <QtWidgets/QDialog>

#include <functional>
#include <string>
#include <vector>

#include "reports/report_definition.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace abri::app {

class Session;

class CrossTabDialog : public QDialog {
    Q_OBJECT

public:
    // The categories of an open dimension (years, offices...) as the data holds them.
    using CategoriesInData = std::function<std::vector<std::string>(reports::Dimension)>;

    CrossTabDialog(Session& session, CategoriesInData categoriesInData, QWidget* parent = nullptr);

    // Fills the dialog from a definition (editing a saved report).
    void load(const reports::ReportDefinition& definition);
    // What the dialog describes now (id and title of a loaded saved report kept).
    reports::ReportDefinition definition() const;

    QComboBox* rowsCombo() const { return rows_; }
    QComboBox* columnsCombo() const { return columns_; }
    QComboBox* filterDimensionCombo() const { return filterDimension_; }
    QListWidget* filterValues() const { return filterValues_; }
    QListWidget* filterList() const { return filters_; }
    QLineEdit* nameEdit() const { return name_; }
    QLabel* errorLabel() const { return error_; }
    // Adds the filter of the dimension and values ticked below; false (and a message) when none is ticked.
    bool addFilter();
    void removeSelectedFilter();
    // Checks the definition; saves it under the name (Save) and accepts. False with a message when refused.
    bool showReport();
    bool save();
    // The id of the report saved by save(); empty otherwise.
    const std::string& savedId() const { return savedId_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillDimensionCombos();
    void fillFilterValues();
    void refreshFilterList();
    bool check(const reports::ReportDefinition& definition);
    std::vector<reports::Dimension> allowedDimensions() const;

    Session& session_;
    CategoriesInData categoriesInData_;
    std::vector<reports::ReportFilter> filterDefinitions_;
    std::string loadedId_;
    std::string loadedTitle_;
    std::string savedId_;
    QLabel* intro_;
    QLabel* rowsLabel_;
    QComboBox* rows_;
    QLabel* columnsLabel_;
    QComboBox* columns_;
    QLabel* filtersHeading_;
    QLabel* chosenLabel_;
    QListWidget* filters_;
    QPushButton* removeFilter_;
    QLabel* filterDimensionLabel_;
    QComboBox* filterDimension_;
    QListWidget* filterValues_;
    QPushButton* addFilter_;
    QLabel* nameLabel_;
    QLineEdit* name_;
    QLabel* error_;
    QPushButton* show_;
    QPushButton* save_;
    QPushButton* cancel_;
};

}  // namespace abri::app
