#include "catch_qt.h"

#include <QtWidgets/QCheckBox>
#include <QtWidgets/QLabel>

#include "cases/case_repository.h"
#include "demo_vault.h"
#include "forms/field_form.h"
#include "session/session.h"
#include "vault/vault.h"
#include "wizard/new_case_wizard.h"
#include "wizard/screening_step.h"

using abri::app::FieldForm;
using abri::app::NewCaseWizard;
using abri::app::Session;
using abri::app::test::DemoVault;
using nlohmann::json;

namespace {

// Ticks the check box of `code` in the code-set editor of `path`, as a user would.
void tick(FieldForm* form, const std::string& path, const QString& code) {
    auto* editor = form->editor(path);
    REQUIRE(editor != nullptr);
    const auto boxes = editor->findChildren<QCheckBox*>();
    for (QCheckBox* box : boxes) {
        if (box->property("code").toString() == code) {
            box->click();
            return;
        }
    }
    FAIL("no check box for " << code.toStdString());
}

void setAge(FieldForm* ageForm, int years) {
    json doc = json::object();
    doc["person"]["estimated_age"] = years;
    ageForm->load(doc);
    Q_EMIT ageForm->edited();
}

}  // namespace

TEST_CASE("the screening page derives the outcome live", "[app][wizard]") {
    DemoVault demo;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    NewCaseWizard wizard(session);
    auto* step = wizard.screeningStep();
    auto* screening = step->screeningForm();

    CHECK(step->outcome() == "pending");
    setAge(step->ageForm(), 30);
    tick(screening, "screening.acts", QStringLiteral("recruitment"));
    tick(screening, "screening.purposes", QStringLiteral("forced_labour"));
    // An adult without a means: not yet a presumed victim.
    CHECK(step->outcome() == "pending");
    CHECK(step->outcomeText() == QStringLiteral("Screening pending"));
    tick(screening, "screening.means", QStringLiteral("deception"));
    CHECK(step->outcome() == "presumed_victim");
    CHECK(step->outcomeText() == QStringLiteral("Presumed victim"));

    SECTION("for a minor the means are not required") {
        tick(screening, "screening.means", QStringLiteral("deception"));  // untick
        CHECK(step->outcome() == "pending");
        setAge(step->ageForm(), 16);
        CHECK(step->isMinor());
        CHECK(step->outcome() == "presumed_victim");
    }
    SECTION("a completed screening without the elements is 'not a victim'") {
        tick(screening, "screening.means", QStringLiteral("deception"));  // untick
        json doc = json::object();
        doc["screening"]["complete"] = true;
        doc["screening"]["acts"] = {"recruitment"};
        screening->load(doc);
        Q_EMIT screening->edited();
        CHECK(step->outcome() == "not_victim");
    }
}

TEST_CASE("the wizard registers a case without names", "[app][wizard]") {
    DemoVault demo;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    NewCaseWizard wizard(session);
    setAge(wizard.screeningStep()->ageForm(), 17);
    tick(wizard.screeningStep()->screeningForm(), "screening.acts", QStringLiteral("transport"));
    tick(wizard.screeningStep()->screeningForm(), "screening.purposes", QStringLiteral("domestic_servitude"));

    for (int page : {NewCaseWizard::ScreeningPage, NewCaseWizard::PersonPage, NewCaseWizard::RegistrationPage}) {
        CHECK(wizard.validatePageFields(page));
    }
    REQUIRE(wizard.createCase());
    const auto id = wizard.createdCaseId();
    auto view = session.cases().load(id);
    REQUIRE(view);
    CHECK(view->screeningOutcome == "presumed_victim");
    CHECK(view->minor);
    CHECK(view->doc.value("caseworker", std::string()) == session.currentUser().id);
    CHECK_FALSE(view->doc.value("case_code", std::string()).empty());
    CHECK(view->doc["person"].value("given_name", std::string()).empty());
    CHECK(std::find(view->masked.begin(), view->masked.end(), "person.given_name") == view->masked.end());
}

TEST_CASE("the wizard shows an invalid value at its field and creates nothing", "[app][wizard]") {
    DemoVault demo;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    const auto before = session.cases().count({});
    NewCaseWizard wizard(session);
    json doc = json::object();
    doc["person"]["date_of_birth"] = "2999-01-01";
    wizard.screeningStep()->ageForm()->load(doc);
    CHECK_FALSE(wizard.validatePageFields(NewCaseWizard::ScreeningPage));
    const auto errors = wizard.screeningStep()->ageForm()->findChildren<QLabel*>();
    const bool shown = std::any_of(errors.begin(), errors.end(), [](QLabel* label) {
        return label->text() == QStringLiteral("Date of birth cannot be in the future.");
    });
    CHECK(shown);
    CHECK_FALSE(wizard.createCase());
    CHECK(session.cases().count({}) == before);
}
