#pragma once
// One open case: tabs for Profile, Screening, Trafficking situation, Consent, Assistance, Referrals, Notes,
// Attachments and History. Field edits are collected across the tabs and saved together (CaseRepository::updateFields: one
// transaction, validated as a whole); errors appear at the field. Closing with unsaved edits asks first.
#include <QtWidgets/QWidget>

#include <optional>
#include <string>

#include "cases/case_repository.h"
#include "forms/field_editor.h"

class QLabel;
class QPushButton;
class QTabWidget;

namespace abri::app {

class AttachmentsSection;
class DuplicateBadge;
class FieldForm;
class HistorySection;
class ItemSection;
class NotesSection;
class Session;

class CaseFileWidget : public QWidget {
    Q_OBJECT

public:
    enum Tab { ProfileTab, ScreeningTab, SituationTab, ConsentTab, AssistanceTab, ReferralsTab, NotesTab, AttachmentsTab,
               HistoryTab };

    CaseFileWidget(Session& session, std::string caseId, QWidget* parent = nullptr);
    ~CaseFileWidget() override;

    const std::string& caseId() const { return caseId_; }
    QString caseCode() const;
    // Re-reads the case from core (after a save or an item change); edits in progress are discarded.
    bool reload();
    // After sync applied pages from the hub: reloads only when the case changed and nothing is being edited, so
    // revealed values and edits in progress stay as they are otherwise. True when it reloaded.
    bool reloadIfChanged();
    bool isDirty() const;
    // Saves the edited fields; on error shows it at the field and returns false.
    bool save();
    void revert();
    // Asks what to do with unsaved edits. True when the case may close.
    bool confirmClose();
    // Erases the case at the person's request (after EraseCaseDialog confirmed it); on error shows it in the
    // banner and returns false. On success emits caseErased: the workspace closes this tab.
    bool erase();

    QTabWidget* tabs() const { return tabs_; }
    FieldForm* caseForm() const { return caseForm_; }
    FieldForm* personForm() const { return personForm_; }
    FieldForm* screeningForm() const { return screeningForm_; }
    FieldForm* situationForm() const { return situationForm_; }
    ItemSection* section(model::Entity kind) const;
    NotesSection* notes() const { return notes_; }
    AttachmentsSection* attachments() const { return attachments_; }
    HistorySection* history() const { return history_; }
    QPushButton* saveButton() const { return save_; }
    QPushButton* eraseButton() const { return erase_; }
    QLabel* bannerLabel() const { return banner_; }

Q_SIGNALS:
    void titleChanged(const QString& title);
    void dirtyChanged(bool dirty);
    void caseChanged();  // saved: the case list refreshes
    void caseErased();   // gone from this vault: the tab closes, the list and reports refresh

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void onEdited();
    void updateDerived();
    void reveal(FieldForm* form, const QString& path);
    std::vector<FieldForm*> forms() const;

    Session& session_;
    std::string caseId_;
    std::optional<cases::CaseView> view_;
    EditorContext context_;

    QLabel* code_;
    QLabel* summary_;
    DuplicateBadge* duplicateBadge_;  // flagged or merged at the hub
    QLabel* banner_;
    QPushButton* save_;
    QPushButton* revert_;
    QPushButton* erase_;
    QTabWidget* tabs_;
    QLabel* caseHeading_;
    QLabel* personHeading_;
    FieldForm* caseForm_;
    FieldForm* personForm_;
    QLabel* screeningIntro_;
    FieldForm* screeningForm_;
    QLabel* outcomeLabel_;
    FieldForm* situationForm_;
    QLabel* internationalLabel_;
    ItemSection* events_;
    ItemSection* consents_;
    ItemSection* services_;
    ItemSection* referrals_;
    ItemSection* transfers_;
    NotesSection* notes_;
    AttachmentsSection* attachments_;
    HistorySection* history_;
    bool lastDirty_ = false;
};

}  // namespace abri::app
