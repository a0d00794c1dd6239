#pragma once
// Error dialogs that do not block the event loop (QMessageBox::open), so that auto-lock and tests keep working
// while one is shown.
#include <QtCore/QString>

class QWidget;

namespace abri {
class Error;
}

namespace abri::app {

void showErrorDialog(QWidget* parent, const QString& title, const QString& text);
void showErrorDialog(QWidget* parent, const Error& error);

}  // namespace abri::app
