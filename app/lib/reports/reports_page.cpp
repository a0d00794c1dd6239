#include "reports/reports_page.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCore/QDate>
#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QLocale>
#include <QtCore/QSignalBlocker>
#include <QtCore/QStandardPaths>
#include <QtCore/QTimer>
#include <QtGui/QFontMetrics>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

#include "common/error.h"
#include "i18n/display_format.h"
#include "i18n/error_messages.h"
#include "reports/builtin_reports.h"
#include "reports/cross_tab_dialog.h"
#include "reports/dimensions.h"
#include "reports/report_engine.h"
#include "reports/report_export.h"
#include "reports/report_labels.h"
#include "reports/report_runner.h"
#include "reports/report_settings.h"
#include "reports/report_table_model.h"
#include "reports/saved_reports.h"
#include "session/session.h"
#include "ui/icons.h"
#include "ui/message_dialogs.h"
#include "ui/optional_date_edit.h"
#include "ui/style.h"
#include "ui/text_direction.h"

namespace abri::app {

using reports::Dimension;
using reports::PublishedTable;
using reports::ReportDefinition;

namespace {

constexpr int kKindRole = Qt::UserRole;
constexpr int kIdRole = Qt::UserRole + 1;
const QString kBuiltin = QStringLiteral("builtin");
const QString kSaved = QStringLiteral("saved");
constexpr int kMaxLabelColumnWidth = 240;
constexpr int kMaxValueColumnWidth = 130;  // long category names in the header wrap instead
constexpr int kRerunDelayMs = 300;

bool usesInternalDimension(const ReportDefinition& definition) {
    if (reports::isInternal(definition.rows)) return true;
    if (definition.columns && reports::isInternal(*definition.columns)) return true;
    return std::any_of(definition.filters.begin(), definition.filters.end(),
                       [](const reports::ReportFilter& f) { return reports::isInternal(f.dimension); });
}

QString slug(const ReportDefinition& definition) {
    QString name = QString::fromStdString(definition.id.empty() || !reports::findBuiltinReport(definition.id)
                                              ? std::string(reports::dimensionCode(definition.rows))
                                              : definition.id);
    return name.isEmpty() ? QStringLiteral("report") : name;
}

}  // namespace

ReportsPage::ReportsPage(Session& session, QWidget* parent)
    : QWidget(parent), session_(session), runner_(new ReportRunner(session, this)),
      model_(new ReportTableModel(&session, this)), rerunDebounce_(new QTimer(this)) {
    setObjectName(QStringLiteral("reportsPage"));
    auto* layout = new QHBoxLayout(this);
    auto* outer = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(outer);

    // Left: the report picker. Right: period, rounding, exports; title and notes; table and chart.
    auto* left = buildPickerPanel(outer);
    auto* right = buildReportPanel(outer);
    outer->addWidget(left);
    outer->addWidget(right);
    outer->setStretchFactor(0, 0);
    outer->setStretchFactor(1, 1);
    outer->setSizes({280, 920});
    outer->setChildrenCollapsible(false);

    progress_->hide();
    cancel_->hide();
    internal_->hide();
    error_->hide();
    rerunDebounce_->setSingleShot(true);
    rerunDebounce_->setInterval(kRerunDelayMs);
    exportAnonymised_->setVisible(session_.can(vault::Permission::ExportResearchData));
    export_->setVisible(session_.can(vault::Permission::ExportData) ||
                        session_.can(vault::Permission::ExportResearchData));
    for (QAction* action : {exportCsv_, exportPdf_, exportAnnex_}) {
        action->setVisible(session_.can(vault::Permission::ExportData));
    }

    connectSignals();
    fillPresets();
    fillChartKinds();
    reloadSavedReports();
    retranslate();
    // Open on the first report of the annex.
    showBuiltinReport(reports::builtinReports().front().id);
}

QWidget* ReportsPage::buildPickerPanel(QWidget* parent) {
    auto* left = new QWidget(parent);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    pickerHeading_ = new QLabel(left);
    Style::makeHeading(pickerHeading_);
    picker_ = new QTreeWidget(left);
    picker_->setObjectName(QStringLiteral("reportPicker"));
    picker_->setHeaderHidden(true);
    picker_->setRootIsDecorated(false);
    picker_->setSelectionMode(QAbstractItemView::SingleSelection);
    picker_->setWordWrap(true);
    picker_->setUniformRowHeights(false);
    newCrossTab_ = new QPushButton(left);
    newCrossTab_->setObjectName(QStringLiteral("newCrossTab"));
    newCrossTab_->setIcon(Icons::icon(QStringLiteral("add")));
    editSaved_ = new QPushButton(left);
    deleteSaved_ = new QPushButton(left);
    auto* savedButtons = new QHBoxLayout;
    savedButtons->addWidget(editSaved_);
    savedButtons->addWidget(deleteSaved_);
    leftLayout->addWidget(pickerHeading_);
    leftLayout->addWidget(picker_, 1);
    leftLayout->addWidget(newCrossTab_);
    leftLayout->addLayout(savedButtons);
    left->setMinimumWidth(240);

    return left;
}

QWidget* ReportsPage::buildReportPanel(QWidget* parent) {
    auto* right = new QWidget(parent);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    periodLabel_ = new QLabel(right);
    preset_ = new QComboBox(right);
    preset_->setObjectName(QStringLiteral("periodPreset"));
    preset_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    fromLabel_ = new QLabel(right);
    from_ = new OptionalDateEdit(right);
    from_->setObjectName(QStringLiteral("reportFrom"));
    toLabel_ = new QLabel(right);
    to_ = new OptionalDateEdit(right);
    to_->setObjectName(QStringLiteral("reportTo"));
    periodLabel_->setBuddy(preset_);
    fromLabel_->setBuddy(from_);
    toLabel_->setBuddy(to_);
    round_ = new QCheckBox(right);
    round_->setObjectName(QStringLiteral("roundToBase5"));
    export_ = new QToolButton(right);
    export_->setObjectName(QStringLiteral("reportExport"));
    export_->setPopupMode(QToolButton::InstantPopup);
    export_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    export_->setIcon(Icons::icon(QStringLiteral("save")));
    exportMenu_ = new QMenu(export_);
    exportCsv_ = exportMenu_->addAction(QString());
    exportPdf_ = exportMenu_->addAction(QString());
    exportMenu_->addSeparator();
    exportAnnex_ = exportMenu_->addAction(QString());
    exportAnonymised_ = exportMenu_->addAction(QString());
    exportAnonymised_->setObjectName(QStringLiteral("exportAnonymised"));
    export_->setMenu(exportMenu_);
    top->addWidget(periodLabel_);
    top->addWidget(preset_);
    top->addWidget(fromLabel_);
    top->addWidget(from_);
    top->addWidget(toLabel_);
    top->addWidget(to_);
    top->addSpacing(12);
    top->addWidget(round_);
    top->addStretch(1);
    top->addWidget(export_);
    rightLayout->addLayout(top);

    title_ = new QLabel(right);
    title_->setObjectName(QStringLiteral("reportTitle"));
    title_->setWordWrap(true);
    Style::makeHeading(title_);
    subtitle_ = new QLabel(right);
    subtitle_->setWordWrap(true);
    internal_ = new QLabel(right);
    internal_->setObjectName(QStringLiteral("reportInternalNote"));
    internal_->setWordWrap(true);
    Style::makeError(internal_);
    notes_ = new QLabel(right);
    notes_->setObjectName(QStringLiteral("reportNotes"));
    notes_->setWordWrap(true);
    Style::makeHint(notes_);
    error_ = new QLabel(right);
    error_->setObjectName(QStringLiteral("reportError"));
    error_->setWordWrap(true);
    Style::makeError(error_);
    auto* progressRow = new QHBoxLayout;
    progress_ = new QProgressBar(right);
    progress_->setObjectName(QStringLiteral("reportProgress"));
    cancel_ = new QPushButton(right);
    progressRow->addWidget(progress_, 1);
    progressRow->addWidget(cancel_);
    rightLayout->addWidget(title_);
    rightLayout->addWidget(subtitle_);
    rightLayout->addWidget(internal_);
    rightLayout->addWidget(notes_);
    rightLayout->addWidget(error_);
    rightLayout->addLayout(progressRow);

    splitter_ = new QSplitter(Qt::Horizontal, right);
    table_ = new QTableView(splitter_);
    table_->setObjectName(QStringLiteral("reportTable"));
    table_->setModel(model_);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::ContiguousSelection);
    table_->setWordWrap(true);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setDefaultAlignment(Qt::Alignment::fromInt(Qt::AlignCenter | Qt::TextWordWrap));
    chartPanel_ = new QWidget(splitter_);
    auto* chartLayout = new QVBoxLayout(chartPanel_);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto* chartTop = new QHBoxLayout;
    chartKindLabel_ = new QLabel(chartPanel_);
    chartKind_ = new QComboBox(chartPanel_);
    chartKind_->setObjectName(QStringLiteral("chartKind"));
    chartKindLabel_->setBuddy(chartKind_);
    chartTop->addStretch(1);
    chartTop->addWidget(chartKindLabel_);
    chartTop->addWidget(chartKind_);
    chartView_ = new QChartView(chartPanel_);
    chartView_->setObjectName(QStringLiteral("reportChart"));
    chartView_->setRenderHint(QPainter::Antialiasing);
    chartView_->setMinimumSize(320, 260);
    chartLayout->addLayout(chartTop);
    chartLayout->addWidget(chartView_, 1);
    splitter_->addWidget(table_);
    splitter_->addWidget(chartPanel_);
    splitter_->setChildrenCollapsible(false);
    rightLayout->addWidget(splitter_, 1);

