#pragma once
// A one-line label that cuts its text with "…" when space is short instead of pushing its neighbours aside (the
// status bar's sync message). text() stays the full text; the tooltip is the place to read all of it.
#include <QtWidgets/QLabel>

namespace abri::app {

class ElidingLabel : public QLabel {
    Q_OBJECT

public:
    explicit ElidingLabel(QWidget* parent = nullptr);

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
};

}  // namespace abri::app
