#pragma once
// Live feedback while a password is typed: a bar and a word, from core's estimatePasswordStrength.
#include <QtWidgets/QWidget>

#include "vault/password_policy.h"

class QLabel;
class QProgressBar;

namespace abri::app {

class PasswordStrengthMeter : public QWidget {
    Q_OBJECT

public:
    explicit PasswordStrengthMeter(QWidget* parent = nullptr);
    void setPassword(const QString& password);
    vault::PasswordStrength strength() const { return strength_; }
    static QString strengthText(vault::PasswordStrength strength);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QProgressBar* bar_;
    QLabel* text_;
    vault::PasswordStrength strength_ = vault::PasswordStrength::TooShort;
};

}  // namespace abri::app
