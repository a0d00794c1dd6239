#pragma once
// The Reports screen: on the left the built-in reports, the user's saved cross-tabs and "New cross-tab…"; above
// the table the period (with presets) and base-5 rounding; in the centre the protected table (suppressed cells
// marked) and its chart; exports to CSV and PDF (audited), the annex of all built-in reports as one PDF (run one
// report per event-loop turn, with progress), and the anonymised export for research where the role allows it.
// A tab of the workspace: destroyed with every other view of case data when the vault locks.
#include <QtWidgets/QWidget>

#include <optional>
#include <string>
#include <vector>

#include "reports/anonymised_export.h"
#include "reports/report_chart.h"
#include "reports/report_definition.h"
#include "reports/report_table.h"

class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;
class QAction;
class QTimer;

namespace abri {
class Error;
}

namespace abri::app {

class CrossTabDialog;
class OptionalDateEdit;
class ReportRunner;
class ReportTableModel;
class Session;

class ReportsPage : public QWidget {
    Q_OBJECT

public:
    enum class PeriodPreset { AllTime, ThisYear, LastYear, Custom };

    explicit ReportsPage(Session& session, QWidget* parent = nullptr);
    ~ReportsPage() override;

    QTreeWidget* picker() const { return picker_; }
    QTableView* table() const { return table_; }
    ReportTableModel* model() const { return model_; }
    QChartView* chartView() const { return chartView_; }
    QComboBox* chartKindCombo() const { return chartKind_; }
    QComboBox* periodPresetCombo() const { return preset_; }
    OptionalDateEdit* fromEdit() const { return from_; }
    OptionalDateEdit* toEdit() const { return to_; }
    QCheckBox* roundCheck() const { return round_; }
    QLabel* titleLabel() const { return title_; }
    QLabel* notesLabel() const { return notes_; }
    QLabel* internalLabel() const { return internal_; }
    QLabel* errorLabel() const { return error_; }
    QProgressBar* progressBar() const { return progress_; }
    QToolButton* exportButton() const { return export_; }
    QAction* anonymisedExportAction() const { return exportAnonymised_; }
    QPushButton* newCrossTabButton() const { return newCrossTab_; }

    // Shows a report (the period and rounding of the screen apply); it runs on the next turns of the event loop.
    void showReport(reports::ReportDefinition definition);
    bool showBuiltinReport(const std::string& id);
    // True while a report or the annex runs.
    bool isBusy() const;
    const std::optional<reports::PublishedTable>& currentTable() const { return current_; }
    const std::optional<reports::ReportDefinition>& currentDefinition() const { return definition_; }
    void setPeriodPreset(PeriodPreset preset);
    void setChartKind(ReportChart::Kind kind);
    ReportChart::Kind chartKind() const;
    // Runs the current report again (cases or the minimum cell size changed).
    void refresh();
    void reloadSavedReports();

    // Exports of the report on screen; false (with a message, and no file) when it cannot be written.
    bool exportCsv(const QString& path);
    bool exportPdf(const QString& path);
    // Runs every built-in report (with progress) and writes them as one PDF; exportFinished tells the outcome.
    void exportAnnexPdf(const QString& path);
    void cancelAnnex();
    // The anonymised record-level export for research (the period of the screen); nullopt and a message on error.
    std::optional<reports::ExportSummary> exportAnonymisedTo(const QString& path);
    const QString& lastSummary() const { return lastSummary_; }

    // The cross-tab builder (window-modal); the report it describes is shown when it is accepted.
    CrossTabDialog* openCrossTabDialog(const std::optional<reports::ReportDefinition>& toEdit = std::nullopt);
    bool deleteSavedReport(const std::string& id);

Q_SIGNALS:
    void reportShown();
    void exportFinished(bool ok);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildPickerPanel(QWidget* parent);
    QWidget* buildReportPanel(QWidget* parent);
    void connectSignals();
    void retranslate();
    void fillPicker();
    void fillPresets();
    void fillChartKinds();
    void onPickerSelection();
    void onPresetChosen();
    void onDatesEdited();
    void runCurrent();
    void showTable(reports::PublishedTable table);
    void showChart();
    void fitTable();
    void arrangeTableAndChart();
    void showError(const Error& error);
    void showExportError(const QString& message);
    void updateActions();
    reports::ReportDefinition withScreenPeriod(reports::ReportDefinition definition) const;
    QString chooseFile(const QString& caption, const QString& suffix, const QString& filter);
    QString defaultFileName(const QString& suffix) const;
    std::vector<std::string> categoriesInData(reports::Dimension dimension);
    bool selectedIsSaved() const;
    std::optional<reports::ReportDefinition> selectedSaved() const;

    Session& session_;
    ReportRunner* runner_;
    ReportTableModel* model_;
    std::optional<reports::ReportDefinition> definition_;  // what the user chose, without the screen's period
    std::optional<reports::PublishedTable> current_;
    std::vector<reports::ReportDefinition> saved_;
    QTimer* rerunDebounce_;
    bool annexRunning_ = false;
    QString lastSummary_;

    QLabel* pickerHeading_;
    QTreeWidget* picker_;
    QTreeWidgetItem* builtinGroup_ = nullptr;
    QTreeWidgetItem* savedGroup_ = nullptr;
    QPushButton* newCrossTab_;
    QPushButton* editSaved_;
    QPushButton* deleteSaved_;
    QLabel* periodLabel_;
    QComboBox* preset_;
    QLabel* fromLabel_;
    OptionalDateEdit* from_;
    QLabel* toLabel_;
    OptionalDateEdit* to_;
    QCheckBox* round_;
    QToolButton* export_;
    QMenu* exportMenu_;
    QAction* exportCsv_;
    QAction* exportPdf_;
    QAction* exportAnnex_;
    QAction* exportAnonymised_;
    QLabel* title_;
    QLabel* subtitle_;
    QLabel* internal_;
    QLabel* notes_;
    QLabel* error_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QSplitter* splitter_;
    QTableView* table_;
    QWidget* chartPanel_;
    QLabel* chartKindLabel_;
    QComboBox* chartKind_;
    QChartView* chartView_;
};

}  // namespace abri::app
