#include "dialogs/conflicts_dialog.h"

#include <QtCore/QEvent>
#include <QtCore/QStringList>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QFrame>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>


#include "common/error.h"
#include "i18n/code_labels.h"
#include "i18n/display_format.h"
#include "i18n/error_messages.h"
#include "i18n/field_labels.h"
#include "merge/conflicts_view.h"
#include "session/session.h"
#include "ui/icons.h"
#include "ui/card_list_frame.h"
#include "ui/style.h"
#include "ui/text_direction.h"
#include "vault/vault.h"

namespace abri::app {

using nlohmann::json;

namespace {

bool isEmptyValue(const json& value) {
    return value.is_null() || (value.is_string() && value.get_ref<const std::string&>().empty()) ||
           (value.is_array() && value.empty()) || (value.is_object() && value.empty());
}

QString text(const json& value, const char* key) {
    const auto it = value.find(key);
    return it != value.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

// Contacts and identity documents in full (the case file shows them as a table; one line is enough here).
QString recordListText(model::FieldType type, const json& value) {
    QStringList parts;
    for (const auto& record : value) {
        if (!record.is_object()) continue;
        if (type == model::FieldType::Contacts) {
            parts << QStringLiteral("%1: %2").arg(CodeLabels::label(model::CodeList::ContactType, text(record, "type")),
                                                  text(record, "value"));
        } else {
            QString line = CodeLabels::label(model::CodeList::IdentityDocumentType, text(record, "type")) +
                           QLatin1Char(' ') + text(record, "number");
            const QString country = text(record, "country");
            if (!country.isEmpty()) {
                line += QStringLiteral(" (%1)").arg(CodeLabels::label(model::CodeList::Country, country));
            }
            parts << line.trimmed();
        }
    }
    return parts.join(QStringLiteral("; "));
}

}  // namespace

ConflictsDialog::ConflictsDialog(Session& session, QWidget* parent)
    : QDialog(parent), session_(session), canResolve_(session.can(vault::Permission::ResolveConflicts)),
      canReveal_(session.can(vault::Permission::RevealSensitive)) {
    setObjectName(QStringLiteral("conflictsDialog"));
    const CardListFrame frame =
        buildCardListFrame(*this, QStringLiteral("noConflicts"), QStringLiteral("conflictsError"));
    intro_ = frame.intro;
    empty_ = frame.empty;
    cardsHost_ = frame.cardsHost;
    cardsLayout_ = frame.cardsLayout;
    error_ = frame.error;
    close_ = frame.close;
    resize(860, 560);
    retranslate();
    reload();
}

void ConflictsDialog::reload() {
    try {
        entries_ = readEntries(revealed_);
        error_->hide();
    } catch (const Error& error) {
        entries_.clear();
        error_->setText(ErrorMessages::message(error));
        error_->show();
    }
    rebuildCards();
}

std::vector<ConflictsDialog::Entry> ConflictsDialog::readEntries(const std::set<std::int64_t>& reveal) {
    // Core decides what may be shown: sensitive values come masked unless revealed (checked and audited there).
    merge::ConflictReveal request;
    request.ids = reveal;
    std::vector<Entry> result;
    for (auto& view : merge::viewOpenConflicts(session_.vault(), request)) {
        Entry entry;
        entry.kind = view.kind.value_or(model::Entity::Case);
        entry.spec = model::findField(entry.kind, view.conflict.field);
        entry.caseCode = QString::fromStdString(view.caseCode);
        entry.view = std::move(view);
        result.push_back(std::move(entry));
    }
    return result;
}

QString ConflictsDialog::valueText(const Entry& entry, const json& value) const {
    if (isEmptyValue(value)) return tr("(empty)");
    if (entry.spec == nullptr) return QString::fromStdString(value.dump());  // a field from a newer version
    if (entry.kind == model::Entity::Case && entry.spec->path == "caseworker" && value.is_string()) {
        return session_.userDisplayName(value.get<std::string>());
    }
    if (entry.spec->type == model::FieldType::Contacts || entry.spec->type == model::FieldType::IdentityDocuments) {
        return value.is_array() ? recordListText(entry.spec->type, value) : QString();
    }
    return DisplayFormat::value(*entry.spec, value);
}

QString ConflictsDialog::originText(const merge::ConflictValue& side) const {
    if (!side.author) return {};
    const QString when = DisplayFormat::dateTime(static_cast<std::int64_t>(journal::hlcPhysicalMs(side.version.hlc)));
    if (side.version.device == session_.vault().deviceId()) {
        return tr("Entered on this computer by %1, %2").arg(session_.userDisplayName(*side.author), when);
    }
    return tr("Entered on another computer, %1").arg(when);
}

void ConflictsDialog::rebuildCards() {
    for (Card& card : cards_) {
        cardsLayout_->removeWidget(card.box);
        card.box->hide();
        card.box->deleteLater();
    }
    cards_.clear();
    for (std::size_t index = 0; index < entries_.size(); ++index) {
        const Entry& entry = entries_[index];
        Card card;
        card.box = new QFrame(cardsHost_);
        card.box->setObjectName(QStringLiteral("conflict_%1").arg(entry.view.conflict.id));
        card.box->setFrameShape(QFrame::StyledPanel);
        auto* grid = new QGridLayout(card.box);
        grid->setColumnStretch(1, 1);
        card.title = new QLabel(card.box);
        card.title->setObjectName(QStringLiteral("conflictTitle"));
        card.title->setWordWrap(true);
        Style::makeHeading(card.title);
        card.currentCaption = new QLabel(card.box);
        card.current = new QLabel(card.box);
        card.current->setObjectName(QStringLiteral("currentValue"));
        card.currentOrigin = new QLabel(card.box);
        card.otherCaption = new QLabel(card.box);
        card.other = new QLabel(card.box);
        card.other->setObjectName(QStringLiteral("otherValue"));
        card.otherOrigin = new QLabel(card.box);
        card.detected = new QLabel(card.box);
        for (QLabel* value : {card.current, card.other}) {
            value->setWordWrap(true);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            QFont font = value->font();
            font.setBold(true);
            value->setFont(font);
        }
        for (QLabel* hint : {card.currentOrigin, card.otherOrigin, card.detected}) Style::makeHint(hint);
        card.keep = new QPushButton(card.box);
        card.keep->setObjectName(QStringLiteral("keepCurrent"));
        card.use = new QPushButton(card.box);
        card.use->setObjectName(QStringLiteral("useOther"));
        card.reveal = new QPushButton(card.box);
        card.reveal->setObjectName(QStringLiteral("revealValues"));
        card.reveal->setIcon(Icons::icon(QStringLiteral("reveal")));
        const bool actionable = canResolve_ && entry.view.exists;
        card.keep->setVisible(actionable);
        card.use->setVisible(actionable);
        card.reveal->setVisible(canReveal_ && entry.view.revealable);

        grid->addWidget(card.title, 0, 0, 1, 3);
        grid->addWidget(card.currentCaption, 1, 0, Qt::AlignTop);
        grid->addWidget(card.current, 1, 1);
        grid->addWidget(card.keep, 1, 2, Qt::AlignTop);
        grid->addWidget(card.currentOrigin, 2, 1);
        grid->addWidget(card.otherCaption, 3, 0, Qt::AlignTop);
        grid->addWidget(card.other, 3, 1);
        grid->addWidget(card.use, 3, 2, Qt::AlignTop);
        grid->addWidget(card.otherOrigin, 4, 1);
        grid->addWidget(card.detected, 5, 0, 1, 2);
        grid->addWidget(card.reveal, 5, 2);

        const int at = static_cast<int>(index);
        connect(card.keep, &QPushButton::clicked, this, [this, at] { keepCurrent(at); });
        connect(card.use, &QPushButton::clicked, this, [this, at] { useOther(at); });
        connect(card.reveal, &QPushButton::clicked, this, [this, at] { reveal(at); });
        cardsLayout_->insertWidget(cardsLayout_->count() - 1, card.box);
        cards_.push_back(card);
        retranslateCard(index);
    }
    empty_->setVisible(entries_.empty());
}

void ConflictsDialog::retranslateCard(std::size_t index) {
    const Entry& entry = entries_[index];
    Card& card = cards_[index];
    const merge::ConflictView& view = entry.view;
    QString field = FieldLabels::label(entry.kind, view.conflict.field);
    if (field.isEmpty()) field = QString::fromStdString(view.conflict.field);
    const QString code = entry.caseCode.isEmpty() ? tr("Deleted case") : leftToRight(entry.caseCode);
    card.title->setText(entry.kind == model::Entity::Case
                           ? tr("Case %1 · %2").arg(code, field)
                           : tr("Case %1 · %2 · %3").arg(code, FieldLabels::entityName(entry.kind), field));
    card.currentCaption->setText(tr("Current value"));
    card.otherCaption->setText(tr("Other value"));
    const QString hidden = tr("Hidden (sensitive)");
    if (!view.exists) {
        card.current->setText(tr("This record was deleted; there is nothing to choose."));
    } else {
        card.current->setText(view.winning.withheld ? hidden
                                                    : followUiDirection(valueText(entry, view.winning.value)));
    }
    card.other->setText(view.losing.withheld ? hidden : followUiDirection(valueText(entry, view.losing.value)));
    card.currentOrigin->setText(originText(view.winning));
    card.currentOrigin->setVisible(view.winning.author.has_value());
    card.otherOrigin->setText(originText(view.losing));
    card.otherOrigin->setVisible(view.losing.author.has_value());
    card.detected->setText(tr("Conflict found %1").arg(DisplayFormat::dateTime(view.conflict.detectedMs)));
    card.keep->setText(tr("Keep current"));
    card.keep->setToolTip(tr("Keep the current value. Your choice is sent to the hub like any other change."));
    card.use->setText(tr("Use this value"));
    card.use->setToolTip(tr("Replace the current value with this one. Your choice is sent to the hub like any "
                            "other change."));
    card.reveal->setText(tr("Reveal"));
    card.reveal->setToolTip(tr("Show both values. Every reveal is recorded in the audit log."));
}

bool ConflictsDialog::reveal(int index) {
    if (index < 0 || index >= conflictCount()) return false;
    std::set<std::int64_t> wanted = revealed_;
    wanted.insert(entries_[static_cast<std::size_t>(index)].view.conflict.id);
    try {
        // Core checks the permission and audits the reveal before the values reach this dialog.
        entries_ = readEntries(wanted);
    } catch (const Error& error) {
        error_->setText(ErrorMessages::message(error));
        error_->show();
        return false;
    }
    revealed_ = std::move(wanted);
    error_->hide();
    rebuildCards();
    return true;
}
bool ConflictsDialog::keepCurrent(int index) { return choose(index, true); }

bool ConflictsDialog::useOther(int index) { return choose(index, false); }

bool ConflictsDialog::choose(int index, bool keepCurrentValue) {
    if (index < 0 || index >= conflictCount()) return false;
    const Entry& entry = entries_[static_cast<std::size_t>(index)];
    try {
        // By side, not by value: core takes the value itself, so a masked conflict can be resolved unrevealed.
        merge::resolveOpenConflict(session_.vault(), entry.view.conflict.id,
                                   keepCurrentValue ? merge::KeptValue::Winning : merge::KeptValue::Losing);
    } catch (const Error& error) {
        error_->setText(ErrorMessages::message(error));
        error_->show();
        return false;
    }
    reload();
    Q_EMIT resolved();
    return true;
}

QFrame* ConflictsDialog::card(int index) const {
    return cardWidget(cards_, index, &Card::box);
}

QLabel* ConflictsDialog::cardTitle(int index) const {
    return cardWidget(cards_, index, &Card::title);
}

QLabel* ConflictsDialog::currentValueLabel(int index) const {
    return cardWidget(cards_, index, &Card::current);
}

QLabel* ConflictsDialog::otherValueLabel(int index) const {
    return cardWidget(cards_, index, &Card::other);
}

void ConflictsDialog::retranslate() {
    setWindowTitle(tr("Conflicts"));
    const QString what = tr("These fields were changed on two computers before either had seen the other's change. "
                            "The more recent change is the current value; the other one is kept here.");
    intro_->setText(canResolve_ ? what + QLatin1Char(' ') +
                                      tr("Choose the value to keep: your choice is a new change, sent to the hub "
                                         "like any other.")
                                : what + QLatin1Char(' ') + tr("Only a supervisor can choose the value to keep."));
    empty_->setText(tr("There are no conflicts."));
    close_->setText(tr("Close"));
    for (std::size_t index = 0; index < cards_.size(); ++index) retranslateCard(index);
}

void ConflictsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace abri::app
