#include "casefile/history_section.h"

#include <QtCore/QEvent>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QVBoxLayout>

#include "common/error.h"
#include "i18n/display_format.h"
#include "i18n/error_messages.h"
#include "i18n/field_labels.h"
#include "session/session.h"
#include "ui/style.h"

namespace abri::app {

HistorySection::HistorySection(Session& session, QWidget* parent) : QWidget(parent), session_(session) {
    setObjectName(QStringLiteral("historySection"));
    auto* layout = new QVBoxLayout(this);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    Style::makeHint(hint_);
    table_ = new QTableWidget(this);
    table_->setColumnCount(5);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);
    layout->addWidget(hint_);
    layout->addWidget(table_, 1);
    retranslate();
}

QString HistorySection::actionText(const std::string& what) {
    if (what == "created" || what == "create") return tr("Created");
    if (what == "set") return tr("Changed");
    if (what == "deleted" || what == "delete") return tr("Deleted");
    if (what == "sensitive_revealed") return tr("Sensitive value revealed");
    if (what == "case_viewed") return tr("Case opened");
    if (what == "exported") return tr("Exported");
    return QString::fromStdString(what);
}

QString HistorySection::authorText(const cases::HistoryEntry& entry) {
    if (entry.device.empty() || entry.device == session_.vault().deviceId()) {
        return session_.userDisplayName(entry.userId);
    }
    const auto device = devices_.find(entry.device);
    if (device == devices_.end()) return tr("Another laptop");
    return tr("%1, office %2", "who made a change that arrived by sync: laptop label, office code")
        .arg(QString::fromStdString(device->second.label), QString::fromStdString(device->second.office));
}

void HistorySection::setCase(const std::string& caseId, const std::vector<cases::Item>& items) {
    caseId_ = caseId;
    try {
        devices_ = devicesync::knownDevices(session_.vault());
    } catch (const Error&) {
        devices_.clear();  // an unenrolled or locked vault: remote changes read "Another laptop"
    }
    itemKinds_.clear();
    for (const auto& item : items) itemKinds_[item.id] = item.kind;
    try {
        entries_ = session_.cases().history(caseId);
    } catch (const Error& error) {
        entries_.clear();
        hint_->setText(ErrorMessages::message(error));
    }
    fill();
}

void HistorySection::clear() {
    caseId_.clear();
    entries_.clear();
    itemKinds_.clear();
    table_->setRowCount(0);
}

void HistorySection::fill() {
    table_->setRowCount(static_cast<int>(entries_.size()));
    // Newest first.
    int row = 0;
    for (auto it = entries_.rbegin(); it != entries_.rend(); ++it, ++row) {
        const auto& entry = *it;
        model::Entity entity = model::Entity::Case;
        if (auto kind = itemKinds_.find(entry.entityId); kind != itemKinds_.end()) entity = kind->second;
        QString field;
        if (!entry.field.empty()) {
            field = FieldLabels::label(entity, entry.field);
            if (field.isEmpty()) field = FieldLabels::labelForPath(QString::fromStdString(entry.field));
            if (field.isEmpty()) field = QString::fromStdString(entry.field);
        }
        const QString values[] = {DisplayFormat::dateTime(entry.atMs), authorText(entry), actionText(entry.what),
                                  FieldLabels::entityName(entity), field};
        for (int column = 0; column < 5; ++column) table_->setItem(row, column, new QTableWidgetItem(values[column]));
    }
    table_->resizeColumnsToContents();
}

void HistorySection::retranslate() {
    hint_->setText(tr("Every change and every reveal of a sensitive value, newest first. Values are not shown."));
    table_->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Record"), tr("Field")});
    fill();
}

void HistorySection::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace abri::app
