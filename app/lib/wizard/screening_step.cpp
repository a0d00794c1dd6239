#include "wizard/screening_step.h"

#include <QtCore/QEvent>
#include <QtWidgets/QFrame>
#include <QtWidgets/QLabel>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

#include "forms/field_form.h"
#include "i18n/code_labels.h"
#include "model/case_rules.h"
#include "ui/style.h"

namespace abri::app {

using model::Entity;

namespace {

std::vector<const model::FieldSpec*> specs(std::initializer_list<std::string_view> paths) {
    std::vector<const model::FieldSpec*> result;
    for (auto path : paths) {
        if (const auto* spec = model::findField(Entity::Case, path)) result.push_back(spec);
    }
    return result;
}

}  // namespace

ScreeningStep::ScreeningStep(const EditorContext& context, QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("screeningStep"));
    auto* layout = new QVBoxLayout(this);
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    ageHeading_ = new QLabel(this);
    Style::makeHeading(ageHeading_);
    age_ = new FieldForm(Entity::Case, specs({"person.date_of_birth", "person.estimated_age"}), context, this);
    screeningHeading_ = new QLabel(this);
    Style::makeHeading(screeningHeading_);
    screening_ = new FieldForm(Entity::Case, FieldForm::fieldsWithPrefix(Entity::Case, "screening."), context, this);

    auto* outcomeFrame = new QFrame(this);
    outcomeFrame->setFrameShape(QFrame::StyledPanel);
    auto* outcomeLayout = new QVBoxLayout(outcomeFrame);
    outcomeTitle_ = new QLabel(outcomeFrame);
    outcome_ = new QLabel(outcomeFrame);
    outcome_->setObjectName(QStringLiteral("screeningOutcome"));
    Style::makeHeading(outcome_);
    rule_ = new QLabel(outcomeFrame);
    rule_->setWordWrap(true);
    Style::makeHint(rule_);
    outcomeLayout->addWidget(outcomeTitle_);
    outcomeLayout->addWidget(outcome_);
    outcomeLayout->addWidget(rule_);

    // The questions scroll; the outcome stays in view below them, so every tick shows its effect.
    auto* questions = new QWidget;
    auto* questionsLayout = new QVBoxLayout(questions);
    questionsLayout->addWidget(intro_);
    questionsLayout->addWidget(ageHeading_);
    questionsLayout->addWidget(age_);
    questionsLayout->addWidget(screeningHeading_);
    questionsLayout->addWidget(screening_);
    questionsLayout->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(questions);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addWidget(outcomeFrame);

    connect(age_, &FieldForm::edited, this, &ScreeningStep::updateOutcome);
    connect(screening_, &FieldForm::edited, this, &ScreeningStep::updateOutcome);
    retranslate();
}

void ScreeningStep::setRegistrationDate(const std::string& date) {
    registrationDate_ = date;
    updateOutcome();
}

ScreeningStep::Json ScreeningStep::document() const {
    Json doc = Json::object();
    if (!registrationDate_.empty()) doc["registered_on"] = registrationDate_;
    age_->applyTo(doc);
    screening_->applyTo(doc);
    return doc;
}

std::string ScreeningStep::outcome() const { return model::screeningOutcome(document()); }

bool ScreeningStep::isMinor() const { return model::isMinor(document()); }

QString ScreeningStep::outcomeText() const { return outcome_->text(); }

void ScreeningStep::updateOutcome() {
    const std::string code = outcome();
    const bool minor = isMinor();
    outcome_->setText(CodeLabels::label(model::CodeList::ScreeningOutcome, code));
    QString rule = minor ? tr("The person is a minor: act and purpose are enough, the means are not required "
                              "(Palermo Protocol, article 3(c)).")
                         : tr("For an adult, an act, a means and a purpose must all be present.");
    if (code == "pending") rule += QLatin1Char(' ') + tr("Tick \"Screening complete\" when no more information is expected.");
    rule_->setText(rule);
}

void ScreeningStep::retranslate() {
    intro_->setText(tr("Screen the situation against the definition of trafficking in the Palermo Protocol: an "
                       "act, carried out by a means, for the purpose of exploitation. Tick everything the person "
                       "describes; you can complete the screening later."));
    ageHeading_->setText(tr("Age"));
    screeningHeading_->setText(tr("Palermo screening"));
    outcomeTitle_->setText(tr("Screening outcome"));
    updateOutcome();
}

void ScreeningStep::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace abri::app
