#pragma once
// Preferences of this computer: UI language (applied at once) and the auto-lock delay; and, for roles that may
// configure statistics, the vault's minimum cell size for reports (stored in the vault, audited).
#include <QtWidgets/QDialog>

class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace abri::app {

class AppSettings;
class LanguageSelector;
class Session;

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    // session: the unlocked vault (nullptr when locked); the minimum cell size shows only when its role may
    // configure statistics.
    SettingsDialog(AppSettings& settings, Session* session = nullptr, QWidget* parent = nullptr);

    LanguageSelector* languageSelector() const { return language_; }
    QSpinBox* autoLockSpin() const { return autoLock_; }
    QSpinBox* backupReminderSpin() const { return backupReminder_; }
    QSpinBox* minimumCellSizeSpin() const { return minimumCellSize_; }
    QLabel* errorLabel() const { return error_; }
    // False (and a message, the dialog stays open) when the vault refused the minimum cell size.
    bool apply();

Q_SIGNALS:
    void languageChosen(const QString& code);
    void autoLockChanged(int minutes);
    void backupReminderChanged(int days);
    void minimumCellSizeChanged(int k);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    AppSettings& settings_;
    Session* session_;
    int savedMinimumCellSize_ = 0;
    QLabel* languageLabel_;
    LanguageSelector* language_;
    QLabel* autoLockLabel_;
    QSpinBox* autoLock_;
    QLabel* autoLockHint_;
    QLabel* backupReminderLabel_;
    QSpinBox* backupReminder_;
    QLabel* minimumCellSizeLabel_;
    QSpinBox* minimumCellSize_;
    QLabel* minimumCellSizeHint_;
    QLabel* error_;
    QDialogButtonBox* buttons_;
};

}  // namespace abri::app
