#include "settings/app_settings.h"

#include <QtCore/QSettings>

#include <algorithm>

#include "i18n/language.h"

namespace abri::app {

namespace {
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kAutoLockKey = QStringLiteral("security/auto_lock_minutes");
const QString kBackupReminderKey = QStringLiteral("backup/reminder_days");
}  // namespace

AppSettings::AppSettings(const QString& iniFile)
    : settings_(iniFile.isEmpty() ? std::make_unique<QSettings>()
                                  : std::make_unique<QSettings>(iniFile, QSettings::IniFormat)) {}

AppSettings::~AppSettings() = default;

QString AppSettings::language() const {
    const QString stored = settings_->value(kLanguageKey).toString();
    return Language::available().contains(stored) ? stored : Language::systemDefault();
}

void AppSettings::setLanguage(const QString& language) {
    settings_->setValue(kLanguageKey, language);
    settings_->sync();
}

int AppSettings::autoLockMinutes() const {
    bool ok = false;
    const int minutes = settings_->value(kAutoLockKey, kDefaultAutoLockMinutes).toInt(&ok);
    return ok ? std::clamp(minutes, kMinAutoLockMinutes, kMaxAutoLockMinutes) : kDefaultAutoLockMinutes;
}

void AppSettings::setAutoLockMinutes(int minutes) {
    settings_->setValue(kAutoLockKey, std::clamp(minutes, kMinAutoLockMinutes, kMaxAutoLockMinutes));
    settings_->sync();
}

int AppSettings::backupReminderDays() const {
    bool ok = false;
    const int days = settings_->value(kBackupReminderKey, kDefaultBackupReminderDays).toInt(&ok);
    return ok ? std::clamp(days, kMinBackupReminderDays, kMaxBackupReminderDays) : kDefaultBackupReminderDays;
}

void AppSettings::setBackupReminderDays(int days) {
    settings_->setValue(kBackupReminderKey, std::clamp(days, kMinBackupReminderDays, kMaxBackupReminderDays));
    settings_->sync();
}

}  // namespace abri::app
