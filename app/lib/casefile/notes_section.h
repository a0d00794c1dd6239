#pragma once
// Case notes: append-only and authored. Each note shows who wrote it and when; its text is sensitive, so it stays
// hidden until revealed (audited). A correction is a new note that supersedes the old one.
#include <QtWidgets/QWidget>

#include <string>
#include <vector>

#include "cases/case_repository.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace abri::app {

class Session;

class NotesSection : public QWidget {
    Q_OBJECT

public:
    explicit NotesSection(Session& session, QWidget* parent = nullptr);

    void setCase(const std::string& caseId, const std::vector<cases::Item>& items);
    void clear();
    QPlainTextEdit* composer() const { return composer_; }
    QPushButton* addButton() const { return add_; }
    int noteCount() const { return static_cast<int>(notes_.size()); }
    bool hasUnsavedText() const;
    // Saves the composed note; false (with the message shown) on error.
    bool addNote();
    void revealAll();

Q_SIGNALS:
    void notesChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void rebuild();
    void reveal(const std::string& noteId);
    void correct(const cases::Item& note);

    Session& session_;
    std::string caseId_;
    std::vector<cases::Item> notes_;
    std::map<std::string, QString> revealed_;
    QLabel* title_;
    QLabel* hint_;
    QWidget* list_;
    QVBoxLayout* listLayout_;
    QPushButton* revealAll_;
    QPlainTextEdit* composer_;
    QPushButton* add_;
    QLabel* error_;
};

}  // namespace abri::app
