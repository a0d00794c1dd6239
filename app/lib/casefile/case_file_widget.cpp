#include "casefile/case_file_widget.h"

#include <QtCore/QEvent>
#include <QtWidgets/QFrame>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

#include "casefile/attachments_section.h"
#include "casefile/duplicate_badge.h"
#include "casefile/history_section.h"
#include "casefile/item_section.h"
#include "casefile/notes_section.h"
#include "common/error.h"
#include "dialogs/erase_case_dialog.h"
#include "forms/field_form.h"
#include "i18n/code_labels.h"
#include "i18n/display_format.h"
#include "i18n/error_messages.h"
#include "model/case_rules.h"
#include "session/session.h"
#include "ui/icons.h"
#include "ui/message_dialogs.h"
#include "ui/style.h"
#include "ui/text_direction.h"

namespace abri::app {

using model::CodeList;
using model::Entity;

namespace {

QScrollArea* scrolled(QWidget* content) {
    auto* area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

}  // namespace

CaseFileWidget::CaseFileWidget(Session& session, std::string caseId, QWidget* parent)
    : QWidget(parent), session_(session), caseId_(std::move(caseId)) {
    setObjectName(QStringLiteral("caseFile"));
    context_.users = [&session] {
        QList<std::pair<QString, QString>> users;
        for (const auto& user : session.users()) {
            users.append({QString::fromStdString(user.id), QString::fromStdString(user.displayName)});
        }
        return users;
    };
    const bool canEdit = session.can(vault::Permission::EditCases);
    const bool canReveal = session.can(vault::Permission::RevealSensitive);

    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    code_ = new QLabel(this);
    code_->setObjectName(QStringLiteral("caseCode"));
    code_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Style::makeTitle(code_);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("caseSummary"));
    Style::makeHint(summary_);
    duplicateBadge_ = new DuplicateBadge(this);
    titles->addWidget(code_);
    titles->addWidget(summary_);
    titles->addWidget(duplicateBadge_);
    header->addLayout(titles, 1);
    revert_ = new QPushButton(this);
    save_ = new QPushButton(this);
    save_->setIcon(Icons::icon(QStringLiteral("save")));
    save_->setShortcut(QKeySequence::Save);
    revert_->setVisible(canEdit);
    save_->setVisible(canEdit);
    // Erasure on request: supervisors only (core/erasure), behind a confirmation that asks for the case code.
    erase_ = new QPushButton(this);
    erase_->setObjectName(QStringLiteral("eraseCase"));
    erase_->setVisible(session_.can(vault::Permission::EraseCases));
    header->addWidget(erase_, 0, Qt::AlignBottom);
    header->addWidget(revert_, 0, Qt::AlignBottom);
    header->addWidget(save_, 0, Qt::AlignBottom);
    layout->addLayout(header);
    banner_ = new QLabel(this);
    banner_->setWordWrap(true);
    Style::makeError(banner_);
    banner_->hide();
    layout->addWidget(banner_);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("caseTabs"));
    tabs_->setDocumentMode(true);
    layout->addWidget(tabs_, 1);

    // Profile: the case itself and the person.
    auto* profile = new QWidget;
    auto* profileLayout = new QVBoxLayout(profile);
    caseHeading_ = new QLabel(profile);
    Style::makeHeading(caseHeading_);
    caseForm_ = new FieldForm(Entity::Case, FieldForm::fieldsWithPrefix(Entity::Case, ""), context_, profile);
    personHeading_ = new QLabel(profile);
    Style::makeHeading(personHeading_);
    personForm_ = new FieldForm(Entity::Case, FieldForm::fieldsWithPrefix(Entity::Case, "person."), context_, profile);
    profileLayout->addWidget(caseHeading_);
    profileLayout->addWidget(caseForm_);
    profileLayout->addWidget(personHeading_);
    profileLayout->addWidget(personForm_);
    profileLayout->addStretch();
    tabs_->addTab(scrolled(profile), QString());