    return right;
}

void ReportsPage::connectSignals() {
    connect(picker_, &QTreeWidget::itemSelectionChanged, this, &ReportsPage::onPickerSelection);
    connect(newCrossTab_, &QPushButton::clicked, this, [this] { openCrossTabDialog(); });
    connect(editSaved_, &QPushButton::clicked, this, [this] {
        if (const auto saved = selectedSaved()) openCrossTabDialog(*saved);
    });
    connect(deleteSaved_, &QPushButton::clicked, this, [this] {
        const auto saved = selectedSaved();
        if (!saved) return;
        const auto answer = QMessageBox::question(
            this, tr("Delete saved report"),
            tr("Delete the saved report “%1”? The cases are not affected.").arg(QString::fromStdString(saved->title)));
        if (answer == QMessageBox::Yes) deleteSavedReport(saved->id);
    });
    connect(preset_, &QComboBox::currentIndexChanged, this, &ReportsPage::onPresetChosen);
    connect(from_, &QDateEdit::dateChanged, this, &ReportsPage::onDatesEdited);
    connect(to_, &QDateEdit::dateChanged, this, &ReportsPage::onDatesEdited);
    connect(round_, &QCheckBox::toggled, this, &ReportsPage::runCurrent);
    connect(rerunDebounce_, &QTimer::timeout, this, &ReportsPage::runCurrent);
    connect(chartKind_, &QComboBox::currentIndexChanged, this, &ReportsPage::showChart);
    connect(cancel_, &QPushButton::clicked, this, &ReportsPage::cancelAnnex);
    connect(runner_, &ReportRunner::progress, this, [this](int done, int total) {
        progress_->setRange(0, total);
        progress_->setValue(done);
    });
    connect(runner_, &ReportRunner::runningChanged, this, &ReportsPage::updateActions);
    connect(exportCsv_, &QAction::triggered, this, [this] {
        const QString path = chooseFile(tr("Export the report as CSV"), QStringLiteral("csv"),
                                        tr("CSV files (*.csv)"));
        if (!path.isEmpty()) exportCsv(path);
    });
    connect(exportPdf_, &QAction::triggered, this, [this] {
        const QString path = chooseFile(tr("Export the report as PDF"), QStringLiteral("pdf"),
                                        tr("PDF files (*.pdf)"));
        if (!path.isEmpty()) exportPdf(path);
    });
    connect(exportAnnex_, &QAction::triggered, this, [this] {
        const QString path = chooseFile(tr("Export all built-in reports as one PDF"), QStringLiteral("pdf"),
                                        tr("PDF files (*.pdf)"));
        if (!path.isEmpty()) exportAnnexPdf(path);
    });
    connect(exportAnonymised_, &QAction::triggered, this, [this] {
        const QString path = chooseFile(tr("Anonymised export for research"), QStringLiteral("csv"),
                                        tr("CSV files (*.csv)"));
        if (!path.isEmpty()) exportAnonymisedTo(path);
    });

}

