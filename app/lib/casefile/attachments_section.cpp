#include "casefile/attachments_section.h"

#include <QtCore/QBuffer>
#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtCore/QMimeData>
#include <QtCore/QUrl>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QDropEvent>
#include <QtGui/QIcon>
#include <QtGui/QPixmap>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

#include "casefile/attachment_category_dialog.h"
#include "casefile/attachment_viewer.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "i18n/display_format.h"
#include "i18n/error_messages.h"
#include "session/session.h"
#include "ui/icons.h"
#include "ui/style.h"
#include "ui/text_direction.h"

namespace abri::app {

using attachments::AttachmentError;
using attachments::AttachmentInfo;
using attachments::Category;
using attachments::ContentType;
using vault::Permission;

namespace {

bool isImage(ContentType type) {
    return type == ContentType::Jpeg || type == ContentType::Png || type == ContentType::Tiff ||
           type == ContentType::WebP;
}

QString fileExtension(ContentType type) {
    switch (type) {
    case ContentType::Pdf: return QStringLiteral("pdf");
    case ContentType::Jpeg: return QStringLiteral("jpg");
    case ContentType::Png: return QStringLiteral("png");
    case ContentType::Tiff: return QStringLiteral("tif");
    case ContentType::WebP: return QStringLiteral("webp");
    case ContentType::PlainText: return QStringLiteral("txt");
    }
    return QStringLiteral("bin");
}

}  // namespace

AttachmentsSection::AttachmentsSection(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("attachmentsSection"));
    const bool canEdit = session.can(Permission::EditCases);
    const bool canReveal = session.can(Permission::RevealSensitive);
    setAcceptDrops(canEdit);

    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    title_ = new QLabel(this);
    Style::makeHeading(title_);
    thumbnails_ = new QPushButton(this);
    thumbnails_->setIcon(Icons::icon(QStringLiteral("reveal")));
    thumbnails_->setVisible(canReveal);
    header->addWidget(title_, 1);
    header->addWidget(thumbnails_);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    Style::makeHint(hint_);

    table_ = new QTableWidget(this);
    table_->setObjectName(QStringLiteral("attachmentsTable"));
    table_->setColumnCount(StateColumn + 1);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setIconSize(QSize(kThumbnailSize, kThumbnailSize));
    table_->verticalHeader()->hide();
    // The name takes the room left; the others fit their text. The columns always span the whole view (in a
    // right-to-left layout a row is selected from the header's far edge, which must hold a column).
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    table_->setAlternatingRowColors(true);

    auto* buttons = new QHBoxLayout;
    add_ = new QPushButton(this);
    add_->setIcon(Icons::icon(QStringLiteral("add")));
    add_->setVisible(canEdit);
    view_ = new QPushButton(this);
    view_->setIcon(Icons::icon(QStringLiteral("reveal")));
    view_->setVisible(canReveal);
    saveCopy_ = new QPushButton(this);
    saveCopy_->setIcon(Icons::icon(QStringLiteral("save")));
    saveCopy_->setVisible(canReveal && session.can(Permission::ExportData));
    remove_ = new QPushButton(this);
    remove_->setVisible(session.can(Permission::DeleteCases));
    buttons->addWidget(add_);
    buttons->addStretch(1);
    buttons->addWidget(view_);
    buttons->addWidget(saveCopy_);
    buttons->addWidget(remove_);

    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("attachmentError"));
    error_->setWordWrap(true);
    Style::makeError(error_);
    error_->hide();
    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("attachmentNotice"));
    notice_->setWordWrap(true);
    Style::makeHint(notice_);
    notice_->hide();

    layout->addLayout(header);
    layout->addWidget(hint_);
    layout->addWidget(table_, 1);
    layout->addWidget(error_);
    layout->addWidget(notice_);
    layout->addLayout(buttons);

    connect(add_, &QPushButton::clicked, this, &AttachmentsSection::chooseFiles);
    connect(view_, &QPushButton::clicked, this, [this] {
        if (const auto* info = selected()) view(info->id);
    });
    connect(saveCopy_, &QPushButton::clicked, this, &AttachmentsSection::askSaveCopy);
    connect(remove_, &QPushButton::clicked, this, &AttachmentsSection::askRemove);
    connect(thumbnails_, &QPushButton::clicked, this, &AttachmentsSection::showThumbnails);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &AttachmentsSection::updateButtons);
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row < 0 || row >= attachmentCount() || !view_->isVisible()) return;
        if (!list_[static_cast<std::size_t>(row)].removed) view(list_[static_cast<std::size_t>(row)].id);
    });
    retranslate();
}

