#pragma once
// The client's own preferences (not case data): UI language, auto-lock delay, backup reminder interval. Stored with QSettings, outside the
// vault, because the language must be known before anyone unlocks.
#include <QtCore/QString>

#include <memory>

class QSettings;

namespace abri::app {

class AppSettings {
public:
    static constexpr int kDefaultAutoLockMinutes = 10;
    static constexpr int kMinAutoLockMinutes = 1;
    static constexpr int kMaxAutoLockMinutes = 240;

    // iniFile empty: the platform's usual place (~/.config/Abri/abri.conf).
    explicit AppSettings(const QString& iniFile = {});
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    QString language() const;  // "en", "fr", "ar"; the system language on first start
    void setLanguage(const QString& language);
    int autoLockMinutes() const;
    void setAutoLockMinutes(int minutes);
    // After how many days without a backup the status bar reminds (the time of the last backup is in the vault).
    static constexpr int kDefaultBackupReminderDays = 7;
    static constexpr int kMinBackupReminderDays = 1;
    static constexpr int kMaxBackupReminderDays = 90;
    int backupReminderDays() const;
    void setBackupReminderDays(int days);

private:
    std::unique_ptr<QSettings> settings_;
};

}  // namespace abri::app
