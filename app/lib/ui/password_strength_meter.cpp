#include "ui/password_strength_meter.h"

#include <QtCore/QEvent>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>

#include "ui/style.h"

namespace abri::app {

using vault::PasswordStrength;

PasswordStrengthMeter::PasswordStrengthMeter(QWidget* parent)
    : QWidget(parent), bar_(new QProgressBar(this)), text_(new QLabel(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    bar_->setRange(0, 4);
    bar_->setTextVisible(false);
    bar_->setMaximumHeight(8);
    bar_->setMaximumWidth(160);
    layout->addWidget(bar_);
    layout->addWidget(text_, 1);
    Style::makeHint(text_);
    retranslate();
}

QString PasswordStrengthMeter::strengthText(PasswordStrength strength) {
    switch (strength) {
    case PasswordStrength::TooShort: return tr("Too short: at least %1 characters").arg(vault::kMinPasswordLength);
    case PasswordStrength::Weak: return tr("Weak: add more words or characters");
    case PasswordStrength::Fair: return tr("Fair");
    case PasswordStrength::Strong: return tr("Strong");
    case PasswordStrength::VeryStrong: return tr("Very strong");
    }
    return {};
}

void PasswordStrengthMeter::setPassword(const QString& password) {
    const QByteArray utf8 = password.toUtf8();
    strength_ = vault::estimatePasswordStrength(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
    bar_->setValue(static_cast<int>(strength_));
    retranslate();
}

void PasswordStrengthMeter::retranslate() {
    text_->setText(strengthText(strength_));
    bar_->setAccessibleName(tr("Password strength"));
}

void PasswordStrengthMeter::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace abri::app
