#include "casefile/notes_section.h"

#include <QtCore/QEvent>

#include <algorithm>
#include <QtWidgets/QFrame>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

#include "common/error.h"
#include "i18n/display_format.h"
#include "i18n/error_messages.h"
#include "session/session.h"
#include "ui/icons.h"
#include "ui/message_dialogs.h"
#include "ui/style.h"
#include "ui/text_direction.h"

namespace abri::app {

using model::Entity;
using Json = nlohmann::json;

NotesSection::NotesSection(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("notesSection"));
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    title_ = new QLabel(this);
    Style::makeHeading(title_);
    revealAll_ = new QPushButton(this);
    revealAll_->setIcon(Icons::icon(QStringLiteral("reveal")));
    revealAll_->setVisible(session.can(vault::Permission::RevealSensitive));
    header->addWidget(title_, 1);
    header->addWidget(revealAll_);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    Style::makeHint(hint_);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    list_ = new QWidget(scroll);
    listLayout_ = new QVBoxLayout(list_);
    listLayout_->addStretch();
    scroll->setWidget(list_);
    composer_ = new QPlainTextEdit(this);
    composer_->setObjectName(QStringLiteral("noteComposer"));
    composer_->setMaximumHeight(composer_->fontMetrics().lineSpacing() * 6);
    composer_->setTabChangesFocus(true);
    add_ = new QPushButton(this);
    add_->setIcon(Icons::icon(QStringLiteral("add")));
    error_ = new QLabel(this);
    error_->setWordWrap(true);
    Style::makeError(error_);
    const bool canEdit = session.can(vault::Permission::EditCases);
    composer_->setVisible(canEdit);
    add_->setVisible(canEdit);
    auto* addRow = new QHBoxLayout;
    addRow->addWidget(error_, 1);
    addRow->addWidget(add_);
    layout->addLayout(header);
    layout->addWidget(hint_);
    layout->addWidget(scroll, 1);
    layout->addWidget(composer_);
    layout->addLayout(addRow);
    connect(add_, &QPushButton::clicked, this, &NotesSection::addNote);
    connect(revealAll_, &QPushButton::clicked, this, &NotesSection::revealAll);
    retranslate();
}

void NotesSection::setCase(const std::string& caseId, const std::vector<cases::Item>& items) {
    if (caseId != caseId_) revealed_.clear();
    caseId_ = caseId;
    notes_.clear();
    for (const auto& item : items) {
        if (item.kind == Entity::Note) notes_.push_back(item);
    }
    // Newest first: the latest note is what a colleague needs when taking over.
    std::reverse(notes_.begin(), notes_.end());
    rebuild();
}

void NotesSection::clear() {
    caseId_.clear();
    notes_.clear();
    revealed_.clear();
    composer_->clear();
    rebuild();
}

bool NotesSection::hasUnsavedText() const { return !composer_->toPlainText().trimmed().isEmpty(); }

