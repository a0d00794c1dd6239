#include "casefile/attachment_viewer.h"

#include <QtCore/QBuffer>
#include <QtCore/QEvent>
#include <QtGui/QPixmap>
#include <QtPdf/QPdfDocument>
#include <QtPdfWidgets/QPdfView>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QStackedWidget>
#include <QtWidgets/QVBoxLayout>

#include <cstring>

#include "casefile/attachments_section.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "i18n/error_messages.h"
#include "session/session.h"
#include "ui/style.h"
#include "ui/text_direction.h"

namespace abri::app {

using attachments::ContentType;

AttachmentViewer::AttachmentViewer(Session& session, attachments::AttachmentInfo info, QWidget* parent)
    : QDialog(parent), session_(session), info_(std::move(info)) {
    setObjectName(QStringLiteral("attachmentViewer"));
    resize(900, 700);
    auto* layout = new QVBoxLayout(this);
    heading_ = new QLabel(this);
    Style::makeHeading(heading_);
    heading_->setTextFormat(Qt::PlainText);
    layout->addWidget(heading_);

    stack_ = new QStackedWidget(this);
    error_ = new QLabel(stack_);
    error_->setWordWrap(true);
    error_->setAlignment(Qt::AlignCenter);
    Style::makeError(error_);
    imageArea_ = new QScrollArea(stack_);
    imageArea_->setAlignment(Qt::AlignCenter);
    imageLabel_ = new QLabel(imageArea_);
    imageLabel_->setAlignment(Qt::AlignCenter);
    imageArea_->setWidget(imageLabel_);
    imageArea_->setWidgetResizable(true);
    pdfView_ = new QPdfView(stack_);
    pdfView_->setObjectName(QStringLiteral("attachmentPdfView"));
    pdfView_->setPageMode(QPdfView::PageMode::MultiPage);
    pdfView_->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    text_ = new QPlainTextEdit(stack_);
    text_->setReadOnly(true);
    text_->setUndoRedoEnabled(false);  // no second copy of the text in the undo stack
    stack_->addWidget(error_);
    stack_->addWidget(imageArea_);
    stack_->addWidget(pdfView_);
    stack_->addWidget(text_);
    layout->addWidget(stack_, 1);

    auto* bottom = new QHBoxLayout;
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    Style::makeHint(note_);
    close_ = new QPushButton(this);
    close_->setDefault(true);
    bottom->addWidget(note_, 1);
    bottom->addWidget(close_);
    layout->addLayout(bottom);
    connect(close_, &QPushButton::clicked, this, &QDialog::accept);
    retranslate();
}

AttachmentViewer::~AttachmentViewer() { wipe(); }

bool AttachmentViewer::load() {
    wipe();
    // One allocation of the final size: appending never reallocates, so no stray copy of the content is left in
    // freed memory.
    bytes_.reserve(static_cast<qsizetype>(info_.size));
    try {
        session_.attachments().read(info_.id, [this](std::span<const std::uint8_t> chunk) {
            bytes_.append(reinterpret_cast<const char*>(chunk.data()), static_cast<qsizetype>(chunk.size()));
        });
    } catch (const attachments::AttachmentError& error) {
        wipe();
        showError(ErrorMessages::message(error));
        return false;
    } catch (const Error& error) {
        wipe();
        showError(ErrorMessages::message(error));
        return false;
    }

    switch (info_.type) {
    case ContentType::Jpeg:
    case ContentType::Png:
    case ContentType::Tiff:
    case ContentType::WebP:
        if (!image_.loadFromData(bytes_)) {
            wipe();
            showError(tr("This image cannot be shown here. Use \"Save a copy…\" to open it with another "
                         "program."));
            return false;
        }
        // The decoded pixels are all the dialog needs: the encoded bytes go now.
        crypto::wipe(bytes_.data(), static_cast<std::size_t>(bytes_.size()));
        bytes_.clear();
        bytes_.squeeze();
        shown_ = Shown::Image;
        showImage();
        stack_->setCurrentWidget(imageArea_);
        break;
    case ContentType::Pdf: {
        buffer_ = new QBuffer(this);
        buffer_->setBuffer(&bytes_);  // no copy: Qt PDF reads the bytes in place, as pdfium needs them
        buffer_->open(QIODevice::ReadOnly);
        pdf_ = new QPdfDocument(this);
        pdf_->load(buffer_);
        for (int i = 0; i < 500 && pdf_->status() == QPdfDocument::Status::Loading; ++i) {
            QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents, 10);
        }
        if (pdf_->status() != QPdfDocument::Status::Ready || pdf_->pageCount() < 1) {
            wipe();
            showError(tr("This PDF cannot be shown here (it may be protected by a password or damaged). Use "
                         "\"Save a copy…\" to open it with another program."));
            return false;
        }
        pdfView_->setDocument(pdf_);
        shown_ = Shown::Pdf;
        stack_->setCurrentWidget(pdfView_);
        break;
    }
    case ContentType::PlainText:
        text_->setPlainText(QString::fromUtf8(bytes_));
        crypto::wipe(bytes_.data(), static_cast<std::size_t>(bytes_.size()));
        bytes_.clear();
        bytes_.squeeze();
        shown_ = Shown::Text;
        stack_->setCurrentWidget(text_);
        break;
    }
    retranslate();
    return true;
}

