#pragma once
// Walks a window's visible widgets and collects the texts a person can read (labels, buttons, tabs, headers,
// placeholders, visible table cells). Used to prove that nothing stayed in English in French and Arabic.
#include <QtCore/QSet>
#include <QtCore/QString>
#include <QtCore/QStringList>

class QWidget;

namespace abri::app::test {

QStringList visibleTexts(QWidget* window);

// English source texts of abri_<language>.ts whose translation differs from the source (identical translations,
// such as "Transport" in French, are deliberate and not reported).
QSet<QString> englishSourcesOf(const QString& tsFile);

// Texts of `window` that are an English source left as is.
QStringList untranslatedTexts(QWidget* window, const QSet<QString>& englishSources);

}  // namespace abri::app::test
