#pragma once
// A combo box of the UI languages, each in its own script ("English", "Français", "العربية"), so that someone who
// cannot read the current language still finds theirs.
#include <QtWidgets/QComboBox>

namespace abri::app {

class LanguageSelector : public QComboBox {
    Q_OBJECT

public:
    explicit LanguageSelector(QWidget* parent = nullptr);
    void setCurrentLanguage(const QString& code);
    QString currentLanguage() const;

Q_SIGNALS:
    void languageChosen(const QString& code);

protected:
    void changeEvent(QEvent* event) override;
};

}  // namespace abri::app
