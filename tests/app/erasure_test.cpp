// Erasure on request in the desktop client: only a supervisor sees "Erase…"; the confirmation needs the case code
// typed again; an erasure closes the case's tab and the case leaves the list, search and reports. Retention applied
// at unlock. All data synthetic.
#include "catch_qt.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>

#include "caselist/case_list_page.h"
#include "casefile/case_file_widget.h"
#include "demo_vault.h"
#include "dialogs/erase_case_dialog.h"
#include "erasure/case_purge.h"
#include "erasure/retention_policy.h"
#include "main/main_window.h"
#include "main/workspace.h"
#include "models/case_list_model.h"
#include "screens/unlock_page.h"
#include "session/session.h"
#include "settings/app_settings.h"
#include "sync_fixture.h"
#include "vault/vault.h"

using abri::app::AppOptions;
using abri::app::AppSettings;
using abri::app::CaseFileWidget;
using abri::app::EraseCaseDialog;
using abri::app::MainWindow;
using abri::app::Session;
using abri::app::test::DemoVault;

namespace {

std::string findCase(Session& session, const std::string& text) {
    abri::cases::CaseQuery query;
    query.filter.text = text;
    const auto rows = session.cases().list(query);
    REQUIRE(rows.size() == 1);
    return rows.front().id;
}

void processEvents() {
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

}  // namespace

TEST_CASE("only a supervisor is offered Erase, and the confirmation wants the case code", "[app][erasure]") {
    DemoVault demo;
    abri::app::test::addSupervisor(demo);
    {
        Session worker(demo.unlockWorker(), DemoVault::kdf());
        CaseFileWidget file(worker, findCase(worker, "Alpha"));
        CHECK(file.eraseButton()->isHidden());
        // Refused in core too, whatever the button: the banner says so and the case stays.
        CHECK_FALSE(file.erase());
        CHECK_FALSE(file.bannerLabel()->isHidden());
        CHECK(worker.cases().load(file.caseId()));
    }
    {
        Session admin(demo.unlockAdmin(), DemoVault::kdf());
        CaseFileWidget file(admin, findCase(admin, "Alpha"));
        CHECK(file.eraseButton()->isHidden());
    }
    EraseCaseDialog dialog(QStringLiteral("TST-ONE-26-ABC123"));
    auto* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    CHECK_FALSE(ok->isEnabled());
    dialog.codeEdit()->setText(QStringLiteral("TST-ONE-26-ABC12"));
    CHECK_FALSE(ok->isEnabled());
    dialog.codeEdit()->setText(QStringLiteral("TST-ONE-26-ABC123"));
    CHECK(ok->isEnabled());
}

TEST_CASE("a supervisor erases a case: its tab closes and it leaves the list and search", "[app][erasure]") {
    DemoVault demo;
    abri::app::test::addSupervisor(demo);
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    AppOptions options;
    options.vaultPath = demo.qpath();
    options.kdf = DemoVault::kdf();
    MainWindow window(options, settings);
    window.show();
    window.start();
    auto* page = window.unlockPage();
    page->userCombo()->setCurrentIndex(page->userCombo()->findText(QString::fromLatin1(abri::app::test::kSupervisor)));
    page->passwordEdit()->setText(QString::fromLatin1(abri::app::test::kSupervisorPassword));
    page->unlock();
    REQUIRE(window.isUnlocked());
    auto* workspace = window.workspace();
    const int before = workspace->caseList()->model()->rowCount();
    const std::string caseId = findCase(*window.session(), "Bravo");
    auto* file = workspace->openCase(QString::fromStdString(caseId));
    REQUIRE(file != nullptr);
    CHECK_FALSE(file->eraseButton()->isHidden());
    REQUIRE(workspace->tabs()->count() == 2);

    REQUIRE(file->erase());
    processEvents();
    CHECK(workspace->tabs()->count() == 1);
    CHECK(workspace->caseList()->model()->rowCount() == before - 1);
    CHECK_FALSE(window.session()->cases().load(caseId));
    CHECK(abri::erasure::isPurged(window.session()->vault().db(), caseId));
    abri::cases::CaseQuery query;
    query.filter.text = "Bravo";
    CHECK(window.session()->cases().list(query).empty());
}

TEST_CASE("the retention policy is applied when a session begins", "[app][erasure]") {
    DemoVault demo;
    std::string closedId;
    {
        Session worker(demo.unlockWorker(), DemoVault::kdf());
        closedId = worker.cases().createCase({{"person", {{"given_name", "Testname Retained"}, {"gender", "female"}}},
                                              {"registered_on", "2010-01-04"},
                                              {"status", "closed"},
                                              {"closure_reason", "other"},
                                              {"closed_on", "2011-02-01"}});
        CHECK(worker.retentionPurged() == 0);  // off by default
    }
    {
        auto admin = demo.unlockAdmin();
        abri::erasure::setRetentionYears(*admin, 5);
        admin->lock();
    }
    Session worker(demo.unlockWorker(), DemoVault::kdf());
    CHECK(worker.retentionPurged() == 1);
    CHECK_FALSE(worker.cases().load(closedId));
}
