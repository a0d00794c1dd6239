#pragma once
// Small, palette-aware touches shared by the screens (hint and error text, headings). Colours derive from the
// system palette so that dark themes stay readable.
class QLabel;
class QWidget;

namespace abri::app::Style {

void makeHint(QLabel* label);     // smaller, muted text
void makeError(QLabel* label);    // error colour, selectable
void makeHeading(QLabel* label);  // larger, bold
void makeTitle(QLabel* label);    // page title

}  // namespace abri::app::Style