    // Screening
    auto* screening = new QWidget;
    auto* screeningLayout = new QVBoxLayout(screening);
    screeningIntro_ = new QLabel(screening);
    screeningIntro_->setWordWrap(true);
    Style::makeHint(screeningIntro_);
    screeningForm_ =
        new FieldForm(Entity::Case, FieldForm::fieldsWithPrefix(Entity::Case, "screening."), context_, screening);
    outcomeLabel_ = new QLabel(screening);
    outcomeLabel_->setObjectName(QStringLiteral("caseOutcome"));
    Style::makeHeading(outcomeLabel_);
    screeningLayout->addWidget(screeningIntro_);
    screeningLayout->addWidget(screeningForm_);
    screeningLayout->addWidget(outcomeLabel_);
    screeningLayout->addStretch();
    tabs_->addTab(scrolled(screening), QString());

    // Trafficking situation + events
    auto* situation = new QWidget;
    auto* situationLayout = new QVBoxLayout(situation);
    situationForm_ =
        new FieldForm(Entity::Case, FieldForm::fieldsWithPrefix(Entity::Case, "situation."), context_, situation);
    internationalLabel_ = new QLabel(situation);
    internationalLabel_->setObjectName(QStringLiteral("caseScope"));
    Style::makeHeading(internationalLabel_);
    events_ = new ItemSection(session, Entity::Event, context_, situation);
    situationLayout->addWidget(internationalLabel_);
    situationLayout->addWidget(events_);
    situationLayout->addWidget(situationForm_);
    situationLayout->addStretch();
    tabs_->addTab(scrolled(situation), QString());

    consents_ = new ItemSection(session, Entity::Consent, context_);
    auto* consentPage = new QWidget;
    (new QVBoxLayout(consentPage))->addWidget(consents_);
    tabs_->addTab(consentPage, QString());

    services_ = new ItemSection(session, Entity::Service, context_);
    auto* servicePage = new QWidget;
    (new QVBoxLayout(servicePage))->addWidget(services_);
    tabs_->addTab(servicePage, QString());

    auto* referralPage = new QWidget;
    auto* referralLayout = new QVBoxLayout(referralPage);
    referrals_ = new ItemSection(session, Entity::Referral, context_, referralPage);
    transfers_ = new ItemSection(session, Entity::Transfer, context_, referralPage);
    referralLayout->addWidget(referrals_, 3);
    referralLayout->addWidget(transfers_, 2);
    tabs_->addTab(referralPage, QString());

    notes_ = new NotesSection(session);
    tabs_->addTab(notes_, QString());
    attachments_ = new AttachmentsSection(session);
    tabs_->addTab(attachments_, QString());
    history_ = new HistorySection(session);
    tabs_->addTab(history_, QString());

    for (FieldForm* form : forms()) {
        form->setMaximumWidth(960);  // long lines of check boxes are hard to scan on wide screens
        form->setCanReveal(canReveal);
        form->setEditable(canEdit);
        connect(form, &FieldForm::edited, this, &CaseFileWidget::onEdited);
        connect(form, &FieldForm::revealRequested, this, [this, form](const QString& path) { reveal(form, path); });
    }
    for (ItemSection* section : {events_, consents_, services_, referrals_, transfers_}) {
        connect(section, &ItemSection::itemsChanged, this, [this] {
            // Item saves do not touch the field edits: keep them while refreshing the lists.
            const Json pending = [this] {
                Json all = Json::object();
                for (FieldForm* form : forms()) all.update(form->changes());
                return all;
            }();
            if (!pending.empty()) {
                std::optional<cases::CaseView> fresh;
                try {
                    fresh = session_.cases().load(caseId_);
                } catch (const Error& error) {
                    showErrorDialog(this, error);
                }
                if (fresh && view_) {
                    view_->items = fresh->items;
                    view_->international = fresh->international;
                    for (ItemSection* s : {events_, consents_, services_, referrals_, transfers_}) s->setCase(caseId_, view_->items);
                    history_->setCase(caseId_, view_->items);
                    updateDerived();
                }
            } else {
                reload();
            }
            Q_EMIT caseChanged();
        });
    }
    connect(notes_, &NotesSection::notesChanged, this, [this] {
        std::optional<cases::CaseView> fresh;
        try {
            fresh = session_.cases().load(caseId_);
        } catch (const Error& error) {
            showErrorDialog(this, error);
        }
        if (fresh && view_) {
            view_->items = fresh->items;
            notes_->setCase(caseId_, view_->items);
            history_->setCase(caseId_, view_->items);
        }
        Q_EMIT caseChanged();
    });
    connect(save_, &QPushButton::clicked, this, &CaseFileWidget::save);
    connect(erase_, &QPushButton::clicked, this, [this] {
        EraseCaseDialog dialog(caseCode(), this);
        if (dialog.exec() == QDialog::Accepted) erase();
    });
    connect(revert_, &QPushButton::clicked, this, &CaseFileWidget::revert);
    retranslate();
    reload();
}

