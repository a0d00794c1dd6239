#include "caselist/case_list_page.h"

#include <QtCore/QEvent>
#include <QtCore/QSignalBlocker>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

#include "i18n/code_labels.h"
#include "i18n/display_format.h"
#include "models/case_list_model.h"
#include "session/session.h"
#include "ui/icons.h"
#include "ui/optional_date_edit.h"
#include "ui/style.h"

namespace abri::app {

using model::CodeList;

namespace {

void fillCodeFilter(QComboBox* combo, CodeList list, const QString& anyText) {
    const QString selected = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(anyText, QString());
    for (const auto& [code, label] : CodeLabels::entries(list)) combo->addItem(label, code);
    const int index = combo->findData(selected);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

int sortColumn(cases::SortKey key) {
    switch (key) {
    case cases::SortKey::CaseCode: return CaseListModel::CaseCode;
    case cases::SortKey::RegisteredOn: return CaseListModel::RegisteredOn;
    case cases::SortKey::Status: return CaseListModel::Status;
    case cases::SortKey::Office: return CaseListModel::Office;
    case cases::SortKey::UpdatedAt: return CaseListModel::Updated;
    }
    return CaseListModel::RegisteredOn;
}

std::optional<std::string> optionalText(const QString& text) {
    return text.isEmpty() ? std::nullopt : std::optional<std::string>(text.toStdString());
}

}  // namespace

CaseListPage::CaseListPage(Session& session, QWidget* parent)
    : QWidget(parent), session_(session),
      model_(std::make_unique<CaseListModel>(
          session.cases(), [&session](const std::string& id) { return session.userDisplayName(id); })) {
    setObjectName(QStringLiteral("caseListPage"));
    auto* layout = new QVBoxLayout(this);

    auto* searchRow = new QHBoxLayout;
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("search"));
    search_->setClearButtonEnabled(true);
    search_->addAction(Icons::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    newCase_ = new QPushButton(this);
    newCase_->setIcon(Icons::icon(QStringLiteral("new_case")));
    // The toolbar has "New case" too; here it sits where a search that found nothing leaves the person.
    newCase_->setVisible(session.can(vault::Permission::EditCases));
    searchRow->addWidget(search_, 1);
    searchRow->addWidget(newCase_);
    layout->addLayout(searchRow);

    auto* filters = new QGridLayout;
    status_ = new QComboBox(this);
    exploitation_ = new QComboBox(this);
    minor_ = new QComboBox(this);
    caseworker_ = new QComboBox(this);
    office_ = new QLineEdit(this);
    office_->setClearButtonEnabled(true);
    fromLabel_ = new QLabel(this);
    from_ = new OptionalDateEdit(this);
    toLabel_ = new QLabel(this);
    to_ = new OptionalDateEdit(this);
    fromLabel_->setBuddy(from_);
    toLabel_->setBuddy(to_);
    clear_ = new QPushButton(this);
    for (auto* combo : {status_, exploitation_, minor_, caseworker_}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(14);
    }
    filters->addWidget(status_, 0, 0);
    filters->addWidget(exploitation_, 0, 1);
    filters->addWidget(minor_, 0, 2);
    filters->addWidget(caseworker_, 0, 3);
    filters->addWidget(office_, 1, 0);
    auto* fromBox = new QHBoxLayout;
    fromBox->addWidget(fromLabel_);
    fromBox->addWidget(from_, 1);
    auto* toBox = new QHBoxLayout;
    toBox->addWidget(toLabel_);
    toBox->addWidget(to_, 1);
    filters->addLayout(fromBox, 1, 1);
    filters->addLayout(toBox, 1, 2);
    filters->addWidget(clear_, 1, 3);
    for (int column = 0; column < 4; ++column) filters->setColumnStretch(column, 1);
    layout->addLayout(filters);

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("caseTable"));
    table_->setModel(model_.get());
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setSortingEnabled(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, so only visible pages are fetched.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 10);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSortIndicator(CaseListModel::RegisteredOn, Qt::DescendingOrder);
    table_->horizontalHeader()->setSortIndicatorShown(true);
    layout->addWidget(table_, 1);

    auto* bottom = new QHBoxLayout;
    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("caseCount"));
    error_ = new QLabel(this);
    Style::makeError(error_);
    bottom->addWidget(count_);
    bottom->addWidget(error_, 1);
    layout->addLayout(bottom);

