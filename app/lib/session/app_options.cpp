#include "session/app_options.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QStandardPaths>

namespace abri::app {

QString defaultVaultPath() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("abri.vault"));
}

bool parseCommandLine(const QStringList& arguments, AppOptions& options) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Abri: case management for organisations assisting victims of human trafficking."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption vaultOption(
        QStringList{QStringLiteral("vault")},
        QCoreApplication::translate("CommandLine", "Open the vault stored in <path> instead of the default one."),
        QCoreApplication::translate("CommandLine", "path"));
    parser.addOption(vaultOption);
    parser.process(arguments);  // exits on --help, --version and unknown options
    options.vaultPath = parser.isSet(vaultOption) ? QDir::cleanPath(QDir::current().absoluteFilePath(
                                                        parser.value(vaultOption)))
                                                  : defaultVaultPath();
    return true;
}

}  // namespace abri::app
