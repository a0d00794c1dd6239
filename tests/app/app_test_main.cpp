// Catch2 runner for the app's tests: a QApplication on the offscreen platform (no display needed), test-mode
// QStandardPaths (settings never touch the user's own), the embedded resources.
#include <QtCore/QStandardPaths>
#include <QtWidgets/QApplication>

#include "app_resources.h"
#include "i18n/language.h"
#include "support/catch_session.h"

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("AbriTest"));
    QApplication::setApplicationName(QStringLiteral("abri-tests"));
    abri::app::initResources();
    abri::app::Language::apply(QStringLiteral("en"));
    return abri::test::runCatchSession(argc, argv);
}
