#include "reports/cross_tab_dialog.h"

#include <QtCore/QEvent>
#include <QtCore/QSignalBlocker>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

#include "common/error.h"
#include "i18n/code_labels.h"
#include "i18n/error_messages.h"
#include "reports/dimensions.h"
#include "reports/report_labels.h"
#include "reports/saved_reports.h"
#include "session/session.h"
#include "ui/style.h"

namespace abri::app {

using reports::Dimension;

namespace {

constexpr int kNoColumns = -1;

void selectData(QComboBox* combo, int value) {
    const int index = combo->findData(value);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

}  // namespace

CrossTabDialog::CrossTabDialog(Session& session, CategoriesInData categoriesInData, QWidget* parent)
    : QDialog(parent), session_(session), categoriesInData_(std::move(categoriesInData)) {
    setObjectName(QStringLiteral("crossTabDialog"));
    auto* layout = new QVBoxLayout(this);
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    Style::makeHint(intro_);
    layout->addWidget(intro_);

    auto* form = new QFormLayout;
    rowsLabel_ = new QLabel(this);
    rows_ = new QComboBox(this);
    rows_->setObjectName(QStringLiteral("crossTabRows"));
    columnsLabel_ = new QLabel(this);
    columns_ = new QComboBox(this);
    columns_->setObjectName(QStringLiteral("crossTabColumns"));
    rowsLabel_->setBuddy(rows_);
    columnsLabel_->setBuddy(columns_);
    form->addRow(rowsLabel_, rows_);
    form->addRow(columnsLabel_, columns_);
    layout->addLayout(form);

    filtersHeading_ = new QLabel(this);
    Style::makeHeading(filtersHeading_);
    layout->addWidget(filtersHeading_);
    auto* filterGrid = new QGridLayout;
    filters_ = new QListWidget(this);
    filters_->setObjectName(QStringLiteral("crossTabFilters"));
    removeFilter_ = new QPushButton(this);
    filterDimensionLabel_ = new QLabel(this);
    filterDimension_ = new QComboBox(this);
    filterDimension_->setObjectName(QStringLiteral("crossTabFilterDimension"));
    filterDimensionLabel_->setBuddy(filterDimension_);
    filterValues_ = new QListWidget(this);
    filterValues_->setObjectName(QStringLiteral("crossTabFilterValues"));
    addFilter_ = new QPushButton(this);
    auto* dimensionRow = new QHBoxLayout;
    dimensionRow->addWidget(filterDimensionLabel_);
    dimensionRow->addWidget(filterDimension_, 1);
    filterGrid->addLayout(dimensionRow, 0, 0);
    filterGrid->addWidget(filterValues_, 1, 0);
    filterGrid->addWidget(addFilter_, 2, 0, Qt::AlignTrailing);
    chosenLabel_ = new QLabel(this);
    filterGrid->addWidget(chosenLabel_, 0, 1);
    filterGrid->addWidget(filters_, 1, 1);
    filterGrid->addWidget(removeFilter_, 2, 1, Qt::AlignTrailing);
    filterGrid->setColumnStretch(0, 1);
    filterGrid->setColumnStretch(1, 1);
    layout->addLayout(filterGrid, 1);

    auto* nameRow = new QHBoxLayout;
    nameLabel_ = new QLabel(this);
    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("crossTabName"));
    name_->setMaxLength(120);
    nameLabel_->setBuddy(name_);
    nameRow->addWidget(nameLabel_);
    nameRow->addWidget(name_, 1);
    layout->addLayout(nameRow);

    error_ = new QLabel(this);
    error_->setWordWrap(true);
    Style::makeError(error_);
    layout->addWidget(error_);

    auto* buttons = new QDialogButtonBox(this);
    show_ = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    save_ = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    cancel_ = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    show_->setDefault(true);
    layout->addWidget(buttons);
    resize(720, 560);