int AttachmentViewer::pageCount() const { return pdf_ != nullptr ? pdf_->pageCount() : 0; }

QImage AttachmentViewer::thumbnail(int size) const {
    if (image_.isNull()) return {};
    return image_.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

void AttachmentViewer::showError(const QString& message) {
    shown_ = Shown::Error;
    error_->setText(message);
    stack_->setCurrentWidget(error_);
}

void AttachmentViewer::showImage() {
    if (image_.isNull()) return;
    // Fit the image into the view; never enlarge a small one.
    const QSize room = imageArea_->viewport()->size() - QSize(8, 8);
    const QSize target = image_.size().boundedTo(room.expandedTo(QSize(64, 64)));
    imageLabel_->setPixmap(QPixmap::fromImage(image_.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void AttachmentViewer::wipe() {
    // The view first, then the document, then the device it reads: nothing may read the bytes while they are wiped.
    if (pdfView_ != nullptr) pdfView_->setDocument(nullptr);
    if (pdf_ != nullptr) {
        pdf_->close();
        delete pdf_;
        pdf_ = nullptr;
    }
    if (buffer_ != nullptr) {
        buffer_->close();
        delete buffer_;
        buffer_ = nullptr;
    }
    if (!bytes_.isEmpty()) crypto::wipe(bytes_.data(), static_cast<std::size_t>(bytes_.size()));
    bytes_.clear();
    bytes_.squeeze();
    if (!image_.isNull()) {
        if (image_.bits() != nullptr) crypto::wipe(image_.bits(), static_cast<std::size_t>(image_.sizeInBytes()));
        image_ = QImage();
    }
    if (imageLabel_ != nullptr) imageLabel_->clear();
    if (text_ != nullptr) text_->clear();
}

void AttachmentViewer::done(int result) {
    wipe();
    shown_ = Shown::Nothing;
    QDialog::done(result);
}

void AttachmentViewer::resizeEvent(QResizeEvent* event) {
    QDialog::resizeEvent(event);
    if (shown_ == Shown::Image) showImage();
}

void AttachmentViewer::retranslate() {
    const QString name = info_.fileNameMasked || info_.fileName.empty()
                             ? AttachmentsSection::categoryLabel(info_.category)
                             : QString::fromStdString(info_.fileName);
    setWindowTitle(tr("Attachment: %1").arg(name));
    heading_->setText(followUiDirection(QStringLiteral("%1 · %2 · %3")
                                            .arg(name, AttachmentsSection::typeLabel(info_.type),
                                                 AttachmentsSection::sizeText(info_.size))));
    note_->setText(tr("Shown from the encrypted vault; no copy is written to this computer's disk. Opening it was "
                      "recorded in the audit log."));
    close_->setText(tr("Close"));
}

void AttachmentViewer::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace abri::app