AttachmentsSection::~AttachmentsSection() {
    for (auto& [id, image] : thumbnailCache_) {
        if (!image.isNull() && image.bits() != nullptr) {
            crypto::wipe(image.bits(), static_cast<std::size_t>(image.sizeInBytes()));
        }
    }
}

QString AttachmentsSection::categoryLabel(Category category) {
    switch (category) {
    case Category::ConsentForm: return tr("Consent form");
    case Category::IdentityDocument: return tr("Identity document");
    case Category::Medical: return tr("Medical paper");
    case Category::Legal: return tr("Legal paper");
    case Category::Photo: return tr("Photo");
    case Category::Other: return tr("Other paper");
    }
    return {};
}

QString AttachmentsSection::typeLabel(ContentType type) {
    switch (type) {
    case ContentType::Pdf: return tr("PDF document");
    case ContentType::Jpeg: return tr("JPEG image");
    case ContentType::Png: return tr("PNG image");
    case ContentType::Tiff: return tr("TIFF image");
    case ContentType::WebP: return tr("WebP image");
    case ContentType::PlainText: return tr("Text");
    }
    return {};
}

QString AttachmentsSection::sizeText(std::uint64_t bytes) {
    const QLocale locale;
    if (bytes < 1024) return tr("%1 bytes").arg(locale.toString(static_cast<qulonglong>(bytes)));
    const double kib = static_cast<double>(bytes) / 1024.0;
    if (kib < 1024.0) return tr("%1 KB").arg(locale.toString(kib, 'f', kib < 10.0 ? 1 : 0));
    const double mib = kib / 1024.0;
    return tr("%1 MB").arg(locale.toString(mib, 'f', 1));
}

void AttachmentsSection::setCase(const std::string& caseId) {
    if (caseId != caseId_) thumbnailCache_.clear();
    caseId_ = caseId;
    refresh();
}

void AttachmentsSection::refresh() {
    list_.clear();
    if (!caseId_.empty()) {
        try {
            list_ = session_.attachments().list(caseId_, /*includeRemoved=*/true);
        } catch (const Error& error) {
            showError(ErrorMessages::message(error));
        }
    }
    // Newest first, like the notes.
    std::reverse(list_.begin(), list_.end());
    rebuild();
}

void AttachmentsSection::clear() {
    caseId_.clear();
    list_.clear();
    thumbnailCache_.clear();
    clearMessages();
    rebuild();
}

QString AttachmentsSection::displayName(const AttachmentInfo& info) const {
    if (info.removed) return tr("Removed file");
    if (info.fileNameMasked) return tr("Name hidden");
    return QString::fromStdString(info.fileName);
}