ReportsPage::~ReportsPage() {
    runner_->cancel();
    table_->setModel(nullptr);
}

// ---- picker ----

void ReportsPage::reloadSavedReports() {
    saved_.clear();
    try {
        const bool internal = session_.can(vault::Permission::ViewInternalStatistics);
        for (auto& definition : reports::savedReports(session_.vault())) {
            if (!internal && usesInternalDimension(definition)) continue;  // the role could not run it
            saved_.push_back(std::move(definition));
        }
    } catch (const Error& error) {
        showError(error);
    }
    fillPicker();
}

void ReportsPage::fillPicker() {
    const QSignalBlocker blocker(picker_);
    QString selectedKind, selectedId;
    if (auto* item = picker_->currentItem()) {
        selectedKind = item->data(0, kKindRole).toString();
        selectedId = item->data(0, kIdRole).toString();
    } else if (definition_) {
        selectedKind = reports::findBuiltinReport(definition_->id) ? kBuiltin : kSaved;
        selectedId = QString::fromStdString(definition_->id);
    }
    picker_->clear();
    builtinGroup_ = new QTreeWidgetItem(picker_, {tr("Built-in reports")});
    savedGroup_ = new QTreeWidgetItem(picker_, {tr("My reports")});
    for (QTreeWidgetItem* group : {builtinGroup_, savedGroup_}) {
        group->setFlags(Qt::ItemIsEnabled);
        QFont font = group->font(0);
        font.setBold(true);
        group->setFont(0, font);
    }
    QTreeWidgetItem* toSelect = nullptr;
    for (const auto& definition : reports::builtinReports()) {
        auto* item = new QTreeWidgetItem(builtinGroup_, {ReportLabels::title(definition)});
        item->setData(0, kKindRole, kBuiltin);
        item->setData(0, kIdRole, QString::fromStdString(definition.id));
        item->setToolTip(0, item->text(0));
        if (selectedKind == kBuiltin && selectedId == QString::fromStdString(definition.id)) toSelect = item;
    }
    for (const auto& definition : saved_) {
        auto* item = new QTreeWidgetItem(savedGroup_, {ReportLabels::title(definition)});
        item->setData(0, kKindRole, kSaved);
        item->setData(0, kIdRole, QString::fromStdString(definition.id));
        item->setToolTip(0, item->text(0));
        if (selectedKind == kSaved && selectedId == QString::fromStdString(definition.id)) toSelect = item;
    }
    if (saved_.empty()) {
        auto* none = new QTreeWidgetItem(savedGroup_, {tr("None yet: build one with “New cross-tab…”")});
        none->setFlags(Qt::NoItemFlags);
    }
    picker_->expandAll();
    if (toSelect != nullptr) picker_->setCurrentItem(toSelect);
    updateActions();
}

