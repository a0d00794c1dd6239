#include "main/workspace.h"

#include <QtCore/QEvent>
#include <QtWidgets/QTabBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

#include "caselist/case_list_page.h"
#include "casefile/case_file_widget.h"
#include "reports/reports_page.h"
#include "session/session.h"
#include "ui/icons.h"
#include "wizard/new_case_wizard.h"

namespace abri::app {

Workspace::Workspace(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("workspace"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("workspaceTabs"));
    tabs_->setTabsClosable(true);
    tabs_->setMovable(false);
    caseList_ = new CaseListPage(session, tabs_);
    tabs_->addTab(caseList_, QString());
    // The case list cannot be closed.
    tabs_->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    tabs_->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    layout->addWidget(tabs_);

    connect(caseList_, &CaseListPage::openCaseRequested, this, &Workspace::openCase);
    connect(caseList_, &CaseListPage::newCaseRequested, this, &Workspace::newCase);
    connect(tabs_, &QTabWidget::tabCloseRequested, this, &Workspace::closeCaseTab);
    retranslate();
}

Workspace::~Workspace() = default;

CaseFileWidget* Workspace::caseFile(const QString& caseId) const {
    for (int index = 1; index < tabs_->count(); ++index) {
        auto* file = qobject_cast<CaseFileWidget*>(tabs_->widget(index));
        if (file != nullptr && QString::fromStdString(file->caseId()) == caseId) return file;
    }
    return nullptr;
}

CaseFileWidget* Workspace::openCase(const QString& caseId) {
    if (auto* existing = caseFile(caseId)) {
        tabs_->setCurrentWidget(existing);
        return existing;
    }
    auto* file = new CaseFileWidget(session_, caseId.toStdString(), tabs_);
    const int index = tabs_->addTab(file, file->caseCode());
    tabs_->setCurrentIndex(index);
    connect(file, &CaseFileWidget::titleChanged, this, [this, file](const QString& title) {
        const int at = tabs_->indexOf(file);
        if (at >= 0) tabs_->setTabText(at, title);
    });
    connect(file, &CaseFileWidget::dirtyChanged, this, [this, file](bool dirty) {
        const int at = tabs_->indexOf(file);
        if (at >= 0) tabs_->setTabText(at, dirty ? file->caseCode() + QStringLiteral(" *") : file->caseCode());
    });
    connect(file, &CaseFileWidget::caseChanged, this, [this] {
        caseList_->refresh();
        refreshReports();
        Q_EMIT dataChanged();
    });
    connect(file, &CaseFileWidget::caseErased, this, [this, file] {
        // Queued: the tab's widget is deleted after the click that erased it has returned.
        QMetaObject::invokeMethod(this, [this, file] {
            const int at = tabs_->indexOf(file);
            if (at > 0) {
                tabs_->removeTab(at);
                file->deleteLater();
            }
            caseList_->refresh();
            refreshReports();
            Q_EMIT dataChanged();
        }, Qt::QueuedConnection);
    });
    return file;
}

NewCaseWizard* Workspace::newCase() {
    if (!session_.can(vault::Permission::EditCases)) return nullptr;
    auto* wizard = new NewCaseWizard(session_, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setWindowModality(Qt::WindowModal);
    connect(wizard, &NewCaseWizard::caseCreated, this, [this](const QString& id) {
        caseList_->refresh();
        refreshReports();
        Q_EMIT dataChanged();
        openCase(id);
    });
    wizard->show();
    return wizard;
}

ReportsPage* Workspace::reportsPage() const {
    for (int index = 1; index < tabs_->count(); ++index) {
        if (auto* page = qobject_cast<ReportsPage*>(tabs_->widget(index))) return page;
    }
    return nullptr;
}

ReportsPage* Workspace::openReports() {
    if (!session_.can(vault::Permission::ViewStatistics)) return nullptr;
    if (auto* existing = reportsPage()) {
        tabs_->setCurrentWidget(existing);
        return existing;
    }
    auto* page = new ReportsPage(session_, tabs_);
    const int index = tabs_->addTab(page, Icons::icon(QStringLiteral("reports")), tr("Reports"));
    tabs_->setCurrentIndex(index);
    return page;
}

void Workspace::refreshReports() {
    if (auto* page = reportsPage()) page->refresh();
}

bool Workspace::closeCaseTab(int index) {
    if (index <= 0) return false;
    QWidget* widget = tabs_->widget(index);
    auto* file = qobject_cast<CaseFileWidget*>(widget);
    if (file != nullptr && !file->confirmClose()) return false;
    tabs_->removeTab(index);
    delete widget;
    return true;
}

bool Workspace::hasUnsavedChanges() const {
    for (int index = 1; index < tabs_->count(); ++index) {
        auto* file = qobject_cast<CaseFileWidget*>(tabs_->widget(index));
        if (file != nullptr && file->isDirty()) return true;
    }
    return false;
}

void Workspace::refreshAfterSync() {
    caseList_->refresh();
    refreshReports();
    for (int index = 1; index < tabs_->count(); ++index) {
        if (auto* file = qobject_cast<CaseFileWidget*>(tabs_->widget(index))) file->reloadIfChanged();
    }
}

bool Workspace::confirmCloseAll() {
    for (int index = 1; index < tabs_->count(); ++index) {
        auto* file = qobject_cast<CaseFileWidget*>(tabs_->widget(index));
        if (file == nullptr || !file->isDirty()) continue;
        tabs_->setCurrentIndex(index);
        if (!file->confirmClose()) return false;
    }
    return true;
}

void Workspace::retranslate() {
    tabs_->setTabText(0, tr("Cases"));
    tabs_->setTabIcon(0, Icons::icon(QStringLiteral("search")));
    if (auto* page = reportsPage()) tabs_->setTabText(tabs_->indexOf(page), tr("Reports"));
}

void Workspace::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace abri::app