void AttachmentsSection::rebuild() {
    const std::string current = selected() != nullptr ? selected()->id : std::string();
    table_->setRowCount(static_cast<int>(list_.size()));
    bool anyThumbnail = false;
    for (int row = 0; row < attachmentCount(); ++row) {
        const AttachmentInfo& info = list_[static_cast<std::size_t>(row)];
        auto cell = [&](int column, const QString& text) {
            auto* item = new QTableWidgetItem(text);
            if (info.removed || info.superseded) item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
            table_->setItem(row, column, item);
            return item;
        };
        auto* name = cell(NameColumn, displayName(info));
        const auto thumbnail = thumbnailCache_.find(info.id);
        if (thumbnail != thumbnailCache_.end() && !info.removed) {
            name->setIcon(QIcon(QPixmap::fromImage(thumbnail->second)));
            anyThumbnail = true;
        }
        cell(CategoryColumn, categoryLabel(info.category));
        cell(TypeColumn, typeLabel(info.type));
        cell(SizeColumn, sizeText(info.size));
        cell(AddedByColumn, session_.userDisplayName(info.addedBy));
        cell(AddedColumn, DisplayFormat::dateTime(info.addedMs));
        QString state;
        if (info.removed) {
            state = tr("Removed: content deleted");
        } else if (info.chunksHeld < info.chunkCount) {
            // A file synced from another laptop: its record came with the case, its parts follow (§11.4).
            state = tr("Arriving: %1 of %2 parts").arg(info.chunksHeld).arg(info.chunkCount);
        } else if (info.superseded) {
            state = tr("Replaced by a newer file");
        } else if (info.supersedes) {
            state = tr("Current (replaces an earlier file)");
        } else {
            state = tr("Current");
        }
        cell(StateColumn, state);
        if (info.id == current) selectRow(row);
    }
    table_->verticalHeader()->setDefaultSectionSize(anyThumbnail ? kThumbnailSize + 6
                                                                 : table_->fontMetrics().height() + 10);
    const bool anyImage = std::any_of(list_.begin(), list_.end(), [this](const AttachmentInfo& info) {
        return isImage(info.type) && !info.removed && thumbnailCache_.count(info.id) == 0;
    });
    thumbnails_->setEnabled(anyImage);
    updateButtons();
}

void AttachmentsSection::selectRow(int row) {
    // Through the selection model: with Qt 6.4, QTableView::selectRow() selected nothing in the right-to-left
    // (Arabic) layout, seen in the screenshots.
    if (row < 0 || row >= table_->rowCount() || table_->selectionModel() == nullptr) return;
    const QModelIndex index = table_->model()->index(row, NameColumn);
    table_->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

const AttachmentInfo* AttachmentsSection::selected() const {
    const auto rows = table_->selectionModel() != nullptr ? table_->selectionModel()->selectedRows()
                                                          : QModelIndexList();
    if (rows.isEmpty()) return nullptr;
    const int row = rows.front().row();
    if (row < 0 || row >= attachmentCount()) return nullptr;
    return &list_[static_cast<std::size_t>(row)];
}

const AttachmentInfo* AttachmentsSection::findInfo(const std::string& attachmentId) const {
    const auto found = std::find_if(list_.begin(), list_.end(),
                                    [&](const AttachmentInfo& info) { return info.id == attachmentId; });
    return found == list_.end() ? nullptr : &*found;
}

void AttachmentsSection::updateButtons() {
    const AttachmentInfo* info = selected();
    const bool usable = info != nullptr && !info->removed;
    view_->setEnabled(usable);
    saveCopy_->setEnabled(usable);
    remove_->setEnabled(usable);
    add_->setEnabled(!caseId_.empty());
}

void AttachmentsSection::clearMessages() {
    error_->clear();
    error_->hide();
    notice_->clear();
    notice_->hide();
}

void AttachmentsSection::showError(const QString& message) {
    notice_->hide();
    error_->setText(message);
    error_->show();
}

void AttachmentsSection::chooseFiles() {
    if (caseId_.empty()) return;
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Attach files to the case"), QString(),
        tr("Scans, photos and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.txt);;All files (*)"));
    if (paths.isEmpty()) return;
    QStringList names;
    for (const QString& path : paths) names << QFileInfo(path).fileName();
    AttachmentCategoryDialog dialog(names, this);
    if (dialog.exec() != QDialog::Accepted) return;
    addFiles(paths, dialog.category());
}

bool AttachmentsSection::addFiles(const QStringList& paths, Category category) {
    clearMessages();
    if (caseId_.empty() || paths.isEmpty()) return false;
    bool all = true;
    int added = 0;
    for (const QString& path : paths) {
        attachments::AddOptions options;
        options.category = category;
        try {
            session_.attachments().addFile(caseId_, std::filesystem::path(path.toStdString()), options);
            ++added;
        } catch (const AttachmentError& error) {
            showError(ErrorMessages::message(error));
            all = false;
            break;
        } catch (const Error& error) {
            showError(ErrorMessages::message(error));
            all = false;
            break;
        }
    }
    if (added > 0) {
        refresh();
        if (!all) error_->show();  // refresh() keeps the message; make sure it stays visible
        Q_EMIT attachmentsChanged();
    }
    return all;
}

