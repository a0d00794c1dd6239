#pragma once
// First start on this computer: creates the vault (office, first administrator, password with strength feedback),
// then shows the recovery key once and asks the person to confirm they wrote it down.
#include <QtWidgets/QWidget>

#include <functional>
#include <memory>

#include "crypto/primitives.h"
#include "crypto/secure_buffer.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace abri::vault {
class Vault;
}

namespace abri::app {

class LanguageSelector;
class PasswordStrengthMeter;

class FirstRunPage : public QWidget {
    Q_OBJECT

public:
    using Finished = std::function<void(std::unique_ptr<vault::Vault>)>;
    FirstRunPage(QString vaultPath, crypto::KdfParams kdf, QWidget* parent = nullptr);
    ~FirstRunPage() override;

    // Called with the new, unlocked vault once the recovery key has been confirmed.
    void setOnFinished(Finished onFinished) { onFinished_ = std::move(onFinished); }
    LanguageSelector* languageSelector() const { return language_; }

    // For tests and screenshots.
    QLineEdit* officeEdit() const { return office_; }
    QLineEdit* usernameEdit() const { return username_; }
    QLineEdit* displayNameEdit() const { return displayName_; }
    QLineEdit* passwordEdit() const { return password_; }
    QLineEdit* confirmEdit() const { return confirm_; }
    QPushButton* createButton() const { return create_; }
    QCheckBox* writtenDownCheck() const { return writtenDown_; }
    QPushButton* continueButton() const { return continue_; }
    QLabel* errorLabel() const { return error_; }
    bool isShowingRecoveryKey() const;
    void createVault();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void finish();

    QString vaultPath_;
    crypto::KdfParams kdf_;
    Finished onFinished_;
    std::unique_ptr<vault::Vault> created_;

    QStackedWidget* stack_;
    LanguageSelector* language_;
    QLabel* title_;
    QLabel* intro_;
    QLabel* officeLabel_;
    QLineEdit* office_;
    QLabel* usernameLabel_;
    QLineEdit* username_;
    QLabel* displayNameLabel_;
    QLineEdit* displayName_;
    QLabel* passwordLabel_;
    QLineEdit* password_;
    PasswordStrengthMeter* meter_;
    QLabel* confirmLabel_;
    QLineEdit* confirm_;
    QLabel* error_;
    QPushButton* create_;
    QLabel* vaultLocation_;

    QLabel* keyTitle_;
    QLabel* keyIntro_;
    QPlainTextEdit* key_;
    QCheckBox* writtenDown_;
    QPushButton* continue_;
};

}  // namespace abri::app