bool ReportsPage::selectedIsSaved() const {
    const auto* item = picker_->currentItem();
    return item != nullptr && item->isSelected() && item->data(0, kKindRole).toString() == kSaved;
}

std::optional<ReportDefinition> ReportsPage::selectedSaved() const {
    if (!selectedIsSaved()) return std::nullopt;
    const std::string id = picker_->currentItem()->data(0, kIdRole).toString().toStdString();
    for (const auto& definition : saved_)
        if (definition.id == id) return definition;
    return std::nullopt;
}

void ReportsPage::onPickerSelection() {
    updateActions();
    const auto* item = picker_->currentItem();
    if (item == nullptr || !item->isSelected()) return;
    const QString kind = item->data(0, kKindRole).toString();
    const std::string id = item->data(0, kIdRole).toString().toStdString();
    if (kind == kBuiltin) {
        if (auto definition = reports::findBuiltinReport(id)) showReport(*definition);
    } else if (const auto saved = selectedSaved()) {
        // A saved report with its own period (saved by abri-cli) brings it to the screen.
        if (saved->from || saved->to) {
            const QSignalBlocker a(from_), b(to_), c(preset_);
            from_->setIsoDate(saved->from ? QString::fromStdString(*saved->from) : QString());
            to_->setIsoDate(saved->to ? QString::fromStdString(*saved->to) : QString());
            preset_->setCurrentIndex(preset_->findData(static_cast<int>(PeriodPreset::Custom)));
        }
        showReport(*saved);
    }
}

bool ReportsPage::showBuiltinReport(const std::string& id) {
    const auto definition = reports::findBuiltinReport(id);
    if (!definition) return false;
    for (int i = 0; builtinGroup_ != nullptr && i < builtinGroup_->childCount(); ++i) {
        auto* item = builtinGroup_->child(i);
        if (item->data(0, kIdRole).toString().toStdString() == id) {
            const QSignalBlocker blocker(picker_);
            picker_->setCurrentItem(item);
        }
    }
    showReport(*definition);
    return true;
}

// ---- cross-tabs ----

std::vector<std::string> ReportsPage::categoriesInData(Dimension dimension) {
    ReportDefinition probe;
    probe.rows = dimension;
    try {
        return runner_->engine().run(probe).rowKeys;
    } catch (const Error& error) {
        showError(error);
        return {};
    }
}

CrossTabDialog* ReportsPage::openCrossTabDialog(const std::optional<ReportDefinition>& toEdit) {
    auto* dialog = new CrossTabDialog(
        session_, [this](Dimension dimension) { return categoriesInData(dimension); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    if (toEdit) dialog->load(*toEdit);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        ReportDefinition definition = dialog->definition();
        if (!dialog->savedId().empty()) {
            definition.id = dialog->savedId();
            reloadSavedReports();
            for (int i = 0; savedGroup_ != nullptr && i < savedGroup_->childCount(); ++i) {
                auto* item = savedGroup_->child(i);
                if (item->data(0, kIdRole).toString().toStdString() == definition.id) {
                    const QSignalBlocker blocker(picker_);
                    picker_->setCurrentItem(item);
                }
            }
        } else {
            const QSignalBlocker blocker(picker_);
            picker_->clearSelection();
        }
        showReport(definition);
    });
    dialog->show();
    return dialog;
}