CaseFileWidget::~CaseFileWidget() = default;

std::vector<FieldForm*> CaseFileWidget::forms() const {
    return {caseForm_, personForm_, screeningForm_, situationForm_};
}

ItemSection* CaseFileWidget::section(Entity kind) const {
    switch (kind) {
    case Entity::Event: return events_;
    case Entity::Consent: return consents_;
    case Entity::Service: return services_;
    case Entity::Referral: return referrals_;
    case Entity::Transfer: return transfers_;
    default: return nullptr;
    }
}

QString CaseFileWidget::caseCode() const {
    return view_ ? QString::fromStdString(view_->doc.value("case_code", std::string())) : QString();
}

bool CaseFileWidget::reload() {
    try {
        view_ = session_.cases().load(caseId_);
    } catch (const Error& error) {
        view_.reset();
        banner_->setText(ErrorMessages::message(error));
        banner_->show();
        return false;
    }
    if (!view_) {
        banner_->setText(ErrorMessages::message(ErrorCode::NotFound, QStringLiteral("case")));
        banner_->show();
        return false;
    }
    banner_->hide();
    for (FieldForm* form : forms()) form->load(view_->doc, view_->masked);
    for (ItemSection* section : {events_, consents_, services_, referrals_, transfers_}) section->setCase(caseId_, view_->items);
    notes_->setCase(caseId_, view_->items);
    attachments_->setCase(caseId_);
    history_->setCase(caseId_, view_->items);
    updateDerived();
    onEdited();
    Q_EMIT titleChanged(caseCode());
    return true;
}

bool CaseFileWidget::reloadIfChanged() {
    if (isDirty()) return false;
    std::optional<cases::CaseView> fresh;
    try {
        fresh = session_.cases().load(caseId_);
    } catch (const Error&) {
        return reload();  // shows the error in the banner
    }
    auto sameItems = [](const std::vector<cases::Item>& a, const std::vector<cases::Item>& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const cases::Item& x, const cases::Item& y) {
            return x.id == y.id && x.doc == y.doc && x.superseded == y.superseded;
        });
    };
    if (fresh && view_ && fresh->doc == view_->doc && fresh->masked == view_->masked &&
        sameItems(fresh->items, view_->items)) {
        return false;
    }
    return reload();
}

bool CaseFileWidget::isDirty() const {
    for (FieldForm* form : forms()) {
        if (form->isDirty()) return true;
    }
    return notes_->hasUnsavedText();
}

void CaseFileWidget::onEdited() {
    const bool dirty = isDirty();
    save_->setEnabled(dirty);
    revert_->setEnabled(dirty);
    updateDerived();
    if (dirty != lastDirty_) {
        lastDirty_ = dirty;
        Q_EMIT dirtyChanged(dirty);
    }
}

void CaseFileWidget::updateDerived() {
    if (!view_) return;
    // Live: the outcome follows the ticks before they are saved.
    Json doc = view_->doc;
    for (FieldForm* form : forms()) form->applyTo(doc);
    const bool minor = model::isMinor(doc) || (view_->minor && personForm_->isMasked("person.date_of_birth"));
    const std::string outcome = model::screeningOutcome(doc);
    outcomeLabel_->setText(tr("Screening outcome: %1").arg(CodeLabels::label(CodeList::ScreeningOutcome, outcome)));
    std::vector<Json> events;
    for (const auto& item : view_->items) {
        if (item.kind == Entity::Event && !item.superseded) events.push_back(item.doc);
    }
    const auto international = model::isInternational(doc, events);
    internationalLabel_->setText(international ? tr("Scope: %1").arg(DisplayFormat::internationalText(international))
                                               : tr("Scope: not known yet (add the citizenship and the countries "
                                                    "of the events)"));
    QStringList parts;
    parts << CodeLabels::label(CodeList::CaseStatus, doc.value("status", std::string()));
    parts << CodeLabels::label(CodeList::ScreeningOutcome, outcome);
    if (minor) parts << tr("Minor");
    if (view_->age) parts << tr("Age %1").arg(DisplayFormat::number(*view_->age));
    parts << tr("Office %1").arg(QString::fromStdString(doc.value("office", std::string())));
    summary_->setText(followUiDirection(parts.join(QStringLiteral(" · "))));
    code_->setText(followUiDirection(caseCode()));
    duplicateBadge_->setCase(view_->doc);
}

