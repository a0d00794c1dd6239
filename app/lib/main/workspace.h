#pragma once
// What an unlocked vault shows: the case list as the first tab, one tab per open case and the Reports tab. Owned by the main window
// and destroyed on lock, together with every widget and model that held case data.
#include <QtWidgets/QWidget>

#include <string>

class QTabWidget;

namespace abri::app {

class CaseFileWidget;
class CaseListPage;
class NewCaseWizard;
class ReportsPage;
class Session;

class Workspace : public QWidget {
    Q_OBJECT

public:
    explicit Workspace(Session& session, QWidget* parent = nullptr);
    ~Workspace() override;

    CaseListPage* caseList() const { return caseList_; }
    QTabWidget* tabs() const { return tabs_; }
    // Opens (or brings forward) the case's tab.
    CaseFileWidget* openCase(const QString& caseId);
    CaseFileWidget* caseFile(const QString& caseId) const;
    // Opens the registration wizard (window-modal); the new case opens when it finishes.
    NewCaseWizard* newCase();
    // Opens (or brings forward) the Reports tab.
    ReportsPage* openReports();
    ReportsPage* reportsPage() const;
    // Cases or the statistics settings changed: an open Reports tab runs its report again.
    void refreshReports();
    bool closeCaseTab(int index);
    bool hasUnsavedChanges() const;
    // Sync applied changes from the hub: refresh the list and the open cases that changed (unless being edited).
    void refreshAfterSync();
    // Asks about every case with unsaved edits. True when everything may close.
    bool confirmCloseAll();

Q_SIGNALS:
    void dataChanged();  // a case was created or saved (the status bar recounts pending changes)

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    Session& session_;
    QTabWidget* tabs_;
    CaseListPage* caseList_;
};

}  // namespace abri::app