bool ReportsPage::deleteSavedReport(const std::string& id) {
    try {
        reports::deleteSavedReport(session_.vault(), id);
    } catch (const Error& error) {
        showError(error);
        return false;
    }
    reloadSavedReports();
    return true;
}

// ---- period ----

void ReportsPage::fillPresets() {
    const int current = preset_->currentIndex();
    const QSignalBlocker blocker(preset_);
    preset_->clear();
    preset_->addItem(tr("All time"), static_cast<int>(PeriodPreset::AllTime));
    preset_->addItem(tr("This year"), static_cast<int>(PeriodPreset::ThisYear));
    preset_->addItem(tr("Last year"), static_cast<int>(PeriodPreset::LastYear));
    preset_->addItem(tr("Chosen dates"), static_cast<int>(PeriodPreset::Custom));
    preset_->setCurrentIndex(current < 0 ? 0 : current);
}

void ReportsPage::setPeriodPreset(PeriodPreset preset) {
    preset_->setCurrentIndex(preset_->findData(static_cast<int>(preset)));
}

void ReportsPage::onPresetChosen() {
    const auto preset = static_cast<PeriodPreset>(preset_->currentData().toInt());
    if (preset == PeriodPreset::Custom) return;
    const int year = QDate::currentDate().year();
    {
        const QSignalBlocker a(from_), b(to_);
        switch (preset) {
        case PeriodPreset::AllTime:
            from_->clearDate();
            to_->clearDate();
            break;
        case PeriodPreset::ThisYear:
            from_->setDate(QDate(year, 1, 1));
            to_->setDate(QDate(year, 12, 31));
            break;
        case PeriodPreset::LastYear:
            from_->setDate(QDate(year - 1, 1, 1));
            to_->setDate(QDate(year - 1, 12, 31));
            break;
        case PeriodPreset::Custom: break;
        }
    }
    runCurrent();
}

void ReportsPage::onDatesEdited() {
    {
        const QSignalBlocker blocker(preset_);
        preset_->setCurrentIndex(preset_->findData(static_cast<int>(PeriodPreset::Custom)));
    }
    rerunDebounce_->start();
}

ReportDefinition ReportsPage::withScreenPeriod(ReportDefinition definition) const {
    const QString from = from_->isoDate();
    const QString to = to_->isoDate();
    definition.from = from.isEmpty() ? std::nullopt : std::optional<std::string>(from.toStdString());
    definition.to = to.isEmpty() ? std::nullopt : std::optional<std::string>(to.toStdString());
    return definition;
}

// ---- running and showing ----

void ReportsPage::showReport(ReportDefinition definition) {
    definition_ = std::move(definition);
    runCurrent();
}

void ReportsPage::refresh() {
    reloadSavedReports();
    runCurrent();
}

bool ReportsPage::isBusy() const { return runner_->isRunning() || rerunDebounce_->isActive(); }

void ReportsPage::runCurrent() {
    rerunDebounce_->stop();
    if (!definition_ || annexRunning_) return;
    error_->hide();
    runner_->start(
        {withScreenPeriod(*definition_)}, round_->isChecked(),
        [this](std::vector<PublishedTable> tables) {
            if (!tables.empty()) showTable(std::move(tables.front()));
        },
        [this](const Error& error) {
            current_.reset();
            model_->clear();
            showChart();
            showError(error);
            updateActions();
        });
}

void ReportsPage::showTable(PublishedTable table) {
    current_ = std::move(table);
    error_->hide();
    const PublishedTable& shown = *current_;
    model_->setTable(shown);
    fitTable();
    arrangeTableAndChart();
    fillChartKinds();
    showChart();
    retranslate();
    updateActions();
    Q_EMIT reportShown();
}