    searchDebounce_.setSingleShot(true);
    searchDebounce_.setInterval(kSearchDebounceMs);
    connect(&searchDebounce_, &QTimer::timeout, this, &CaseListPage::applyFilter);
    connect(search_, &QLineEdit::textChanged, this, [this] { searchDebounce_.start(); });
    connect(search_, &QLineEdit::returnPressed, this, &CaseListPage::applyFilter);
    connect(office_, &QLineEdit::textChanged, this, [this] { searchDebounce_.start(); });
    for (auto* combo : {status_, exploitation_, minor_, caseworker_}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &CaseListPage::applyFilter);
    }
    connect(from_, &QDateEdit::dateChanged, this, &CaseListPage::applyFilter);
    connect(to_, &QDateEdit::dateChanged, this, &CaseListPage::applyFilter);
    connect(clear_, &QPushButton::clicked, this, &CaseListPage::clearFilters);
    connect(newCase_, &QPushButton::clicked, this, &CaseListPage::newCaseRequested);
    connect(table_, &QTableView::activated, this, [this](const QModelIndex& index) { openRow(index.row()); });
    // Columns core cannot sort on keep the previous order: put the indicator back where the order really is.
    connect(table_->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                if (CaseListModel::isSortable(column)) return;
                const QSignalBlocker blocker(table_->horizontalHeader());
                table_->horizontalHeader()->setSortIndicator(sortColumn(model_->query().sort),
                                                             model_->query().descending ? Qt::DescendingOrder
                                                                                        : Qt::AscendingOrder);
                Q_UNUSED(order);
            });
    connect(model_.get(), &CaseListModel::countChanged, this, &CaseListPage::updateCount);
    connect(model_.get(), &CaseListModel::queryFailed, error_, &QLabel::setText);

    refillUsers();
    retranslate();
    updateCount();
}

CaseListPage::~CaseListPage() {
    // The view must let go of the model before the model (and its cached rows) is destroyed.
    table_->setModel(nullptr);
}

cases::CaseFilter CaseListPage::currentFilter() const {
    cases::CaseFilter filter;
    filter.status = optionalText(status_->currentData().toString());
    filter.exploitationType = optionalText(exploitation_->currentData().toString());
    filter.caseworker = optionalText(caseworker_->currentData().toString());
    filter.office = optionalText(office_->text().trimmed());
    const QString minor = minor_->currentData().toString();
    if (minor == QStringLiteral("minor")) filter.minor = true;
    if (minor == QStringLiteral("adult")) filter.minor = false;
    filter.registeredFrom = optionalText(from_->isoDate());
    filter.registeredTo = optionalText(to_->isoDate());
    filter.text = search_->text().trimmed().toStdString();
    return filter;
}

void CaseListPage::applyFilter() {
    searchDebounce_.stop();
    error_->clear();
    model_->setFilter(currentFilter());
}

void CaseListPage::clearFilters() {
    for (auto* combo : {status_, exploitation_, minor_, caseworker_}) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(0);
    }
    {
        const QSignalBlocker a(search_), b(office_), c(from_), d(to_);
        search_->clear();
        office_->clear();
        from_->clearDate();
        to_->clearDate();
    }
    applyFilter();
}

void CaseListPage::refresh() { model_->refresh(); }

void CaseListPage::fitColumns() {
    constexpr int kMaxColumnWidth = 280;
    for (int column = 0; column < CaseListModel::ColumnCount; ++column) {
        table_->resizeColumnToContents(column);
        if (table_->columnWidth(column) > kMaxColumnWidth) table_->setColumnWidth(column, kMaxColumnWidth);
    }
}

void CaseListPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!fitted_) {
        fitted_ = true;
        fitColumns();
    }
}

void CaseListPage::refillUsers() {
    const QString selected = caseworker_->currentData().toString();
    const QSignalBlocker blocker(caseworker_);
    caseworker_->clear();
    caseworker_->addItem(tr("Any caseworker"), QString());
    for (const auto& user : session_.users()) {
        caseworker_->addItem(QString::fromStdString(user.displayName), QString::fromStdString(user.id));
    }
    const int index = caseworker_->findData(selected);
    caseworker_->setCurrentIndex(index < 0 ? 0 : index);
}

void CaseListPage::openRow(int row) {
    const std::string id = model_->caseIdAt(row);
    if (!id.empty()) Q_EMIT openCaseRequested(QString::fromStdString(id));
}

void CaseListPage::updateCount() {
    count_->setText(tr("Cases: %1").arg(DisplayFormat::number(model_->totalCount())));
}

void CaseListPage::retranslate() {
    search_->setPlaceholderText(tr("Search by case code, name, alias or note text"));
    newCase_->setText(tr("New case"));
    fillCodeFilter(status_, CodeList::CaseStatus, tr("Any status"));
    fillCodeFilter(exploitation_, CodeList::ExploitationType, tr("Any exploitation"));
    {
        const int index = minor_->currentIndex();
        const QSignalBlocker blocker(minor_);
        minor_->clear();
        minor_->addItem(tr("Minors and adults"), QString());
        minor_->addItem(tr("Minors only"), QStringLiteral("minor"));
        minor_->addItem(tr("Adults only"), QStringLiteral("adult"));
        minor_->setCurrentIndex(index < 0 ? 0 : index);
    }
    if (caseworker_->count() > 0) caseworker_->setItemText(0, tr("Any caseworker"));
    office_->setPlaceholderText(tr("Any office"));
    fromLabel_->setText(tr("Registered from"));
    toLabel_->setText(tr("to"));
    from_->setUnsetText(tr("any date"));
    to_->setUnsetText(tr("any date"));
    from_->applyLocaleFormat();
    to_->applyLocaleFormat();
    clear_->setText(tr("Clear filters"));
    status_->setAccessibleName(tr("Status"));
    exploitation_->setAccessibleName(tr("Exploitation type"));
    minor_->setAccessibleName(tr("Age group"));
    caseworker_->setAccessibleName(tr("Caseworker"));
    table_->setAccessibleName(tr("Cases"));
    model_->retranslate();
    updateCount();
    if (fitted_) fitColumns();
}

void CaseListPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace abri::app
