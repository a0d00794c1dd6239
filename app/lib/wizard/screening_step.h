#pragma once
// The Palermo screening (act, means, purpose) together with the age that decides the minor rule, and the outcome
// derived live by core (model::screeningOutcome): what the caseworker ticks is immediately reflected.
#include <QtWidgets/QWidget>

#include <nlohmann/json.hpp>

#include <string>

class QLabel;

namespace abri::app {

class FieldForm;
struct EditorContext;

class ScreeningStep : public QWidget {
    Q_OBJECT

public:
    using Json = nlohmann::json;
    ScreeningStep(const EditorContext& context, QWidget* parent = nullptr);

    // The registration date the age is measured at (YYYY-MM-DD).
    void setRegistrationDate(const std::string& date);
    // A case document holding the age fields, the screening and registered_on.
    Json document() const;
    std::string outcome() const;  // "presumed_victim", "not_victim" or "pending"
    bool isMinor() const;
    QString outcomeText() const;

    FieldForm* screeningForm() const { return screening_; }
    FieldForm* ageForm() const { return age_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateOutcome();
    void retranslate();

    std::string registrationDate_;
    QLabel* intro_;
    QLabel* ageHeading_;
    FieldForm* age_;
    QLabel* screeningHeading_;
    FieldForm* screening_;
    QLabel* outcomeTitle_;
    QLabel* outcome_;
    QLabel* rule_;
};

}  // namespace abri::app