void ReportsPage::fitTable() {
    table_->resizeColumnsToContents();
    for (int column = 0; column < model_->columnCount(); ++column) {
        const int limit = column == 0 ? kMaxLabelColumnWidth : kMaxValueColumnWidth;
        if (table_->columnWidth(column) > limit) table_->setColumnWidth(column, limit);
    }
    table_->resizeRowsToContents();
    // The header grows to its wrapped category names.
    auto* header = table_->horizontalHeader();
    int headerHeight = 0;
    const QFontMetrics metrics(header->font());
    for (int column = 0; column < model_->columnCount(); ++column) {
        const QString text = model_->headerData(column, Qt::Horizontal).toString();
        const QRect bounds = metrics.boundingRect(QRect(0, 0, std::max(20, header->sectionSize(column) - 8), 1000),
                                                  Qt::AlignCenter | Qt::TextWordWrap, text);
        headerHeight = std::max(headerHeight, bounds.height() + 8);
    }
    header->setFixedHeight(std::max(headerHeight, metrics.height() + 8));
}

void ReportsPage::arrangeTableAndChart() {
    // Side by side while the table leaves the chart room; a wide table (many columns) goes above its chart.
    const int frame = 2 * table_->frameWidth();
    int tableWidth = frame + table_->verticalScrollBar()->sizeHint().width();
    for (int column = 0; column < model_->columnCount(); ++column) tableWidth += table_->columnWidth(column);
    int tableHeight = frame + table_->horizontalHeader()->height();
    for (int row = 0; row < model_->rowCount(); ++row) tableHeight += table_->rowHeight(row);
    const int width = std::max(splitter_->width(), 600);
    const int height = std::max(splitter_->height(), 400);
    if (tableWidth <= width * 13 / 20) {
        splitter_->setOrientation(Qt::Horizontal);
        const int left = std::max(tableWidth, width * 2 / 5);
        splitter_->setSizes({left, width - left});
    } else {
        splitter_->setOrientation(Qt::Vertical);
        const int top = std::min(tableHeight, height * 2 / 5);
        splitter_->setSizes({top, height - top});
    }
}

void ReportsPage::fillChartKinds() {
    const QSignalBlocker blocker(chartKind_);
    const int current = chartKind_->currentData().isValid() ? chartKind_->currentData().toInt()
                                                            : static_cast<int>(ReportChart::Kind::Bar);
    chartKind_->clear();
    chartKind_->addItem(tr("Bar chart"), static_cast<int>(ReportChart::Kind::Bar));
    const bool pie = current_ && ReportChart::pieFits(*current_);
    if (pie) chartKind_->addItem(tr("Pie chart"), static_cast<int>(ReportChart::Kind::Pie));
    const int index = chartKind_->findData(current);
    chartKind_->setCurrentIndex(index < 0 ? 0 : index);
    chartKind_->setVisible(pie);
    chartKindLabel_->setVisible(pie);
}

ReportChart::Kind ReportsPage::chartKind() const {
    return chartKind_->currentData().isValid() ? static_cast<ReportChart::Kind>(chartKind_->currentData().toInt())
                                               : ReportChart::Kind::Bar;
}

void ReportsPage::setChartKind(ReportChart::Kind kind) {
    const int index = chartKind_->findData(static_cast<int>(kind));
    if (index >= 0) chartKind_->setCurrentIndex(index);
}

void ReportsPage::showChart() {
    QChart* previous = chartView_->chart();
    if (current_) {
        chartView_->setChart(ReportChart::build(*current_, chartKind(), &session_));
    } else {
        chartView_->setChart(new QChart);
    }
    delete previous;  // the view does not delete the chart it lets go of
}

void ReportsPage::showError(const Error& error) {
    error_->setText(ErrorMessages::message(error));
    error_->show();
}

void ReportsPage::showExportError(const QString& message) {
    error_->setText(message);
    error_->show();
    showErrorDialog(this, tr("Export failed"), message);
}

void ReportsPage::updateActions() {
    const bool running = runner_->isRunning();
    const bool saved = selectedIsSaved();
    editSaved_->setEnabled(saved && !annexRunning_);
    deleteSaved_->setEnabled(saved && !annexRunning_);
    picker_->setEnabled(!annexRunning_);
    newCrossTab_->setEnabled(!annexRunning_);
    exportCsv_->setEnabled(current_.has_value() && !running);
    exportPdf_->setEnabled(current_.has_value() && !running);
    exportAnnex_->setEnabled(!running);
    exportAnonymised_->setEnabled(!running);
    progress_->setVisible(annexRunning_);
    cancel_->setVisible(annexRunning_);
}

// ---- exports ----

QString ReportsPage::defaultFileName(const QString& suffix) const {
    const QString base = definition_ ? slug(*definition_) : QStringLiteral("report");
    return QStringLiteral("%1-%2.%3").arg(base, QDate::currentDate().toString(Qt::ISODate), suffix);
}

