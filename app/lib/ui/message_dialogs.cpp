#include "ui/message_dialogs.h"

#include <QtCore/QCoreApplication>
#include <QtWidgets/QMessageBox>

#include "common/error.h"
#include "i18n/error_messages.h"

namespace abri::app {

void showErrorDialog(QWidget* parent, const QString& title, const QString& text) {
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("errorDialog"));
    box->open();
}

void showErrorDialog(QWidget* parent, const Error& error) {
    showErrorDialog(parent, QStringLiteral("Abri"), ErrorMessages::message(error));  // the product name
}

}  // namespace abri::app
