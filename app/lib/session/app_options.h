#pragma once
// How the client was started: which vault, which settings file, how hard to hash new passwords.
#include <QtCore/QString>
#include <QtCore/QStringList>

#include "crypto/primitives.h"

namespace abri::app {

struct AppOptions {
    QString vaultPath;          // the vault file; its key slots sit beside it in "<vault>.keys"
    QString settingsFile;       // empty: the platform default
    crypto::KdfParams kdf = crypto::KdfParams::moderate();
};

// QStandardPaths::AppDataLocation/abri.vault
QString defaultVaultPath();

// Parses --vault PATH (and --help, --version). On a usage error, prints it and returns false.
bool parseCommandLine(const QStringList& arguments, AppOptions& options);

}  // namespace abri::app