QString ReportsPage::chooseFile(const QString& caption, const QString& suffix, const QString& filter) {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(this, caption, QDir(folder).filePath(defaultFileName(suffix)), filter);
    if (!path.isEmpty() && !path.endsWith(QLatin1Char('.') + suffix, Qt::CaseInsensitive)) {
        path += QLatin1Char('.') + suffix;
    }
    return path;
}

bool ReportsPage::exportCsv(const QString& path) {
    if (!current_) return false;
    try {
        const ReportDefinition definition = current_->definition;
        ReportExport::writeAtomically(path, ReportExport::csv(*current_, &session_),
                                      [&] { runner_->engine().recordExport(definition, "csv"); });
    } catch (const Error& error) {
        showExportError(error.code() == ErrorCode::IoError
                            ? tr("The report could not be saved as %1. Choose another folder; nothing was written.")
                                  .arg(leftToRight(QDir::toNativeSeparators(path)))
                            : ErrorMessages::message(error));
        return false;
    }
    error_->hide();
    return true;
}

bool ReportsPage::exportPdf(const QString& path) {
    if (!current_) return false;
    try {
        const ReportDefinition definition = current_->definition;
        const QByteArray pdf = ReportExport::pdf({*current_}, chartKind(), &session_);
        ReportExport::writeAtomically(path, pdf, [&] { runner_->engine().recordExport(definition, "pdf"); });
    } catch (const Error& error) {
        showExportError(error.code() == ErrorCode::IoError
                            ? tr("The report could not be saved as %1. Choose another folder; nothing was written.")
                                  .arg(leftToRight(QDir::toNativeSeparators(path)))
                            : ErrorMessages::message(error));
        return false;
    }
    error_->hide();
    return true;
}

void ReportsPage::exportAnnexPdf(const QString& path) {
    if (annexRunning_) return;
    std::vector<ReportDefinition> definitions;
    for (const auto& definition : reports::builtinReports()) definitions.push_back(withScreenPeriod(definition));
    annexRunning_ = true;
    progress_->setRange(0, static_cast<int>(definitions.size()));
    progress_->setValue(0);
    progress_->setFormat(tr("Running report %v of %m…"));
    updateActions();
    runner_->start(
        std::move(definitions), round_->isChecked(),
        [this, path](std::vector<PublishedTable> tables) {
            annexRunning_ = false;
            updateActions();
            bool ok = true;
            try {
                const QByteArray pdf = ReportExport::pdf(tables, ReportChart::Kind::Bar, &session_);
                ReportExport::writeAtomically(path, pdf, [&] {
                    for (const auto& table : tables) runner_->engine().recordExport(table.definition, "pdf");
                });
                error_->hide();
            } catch (const Error& error) {
                ok = false;
                showExportError(error.code() == ErrorCode::IoError
                                    ? tr("The report could not be saved as %1. Choose another folder; nothing was "
                                         "written.")
                                          .arg(leftToRight(QDir::toNativeSeparators(path)))
                                    : ErrorMessages::message(error));
            }
            Q_EMIT exportFinished(ok);
            runCurrent();  // the annex replaced the report on screen in the runner
        },
        [this](const Error& error) {
            annexRunning_ = false;
            updateActions();
            showExportError(ErrorMessages::message(error));
            Q_EMIT exportFinished(false);
        });
}

void ReportsPage::cancelAnnex() {
    if (!annexRunning_) return;
    runner_->cancel();
    annexRunning_ = false;
    updateActions();
    Q_EMIT exportFinished(false);
    runCurrent();
}

