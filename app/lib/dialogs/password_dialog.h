#pragma once
// Sets a password: the user's own (asks for the current one) or another user's (administrator reset, or a recovery
// session). Shows the strength while typing; core checks the policy.
#include <QtWidgets/QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace abri::app {

class PasswordStrengthMeter;

class PasswordDialog : public QDialog {
    Q_OBJECT

public:
    enum class Mode { ChangeOwn, Reset };
    // apply(oldPassword, newPassword) throws abri::Error when refused.
    using Apply = std::function<void(const QString& oldPassword, const QString& newPassword)>;

    PasswordDialog(Mode mode, const QString& username, Apply apply, QWidget* parent = nullptr);

    QLineEdit* currentEdit() const { return current_; }
    QLineEdit* newEdit() const { return new_; }
    QLineEdit* repeatEdit() const { return repeat_; }
    bool trySave();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    Mode mode_;
    QString username_;
    Apply apply_;
    QLabel* intro_;
    QLabel* currentLabel_;
    QLineEdit* current_;
    QLabel* newLabel_;
    QLineEdit* new_;
    PasswordStrengthMeter* meter_;
    QLabel* repeatLabel_;
    QLineEdit* repeat_;
    QLabel* error_;
    QDialogButtonBox* buttons_;
};

}  // namespace abri::app
