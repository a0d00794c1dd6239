#pragma once
// The frame of the sync dialogs that list one card per item (conflicts, refusals): an intro, a line shown when
// the list is empty, the cards in a scroll area, an error line and Close (which accepts the dialog).
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

}  // namespace abri::app