void CaseFileWidget::reveal(FieldForm* form, const QString& path) {
    try {
        const std::string field = path.toStdString();
        form->setRevealed(field, session_.cases().reveal(caseId_, field));
    } catch (const Error& error) {
        showErrorDialog(this, error);
    }
}

bool CaseFileWidget::save() {
    if (!view_) return false;
    Json changes = Json::object();
    for (FieldForm* form : forms()) {
        form->clearErrors();
        changes.update(form->changes());
    }
    banner_->hide();
    if (changes.empty()) return true;
    try {
        session_.cases().updateFields(caseId_, changes);
    } catch (const Error& error) {
        const QString message = ErrorMessages::message(error);
        for (FieldForm* form : forms()) {
            if (form->showError(error.subject(), message)) {
                // Show the tab that holds the field.
                for (int index = 0; index < tabs_->count(); ++index) {
                    if (tabs_->widget(index)->isAncestorOf(form)) tabs_->setCurrentIndex(index);
                }
                return false;
            }
        }
        banner_->setText(message);
        banner_->show();
        return false;
    }
    // Revealed values stay revealed after a save only if the user reveals them again: reload from core.
    reload();
    Q_EMIT caseChanged();
    return true;
}

void CaseFileWidget::revert() {
    if (view_) {
        for (FieldForm* form : forms()) form->load(view_->doc, view_->masked);
    }
    banner_->hide();
    onEdited();
}

bool CaseFileWidget::confirmClose() {
    if (!isDirty()) return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                    tr("The case %1 has changes that are not saved.").arg(caseCode()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Do you want to save them?"));
    box.button(QMessageBox::Save)->setText(tr("Save"));
    box.button(QMessageBox::Discard)->setText(tr("Discard changes"));
    box.button(QMessageBox::Cancel)->setText(tr("Cancel"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        if (notes_->hasUnsavedText() && !notes_->addNote()) return false;
        return save();
    case QMessageBox::Discard: return true;
    default: return false;
    }
}

bool CaseFileWidget::erase() {
    try {
        session_.eraseCase(caseId_);
    } catch (const Error& error) {
        banner_->setText(ErrorMessages::message(error));
        banner_->show();
        return false;
    }
    Q_EMIT caseErased();
    return true;
}

void CaseFileWidget::retranslate() {
    tabs_->setTabText(ProfileTab, tr("Profile"));
    tabs_->setTabText(ScreeningTab, tr("Screening"));
    tabs_->setTabText(SituationTab, tr("Trafficking situation"));
    tabs_->setTabText(ConsentTab, tr("Consent"));
    tabs_->setTabText(AssistanceTab, tr("Assistance"));
    tabs_->setTabText(ReferralsTab, tr("Referrals"));
    tabs_->setTabText(NotesTab, tr("Notes"));
    tabs_->setTabText(AttachmentsTab, tr("Attachments"));
    tabs_->setTabText(HistoryTab, tr("History"));
    caseHeading_->setText(tr("Case"));
    personHeading_->setText(tr("The person"));
    screeningIntro_->setText(tr("Palermo Protocol, article 3: an act, by a means, for the purpose of exploitation. "
                                "For a minor the means are not required."));
    save_->setText(tr("Save"));
    save_->setToolTip(tr("Save the changes of every tab (Ctrl+S)"));
    revert_->setText(tr("Undo changes"));
    erase_->setText(tr("Erase…"));
    erase_->setToolTip(tr("Erase this case at the person's request, here and on every copy (cannot be undone)"));
    updateDerived();
}

void CaseFileWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace abri::app
