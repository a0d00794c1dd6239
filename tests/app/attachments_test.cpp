// The case file's Attachments section and viewer (issue 13, part 3): adding through core, the list, viewing images,
// PDFs and text from memory, refusals with their translated reason, "Save a copy…" audited, what each role sees,
// and that viewing leaves no plaintext file anywhere. All files are synthetic.
#include "catch_qt.h"

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QPointer>
#include <QtCore/QMimeData>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtTest/QTest>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QDropEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtPdf/QPdfDocument>
#include <QtPdfWidgets/QPdfView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>

#include <cstdlib>

#include "attachment_fixture.h"
#include "attachments/attachment_repository.h"
#include "audit/audit_log.h"
#include "casefile/attachment_category_dialog.h"
#include "casefile/attachment_viewer.h"
#include "casefile/attachments_section.h"
#include "casefile/case_file_widget.h"
#include "demo_vault.h"
#include "i18n/error_messages.h"
#include "language_guard.h"
#include "session/session.h"
#include "support/temp_dir.h"
#include "sync_fixture.h"
#include "vault/vault.h"

using abri::app::AttachmentsSection;
using abri::app::AttachmentViewer;
using abri::app::CaseFileWidget;
using abri::app::ErrorMessages;
using abri::app::Session;
using abri::app::test::DemoVault;
using abri::attachments::AttachmentCode;
using abri::attachments::Category;

namespace {

const QString kMarker = QStringLiteral("FAKE-APP-ATTACHMENT-MARKER-Zqxv-4471");

std::string findCase(Session& session, const std::string& text) {
    abri::cases::CaseQuery query;
    query.filter.text = text;
    const auto rows = session.cases().list(query);
    REQUIRE(rows.size() == 1);
    return rows.front().id;
}

bool hasAudit(Session& session, const std::string& entityId, abri::audit::Action action) {
    for (const auto& entry : session.vault().audit().entriesFor(entityId)) {
        if (entry.action == action) return true;
    }
    return false;
}

int auditCount(Session& session, const std::string& entityId, abri::audit::Action action) {
    int count = 0;
    for (const auto& entry : session.vault().audit().entriesFor(entityId)) count += entry.action == action ? 1 : 0;
    return count;
}

QString path(const std::filesystem::path& file) { return QString::fromStdString(file.string()); }

std::string idNamed(const AttachmentsSection& section, const std::string& name) {
    for (const auto& info : section.attachments()) {
        if (info.fileName == name) return info.id;
    }
    FAIL("no attachment named " << name);
    return {};
}

// Files under `dir` (recursively) whose bytes contain `marker`.
QStringList filesContaining(const QString& dir, const QString& marker) {
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile f(file);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(marker.toUtf8())) found << file;
    }
    return found;
}

}  // namespace