bool AttachmentsSection::addImage(const QImage& image, Category category) {
    clearMessages();
    if (caseId_.empty() || image.isNull()) return false;
    QByteArray png;
    png.reserve(static_cast<qsizetype>(image.sizeInBytes()) + 4096);
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
    }
    bool ok = true;
    try {
        attachments::AddOptions options;
        options.category = category;
        options.fileName = tr("dropped image").toStdString() + ".png";
        session_.attachments().addBytes(
            caseId_,
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(png.constData()),
                                          static_cast<std::size_t>(png.size())),
            options);
    } catch (const AttachmentError& error) {
        showError(ErrorMessages::message(error));
        ok = false;
    } catch (const Error& error) {
        showError(ErrorMessages::message(error));
        ok = false;
    }
    crypto::wipe(png.data(), static_cast<std::size_t>(png.size()));
    if (ok) {
        refresh();
        Q_EMIT attachmentsChanged();
    }
    return ok;
}

AttachmentViewer* AttachmentsSection::view(const std::string& attachmentId) {
    clearMessages();
    const AttachmentInfo* info = findInfo(attachmentId);
    if (info == nullptr || info->removed) return nullptr;
    auto* viewer = new AttachmentViewer(session_, *info, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    if (viewer->load() && viewer->shown() == AttachmentViewer::Shown::Image && !thumbnailCache_.count(attachmentId)) {
        // The image was read (and audited) to be viewed: its thumbnail costs no second read.
        thumbnailCache_[attachmentId] = viewer->thumbnail(kThumbnailSize);
        rebuild();
    }
    viewer->show();
    return viewer;
}

void AttachmentsSection::showThumbnails() {
    clearMessages();
    for (const AttachmentInfo& info : list_) {
        if (!isImage(info.type) || info.removed || thumbnailCache_.count(info.id)) continue;
        QByteArray bytes;
        bytes.reserve(static_cast<qsizetype>(info.size));
        try {
            session_.attachments().read(info.id, [&bytes](std::span<const std::uint8_t> chunk) {
                bytes.append(reinterpret_cast<const char*>(chunk.data()), static_cast<qsizetype>(chunk.size()));
            });
            QImage image;
            if (image.loadFromData(bytes)) {
                thumbnailCache_[info.id] = image.scaled(kThumbnailSize, kThumbnailSize, Qt::KeepAspectRatio,
                                                        Qt::SmoothTransformation);
                crypto::wipe(image.bits(), static_cast<std::size_t>(image.sizeInBytes()));
            }
        } catch (const AttachmentError& error) {
            showError(ErrorMessages::message(error));
        } catch (const Error& error) {
            showError(ErrorMessages::message(error));
            crypto::wipe(bytes.data(), static_cast<std::size_t>(bytes.size()));
            break;
        }
        crypto::wipe(bytes.data(), static_cast<std::size_t>(bytes.size()));
    }
    rebuild();
}

bool AttachmentsSection::saveCopy(const std::string& attachmentId, const QString& path) {
    clearMessages();
    if (path.isEmpty()) return false;
    try {
        session_.attachments().exportTo(attachmentId, std::filesystem::path(path.toStdString()));
    } catch (const AttachmentError& error) {
        showError(ErrorMessages::message(error));
        return false;
    } catch (const Error& error) {
        showError(ErrorMessages::message(error));
        return false;
    }
    notice_->setText(tr("A copy was saved to %1. The copy is NOT encrypted: delete it when you no longer need it. "
                        "Saving it was recorded in the audit log.")
                         .arg(leftToRight(QDir::toNativeSeparators(path))));
    notice_->show();
    return true;
}

void AttachmentsSection::askSaveCopy() {
    const AttachmentInfo* info = selected();
    if (info == nullptr || info->removed) return;
    const std::string id = info->id;
    QString suggested = info->fileNameMasked || info->fileName.empty()
                            ? QStringLiteral("attachment.%1").arg(fileExtension(info->type))
                            : QString::fromStdString(info->fileName);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save a copy of the attachment"), suggested);
    if (path.isEmpty()) return;
    saveCopy(id, path);
}

bool AttachmentsSection::removeAttachment(const std::string& attachmentId) {
    clearMessages();
    try {
        session_.attachments().remove(attachmentId);
    } catch (const AttachmentError& error) {
        showError(ErrorMessages::message(error));
        return false;
    } catch (const Error& error) {
        showError(ErrorMessages::message(error));
        return false;
    }
    thumbnailCache_.erase(attachmentId);
    refresh();
    Q_EMIT attachmentsChanged();
    return true;
}

void AttachmentsSection::askRemove() {
    const AttachmentInfo* info = selected();
    if (info == nullptr || info->removed) return;
    const std::string id = info->id;
    QMessageBox box(QMessageBox::Warning, tr("Remove the attachment"),
                    tr("Remove \"%1\" from the case?").arg(displayName(*info)), QMessageBox::NoButton, this);
    box.setInformativeText(tr("Its content is deleted from the vault for good; only a record that it existed "
                              "stays (category, size, who added it and when). This cannot be undone."));
    QPushButton* removeButton = box.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    QPushButton* cancelButton = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(cancelButton);
    box.exec();
    if (box.clickedButton() != removeButton) return;
    removeAttachment(id);
}

bool AttachmentsSection::acceptsDrop(const QMimeData* mime) const {
    if (mime == nullptr || caseId_.empty() || !session_.can(Permission::EditCases)) return false;
    if (mime->hasUrls()) {
        const auto urls = mime->urls();
        return !urls.isEmpty() &&
               std::all_of(urls.begin(), urls.end(), [](const QUrl& url) { return url.isLocalFile(); });
    }
    return mime->hasImage();
}

void AttachmentsSection::dragEnterEvent(QDragEnterEvent* event) {
    if (acceptsDrop(event->mimeData())) event->acceptProposedAction();
}

void AttachmentsSection::dragMoveEvent(QDragMoveEvent* event) {
    if (acceptsDrop(event->mimeData())) event->acceptProposedAction();
}

void AttachmentsSection::dropEvent(QDropEvent* event) {
    const QMimeData* mime = event->mimeData();
    if (!acceptsDrop(mime)) return;
    event->acceptProposedAction();
    QStringList paths;
    if (mime->hasUrls()) {
        for (const QUrl& url : mime->urls()) paths << url.toLocalFile();
    }
    const QImage image = paths.isEmpty() ? qvariant_cast<QImage>(mime->imageData()) : QImage();
    // The category is asked once the drop has finished: a dialog's event loop inside dropEvent would hold the
    // drag source (another program) until it closes.
    QMetaObject::invokeMethod(
        this, [this, paths, image] { addDropped(paths, image); }, Qt::QueuedConnection);
}

void AttachmentsSection::addDropped(const QStringList& paths, const QImage& image) {
    QStringList names;
    for (const QString& path : paths) names << QFileInfo(path).fileName();
    AttachmentCategoryDialog dialog(names, this);
    if (paths.isEmpty()) dialog.setCategory(Category::Photo);
    if (dialog.exec() != QDialog::Accepted) return;
    if (!paths.isEmpty()) {
        addFiles(paths, dialog.category());
    } else {
        addImage(image, dialog.category());
    }
}

void AttachmentsSection::retranslate() {
    title_->setText(tr("Attachments"));
    hint_->setText(tr("Scanned papers and photos, stored encrypted inside the vault. Add them with \"Add…\" or by "
                      "dropping files here. Opening one is recorded in the audit log, like revealing a name."));
    add_->setText(tr("Add…"));
    view_->setText(tr("View"));
    saveCopy_->setText(tr("Save a copy…"));
    remove_->setText(tr("Remove"));
    thumbnails_->setText(tr("Show thumbnails"));
    thumbnails_->setToolTip(tr("Shows a small picture of each image; each one shown is recorded in the audit log"));
    table_->setHorizontalHeaderLabels({tr("File"), tr("Category"), tr("Type"), tr("Size"), tr("Added by"),
                                       tr("Added on"), tr("State")});
    rebuild();
}

void AttachmentsSection::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace abri::app
