#include "catch_qt.h"

#include <QtTest/QSignalSpy>
#include <QtWidgets/QFrame>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

#include "cases/case_repository.h"
#include "demo_vault.h"
#include "dialogs/conflicts_dialog.h"
#include "i18n/code_labels.h"
#include "i18n/field_labels.h"
#include "journal/journal.h"
#include "language_guard.h"
#include "merge/conflicts_view.h"
#include "merge/vault_applier.h"
#include "session/session.h"
#include "sync_fixture.h"
#include "vault/vault.h"

using abri::app::ConflictsDialog;
using abri::app::Session;
using abri::app::test::DemoVault;
using abri::model::Entity;
using nlohmann::json;

namespace {

std::unique_ptr<Session> openAs(const DemoVault& demo, const char* user, const char* password) {
    return std::make_unique<Session>(abri::vault::Vault::unlock(demo.path(), user, password), DemoVault::kdf());
}

std::string findCase(Session& session, const std::string& text) {
    abri::cases::CaseQuery query;
    query.filter.text = text;
    const auto rows = session.cases().list(query);
    REQUIRE(rows.size() == 1);
    return rows.front().id;
}

QString caseCodeOf(Session& session, const std::string& caseId) {
    return QString::fromStdString(session.cases().load(caseId)->doc["case_code"].get<std::string>());
}

}  // namespace

TEST_CASE("a supervisor sees a real conflict and resolving it writes a new change", "[app][conflicts]") {
    DemoVault demo;
    abri::app::test::addSupervisor(demo);
    auto session = openAs(demo, abri::app::test::kSupervisor, abri::app::test::kSupervisorPassword);
    const std::string caseId = findCase(*session, "Alpha");
    // Here the person was recorded as male; on another computer, at the same time, as female (that one is later).
    abri::app::test::makeConflict(session->vault(), caseId, "person.gender", "male", "female");
    REQUIRE(abri::merge::openConflicts(session->vault()).size() == 1);

    ConflictsDialog dialog(*session);
    dialog.show();
    REQUIRE(dialog.conflictCount() == 1);
    CHECK(dialog.canResolve());
    const QString title = dialog.cardTitle(0)->text();
    CHECK(title.contains(caseCodeOf(*session, caseId)));
    CHECK(title.contains(abri::app::FieldLabels::label(Entity::Case, "person.gender")));
    // Values through the display helpers: code labels, not codes.
    CHECK(dialog.currentValueLabel(0)->text() == QStringLiteral("Female"));
    CHECK(dialog.otherValueLabel(0)->text() == QStringLiteral("Male"));
    auto* use = dialog.card(0)->findChild<QPushButton*>(QStringLiteral("useOther"));
    auto* keep = dialog.card(0)->findChild<QPushButton*>(QStringLiteral("keepCurrent"));
    REQUIRE(use != nullptr);
    REQUIRE(keep != nullptr);
    CHECK(use->isVisible());
    CHECK(keep->isVisible());

    const auto unshippedBefore = session->vault().journal().unshippedCount();
    QSignalSpy resolved(&dialog, &ConflictsDialog::resolved);
    use->click();
    CHECK(resolved.count() == 1);
    CHECK(dialog.conflictCount() == 0);
    CHECK(dialog.findChild<QLabel*>(QStringLiteral("noConflicts"))->isVisible());
    CHECK(abri::merge::openConflicts(session->vault()).empty());
    CHECK(session->cases().load(caseId)->doc["person"]["gender"] == "male");
    // The choice is a new change (a resolve op) that ships like any edit.
    CHECK(session->vault().journal().unshippedCount() == unshippedBefore + 1);
    const auto entries = session->vault().journal().entriesFor(caseId);
    CHECK(entries.back().op.kind == abri::journal::OpKind::Resolve);
    CHECK(entries.back().parents.size() == 2);
}

TEST_CASE("keeping the current value closes the conflict and keeps it", "[app][conflicts]") {
    DemoVault demo;
    abri::app::test::addSupervisor(demo);
    auto session = openAs(demo, abri::app::test::kSupervisor, abri::app::test::kSupervisorPassword);
    const std::string caseId = findCase(*session, "Alpha");
    abri::app::test::makeConflict(session->vault(), caseId, "person.children", 1, 3);
    ConflictsDialog dialog(*session);
    REQUIRE(dialog.conflictCount() == 1);
    CHECK(dialog.currentValueLabel(0)->text() == QStringLiteral("3"));
    CHECK(dialog.otherValueLabel(0)->text() == QStringLiteral("1"));
    CHECK(dialog.keepCurrent(0));
    CHECK(dialog.conflictCount() == 0);
    CHECK(session->cases().load(caseId)->doc["person"]["children"] == 3);
    CHECK(abri::merge::openConflicts(session->vault()).empty());
}

