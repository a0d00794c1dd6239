#pragma once
// Guided registration of a new case: 1. Palermo screening with the derived outcome, 2. the person (names
// optional), 3. registration (caseworker, date). Each page checks its fields with core's validation before moving
// on; the case is created in one transaction by CaseRepository::createCase on Finish.
#include <QtWidgets/QWizard>

#include <nlohmann/json.hpp>

#include <string>

class QLabel;

namespace abri::app {

class FieldForm;
class ScreeningStep;
class Session;

class NewCaseWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { ScreeningPage, PersonPage, RegistrationPage };

    explicit NewCaseWizard(Session& session, QWidget* parent = nullptr);

    ScreeningStep* screeningStep() const { return screening_; }
    FieldForm* personForm() const { return person_; }
    FieldForm* registrationForm() const { return registration_; }
    QLabel* summaryLabel() const { return summary_; }
    // The case document the three pages describe.
    nlohmann::json document() const;
    const std::string& createdCaseId() const { return createdId_; }

    // Validates the fields of one page (core's rules); shows errors at the fields. True when valid.
    bool validatePageFields(int pageId);
    // Creates the case; on error shows it at the field (and returns to its page). True on success.
    bool createCase();

Q_SIGNALS:
    void caseCreated(const QString& caseId);

protected:
    void changeEvent(QEvent* event) override;

private:
    friend class WizardPage;
    void retranslate();
    void updateSummary();
    FieldForm* formOfPage(int pageId) const;

    Session& session_;
    std::string today_;
    std::string createdId_;
    ScreeningStep* screening_;
    FieldForm* person_;
    FieldForm* registration_;
    QLabel* personIntro_;
    QLabel* summary_;
    QLabel* createError_;
};

}  // namespace abri::app
