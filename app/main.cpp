// abri: the caseworker desktop client. Everything lives in abri_app_lib; this only wires the application object,
// the command line, the settings and the main window.
#include <QtWidgets/QApplication>

#include "app_resources.h"
#include "i18n/language.h"
#include "main/main_window.h"
#include "session/app_options.h"
#include "settings/app_settings.h"
#include "ui/icons.h"

int main(int argc, char* argv[]) {
    QApplication application(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Abri"));
    QApplication::setApplicationName(QStringLiteral("abri"));
    QApplication::setApplicationDisplayName(QStringLiteral("Abri"));
    QApplication::setApplicationVersion(QStringLiteral(ABRI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.abri.Abri"));  // resources/io.github.abri.Abri.desktop
    abri::app::initResources();
    QApplication::setWindowIcon(abri::app::Icons::appIcon());

    abri::app::AppSettings settings;
    abri::app::Language::apply(settings.language());  // before parsing: --help is translated too

    abri::app::AppOptions options;
    if (!abri::app::parseCommandLine(QApplication::arguments(), options)) return 2;

    abri::app::MainWindow window(options, settings);
    window.show();
    window.start();
    return QApplication::exec();
}
