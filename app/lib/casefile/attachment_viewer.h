#pragma once
// Shows one attachment inside the app, from memory only: the content comes from core's audited read
// (AttachmentRepository::read, attachment_viewed) into one QByteArray reserved at the attachment's size, so it is
// never reallocated. Images are decoded with QImage::loadFromData, PDFs rendered by Qt PDF from a QBuffer over the
// same bytes (QPdfDocument::load(QIODevice*)), text shown read-only. No plaintext copy is ever written to disk, not
// even a temporary file. When the dialog closes (or is destroyed) the PDF document is closed and the bytes, the
// decoded image and the text are wiped.
#include <QtCore/QByteArray>
#include <QtGui/QImage>
#include <QtWidgets/QDialog>

#include "attachments/attachment_repository.h"

class QBuffer;
class QLabel;
class QPdfDocument;
class QPdfView;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace abri::app {

class Session;

class AttachmentViewer : public QDialog {
    Q_OBJECT

public:
    enum class Shown { Nothing, Image, Pdf, Text, Error };

    AttachmentViewer(Session& session, attachments::AttachmentInfo info, QWidget* parent = nullptr);
    ~AttachmentViewer() override;

    // Reads the content (audited) and shows it. False, with the reason shown in the dialog, when it cannot.
    bool load();

    const attachments::AttachmentInfo& info() const { return info_; }
    Shown shown() const { return shown_; }
    QSize imageSize() const { return image_.size(); }
    int pageCount() const;
    QPdfView* pdfView() const { return pdfView_; }
    QPlainTextEdit* textView() const { return text_; }
    QLabel* errorLabel() const { return error_; }
    // A small copy of the image for the attachments list (null unless an image is shown).
    QImage thumbnail(int size) const;
    // True once nothing of the content is held any more (after closing).
    bool isWiped() const { return bytes_.isEmpty() && image_.isNull(); }

protected:
    void done(int result) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void showError(const QString& message);
    void showImage();
    void wipe();

    Session& session_;
    attachments::AttachmentInfo info_;
    Shown shown_ = Shown::Nothing;
    QByteArray bytes_;
    QImage image_;
    QBuffer* buffer_ = nullptr;
    QPdfDocument* pdf_ = nullptr;

    QLabel* heading_;
    QStackedWidget* stack_;
    QLabel* error_;
    QScrollArea* imageArea_;
    QLabel* imageLabel_;
    QPdfView* pdfView_;
    QPlainTextEdit* text_;
    QLabel* note_;
    QPushButton* close_;
};

}  // namespace abri::app
