#pragma once
// The frame of the sync dialogs that list one card per item (conflicts, refusals): an intro, a line shown when
// the list is empty, the cards in a scroll area, an error line and Close (which accepts the dialog).
#include <cstddef>
#include <vector>

class QDialog;
class QLabel;
class QPushButton;
class QString;
class QVBoxLayout;
class QWidget;

namespace abri::app {

struct CardListFrame {
    QLabel* intro = nullptr;
    QLabel* empty = nullptr;
    QWidget* cardsHost = nullptr;
    QVBoxLayout* cardsLayout = nullptr;  // ends with a stretch: insert cards before it
    QLabel* error = nullptr;             // hidden until a message is shown
    QPushButton* close = nullptr;
};

// Lays the frame out in `dialog`; `emptyName` and `errorName` are the object names tests find the labels by.
CardListFrame buildCardListFrame(QDialog& dialog, const QString& emptyName, const QString& errorName);

// The widget `member` of card `index` of `cards`, or nullptr when there is no such card (the dialogs' accessors,
// which tests use to read and click the cards).
template <typename Card, typename Widget>
Widget* cardWidget(const std::vector<Card>& cards, int index, Widget* Card::*member) {
    if (index < 0 || index >= static_cast<int>(cards.size())) return nullptr;
    return cards[static_cast<std::size_t>(index)].*member;
}

}  // namespace abri::app