TEST_CASE("a caseworker sees conflicts read-only", "[app][conflicts]") {
    DemoVault demo;
    auto session = openAs(demo, abri::app::test::kWorker, abri::app::test::kWorkerPassword);
    const std::string caseId = findCase(*session, "Alpha");
    abri::app::test::makeConflict(session->vault(), caseId, "person.gender", "male", "female");
    ConflictsDialog dialog(*session);
    dialog.show();
    REQUIRE(dialog.conflictCount() == 1);
    CHECK_FALSE(dialog.canResolve());
    CHECK(dialog.currentValueLabel(0)->text() == QStringLiteral("Female"));
    CHECK(dialog.card(0)->findChild<QPushButton*>(QStringLiteral("useOther"))->isHidden());
    CHECK(dialog.card(0)->findChild<QPushButton*>(QStringLiteral("keepCurrent"))->isHidden());
    const auto labels = dialog.findChildren<QLabel*>();
    CHECK(std::any_of(labels.begin(), labels.end(), [](QLabel* label) {
        return label->text().contains(QStringLiteral("Only a supervisor can choose the value to keep."));
    }));
    // Core refuses too; the refusal is shown in the dialog and nothing changes.
    CHECK_FALSE(dialog.useOther(0));
    CHECK(dialog.errorLabel()->text() == QStringLiteral("Your role does not allow this action."));
    CHECK(abri::merge::openConflicts(session->vault()).size() == 1);
    CHECK(session->cases().load(caseId)->doc["person"]["gender"] == "female");
}

TEST_CASE("sensitive values in a conflict stay masked until revealed, and the reveal is audited",
          "[app][conflicts]") {
    DemoVault demo;
    abri::app::test::addSupervisor(demo);
    auto session = openAs(demo, abri::app::test::kSupervisor, abri::app::test::kSupervisorPassword);
    const std::string caseId = findCase(*session, "Alpha");
    abri::app::test::makeConflict(session->vault(), caseId, "person.family_name", "Alphalocal", "Alpharemote");
    ConflictsDialog dialog(*session);
    dialog.show();
    REQUIRE(dialog.conflictCount() == 1);
    CHECK(dialog.currentValueLabel(0)->text() == QStringLiteral("Hidden (sensitive)"));
    CHECK(dialog.otherValueLabel(0)->text() == QStringLiteral("Hidden (sensitive)"));
    const auto visibleTexts = [&dialog] {
        QStringList texts;
        for (QLabel* label : dialog.findChildren<QLabel*>()) texts << label->text();
        return texts.join(QLatin1Char('\n'));
    };
    CHECK_FALSE(visibleTexts().contains(QStringLiteral("Alpha")));
    auto* reveal = dialog.card(0)->findChild<QPushButton*>(QStringLiteral("revealValues"));
    REQUIRE(reveal != nullptr);
    CHECK(reveal->isVisible());

    auto revealsInHistory = [&] {
        int count = 0;
        for (const auto& entry : session->cases().history(caseId)) count += entry.what == "sensitive_revealed" ? 1 : 0;
        return count;
    };
    const int before = revealsInHistory();
    reveal->click();
    CHECK(revealsInHistory() == before + 1);
    REQUIRE(dialog.conflictCount() == 1);
    CHECK(dialog.currentValueLabel(0)->text() == QStringLiteral("Alpharemote"));
    CHECK(dialog.otherValueLabel(0)->text() == QStringLiteral("Alphalocal"));
    CHECK(dialog.card(0)->findChild<QPushButton*>(QStringLiteral("revealValues"))->isHidden());
    CHECK(dialog.useOther(0));
    CHECK(session->cases().reveal(caseId, "person.family_name") == "Alphalocal");
}

TEST_CASE("the conflicts view follows the language", "[app][conflicts][i18n]") {
    DemoVault demo;
    abri::app::test::addSupervisor(demo);
    auto session = openAs(demo, abri::app::test::kSupervisor, abri::app::test::kSupervisorPassword);
    const std::string caseId = findCase(*session, "Alpha");
    abri::app::test::makeConflict(session->vault(), caseId, "person.gender", "male", "female");
    ConflictsDialog dialog(*session);
    abri::app::test::LanguageGuard french(QStringLiteral("fr"));
    CHECK(dialog.currentValueLabel(0)->text() ==
          abri::app::CodeLabels::label(abri::model::CodeList::Gender, std::string_view("female")));
    CHECK(dialog.currentValueLabel(0)->text() != QStringLiteral("Female"));
    CHECK(dialog.card(0)->findChild<QPushButton*>(QStringLiteral("useOther"))->text() != QStringLiteral("Use this value"));
}
