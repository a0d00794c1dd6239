#pragma once
// The case's attachments: scanned consent forms, identity documents, medical and legal papers, photos. Everything
// goes through core (AttachmentRepository via the Session): adding (file dialog or drag and drop, with a
// category), listing, viewing inside the app (AttachmentViewer: audited, from memory, never a file on disk), "Save a
// copy…" (an explicit, audited export) and removal (tombstone and purge, supervisors and administrators).
//
// What each role sees follows core's permissions: file names only for roles that may reveal sensitive fields;
// View and thumbnails need RevealSensitive (each image read for a thumbnail is audited like a view, so thumbnails
// appear only when asked for, or after the image was viewed); Save a copy also needs ExportData; Remove needs
// DeleteCases; Add needs EditCases.
#include <QtGui/QImage>
#include <QtWidgets/QWidget>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "attachments/attachment_repository.h"

class QLabel;
class QMimeData;
class QPushButton;
class QTableWidget;

namespace abri::app {

class AttachmentViewer;
class Session;

class AttachmentsSection : public QWidget {
    Q_OBJECT

public:
    enum Column { NameColumn, CategoryColumn, TypeColumn, SizeColumn, AddedByColumn, AddedColumn, StateColumn };
    static constexpr int kThumbnailSize = 48;

    explicit AttachmentsSection(Session& session, QWidget* parent = nullptr);
    ~AttachmentsSection() override;

    // Lists the case's attachments (removed ones too, marked as such).
    void setCase(const std::string& caseId);
    void refresh();
    void clear();

    const std::vector<attachments::AttachmentInfo>& attachments() const { return list_; }
    int attachmentCount() const { return static_cast<int>(list_.size()); }
    QTableWidget* table() const { return table_; }
    QPushButton* addButton() const { return add_; }
    QPushButton* viewButton() const { return view_; }
    QPushButton* saveCopyButton() const { return saveCopy_; }
    QPushButton* removeButton() const { return remove_; }
    QPushButton* thumbnailsButton() const { return thumbnails_; }
    QLabel* errorLabel() const { return error_; }
    QLabel* noticeLabel() const { return notice_; }
    // Selects a row of the list (also in a right-to-left layout).
    void selectRow(int row);
    bool hasThumbnail(const std::string& attachmentId) const { return thumbnailCache_.count(attachmentId) > 0; }

    // "Add…": a file dialog, then the category.
    void chooseFiles();
    // Adds files with a category (the file dialog and a drop end here). A refusal is shown with its translated
    // reason and stops there (the files before it are attached). True when every file was attached.
    bool addFiles(const QStringList& paths, attachments::Category category);
    // Image data dropped from another program (no file): encoded as PNG in memory and attached.
    bool addImage(const QImage& image, attachments::Category category);
    // Opens the viewer (non-modal, deleted when closed). Null when the attachment is unknown here or removed.
    AttachmentViewer* view(const std::string& attachmentId);
    // "Save a copy…" to `path` (audited). True when written; the notice says that the copy is not encrypted.
    bool saveCopy(const std::string& attachmentId, const QString& path);
    // Removes without asking (the Remove button asks first).
    bool removeAttachment(const std::string& attachmentId);
    // Reads each image (audited, one view each) to show a thumbnail in the list.
    void showThumbnails();

    static QString categoryLabel(attachments::Category category);
    static QString typeLabel(attachments::ContentType type);
    static QString sizeText(std::uint64_t bytes);

Q_SIGNALS:
    void attachmentsChanged();

protected:
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void retranslate();
    void rebuild();
    void updateButtons();
    void clearMessages();
    void showError(const QString& message);
    const attachments::AttachmentInfo* selected() const;
    const attachments::AttachmentInfo* findInfo(const std::string& attachmentId) const;
    QString displayName(const attachments::AttachmentInfo& info) const;
    void askSaveCopy();
    void askRemove();
    bool acceptsDrop(const QMimeData* mime) const;
    void addDropped(const QStringList& paths, const QImage& image);

    Session& session_;
    std::string caseId_;
    std::vector<attachments::AttachmentInfo> list_;
    std::map<std::string, QImage> thumbnailCache_;  // in memory only, for this case; dropped with the widget
    QLabel* title_;
    QLabel* hint_;
    QTableWidget* table_;
    QPushButton* add_;
    QPushButton* view_;
    QPushButton* saveCopy_;
    QPushButton* remove_;
    QPushButton* thumbnails_;
    QLabel* error_;
    QLabel* notice_;
};

}  // namespace abri::app
