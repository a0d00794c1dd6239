#pragma once
// User accounts. Everyone may change their own password; administrators (and a recovery session) also add users,
// disable and re-enable them, and reset passwords.
#include <QtWidgets/QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace abri::app {

class Session;

class UsersDialog : public QDialog {
    Q_OBJECT

public:
    explicit UsersDialog(Session& session, QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateButtons();
    QString selectedUsername() const;
    bool selectedActive() const;

    Session& session_;
    bool canManage_;
    QLabel* intro_;
    QTableWidget* table_;
    QPushButton* add_;
    QPushButton* toggle_;
    QPushButton* reset_;
    QPushButton* changeOwn_;
    QPushButton* close_;
    QLabel* error_;
};

}  // namespace abri::app
