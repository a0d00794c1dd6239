#pragma once
// Confirms an erasure on request (core/erasure): what it does, that it cannot be undone, and the case code typed
// again, so a slip of the mouse never erases a case. Shown to supervisors only.
#include <QtWidgets/QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace abri::app {

class EraseCaseDialog : public QDialog {
    Q_OBJECT

public:
    EraseCaseDialog(const QString& caseCode, QWidget* parent = nullptr);

    QLineEdit* codeEdit() const { return code_; }
    QDialogButtonBox* buttons() const { return buttons_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateButton();

    QString caseCode_;
    QLabel* explanation_;
    QLabel* prompt_;
    QLineEdit* code_;
    QDialogButtonBox* buttons_;
};

}  // namespace abri::app
