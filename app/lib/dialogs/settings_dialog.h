#pragma once
// Preferences of this computer: UI language (applied at once) and the auto-lock delay.
#include <QtWidgets/QDialog>

class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace abri::app {

class AppSettings;
class LanguageSelector;

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    SettingsDialog(AppSettings& settings, QWidget* parent = nullptr);

    LanguageSelector* languageSelector() const { return language_; }
    QSpinBox* autoLockSpin() const { return autoLock_; }
    void apply();

Q_SIGNALS:
    void languageChosen(const QString& code);
    void autoLockChanged(int minutes);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    AppSettings& settings_;
    QLabel* languageLabel_;
    LanguageSelector* language_;
    QLabel* autoLockLabel_;
    QSpinBox* autoLock_;
    QLabel* autoLockHint_;
    QDialogButtonBox* buttons_;
};

}  // namespace abri::app
