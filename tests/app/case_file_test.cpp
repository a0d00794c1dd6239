#include "catch_qt.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>

#include "casefile/case_file_widget.h"
#include "casefile/history_section.h"
#include "casefile/item_section.h"
#include "casefile/notes_section.h"
#include "cases/case_repository.h"
#include "demo_vault.h"
#include "forms/field_form.h"
#include "session/session.h"
#include "vault/vault.h"

using abri::app::CaseFileWidget;
using abri::app::Session;
using abri::app::test::DemoVault;
using abri::model::Entity;
using nlohmann::json;

namespace {

std::string findCase(Session& session, const std::string& text) {
    abri::cases::CaseQuery query;
    query.filter.text = text;
    const auto rows = session.cases().list(query);
    REQUIRE(rows.size() == 1);
    return rows.front().id;
}

bool errorShown(QWidget* root, const QString& text) {
    const auto labels = root->findChildren<QLabel*>();
    return std::any_of(labels.begin(), labels.end(),
                       [&text](QLabel* label) { return label->text() == text && !label->isHidden(); });
}

}  // namespace

TEST_CASE("the case file loads every section and derives scope and outcome", "[app][casefile]") {
    DemoVault demo;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    CaseFileWidget file(session, findCase(session, "Alpha"));
    CHECK_FALSE(file.caseCode().isEmpty());
    CHECK(file.section(Entity::Event)->itemCount() == 2);
    CHECK(file.section(Entity::Consent)->itemCount() == 1);
    CHECK(file.section(Entity::Service)->itemCount() == 1);
    CHECK(file.notes()->noteCount() == 1);
    CHECK(file.history()->table()->rowCount() > 0);
    CHECK(file.findChild<QLabel*>(QStringLiteral("caseScope"))->text() == QStringLiteral("Scope: International"));
    CHECK(file.findChild<QLabel*>(QStringLiteral("caseOutcome"))->text() == QStringLiteral("Screening outcome: Presumed victim"));
    // Names are masked until revealed; a caseworker may reveal them.
    CHECK(file.personForm()->isMasked("person.given_name"));
    CHECK_FALSE(file.isDirty());
}

TEST_CASE("revealing a masked field shows it and is audited", "[app][casefile]") {
    DemoVault demo;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    const auto id = findCase(session, "Alpha");
    CaseFileWidget file(session, id);
    const auto historyBefore = session.cases().history(id).size();
    Q_EMIT file.personForm()->revealRequested(QStringLiteral("person.family_name"));
    CHECK_FALSE(file.personForm()->isMasked("person.family_name"));
    CHECK(file.personForm()->valueOf("person.family_name") == json("Alpha"));
    CHECK(session.cases().history(id).size() == historyBefore + 1);
    CHECK_FALSE(file.isDirty());  // revealing is not editing
}

TEST_CASE("an administrator sees masks without a reveal button", "[app][casefile]") {
    DemoVault demo;
    Session session(demo.unlockAdmin(), DemoVault::kdf());
    CaseFileWidget file(session, [&] {
        Session worker(demo.unlockWorker(), DemoVault::kdf());
        return findCase(worker, "Alpha");
    }());
    CHECK(file.personForm()->isMasked("person.given_name"));
    const auto buttons = file.personForm()->findChildren<QPushButton*>();
    const bool revealVisible = std::any_of(buttons.begin(), buttons.end(), [](QPushButton* button) {
        return button->text() == QStringLiteral("Reveal") && !button->isHidden();
    });
    CHECK_FALSE(revealVisible);
    CHECK(file.saveButton()->isHidden());
}

TEST_CASE("edits are validated at the field and saved together", "[app][casefile]") {
    DemoVault demo;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    const auto id = findCase(session, "Alpha");
    CaseFileWidget file(session, id);

    // An invalid date: message at the field, nothing saved, still dirty.
    file.situationForm()->editor("situation.started_on")->setValue("2999-01-01");
    Q_EMIT file.situationForm()->editor("situation.started_on")->edited();
    CHECK(file.isDirty());
    CHECK_FALSE(file.save());
    CHECK(errorShown(&file, QStringLiteral("Exploitation began on cannot be in the future.")));
    CHECK(file.tabs()->currentIndex() == CaseFileWidget::SituationTab);
    CHECK_FALSE(session.cases().load(id)->doc["situation"].contains("started_on"));

    // Valid edits in two tabs are saved in one go.
    file.situationForm()->editor("situation.started_on")->setValue("2023-09-01");
    file.personForm()->editor("person.children")->setValue(2);
    Q_EMIT file.personForm()->editor("person.children")->edited();
    REQUIRE(file.save());
    const auto saved = session.cases().load(id)->doc;
    CHECK(saved["situation"]["started_on"] == "2023-09-01");
    CHECK(saved["person"]["children"] == 2);
    CHECK_FALSE(file.isDirty());
}

TEST_CASE("notes are appended with their author", "[app][casefile]") {
    DemoVault demo;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    const auto id = findCase(session, "Bravo");
    CaseFileWidget file(session, id);
    CHECK(file.notes()->noteCount() == 0);
    file.notes()->composer()->setPlainText(QStringLiteral("Fake note: the person asked for a female interpreter."));
    CHECK(file.isDirty());  // an unsent note counts as unsaved work
    REQUIRE(file.notes()->addNote());
    CHECK(file.notes()->noteCount() == 1);
    const auto view = session.cases().load(id);
    const auto note = std::find_if(view->items.begin(), view->items.end(),
                                   [](const abri::cases::Item& item) { return item.kind == Entity::Note; });
    REQUIRE(note != view->items.end());
    CHECK(note->author == session.currentUser().id);
    CHECK_FALSE(file.isDirty());
}
