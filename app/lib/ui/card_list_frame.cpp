#include "ui/card_list_frame.h"

#include <QtWidgets/QDialog>
#include <QtWidgets/QFrame>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

#include "ui/style.h"

namespace abri::app {

CardListFrame buildCardListFrame(QDialog& dialog, const QString& emptyName, const QString& errorName) {
    CardListFrame frame;
    auto* layout = new QVBoxLayout(&dialog);
    frame.intro = new QLabel(&dialog);
    frame.intro->setWordWrap(true);
    Style::makeHint(frame.intro);
    frame.empty = new QLabel(&dialog);
    frame.empty->setObjectName(emptyName);
    frame.empty->setAlignment(Qt::AlignCenter);
    auto* scroll = new QScrollArea(&dialog);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    frame.cardsHost = new QWidget(scroll);
    frame.cardsLayout = new QVBoxLayout(frame.cardsHost);
    frame.cardsLayout->setContentsMargins(0, 0, 0, 0);
    frame.cardsLayout->addStretch();
    scroll->setWidget(frame.cardsHost);
    frame.error = new QLabel(&dialog);
    frame.error->setObjectName(errorName);
    frame.error->setWordWrap(true);
    Style::makeError(frame.error);
    frame.error->hide();
    frame.close = new QPushButton(&dialog);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(frame.error, 1);
    bottom->addStretch();
    bottom->addWidget(frame.close, 0, Qt::AlignBottom);
    layout->addWidget(frame.intro);
    layout->addWidget(frame.empty);
    layout->addWidget(scroll, 1);
    layout->addLayout(bottom);
    QObject::connect(frame.close, &QPushButton::clicked, &dialog, &QDialog::accept);
    return frame;
}

}  // namespace abri::app
