#pragma once
// Administrator: adds a user account (login name, full name, role, first password).
#include <QtWidgets/QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace abri::app {

class PasswordStrengthMeter;
class Session;

class AddUserDialog : public QDialog {
    Q_OBJECT

public:
    explicit AddUserDialog(Session& session, QWidget* parent = nullptr);

    QLineEdit* usernameEdit() const { return username_; }
    QLineEdit* displayNameEdit() const { return displayName_; }
    QComboBox* roleCombo() const { return role_; }
    QLineEdit* passwordEdit() const { return password_; }
    QLineEdit* repeatEdit() const { return repeat_; }
    bool trySave();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    Session& session_;
    QLabel* usernameLabel_;
    QLineEdit* username_;
    QLabel* displayNameLabel_;
    QLineEdit* displayName_;
    QLabel* roleLabel_;
    QComboBox* role_;
    QLabel* roleHint_;
    QLabel* passwordLabel_;
    QLineEdit* password_;
    PasswordStrengthMeter* meter_;
    QLabel* repeatLabel_;
    QLineEdit* repeat_;
    QLabel* error_;
    QDialogButtonBox* buttons_;
};

// Translated role names and what each may do.
QString roleName(int role);
QString roleDescription(int role);

}  // namespace abri::app
