#include "casefile/duplicate_badge.h"

#include <QtCore/QEvent>
#include <QtCore/QStringList>

#include "model/duplicate_links.h"
#include "ui/text_direction.h"

namespace abri::app {

namespace {

QString joined(const std::vector<std::string>& codes) {
    QStringList out;
    for (const auto& code : codes) out << QString::fromStdString(code);
    return out.join(QStringLiteral(", "));
}

}  // namespace

DuplicateBadge::DuplicateBadge(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("duplicateBadge"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);  // the operator's codes are looked up by copying them
    // A calm notice, not an error: amber with dark text (contrast above 7:1).
    setStyleSheet(QStringLiteral("QLabel#duplicateBadge { background: #fff3cd; color: #4d3a00; "
                                 "border: 1px solid #e0c36a; border-radius: 4px; padding: 3px 8px; }"));
    hide();
}

void DuplicateBadge::setCase(const nlohmann::json& caseDoc) {
    doc_ = caseDoc;
    retranslate();
}

void DuplicateBadge::retranslate() {
    QStringList lines;
    const std::string survivor = model::duplicateOf(doc_);
    if (!survivor.empty())
        lines << tr("Duplicate of %1: the same person's case, which continues there")
                     .arg(QString::fromStdString(survivor));
    const auto merged = model::codeList(doc_, model::kSamePersonAsField);
    if (!merged.empty()) lines << tr("Same person as %1 (merged at the hub)").arg(joined(merged));
    const auto possible = model::codeList(doc_, model::kPossibleDuplicateOfField);
    if (!possible.empty()) lines << tr("Possible duplicate of %1 (flagged at the hub)").arg(joined(possible));
    setText(followUiDirection(lines.join(QLatin1Char('\n'))));
    setVisible(!lines.isEmpty());
}

void DuplicateBadge::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QLabel::changeEvent(event);
}

}  // namespace abri::app
