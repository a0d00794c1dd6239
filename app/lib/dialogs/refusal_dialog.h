#pragma once
// Changes the hub refused (sync/PROTOCOL.md §3.9, §7.5): one card per open refusal notice with the reason in the
// user's language and the code to quote to the hub operator. The hub never stored those changes; they stay in this
// vault, and the sync service sends nothing after them until they are accepted. For a refusal because of this
// computer's clock the card shows the hub's time beside this computer's time and a button that re-sends the changes
// with new time stamps once the clock is corrected (core refuses while it is still wrong; the reason is shown).
// Other refusals have no recovery on this computer: the card says to contact the hub operator.
#include <QtCore/QTimer>
#include <QtWidgets/QDialog>

#include <optional>
#include <vector>

#include "devicesync/refusals.h"
#include "main/sync_problem.h"

class QFrame;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace abri::app {

class SyncController;

class RefusalDialog : public QDialog {
    Q_OBJECT

public:
    explicit RefusalDialog(SyncController& controller, QWidget* parent = nullptr);

    // Re-reads the open refusals and rebuilds the cards.
    void reload();
    int refusalCount() const { return static_cast<int>(refusals_.size()); }

    // What the card's button does. False when core refused (the reason is shown in errorLabel()).
    bool resend(int index);

    QFrame* card(int index) const;
    QLabel* reasonLabel(int index) const;
    QLabel* hubTimeLabel(int index) const;    // clock refusals only (hidden otherwise)
    QLabel* localTimeLabel(int index) const;  // clock refusals only
    QPushButton* resendButton(int index) const;  // clock refusals only
    QLabel* errorLabel() const { return error_; }

Q_SIGNALS:
    // Changes were re-stamped and sealed again: the status bar refreshes.
    void resent();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Card {
        QFrame* box = nullptr;
        QLabel* title = nullptr;
        QLabel* reason = nullptr;
        QLabel* hubTime = nullptr;
        QLabel* localTime = nullptr;
        QLabel* advice = nullptr;
        QLabel* code = nullptr;
        QPushButton* resend = nullptr;
    };

    void rebuildCards();
    void retranslate();
    void retranslateCard(std::size_t index);
    void updateLocalTimes();

    SyncController& controller_;
    std::vector<devicesync::RecordedRefusal> refusals_;
    std::vector<Card> cards_;
    QLabel* intro_;
    QLabel* empty_;
    QWidget* cardsHost_;
    QVBoxLayout* cardsLayout_;
    QLabel* error_;
    QPushButton* close_;
    std::optional<SyncProblem> failure_;  // why the last resend did nothing (kept as a code: follows the language)
    QTimer clockTimer_;  // this computer's time on the cards follows the clock while the user corrects it
};

}  // namespace abri::app