void NotesSection::rebuild() {
    while (listLayout_->count() > 1) {
        auto* child = listLayout_->takeAt(0);
        delete child->widget();
        delete child;
    }
    const bool canReveal = session_.can(vault::Permission::RevealSensitive);
    const bool canEdit = session_.can(vault::Permission::EditCases);
    int position = 0;
    for (const auto& note : notes_) {
        auto* frame = new QFrame(list_);
        frame->setFrameShape(QFrame::StyledPanel);
        auto* frameLayout = new QVBoxLayout(frame);
        auto* header = new QHBoxLayout;
        auto* meta = new QLabel(frame);
        QString metaText = tr("%1, %2").arg(session_.userDisplayName(note.author), DisplayFormat::dateTime(note.createdMs));
        if (note.supersedes) metaText += QStringLiteral(" · ") + tr("corrects an earlier note");
        if (note.superseded) metaText += QStringLiteral(" · ") + tr("replaced by a correction");
        meta->setText(followUiDirection(metaText));
        Style::makeHint(meta);
        header->addWidget(meta, 1);
        const auto found = revealed_.find(note.id);
        const bool hidden = found == revealed_.end() &&
                            std::find(note.masked.begin(), note.masked.end(), "text") != note.masked.end();
        if (hidden && canReveal) {
            auto* reveal = new QPushButton(tr("Reveal"), frame);
            reveal->setIcon(Icons::icon(QStringLiteral("reveal")));
            const std::string id = note.id;
            connect(reveal, &QPushButton::clicked, this, [this, id] { this->reveal(id); });
            header->addWidget(reveal);
        }
        if (!hidden && canEdit && !note.superseded) {
            auto* correct = new QPushButton(tr("Correct"), frame);
            const cases::Item copy = note;
            connect(correct, &QPushButton::clicked, this, [this, copy] { this->correct(copy); });
            header->addWidget(correct);
        }
        frameLayout->addLayout(header);
        auto* body = new QLabel(frame);
        body->setWordWrap(true);
        body->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (hidden) {
            body->setText(tr("Hidden: note texts are sensitive."));
            Style::makeHint(body);
        } else if (found != revealed_.end()) {
            body->setText(found->second);
        } else {
            body->setText(QString::fromStdString(note.doc.value("text", std::string())));
        }
        body->setTextFormat(Qt::PlainText);
        if (note.superseded) body->setEnabled(false);
        frameLayout->addWidget(body);
        listLayout_->insertWidget(position++, frame);
    }
    if (notes_.empty()) {
        auto* empty = new QLabel(tr("No notes yet."), list_);
        Style::makeHint(empty);
        listLayout_->insertWidget(0, empty);
    }
    revealAll_->setEnabled(std::any_of(notes_.begin(), notes_.end(), [this](const cases::Item& note) {
        return revealed_.count(note.id) == 0 && !note.masked.empty();
    }));
}

void NotesSection::reveal(const std::string& noteId) {
    try {
        const Json value = session_.cases().reveal(noteId, "text");
        revealed_[noteId] = value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
    } catch (const Error& error) {
        showErrorDialog(this, error);
        return;
    }
    rebuild();
}

void NotesSection::revealAll() {
    for (const auto& note : notes_) {
        if (revealed_.count(note.id) || note.masked.empty()) continue;
        try {
            const Json value = session_.cases().reveal(note.id, "text");
            revealed_[note.id] = value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
        } catch (const Error& error) {
            showErrorDialog(this, error);
            break;
        }
    }
    rebuild();
}

bool NotesSection::addNote() {
    error_->clear();
    const QString text = composer_->toPlainText().trimmed();
    if (text.isEmpty() || caseId_.empty()) return false;
    try {
        session_.cases().addItem(caseId_, Entity::Note, Json{{"text", text.toStdString()}});
    } catch (const Error& error) {
        error_->setText(ErrorMessages::message(error));
        return false;
    }
    composer_->clear();
    Q_EMIT notesChanged();
    return true;
}

void NotesSection::correct(const cases::Item& note) {
    const auto found = revealed_.find(note.id);
    const QString current = found != revealed_.end() ? found->second
                                                     : QString::fromStdString(note.doc.value("text", std::string()));
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Correct the note"),
                                                        tr("The corrected note replaces this one; the original "
                                                           "stays in the history."),
                                                        current, &ok);
    if (!ok || text.trimmed().isEmpty() || text == current) return;
    try {
        const std::string newId = session_.cases().correctItem(note.id, Json{{"text", text.trimmed().toStdString()}});
        revealed_[newId] = text.trimmed();
    } catch (const Error& error) {
        showErrorDialog(this, error);
        return;
    }
    Q_EMIT notesChanged();
}

void NotesSection::retranslate() {
    title_->setText(tr("Notes"));
    hint_->setText(tr("Notes cannot be edited or deleted. Write facts and decisions; a correction is added as a "
                      "new note."));
    revealAll_->setText(tr("Reveal all notes"));
    composer_->setPlaceholderText(tr("Write a new note…"));
    add_->setText(tr("Add note"));
    rebuild();
}

void NotesSection::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace abri::app
