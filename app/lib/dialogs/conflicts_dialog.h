#pragma once
// Open conflicts (sync/PROTOCOL.md §5.3, §5.5): fields that were changed on two computers before either had seen
// the other's change. The more recent change is the current value; each card shows it beside the competing value.
// A supervisor (Permission::ResolveConflicts) keeps one of them, which writes a new change that ships like any
// edit and closes the conflict everywhere; others see the list read-only. What may be shown comes from core
// (merge/conflicts_view.h): sensitive values stay masked until revealed there, which checks and audits the reveal.
#include <QtWidgets/QDialog>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <set>
#include <vector>

#include "merge/conflicts_view.h"
#include "model/fields.h"

class QFrame;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace abri::app {

class Session;

class ConflictsDialog : public QDialog {
    Q_OBJECT

public:
    explicit ConflictsDialog(Session& session, QWidget* parent = nullptr);

    // Re-reads the open conflicts and rebuilds the cards.
    void reload();
    int conflictCount() const { return static_cast<int>(entries_.size()); }
    bool canResolve() const { return canResolve_; }

    // The actions of the card at `index` (what its buttons do). False when core refused (the message is shown).
    bool keepCurrent(int index);
    bool useOther(int index);
    bool reveal(int index);

    QFrame* card(int index) const;
    QLabel* cardTitle(int index) const;
    QLabel* currentValueLabel(int index) const;
    QLabel* otherValueLabel(int index) const;
    QLabel* errorLabel() const { return error_; }

Q_SIGNALS:
    // A choice was written: the status bar, the case list and open cases refresh.
    void resolved();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Entry {
        merge::ConflictView view;  // as core lets this user see it (sensitive values masked unless revealed)
        QString caseCode;
        model::Entity kind = model::Entity::Case;
        const model::FieldSpec* spec = nullptr;  // for display; nullptr for a field from a newer version
    };
    struct Card {
        QFrame* box = nullptr;
        QLabel* title = nullptr;
        QLabel* currentCaption = nullptr;
        QLabel* current = nullptr;
        QLabel* currentOrigin = nullptr;
        QLabel* otherCaption = nullptr;
        QLabel* other = nullptr;
        QLabel* otherOrigin = nullptr;
        QLabel* detected = nullptr;
        QPushButton* keep = nullptr;
        QPushButton* use = nullptr;
        QPushButton* reveal = nullptr;
    };

    std::vector<Entry> readEntries(const std::set<std::int64_t>& reveal);
    void rebuildCards();
    void retranslate();
    void retranslateCard(std::size_t index);
    bool choose(int index, bool keepCurrentValue);
    QString valueText(const Entry& entry, const nlohmann::json& value) const;
    QString originText(const merge::ConflictValue& side) const;

    Session& session_;
    bool canResolve_;
    bool canReveal_;
    std::vector<Entry> entries_;
    std::vector<Card> cards_;
    std::set<std::int64_t> revealed_;  // conflicts revealed here: core reveals (and audits) them again on reload
    QLabel* intro_;
    QLabel* empty_;
    QWidget* cardsHost_;
    QVBoxLayout* cardsLayout_;
    QLabel* error_;
    QPushButton* close_;
};

}  // namespace abri::app