TEST_CASE("attachments are added through core, listed, and viewed from memory", "[app][attachments]") {
    DemoVault demo;
    abri::test::TempDir inputs;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    const auto caseId = findCase(session, "Alpha");
    CaseFileWidget file(session, caseId);
    AttachmentsSection* section = file.attachments();
    REQUIRE(section != nullptr);
    CHECK(file.tabs()->tabText(CaseFileWidget::AttachmentsTab) == QStringLiteral("Attachments"));
    CHECK(section->attachmentCount() == 0);

    const auto png = abri::app::test::writeFile(inputs / "specimen-id.png", abri::app::test::syntheticPng());
    const auto pdf = abri::app::test::writeFile(inputs / "consent-form.pdf", abri::app::test::syntheticPdf());
    const auto txt = abri::app::test::writeFile(inputs / "interview.txt", abri::app::test::syntheticText());
    REQUIRE(section->addFiles({path(png)}, Category::IdentityDocument));
    REQUIRE(section->addFiles({path(pdf), path(txt)}, Category::ConsentForm));
    CHECK(section->errorLabel()->isHidden());

    // Stored by core, listed newest first with name, category, type and size.
    CHECK(session.attachments().list(caseId).size() == 3);
    REQUIRE(section->attachmentCount() == 3);
    auto* table = section->table();
    CHECK(table->item(0, AttachmentsSection::NameColumn)->text() == QStringLiteral("interview.txt"));
    CHECK(table->item(2, AttachmentsSection::NameColumn)->text() == QStringLiteral("specimen-id.png"));
    CHECK(table->item(2, AttachmentsSection::CategoryColumn)->text() == QStringLiteral("Identity document"));
    CHECK(table->item(2, AttachmentsSection::TypeColumn)->text() == QStringLiteral("PNG image"));
    CHECK(table->item(1, AttachmentsSection::TypeColumn)->text() == QStringLiteral("PDF document"));
    CHECK(table->item(0, AttachmentsSection::StateColumn)->text() == QStringLiteral("Current"));
    CHECK(table->item(0, AttachmentsSection::AddedByColumn)->text() == QStringLiteral("Testworker Yankee"));
    CHECK_FALSE(table->item(2, AttachmentsSection::SizeColumn)->text().isEmpty());
    // Reopening the case lists them again.
    CaseFileWidget again(session, caseId);
    CHECK(again.attachments()->attachmentCount() == 3);

    // An image: decoded from the bytes core handed out; audited like a reveal; its thumbnail comes for free.
    const auto imageId = idNamed(*section, "specimen-id.png");
    CHECK_FALSE(hasAudit(session, imageId, abri::audit::Action::AttachmentViewed));
    CHECK_FALSE(section->hasThumbnail(imageId));
    {
        QPointer<AttachmentViewer> viewer = section->view(imageId);
        REQUIRE(viewer);
        CHECK(viewer->shown() == AttachmentViewer::Shown::Image);
        CHECK(viewer->imageSize() == abri::app::test::kSpecimenImageSize);
        CHECK(hasAudit(session, imageId, abri::audit::Action::AttachmentViewed));
        CHECK(section->hasThumbnail(imageId));
        CHECK_FALSE(table->item(2, AttachmentsSection::NameColumn)->icon().isNull());
        viewer->accept();
        CHECK(viewer->isWiped());
    }

    // A PDF: Qt PDF renders it from a QBuffer over the same bytes.
    const auto pdfId = idNamed(*section, "consent-form.pdf");
    {
        QPointer<AttachmentViewer> viewer = section->view(pdfId);
        REQUIRE(viewer);
        CHECK(viewer->shown() == AttachmentViewer::Shown::Pdf);
        CHECK(viewer->pageCount() == 1);
        REQUIRE(viewer->pdfView()->document() != nullptr);
        CHECK(viewer->pdfView()->document()->status() == QPdfDocument::Status::Ready);
        CHECK(hasAudit(session, pdfId, abri::audit::Action::AttachmentViewed));
        viewer->reject();
        CHECK(viewer->isWiped());
        CHECK(viewer->pdfView()->document() == nullptr);
    }

    // Text, read-only.
    {
        QPointer<AttachmentViewer> viewer = section->view(idNamed(*section, "interview.txt"));
        REQUIRE(viewer);
        CHECK(viewer->shown() == AttachmentViewer::Shown::Text);
        CHECK(viewer->textView()->isReadOnly());
        CHECK(viewer->textView()->toPlainText().contains(QStringLiteral("Nothing here is real.")));
        viewer->accept();
        CHECK(viewer->textView()->toPlainText().isEmpty());
    }

    // "Show thumbnails" reads each image not yet shown (audited once per image); the PNG already has one.
    const int viewsBefore = auditCount(session, imageId, abri::audit::Action::AttachmentViewed);
    section->showThumbnails();
    CHECK(auditCount(session, imageId, abri::audit::Action::AttachmentViewed) == viewsBefore);
    CaseFileWidget fresh(session, caseId);
    CHECK_FALSE(fresh.attachments()->hasThumbnail(imageId));  // thumbnails are never shown without a read
    fresh.attachments()->showThumbnails();
    CHECK(fresh.attachments()->hasThumbnail(imageId));
    CHECK(auditCount(session, imageId, abri::audit::Action::AttachmentViewed) == viewsBefore + 1);
}

