#include "ui/style.h"

#include <QtGui/QPalette>
#include <QtWidgets/QLabel>

namespace abri::app::Style {

namespace {
bool isDark(const QPalette& palette) { return palette.color(QPalette::Window).lightness() < 128; }
}  // namespace

void makeHint(QLabel* label) {
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
}

void makeError(QLabel* label) {
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    label->setPalette(palette);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void makeHeading(QLabel* label) {
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
}

void makeTitle(QLabel* label) {
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.6);
    label->setFont(font);
}

}  // namespace abri::app::Style
