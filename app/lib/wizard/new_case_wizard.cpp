#include "wizard/new_case_wizard.h"

#include <QtCore/QEvent>
#include <QtCore/QTimer>
#include <QtWidgets/QLabel>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

#include "common/error.h"
#include "forms/field_form.h"
#include "i18n/code_labels.h"
#include "i18n/error_messages.h"
#include "i18n/field_labels.h"
#include "model/case_rules.h"
#include "session/session.h"
#include "ui/icons.h"
#include "ui/style.h"
#include "wizard/screening_step.h"

namespace abri::app {

using model::Entity;

// A page that asks the wizard to validate its fields before moving on, and creates the case on the last page.
class WizardPage : public QWizardPage {
public:
    WizardPage(NewCaseWizard& wizard, int id) : wizard_(wizard), id_(id) {}

    bool validatePage() override {
        if (!wizard_.validatePageFields(id_)) return false;
        return id_ != NewCaseWizard::RegistrationPage || wizard_.createCase();
    }
    void initializePage() override {
        if (id_ == NewCaseWizard::RegistrationPage) wizard_.updateSummary();
    }

private:
    NewCaseWizard& wizard_;
    int id_;
};

namespace {

QWidget* scrolled(QWidget* content) {
    auto* area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

void addContent(QWizardPage* page, QWidget* content) {
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scrolled(content));
}

std::vector<const model::FieldSpec*> personFields() {
    std::vector<const model::FieldSpec*> result;
    for (const auto* spec : FieldForm::fieldsWithPrefix(Entity::Case, "person.")) {
        // The age is asked on the screening page, where the minor rule needs it.
        if (spec->path == "person.date_of_birth" || spec->path == "person.estimated_age") continue;
        result.push_back(spec);
    }
    return result;
}

std::vector<const model::FieldSpec*> registrationFields() {
    std::vector<const model::FieldSpec*> result;
    for (auto path : {"caseworker", "registered_on"}) {
        if (const auto* spec = model::findField(Entity::Case, path)) result.push_back(spec);
    }
    return result;
}

}  // namespace

NewCaseWizard::NewCaseWizard(Session& session, QWidget* parent)
    : QWizard(parent), session_(session), today_(session.vault().today()) {
    setObjectName(QStringLiteral("newCaseWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setMinimumSize(760, 620);

    EditorContext context;
    context.users = [&session] {
        QList<std::pair<QString, QString>> users;
        for (const auto& user : session.users()) {
            if (user.active) users.append({QString::fromStdString(user.id), QString::fromStdString(user.displayName)});
        }
        return users;
    };

    // 1. Screening
    auto* screeningPage = new WizardPage(*this, ScreeningPage);
    screening_ = new ScreeningStep(context);
    screening_->setRegistrationDate(today_);
    auto* screeningLayout = new QVBoxLayout(screeningPage);
    screeningLayout->setContentsMargins(0, 0, 0, 0);
    screeningLayout->addWidget(screening_);
    setPage(ScreeningPage, screeningPage);

    // 2. The person
    auto* personPage = new WizardPage(*this, PersonPage);
    auto* personContent = new QWidget;
    auto* personLayout = new QVBoxLayout(personContent);
    personIntro_ = new QLabel(personContent);
    personIntro_->setWordWrap(true);
    person_ = new FieldForm(Entity::Case, personFields(), context, personContent);
    personLayout->addWidget(personIntro_);
    personLayout->addWidget(person_);
    personLayout->addStretch();
    addContent(personPage, personContent);
    setPage(PersonPage, personPage);

    // 3. Registration
    auto* registrationPage = new WizardPage(*this, RegistrationPage);
    auto* registrationContent = new QWidget;
    auto* registrationLayout = new QVBoxLayout(registrationContent);
    registration_ = new FieldForm(Entity::Case, registrationFields(), context, registrationContent);
    Json defaults = Json::object();
    defaults["caseworker"] = session.currentUser().id;
    defaults["registered_on"] = today_;
    registration_->load(defaults);
    // Loaded values are not "changes"; the document() reads values, so defaults count.
    summary_ = new QLabel(registrationContent);
    summary_->setObjectName(QStringLiteral("wizardSummary"));
    summary_->setWordWrap(true);
    createError_ = new QLabel(registrationContent);
    createError_->setWordWrap(true);
    Style::makeError(createError_);
    registrationLayout->addWidget(registration_);
    registrationLayout->addWidget(summary_);
    registrationLayout->addWidget(createError_);
    registrationLayout->addStretch();
    addContent(registrationPage, registrationContent);
    setPage(RegistrationPage, registrationPage);

    connect(registration_, &FieldForm::edited, this, [this] {
        const Json date = registration_->valueOf("registered_on");
        screening_->setRegistrationDate(date.is_string() ? date.get<std::string>() : today_);
        updateSummary();
    });
    retranslate();
}

nlohmann::json NewCaseWizard::document() const {
    Json doc = Json::object();
    registration_->applyTo(doc);
    Json screening = screening_->document();
    screening.erase("registered_on");
    doc.merge_patch(screening);
    person_->applyTo(doc);
    // Drop empty values: createCase fills defaults and an explicit null is not a value.
    std::function<void(Json&)> prune = [&prune](Json& node) {
        if (!node.is_object()) return;
        for (auto it = node.begin(); it != node.end();) {
            prune(it.value());
            if (it.value().is_null() || (it.value().is_object() && it.value().empty())) {
                it = node.erase(it);
            } else {
                ++it;
            }
        }
    };
    prune(doc);
    return doc;
}

FieldForm* NewCaseWizard::formOfPage(int pageId) const {
    switch (pageId) {
    case PersonPage: return person_;
    case RegistrationPage: return registration_;
    default: return nullptr;
    }
}

bool NewCaseWizard::validatePageFields(int pageId) {
    std::vector<FieldForm*> forms;
    if (pageId == ScreeningPage) {
        forms = {screening_->ageForm(), screening_->screeningForm()};
    } else {
        forms = {formOfPage(pageId)};
    }
    const Json doc = document();
    bool valid = true;
    for (FieldForm* form : forms) {
        form->clearErrors();
        for (const auto& spec : model::fieldsOf(Entity::Case)) {
            const std::string path(spec.path);
            if (!form->hasField(path)) continue;
            try {
                model::validateField(Entity::Case, path, model::getField(doc, path), today_);
            } catch (const Error& error) {
                form->showError(error.subject().empty() ? path : error.subject(), ErrorMessages::message(error));
                valid = false;
            }
        }
    }
    return valid;
}

bool NewCaseWizard::createCase() {
    createError_->clear();
    try {
        createdId_ = session_.cases().createCase(document());
    } catch (const Error& error) {
        const QString message = ErrorMessages::message(error);
        const std::string& subject = error.subject();
        for (int page : {ScreeningPage, PersonPage, RegistrationPage}) {
            std::vector<FieldForm*> forms = page == ScreeningPage
                                                ? std::vector<FieldForm*>{screening_->ageForm(), screening_->screeningForm()}
                                                : std::vector<FieldForm*>{formOfPage(page)};
            for (FieldForm* form : forms) {
                if (!form->showError(subject, message)) continue;
                if (page != RegistrationPage) {
                    // Go back to the page that holds the field (after this validatePage() call returns).
                    QTimer::singleShot(0, this, [this, page] {
                        while (currentId() > page) back();
                    });
                }
                return false;
            }
        }
        createError_->setText(message);
        return false;
    }
    Q_EMIT caseCreated(QString::fromStdString(createdId_));
    return true;
}

void NewCaseWizard::updateSummary() {
    Json doc = document();
    if (!doc.contains("registered_on")) doc["registered_on"] = today_;
    const QString outcome = CodeLabels::label(model::CodeList::ScreeningOutcome, model::screeningOutcome(doc));
    const QString status = CodeLabels::label(model::CodeList::CaseStatus, std::string_view("registered"));
    summary_->setText(tr("Screening outcome: %1. A case code is generated when you finish; the case starts with "
                         "the status \"%2\".")
                          .arg(outcome, status));
}

void NewCaseWizard::retranslate() {
    setWindowTitle(tr("New case"));
    page(ScreeningPage)->setTitle(tr("Screening"));
    page(ScreeningPage)->setSubTitle(tr("Step 1 of 3: the elements of trafficking"));
    page(PersonPage)->setTitle(tr("The person"));
    page(PersonPage)->setSubTitle(tr("Step 2 of 3: what the person wants to tell"));
    page(RegistrationPage)->setTitle(tr("Registration"));
    page(RegistrationPage)->setSubTitle(tr("Step 3 of 3: who follows the case"));
    personIntro_->setText(tr("Every field is optional. A person may refuse to give their name; the case is "
                             "identified by its code."));
    setButtonText(QWizard::FinishButton, tr("Register the case"));
    // Plain words: arrows and mnemonics from Qt's own catalogue read badly right to left.
    setButtonText(QWizard::NextButton, tr("Next"));
    setButtonText(QWizard::BackButton, tr("Back"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    updateSummary();
}

void NewCaseWizard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWizard::changeEvent(event);
}

}  // namespace abri::app
