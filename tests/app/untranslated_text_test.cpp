#include "catch_qt.h"

#include <QtCore/QTemporaryDir>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include "screenshots/untranslated_text.h"

using abri::app::test::englishSourcesOf;
using abri::app::test::untranslatedTexts;

TEST_CASE("the untranslated-text walker finds English left in a window", "[app][i18n]") {
    QTemporaryDir dir;
    const QString ts = dir.filePath(QStringLiteral("x.ts"));
    {
        QFile file(ts);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context><name>A</name>
<message><source>&amp;Unlock</source><translation>&amp;Déverrouiller</translation></message>
<message><source>Transport</source><translation>Transport</translation></message>
<message><source>Cases: %1</source><translation>Dossiers : %1</translation></message>
<message><source>Any status</source><translation>Tous les statuts</translation></message>
</context>
</TS>
)");
    }
    const auto sources = englishSourcesOf(ts);
    CHECK(sources.contains(QStringLiteral("Unlock")));
    CHECK_FALSE(sources.contains(QStringLiteral("Transport")));  // identical on purpose
    CHECK_FALSE(sources.contains(QStringLiteral("Cases: %1")));  // filled in at run time

    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(new QLabel(QStringLiteral("Transport")));
    layout->addWidget(new QPushButton(QStringLiteral("&Unlock")));
    auto* combo = new QComboBox;
    combo->addItem(QStringLiteral("Any status"));
    layout->addWidget(combo);
    auto* hidden = new QLabel(QStringLiteral("Any status"));
    layout->addWidget(hidden);
    hidden->hide();
    window.show();
    const QStringList found = untranslatedTexts(&window, sources);
    CHECK(found.contains(QStringLiteral("Unlock")));
    CHECK(found.contains(QStringLiteral("Any status")));
    CHECK(found.size() == 2);

    combo->setItemText(0, QStringLiteral("Tous les statuts"));
    CHECK(untranslatedTexts(&window, sources) == QStringList{QStringLiteral("Unlock")});
}