TEST_CASE("a row is selected in a right-to-left layout too", "[app][attachments][i18n]") {
    DemoVault demo;
    abri::test::TempDir inputs;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    abri::app::test::LanguageGuard arabic(QStringLiteral("ar"));
    CaseFileWidget file(session, findCase(session, "Alpha"));
    AttachmentsSection* section = file.attachments();
    const auto png = abri::app::test::writeFile(inputs / "photo.png", abri::app::test::syntheticPng());
    REQUIRE(section->addFiles({path(png)}, Category::Photo));
    file.resize(1000, 700);
    file.tabs()->setCurrentIndex(CaseFileWidget::AttachmentsTab);
    file.show();
    QCoreApplication::processEvents();
    CHECK(file.layoutDirection() == Qt::RightToLeft);
    CHECK_FALSE(section->viewButton()->isEnabled());
    section->selectRow(0);
    CHECK(section->viewButton()->isEnabled());
    CHECK(section->saveCopyButton()->isEnabled());
}

TEST_CASE("files dropped on the section are attached with the category chosen", "[app][attachments]") {
    DemoVault demo;
    abri::test::TempDir inputs;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    const auto caseId = findCase(session, "Bravo");
    CaseFileWidget file(session, caseId);
    AttachmentsSection* section = file.attachments();
    const auto png = abri::app::test::writeFile(inputs / "dropped-scan.png", abri::app::test::syntheticPng());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path(png))});

    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(section, &enter);
    CHECK(enter.isAccepted());

    // The category dialog opens once the drop has finished: choose "Medical paper" and confirm.
    int asked = 0;
    QTimer answer;
    answer.setInterval(10);
    QObject::connect(&answer, &QTimer::timeout, [&asked] {
        auto* dialog = qobject_cast<abri::app::AttachmentCategoryDialog*>(QApplication::activeModalWidget());
        if (dialog == nullptr) return;
        ++asked;
        dialog->setCategory(Category::Medical);
        dialog->accept();
    });
    answer.start();
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(section, &drop);
    CHECK(drop.isAccepted());
    for (int i = 0; i < 200 && section->attachmentCount() == 0; ++i) QTest::qWait(10);
    answer.stop();
    CHECK(asked == 1);
    const auto stored = session.attachments().list(caseId);
    REQUIRE(stored.size() == 1);
    CHECK(stored.front().fileName == "dropped-scan.png");
    CHECK(stored.front().category == Category::Medical);
    CHECK(section->attachmentCount() == 1);

    // Cancelling the category stores nothing.
    int cancelled = 0;
    QTimer cancel;
    cancel.setInterval(10);
    QObject::connect(&cancel, &QTimer::timeout, [&cancelled] {
        if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
            ++cancelled;
            dialog->reject();
        }
    });
    cancel.start();
    QDragEnterEvent enterAgain(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(section, &enterAgain);
    QDropEvent again(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(section, &again);
    for (int i = 0; i < 200 && cancelled == 0; ++i) QTest::qWait(10);
    cancel.stop();
    CHECK(cancelled == 1);
    CHECK(session.attachments().list(caseId).size() == 1);

    // Something that is not a local file is not taken.
    QMimeData remote;
    remote.setUrls({QUrl(QStringLiteral("https://example.invalid/scan.pdf"))});
    QDragEnterEvent refused(QPoint(5, 5), Qt::CopyAction, &remote, Qt::LeftButton, Qt::NoModifier);
    refused.ignore();
    QCoreApplication::sendEvent(section, &refused);
    CHECK_FALSE(refused.isAccepted());
}

TEST_CASE("refused files show the translated reason and store nothing", "[app][attachments][i18n]") {
    DemoVault demo;
    abri::test::TempDir inputs;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    const auto caseId = findCase(session, "Bravo");
    CaseFileWidget file(session, caseId);
    AttachmentsSection* section = file.attachments();

    // A program renamed .pdf: refused by its content.
    QByteArray elf("\x7f" "ELF\x02\x01\x01", 7);
    elf.append(QByteArray(200, '\0'));
    const auto exe = abri::app::test::writeFile(inputs / "consent.pdf", elf);
    const auto empty = abri::app::test::writeFile(inputs / "empty.pdf", QByteArray());
    const QString english = ErrorMessages::message(AttachmentCode::Executable);
    {
        abri::app::test::LanguageGuard french(QStringLiteral("fr"));
        CHECK_FALSE(section->addFiles({path(exe)}, Category::ConsentForm));
        CHECK_FALSE(section->errorLabel()->isHidden());
        const QString shown = section->errorLabel()->text();
        CHECK(shown == ErrorMessages::message(AttachmentCode::Executable));
        CHECK(shown != english);
        CHECK_FALSE(shown.contains(QStringLiteral("consent.pdf")));  // never the file's name or path
    }
    CHECK(section->attachmentCount() == 0);
    CHECK(session.attachments().list(caseId, true).empty());

    CHECK_FALSE(section->addFiles({path(empty)}, Category::Other));
    CHECK(section->errorLabel()->text() == ErrorMessages::message(AttachmentCode::Empty));
    CHECK_FALSE(section->addFiles({path(inputs / "missing.png")}, Category::Photo));
    CHECK(section->errorLabel()->text() == ErrorMessages::message(AttachmentCode::Unreadable));
    CHECK(session.attachments().list(caseId, true).empty());

    // A good file after a refusal: the message goes away.
    const auto png = abri::app::test::writeFile(inputs / "photo.png", abri::app::test::syntheticPng());
    CHECK(section->addFiles({path(png)}, Category::Photo));
    CHECK(section->errorLabel()->isHidden());
    CHECK(section->attachmentCount() == 1);
}

TEST_CASE("a file over the limit names the limit in the message", "[app][attachments][errors]") {
    const abri::attachments::AttachmentError error(AttachmentCode::TooLarge, "file",
                                                   "31457280 bytes over the limit of 20971520 bytes");
    const QString message = ErrorMessages::message(error);
    CHECK(message.contains(QStringLiteral("30 MB")));
    CHECK(message.contains(QStringLiteral("20 MB")));
}

TEST_CASE("save a copy writes the file and an audit entry", "[app][attachments]") {
    DemoVault demo;
    abri::test::TempDir inputs;
    abri::test::TempDir outputs;
    Session session(demo.unlockWorker(), DemoVault::kdf());
    CaseFileWidget file(session, findCase(session, "Alpha"));
    AttachmentsSection* section = file.attachments();
    const QByteArray pdfBytes = abri::app::test::syntheticPdf();
    const auto pdf = abri::app::test::writeFile(inputs / "consent-form.pdf", pdfBytes);
    REQUIRE(section->addFiles({path(pdf)}, Category::ConsentForm));
    const auto id = section->attachments().front().id;
    CHECK_FALSE(section->saveCopyButton()->isHidden());
    CHECK_FALSE(hasAudit(session, id, abri::audit::Action::AttachmentExported));

    const auto target = outputs / "copy.pdf";
    REQUIRE(section->saveCopy(id, path(target)));
    QFile copy(path(target));
    REQUIRE(copy.open(QIODevice::ReadOnly));
    CHECK(copy.readAll() == pdfBytes);
    CHECK((std::filesystem::status(target).permissions() & std::filesystem::perms::others_read) ==
          std::filesystem::perms::none);
    CHECK(hasAudit(session, id, abri::audit::Action::AttachmentExported));
    CHECK_FALSE(section->noticeLabel()->isHidden());
    CHECK(section->noticeLabel()->text().contains(QStringLiteral("NOT encrypted")));
}

TEST_CASE("what each role sees: caseworker, supervisor, administrator", "[app][attachments]") {
    DemoVault demo;
    abri::app::test::addSupervisor(demo);
    abri::test::TempDir inputs;
    std::string caseId;
    std::string attachmentId;
    {
        Session worker(demo.unlockWorker(), DemoVault::kdf());
        caseId = findCase(worker, "Alpha");
        CaseFileWidget file(worker, caseId);
        AttachmentsSection* section = file.attachments();
        const auto png = abri::app::test::writeFile(inputs / "specimen-id.png", abri::app::test::syntheticPng());
        REQUIRE(section->addFiles({path(png)}, Category::IdentityDocument));
        attachmentId = section->attachments().front().id;
        // A caseworker adds, views and saves copies, but does not remove (removal purges for good).
        CHECK_FALSE(section->addButton()->isHidden());
        CHECK_FALSE(section->viewButton()->isHidden());
        CHECK(section->removeButton()->isHidden());
        CHECK(section->acceptDrops());
    }
    {
        Session admin(demo.unlockAdmin(), DemoVault::kdf());
        CaseFileWidget file(admin, caseId);
        AttachmentsSection* section = file.attachments();
        REQUIRE(section->attachmentCount() == 1);
        // Administrators do not see who the person is: no file name, no viewing, no adding; they may remove.
        CHECK(section->table()->item(0, AttachmentsSection::NameColumn)->text() == QStringLiteral("Name hidden"));
        CHECK(section->viewButton()->isHidden());
        CHECK(section->thumbnailsButton()->isHidden());
        CHECK(section->saveCopyButton()->isHidden());
        CHECK(section->addButton()->isHidden());
        CHECK_FALSE(section->acceptDrops());
        CHECK_FALSE(section->removeButton()->isHidden());
    }
    {
        auto vault = abri::vault::Vault::unlock(demo.path(), abri::app::test::kSupervisor,
                                                abri::app::test::kSupervisorPassword);
        Session supervisor(std::move(vault), DemoVault::kdf());
        CaseFileWidget file(supervisor, caseId);
        AttachmentsSection* section = file.attachments();
        CHECK_FALSE(section->removeButton()->isHidden());
        section->selectRow(0);
        CHECK(section->removeButton()->isEnabled());
        REQUIRE(section->removeAttachment(attachmentId));
        REQUIRE(section->attachmentCount() == 1);  // the tombstone stays listed
        CHECK(section->table()->item(0, AttachmentsSection::NameColumn)->text() == QStringLiteral("Removed file"));
        CHECK(section->table()->item(0, AttachmentsSection::StateColumn)->text() ==
              QStringLiteral("Removed: content deleted"));
        section->selectRow(0);
        CHECK_FALSE(section->viewButton()->isEnabled());
        CHECK(section->view(attachmentId) == nullptr);
        CHECK(hasAudit(supervisor, attachmentId, abri::audit::Action::AttachmentRemoved));
    }
}

TEST_CASE("viewing an image, a PDF and a text leaves no plaintext file on disk", "[app][attachments][disk]") {
    DemoVault demo;
    abri::test::TempDir inputs;
    QTemporaryDir temp;  // TMPDIR while viewing: whatever Qt or a library would write as a temporary file lands here
    REQUIRE(temp.isValid());
    const QByteArray oldTmp = qgetenv("TMPDIR");
    qputenv("TMPDIR", temp.path().toUtf8());
    REQUIRE(QDir(QDir::tempPath()).canonicalPath() == QDir(temp.path()).canonicalPath());
    {
        Session session(demo.unlockWorker(), DemoVault::kdf());
        CaseFileWidget file(session, findCase(session, "Alpha"));
        AttachmentsSection* section = file.attachments();
        const auto png = abri::app::test::writeFile(inputs / "marked.png", abri::app::test::syntheticPng(kMarker));
        const auto pdf = abri::app::test::writeFile(inputs / "marked.pdf", abri::app::test::syntheticPdf(kMarker));
        const auto txt = abri::app::test::writeFile(inputs / "marked.txt", abri::app::test::syntheticText(kMarker));
        REQUIRE(filesContaining(path(inputs.path()), kMarker).size() == 3);  // the scan finds it where it is
        REQUIRE(section->addFiles({path(png), path(pdf), path(txt)}, Category::Other));
        file.show();
        for (const auto& info : section->attachments()) {
            QPointer<AttachmentViewer> viewer = section->view(info.id);
            REQUIRE(viewer);
            CHECK(viewer->shown() != AttachmentViewer::Shown::Error);
            for (int i = 0; i < 10; ++i) QCoreApplication::processEvents();  // paint: PDF pages render
            viewer->grab();
            CHECK(filesContaining(temp.path(), kMarker).isEmpty());
            CHECK(filesContaining(path(demo.folder()), kMarker).isEmpty());
            viewer->accept();
        }
        section->showThumbnails();
        QCoreApplication::processEvents();
        CHECK(filesContaining(temp.path(), kMarker).isEmpty());
        CHECK(filesContaining(path(demo.folder()), kMarker).isEmpty());
    }
    CHECK(filesContaining(temp.path(), kMarker).isEmpty());
    CHECK(filesContaining(path(demo.folder()), kMarker).isEmpty());
    if (oldTmp.isNull()) {
        qunsetenv("TMPDIR");
    } else {
        qputenv("TMPDIR", oldTmp);
    }
}
