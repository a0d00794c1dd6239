#pragma once
// The app's SVG icons, drawn in the palette's text colour so that they follow light and dark themes.
#include <QtGui/QIcon>
#include <QtGui/QPalette>
#include <QtCore/QString>

namespace abri::app::Icons {

// name: file name without extension under :/icons ("lock", "new_case"...).
QIcon icon(const QString& name, const QPalette& palette = {});
QIcon appIcon();

}  // namespace abri::app::Icons
