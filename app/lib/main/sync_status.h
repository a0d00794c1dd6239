#pragma once
// The sync part of the status bar (sync/PROTOCOL.md §4.8): whether this computer is connected to a hub, the link
// state the sync service reported, the last sync, the changes not sent yet, and a button with the number of open
// conflicts that opens the conflicts view, and one with the number of change-sets the hub refused that opens the
// refusals dialog (dialogs/refusal_dialog.h). A failure of the app's own sync step (or one the service reported) is
// shown beside it in the error colour; background failures never open a dialog.
#include <QtWidgets/QWidget>

#include <optional>

#include "devicesync/device_sync.h"
#include "main/sync_problem.h"

class QLabel;
class QToolButton;

namespace abri::app {

class SyncStatusWidget : public QWidget {
    Q_OBJECT

public:
    explicit SyncStatusWidget(QWidget* parent = nullptr);

    // nullopt: locked or a recovery session (nothing is shown).
    void setOverview(std::optional<devicesync::SyncOverview> overview);
    // The last failure of the app's own sync step; nullopt when the last step succeeded.
    void setProblem(std::optional<SyncProblem> problem);

    // The one-line summary for `overview` in the current language.
    static QString summaryText(const devicesync::SyncOverview& overview);
    // The sentence for the sync service's error name ("timeout", "revoked"); empty when there is none.
    static QString serviceErrorText(const std::string& errorName);

    QLabel* summaryLabel() const { return summary_; }
    QToolButton* conflictsButton() const { return conflicts_; }
    QToolButton* refusalsButton() const { return refusals_; }
    QLabel* problemLabel() const { return problem_; }

Q_SIGNALS:
    void conflictsRequested();
    void refusalsRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    std::optional<devicesync::SyncOverview> overview_;
    std::optional<SyncProblem> syncProblem_;
    QLabel* summary_;
    QToolButton* conflicts_;
    QToolButton* refusals_;
    QLabel* problem_;
};

}  // namespace abri::app
