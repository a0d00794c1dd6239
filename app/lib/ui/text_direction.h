#pragma once
// Paths, codes and user names inside translated sentences: kept left to right in an Arabic sentence, so that
// "/tmp/abri.vault" does not come out as "tmp/abri.vault/".
#include <QtCore/QString>

namespace abri::app {

inline QString leftToRight(const QString& text) {
    return QChar(0x202A) + text + QChar(0x202C);  // LEFT-TO-RIGHT EMBEDDING ... POP DIRECTIONAL FORMATTING
}

}  // namespace abri::app

#include <QtGui/QGuiApplication>

namespace abri::app {

// QLabel aligns plain text by the text's own first strong character, so a label starting with a Latin case code
// or name sits at the left even in an Arabic window. A leading RIGHT-TO-LEFT MARK makes it follow the UI.
inline QString followUiDirection(const QString& text) {
    return QGuiApplication::isRightToLeft() && !text.isEmpty() ? QChar(0x200F) + text : text;
}

}  // namespace abri::app