std::optional<reports::ExportSummary> ReportsPage::exportAnonymisedTo(const QString& path) {
    reports::ExportOptions options;
    const ReportDefinition period = withScreenPeriod({});
    options.from = period.from;
    options.to = period.to;
    reports::ExportSummary summary;
    try {
        options.k = reports::minimumCellSize(session_.vault());
        summary = reports::exportAnonymised(session_.vault(), path.toStdString(), options);
    } catch (const Error& error) {
        showExportError(error.code() == ErrorCode::IoError
                            ? tr("The export could not be saved as %1. Choose another folder; nothing was written.")
                                  .arg(leftToRight(QDir::toNativeSeparators(path)))
                            : ErrorMessages::message(error));
        return std::nullopt;
    }
    error_->hide();
    QStringList coarsened;
    for (const auto& name : summary.generalised) {
        if (name == "yearOfRegistration") coarsened << ReportLabels::dimensionName(Dimension::RegistrationYear);
        else if (name == "gender") coarsened << ReportLabels::dimensionName(Dimension::Gender);
        else if (name == "ageBroad") coarsened << ReportLabels::dimensionName(Dimension::AgeBand);
        else if (name == "citizenship") coarsened << ReportLabels::dimensionName(Dimension::Citizenship);
        else if (name == "CountryOfExploitation") coarsened << ReportLabels::dimensionName(Dimension::CountryOfExploitation);
        else coarsened << QString::fromStdString(name);
    }
    QStringList lines;
    lines << tr("Persons whose consent covers research: %1").arg(DisplayFormat::number(summary.consenting));
    lines << tr("Exported: %1").arg(DisplayFormat::number(summary.exported));
    lines << tr("Withheld so that every combination occurs at least %1 times: %2")
                 .arg(DisplayFormat::number(options.k), DisplayFormat::number(summary.withheld));
    if (!coarsened.isEmpty()) {
        lines << tr("Coarsened: %1").arg(QLocale().createSeparatedList(coarsened));
    }
    lastSummary_ = lines.join(QLatin1Char('\n'));
    auto* box = new QMessageBox(QMessageBox::Information, tr("Anonymised export for research"), lastSummary_,
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("anonymisedSummary"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return summary;
}

// ---- language ----

void ReportsPage::retranslate() {
    pickerHeading_->setText(tr("Reports"));
    newCrossTab_->setText(tr("New cross-tab…"));
    editSaved_->setText(tr("Edit…"));
    deleteSaved_->setText(tr("Delete"));
    periodLabel_->setText(tr("Period"));
    fromLabel_->setText(tr("from"));
    toLabel_->setText(tr("to"));
    from_->setUnsetText(tr("any date"));
    to_->setUnsetText(tr("any date"));
    from_->applyLocaleFormat();
    to_->applyLocaleFormat();
    round_->setText(tr("Round to base 5"));
    round_->setToolTip(tr("Publish every count rounded to a multiple of 5, for an extra layer of protection."));
    export_->setText(tr("Export"));
    exportCsv_->setText(tr("Report as CSV…"));
    exportPdf_->setText(tr("Report as PDF…"));
    exportAnnex_->setText(tr("All built-in reports as one PDF…"));
    exportAnonymised_->setText(tr("Anonymised export for research…"));
    cancel_->setText(tr("Cancel"));
    chartKindLabel_->setText(tr("Chart"));
    table_->setAccessibleName(tr("Report table"));
    chartView_->setAccessibleName(tr("Report chart"));
    fillPresets();
    {
        const QSignalBlocker blocker(chartKind_);
        const int bar = chartKind_->findData(static_cast<int>(ReportChart::Kind::Bar));
        const int pie = chartKind_->findData(static_cast<int>(ReportChart::Kind::Pie));
        if (bar >= 0) chartKind_->setItemText(bar, tr("Bar chart"));
        if (pie >= 0) chartKind_->setItemText(pie, tr("Pie chart"));
    }
    if (builtinGroup_ != nullptr) {
        builtinGroup_->setText(0, tr("Built-in reports"));
        for (int i = 0; i < builtinGroup_->childCount(); ++i) {
            auto* item = builtinGroup_->child(i);
            if (const auto definition = reports::findBuiltinReport(item->data(0, kIdRole).toString().toStdString())) {
                item->setText(0, ReportLabels::title(*definition));
                item->setToolTip(0, item->text(0));
            }
        }
    }
    if (savedGroup_ != nullptr) {
        savedGroup_->setText(0, tr("My reports"));
        if (saved_.empty() && savedGroup_->childCount() == 1) {
            savedGroup_->child(0)->setText(0, tr("None yet: build one with “New cross-tab…”"));
        }
    }
    if (current_) {
        const PublishedTable& table = *current_;
        title_->setText(followUiDirection(ReportLabels::title(table.definition)));
        QString subtitle = ReportLabels::period(table.definition);
        const QString filters = ReportLabels::filters(table.definition, &session_);
        if (!filters.isEmpty()) subtitle += QStringLiteral(" · ") + filters;
        subtitle_->setText(followUiDirection(subtitle));
        internal_->setText(ReportLabels::internalNote());
        internal_->setVisible(table.internalOnly);
        QStringList notes;
        if (table.grandTotal && *table.grandTotal == 0) notes << ReportLabels::emptyNote();
        if (table.multiValued) notes << ReportLabels::multiValuedNote();
        notes << ReportLabels::protectionNote(table);
        notes_->setText(notes.join(QLatin1Char(' ')));
    } else {
        title_->setText(tr("Reports"));
        subtitle_->clear();
        notes_->clear();
        internal_->hide();
    }
}

void ReportsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        model_->retranslate();
        if (current_) fitTable();
        showChart();
    }
    QWidget::changeEvent(event);
}

}  // namespace abri::app
