#pragma once
// The lock screen: pick a user, type the password. Nothing about cases is visible here. A second mode opens the
// vault with the recovery key, for an administrator who forgot their password (user management only).
#include <QtWidgets/QWidget>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace abri::vault {
class Vault;
}

namespace abri::app {

class LanguageSelector;

class UnlockPage : public QWidget {
    Q_OBJECT

public:
    using Unlocked = std::function<void(std::unique_ptr<vault::Vault>)>;
    explicit UnlockPage(QString vaultPath, QWidget* parent = nullptr);
    ~UnlockPage() override;

    void setOnUnlocked(Unlocked onUnlocked) { onUnlocked_ = std::move(onUnlocked); }
    // Re-reads the user names from the key-slot file. Returns false (and shows why) when the vault cannot be used.
    bool reload();
    void setRecoveryMode(bool recovery);
    bool isRecoveryMode() const { return recovery_; }
    // A line above the form saying why the vault is locked (0 minutes: no notice).
    void setIdleLockNotice(int idleMinutes);
    LanguageSelector* languageSelector() const { return language_; }

    // For tests and screenshots.
    QComboBox* userCombo() const { return users_; }
    QLineEdit* passwordEdit() const { return password_; }
    QPushButton* unlockButton() const { return unlock_; }
    QLabel* errorLabel() const { return error_; }
    void unlock();

Q_SIGNALS:
    // A problem that deserves a dialog (damaged or newer vault), beyond the inline message.
    void vaultProblem(const QString& message);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslate();

    QString vaultPath_;
    Unlocked onUnlocked_;
    bool recovery_ = false;
    bool usable_ = false;
    int idleMinutes_ = 0;

    LanguageSelector* language_;
    QLabel* title_;
    QLabel* notice_;
    QLabel* userLabel_;
    QComboBox* users_;
    QLabel* passwordLabel_;
    QLineEdit* password_;
    QLabel* error_;
    QPushButton* unlock_;
    QPushButton* switchMode_;
    QLabel* vaultLocation_;
};

}  // namespace abri::app
