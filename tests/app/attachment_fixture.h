#pragma once
// Synthetic, obviously fake files to attach in the app's tests and screenshots, made in memory with Qt: a PNG
// "scan" of a specimen identity card and a one-page PDF "consent form". An optional marker is placed inside the
// content (a PNG text chunk; a PDF comment after %%EOF, which readers ignore) for the raw scans that prove no
// plaintext copy reached the disk.
#include <QtCore/QByteArray>
#include <QtCore/QSize>
#include <QtCore/QString>

#include <filesystem>

namespace abri::app::test {

inline constexpr QSize kSpecimenImageSize{480, 300};

QByteArray syntheticPng(const QString& marker = {});
QByteArray syntheticPdf(const QString& marker = {});
QByteArray syntheticText(const QString& marker = {});
// Writes `bytes` to `path` (creating it) and returns the path.
std::filesystem::path writeFile(const std::filesystem::path& path, const QByteArray& bytes);

}  // namespace abri::app::test