    connect(filterDimension_, &QComboBox::currentIndexChanged, this, &CrossTabDialog::fillFilterValues);
    connect(addFilter_, &QPushButton::clicked, this, &CrossTabDialog::addFilter);
    connect(removeFilter_, &QPushButton::clicked, this, &CrossTabDialog::removeSelectedFilter);
    connect(show_, &QPushButton::clicked, this, &CrossTabDialog::showReport);
    connect(save_, &QPushButton::clicked, this, &CrossTabDialog::save);
    connect(cancel_, &QPushButton::clicked, this, &QDialog::reject);
    connect(filters_, &QListWidget::currentRowChanged, this,
            [this](int row) { removeFilter_->setEnabled(row >= 0); });

    fillDimensionCombos();
    selectData(rows_, static_cast<int>(Dimension::ExploitationType));
    selectData(columns_, static_cast<int>(Dimension::Gender));
    retranslate();
    removeFilter_->setEnabled(false);
}

std::vector<Dimension> CrossTabDialog::allowedDimensions() const {
    std::vector<Dimension> out;
    const bool internal = session_.can(vault::Permission::ViewInternalStatistics);
    for (const Dimension dimension : reports::allDimensions()) {
        if (reports::isInternal(dimension) && !internal) continue;  // the role may not break down by staff or office
        out.push_back(dimension);
    }
    return out;
}

void CrossTabDialog::fillDimensionCombos() {
    const int rows = rows_->currentData().isValid() ? rows_->currentData().toInt() : -2;
    const int columns = columns_->currentData().isValid() ? columns_->currentData().toInt() : -2;
    const int filter = filterDimension_->currentData().isValid() ? filterDimension_->currentData().toInt() : -2;
    const QSignalBlocker a(rows_), b(columns_), c(filterDimension_);
    rows_->clear();
    columns_->clear();
    filterDimension_->clear();
    columns_->addItem(tr("None (a one-way table)"), kNoColumns);
    for (const Dimension dimension : allowedDimensions()) {
        const QString name = ReportLabels::dimensionName(dimension);
        rows_->addItem(name, static_cast<int>(dimension));
        columns_->addItem(name, static_cast<int>(dimension));
        filterDimension_->addItem(name, static_cast<int>(dimension));
    }
    if (rows != -2) selectData(rows_, rows);
    if (columns != -2) selectData(columns_, columns);
    if (filter != -2) selectData(filterDimension_, filter);
}

void CrossTabDialog::fillFilterValues() {
    filterValues_->clear();
    if (!filterDimension_->currentData().isValid()) return;
    const auto dimension = static_cast<Dimension>(filterDimension_->currentData().toInt());
    std::vector<std::string> codes = reports::categoriesOf(dimension);
    if (codes.empty()) {
        if (dimension == Dimension::Citizenship || dimension == Dimension::CountryOfExploitation) {
            for (const auto& [code, label] : CodeLabels::entries(model::CodeList::Country)) codes.push_back(code.toStdString());
            codes.emplace_back("unknown");
        } else if (categoriesInData_) {
            codes = categoriesInData_(dimension);
        }
    }
    for (const auto& code : codes) {
        auto* item = new QListWidgetItem(ReportLabels::category(dimension, code, &session_), filterValues_);
        item->setData(Qt::UserRole, QString::fromStdString(code));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    // Ticks of a filter already chosen for this dimension.
    for (const auto& filter : filterDefinitions_) {
        if (filter.dimension != dimension) continue;
        for (int i = 0; i < filterValues_->count(); ++i) {
            auto* item = filterValues_->item(i);
            const std::string code = item->data(Qt::UserRole).toString().toStdString();
            if (std::find(filter.codes.begin(), filter.codes.end(), code) != filter.codes.end()) {
                item->setCheckState(Qt::Checked);
            }
        }
    }
}

bool CrossTabDialog::addFilter() {
    error_->clear();
    const auto dimension = static_cast<Dimension>(filterDimension_->currentData().toInt());
    std::vector<std::string> codes;
    for (int i = 0; i < filterValues_->count(); ++i) {
        const auto* item = filterValues_->item(i);
        if (item->checkState() == Qt::Checked) codes.push_back(item->data(Qt::UserRole).toString().toStdString());
    }
    if (codes.empty()) {
        error_->setText(tr("Tick at least one value to filter on."));
        return false;
    }
    // One filter per dimension: choosing again replaces the values.
    auto existing = std::find_if(filterDefinitions_.begin(), filterDefinitions_.end(),
                                 [dimension](const reports::ReportFilter& f) { return f.dimension == dimension; });
    if (existing != filterDefinitions_.end()) {
        existing->codes = codes;
    } else {
        filterDefinitions_.push_back({dimension, codes});
    }
    refreshFilterList();
    return true;
}

void CrossTabDialog::removeSelectedFilter() {
    const int row = filters_->currentRow();
    if (row < 0 || row >= static_cast<int>(filterDefinitions_.size())) return;
    filterDefinitions_.erase(filterDefinitions_.begin() + row);
    refreshFilterList();
    fillFilterValues();
}

void CrossTabDialog::refreshFilterList() {
    filters_->clear();
    for (const auto& filter : filterDefinitions_) {
        reports::ReportDefinition single;
        single.filters = {filter};
        filters_->addItem(ReportLabels::filters(single, &session_));
    }
    removeFilter_->setEnabled(false);
}

void CrossTabDialog::load(const reports::ReportDefinition& definition) {
    loadedId_ = definition.id;
    loadedTitle_ = definition.title;
    selectData(rows_, static_cast<int>(definition.rows));
    selectData(columns_, definition.columns ? static_cast<int>(*definition.columns) : kNoColumns);
    filterDefinitions_ = definition.filters;
    name_->setText(QString::fromStdString(definition.title));
    refreshFilterList();
    fillFilterValues();
}

reports::ReportDefinition CrossTabDialog::definition() const {
    reports::ReportDefinition definition;
    definition.rows = static_cast<Dimension>(rows_->currentData().toInt());
    const int columns = columns_->currentData().toInt();
    if (columns != kNoColumns) definition.columns = static_cast<Dimension>(columns);
    definition.filters = filterDefinitions_;
    definition.title = name_->text().trimmed().toStdString();
    // Still the saved report it was loaded from, as long as its name is kept.
    if (!loadedId_.empty() && definition.title == loadedTitle_) definition.id = loadedId_;
    return definition;
}

bool CrossTabDialog::check(const reports::ReportDefinition& definition) {
    error_->clear();
    try {
        reports::validate(definition);
    } catch (const Error& error) {
        error_->setText(ErrorMessages::message(error));
        return false;
    }
    return true;
}

bool CrossTabDialog::showReport() {
    if (!check(definition())) return false;
    accept();
    return true;
}

bool CrossTabDialog::save() {
    reports::ReportDefinition toSave = definition();
    if (!check(toSave)) return false;
    try {
        savedId_ = reports::saveReport(session_.vault(), toSave);
    } catch (const Error& error) {
        error_->setText(ErrorMessages::message(error));
        return false;
    }
    accept();
    return true;
}

void CrossTabDialog::retranslate() {
    setWindowTitle(tr("New cross-tab"));
    intro_->setText(tr("Count persons by one dimension, or by two in a cross-tab, and keep only those matching the "
                       "filters. The period is chosen on the Reports screen. Small counts are suppressed as in "
                       "every report."));
    rowsLabel_->setText(tr("Rows"));
    columnsLabel_->setText(tr("Columns"));
    filtersHeading_->setText(tr("Filters"));
    filterDimensionLabel_->setText(tr("Filter on"));
    chosenLabel_->setText(tr("Filters of the report (a person must match each)"));
    addFilter_->setText(tr("Add filter"));
    removeFilter_->setText(tr("Remove filter"));
    nameLabel_->setText(tr("Name (to save)"));
    name_->setPlaceholderText(tr("e.g. Labour sector by sex"));
    show_->setText(tr("Show report"));
    save_->setText(tr("Save and show"));
    cancel_->setText(tr("Cancel"));
    fillDimensionCombos();
    fillFilterValues();
    refreshFilterList();
}

void CrossTabDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace abri::app
