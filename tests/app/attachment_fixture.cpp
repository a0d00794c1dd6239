#include "attachment_fixture.h"

#include <QtCore/QBuffer>
#include <QtGui/QFont>
#include <QtGui/QImage>
#include <QtGui/QPageSize>
#include <QtGui/QPainter>
#include <QtGui/QPdfWriter>

#include <fstream>

namespace abri::app::test {

QByteArray syntheticPng(const QString& marker) {
    QImage image(kSpecimenImageSize, QImage::Format_RGB32);
    image.fill(QColor(226, 236, 244));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(QColor(40, 70, 110), 4));
        painter.drawRoundedRect(QRect(QPoint(8, 8), kSpecimenImageSize - QSize(16, 16)), 18, 18);
        painter.fillRect(QRect(32, 70, 120, 150), QColor(180, 196, 212));
        QFont font = painter.font();
        font.setPixelSize(26);
        font.setBold(true);
        painter.setFont(font);
        painter.drawText(QRect(24, 18, 432, 40), Qt::AlignCenter, QStringLiteral("SPECIMEN - FAKE ID CARD"));
        font.setPixelSize(18);
        font.setBold(false);
        painter.setFont(font);
        painter.drawText(QPoint(176, 100), QStringLiteral("Name: Testperson Alpha"));
        painter.drawText(QPoint(176, 135), QStringLiteral("No.: XX-000000-TEST"));
        painter.drawText(QPoint(176, 170), QStringLiteral("Issued: never (synthetic)"));
        painter.setPen(QColor(200, 40, 40));
        painter.drawText(QPoint(176, 215), QStringLiteral("NOT A REAL DOCUMENT"));
    }
    if (!marker.isEmpty()) image.setText(QStringLiteral("Comment"), marker);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray syntheticPdf(const QString& marker) {
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A5));
        writer.setResolution(72);
        writer.setTitle(QStringLiteral("Synthetic consent form"));
        QPainter painter(&writer);
        QFont font = painter.font();
        font.setPixelSize(20);
        font.setBold(true);
        painter.setFont(font);
        painter.drawText(QRect(30, 30, 360, 40), Qt::AlignLeft, QStringLiteral("CONSENT FORM - SPECIMEN"));
        font.setPixelSize(12);
        font.setBold(false);
        painter.setFont(font);
        painter.drawText(QRect(30, 80, 360, 200), Qt::AlignLeft | Qt::TextWordWrap,
                         QStringLiteral("Synthetic test document. Testperson Alpha (a fake person) agrees that "
                                        "Fakeorg may keep this case file. Not a real form."));
        painter.drawLine(30, 320, 220, 320);
        painter.drawText(QPoint(30, 340), QStringLiteral("Signature (fake)"));
    }
    if (!marker.isEmpty()) bytes.append("\n%" + marker.toUtf8() + "\n");
    return bytes;
}

QByteArray syntheticText(const QString& marker) {
    QByteArray text = "Synthetic note from a fake interview, typed up for the case file.\n"
                      "Testperson Alpha asked for an interpreter. Nothing here is real.\n";
    if (!marker.isEmpty()) text.append(marker.toUtf8() + "\n");
    return text;
}

std::filesystem::path writeFile(const std::filesystem::path& path, const QByteArray& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.constData(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

}  // namespace abri::app::test
