#include "main/sync_status.h"

#include <QtCore/QEvent>
#include <QtCore/QStringList>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QToolButton>

#include "i18n/display_format.h"
#include "i18n/error_messages.h"
#include "ui/eliding_label.h"
#include "ui/icons.h"
#include "ui/style.h"
#include "ui/text_direction.h"

namespace abri::app {

namespace {
const QString kSeparator = QStringLiteral(" · ");
}  // namespace

SyncStatusWidget::SyncStatusWidget(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("syncStatus"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("syncSummary"));
    conflicts_ = new QToolButton(this);
    conflicts_->setObjectName(QStringLiteral("syncConflicts"));
    conflicts_->setAutoRaise(true);
    conflicts_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    conflicts_->setIcon(Icons::icon(QStringLiteral("warning")));
    conflicts_->setCursor(Qt::PointingHandCursor);
    refusals_ = new QToolButton(this);
    refusals_->setObjectName(QStringLiteral("syncRefusals"));
    refusals_->setAutoRaise(true);
    refusals_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    refusals_->setIcon(Icons::icon(QStringLiteral("warning")));
    refusals_->setCursor(Qt::PointingHandCursor);
    problem_ = new ElidingLabel(this);  // a long sentence must not squeeze the summary
    problem_->setObjectName(QStringLiteral("syncProblem"));
    Style::makeError(problem_);
    layout->addWidget(summary_);
    layout->addWidget(conflicts_);
    layout->addWidget(refusals_);
    layout->addWidget(problem_, 1);
    layout->addStretch();
    connect(conflicts_, &QToolButton::clicked, this, &SyncStatusWidget::conflictsRequested);
    connect(refusals_, &QToolButton::clicked, this, &SyncStatusWidget::refusalsRequested);
    retranslate();
}

void SyncStatusWidget::setOverview(std::optional<devicesync::SyncOverview> overview) {
    overview_ = std::move(overview);
    retranslate();
}

void SyncStatusWidget::setProblem(std::optional<SyncProblem> problem) {
    syncProblem_ = std::move(problem);
    retranslate();
}

QString SyncStatusWidget::summaryText(const devicesync::SyncOverview& overview) {
    const QString pending = tr("Changes not sent: %1").arg(DisplayFormat::number(overview.pendingChanges));
    if (!overview.enrolled) return tr("Not connected to a hub") + kSeparator + pending;
    QString link;
    if (overview.link == "up") {
        link = tr("Connected to the hub");
    } else if (overview.link == "connecting") {
        link = tr("Connecting to the hub…");
    } else if (overview.link == "down") {
        link = tr("Hub not reachable");
    } else if (overview.link == "refused") {
        link = tr("Refused by the hub");
    } else if (overview.link.empty()) {
        link = tr("Sync service not running");  // no status file: abri-syncd has not run for this vault
    } else {
        link = tr("Connection state unknown");  // a state from a newer sync service
    }
    const QString when = overview.lastSyncMs ? DisplayFormat::dateTime(*overview.lastSyncMs) : QString();
    const QString last = when.isEmpty() ? tr("Never synced") : tr("Last sync: %1").arg(when);
    QStringList parts{link, last, pending};
    if (overview.incomingChanges > 0)
        parts.insert(1, tr("Receiving changes from the hub: %1 left").arg(DisplayFormat::number(overview.incomingChanges)));
    return parts.join(kSeparator);
}

QString SyncStatusWidget::serviceErrorText(const std::string& errorName) {
    if (errorName.empty()) return {};
    if (auto code = wire::syncCodeFromName(errorName)) return ErrorMessages::message(*code);
    return tr("The sync service reported an error this version of Abri does not know.");
}

void SyncStatusWidget::retranslate() {
    if (!overview_) {
        summary_->clear();
        summary_->setToolTip({});
        conflicts_->hide();
        refusals_->hide();
        problem_->clear();
        problem_->hide();
        return;
    }
    summary_->setText(followUiDirection(summaryText(*overview_)));
    summary_->setToolTip(overview_->enrolled
                             ? tr("Changes are sent to the hub by the sync service whenever this computer has a "
                                  "connection, or on a sync drive.")
                             : tr("This computer is not enrolled with a hub: changes stay in this vault until it "
                                  "is."));
    conflicts_->setText(tr("Conflicts: %1").arg(DisplayFormat::number(overview_->openConflicts)));
    conflicts_->setToolTip(tr("Show the fields that were changed on two computers at the same time"));
    conflicts_->setVisible(overview_->openConflicts > 0);
    // Refused changes block everything after them until the user (or the hub operator) acts: never hidden.
    refusals_->setText(tr("Changes refused by the hub: %1").arg(DisplayFormat::number(overview_->openRefusals)));
    refusals_->setToolTip(overview_->clockRefused
                              ? tr("The hub refused changes because of this computer's clock. Show the hub's time "
                                   "and send them again")
                              : tr("Show the changes the hub refused and why"));
    refusals_->setVisible(overview_->openRefusals > 0);

    // The app's own step first: it is what the user can act on here; then what the sync service last reported.
    QString text;
    QString code;
    if (syncProblem_) {
        text = syncProblem_->message();
        code = syncProblem_->codeName();
        if (!syncProblem_->subject.isEmpty()) code += QStringLiteral(": ") + syncProblem_->subject;
    } else if (overview_->enrolled && overview_->resealRefused) {
        // The sync step already sealed the file again by itself (devicesync/held_outbox.h); the hub sends no
        // notice for a file it cannot read, so this line is the only sign that these changes are waiting.
        text = tr("The hub cannot read the changes this computer sends, even sealed again. They are kept here and "
                  "will be sent once the hub operator has fixed it.");
        code = QString::fromStdString(std::string(wire::syncCodeName(*overview_->resealRefused)));
    } else if (overview_->enrolled && overview_->link != "up" && !overview_->errorName.empty()) {
        text = serviceErrorText(overview_->errorName);
        code = QString::fromStdString(overview_->errorName);
    }
    problem_->setText(followUiDirection(text));
    // The label may be cut short: the tooltip has the whole sentence and the code to quote to the hub operator.
    problem_->setToolTip(code.isEmpty() ? QString()
                                        : text + QStringLiteral("\n") + tr("Error code: %1").arg(leftToRight(code)));
    problem_->setVisible(!text.isEmpty());
}

void SyncStatusWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace abri::app
