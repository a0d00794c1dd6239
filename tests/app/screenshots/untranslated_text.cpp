#include "untranslated_text.h"

#include <QtCore/QFile>
#include <QtCore/QXmlStreamReader>
#include <QtWidgets/QAbstractButton>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QGroupBox>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QTabBar>
#include <QtWidgets/QWidget>

namespace abri::app::test {

namespace {

void addText(QStringList& texts, QString text) {
    text.remove(QLatin1Char('&'));  // mnemonics
    text = text.trimmed();
    if (!text.isEmpty()) texts << text;
}

}  // namespace

QStringList visibleTexts(QWidget* window) {
    QStringList texts;
    const auto widgets = window->findChildren<QWidget*>();
    for (QWidget* widget : widgets) {
        if (!widget->isVisibleTo(window) || widget->width() <= 0) continue;
        if (auto* label = qobject_cast<QLabel*>(widget)) {
            addText(texts, label->text());
        } else if (auto* button = qobject_cast<QAbstractButton*>(widget)) {
            addText(texts, button->text());
        } else if (auto* edit = qobject_cast<QLineEdit*>(widget)) {
            if (edit->text().isEmpty()) addText(texts, edit->placeholderText());
        } else if (auto* plain = qobject_cast<QPlainTextEdit*>(widget)) {
            if (plain->toPlainText().isEmpty()) addText(texts, plain->placeholderText());
        } else if (auto* combo = qobject_cast<QComboBox*>(widget)) {
            addText(texts, combo->currentText());
        } else if (auto* tabs = qobject_cast<QTabBar*>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) addText(texts, tabs->tabText(i));
        } else if (auto* group = qobject_cast<QGroupBox*>(widget)) {
            addText(texts, group->title());
        } else if (auto* view = qobject_cast<QAbstractItemView*>(widget)) {
            auto* model = view->model();
            if (model == nullptr) continue;
            for (int column = 0; column < model->columnCount(); ++column) {
                addText(texts, model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
            }
            for (int row = 0; row < std::min(model->rowCount(), 30); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    addText(texts, model->index(row, column).data(Qt::DisplayRole).toString());
                }
            }
        }
    }
    return texts;
}

QSet<QString> englishSourcesOf(const QString& tsFile) {
    QSet<QString> sources;
    QFile file(tsFile);
    if (!file.open(QIODevice::ReadOnly)) return sources;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString translation = xml.readElementText();
            if (!source.contains(QLatin1Char('%')) && translation != source) {
                QString plain = source;
                plain.remove(QLatin1Char('&'));
                sources.insert(plain.trimmed());
            }
        }
    }
    return sources;
}

QStringList untranslatedTexts(QWidget* window, const QSet<QString>& englishSources) {
    QStringList found;
    for (const QString& text : visibleTexts(window)) {
        if (englishSources.contains(text) && !found.contains(text)) found << text;
    }
    return found;
}

}  // namespace abri::app::test
