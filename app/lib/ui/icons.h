#pragma once
// The app's SVG icons, drawn in the palette's text colour so that they follow light and dark themes.
#include <QtGui/QIcon>
#include <QtCore/QString>

namespace abri::app::Icons {

// name: file name without extension under :/icons ("lock", "new_case"...). Drawn in the palette's text colour
// at paint time, so a theme change (dark mode) is followed without recreating the icon.
QIcon icon(const QString& name);
QIcon appIcon();

}  // namespace abri::app::Icons
