#include "main/sync_status.h"

#include <QtCore/QEvent>

#include "i18n/display_format.h"

namespace abri::app {

SyncStatusLabel::SyncStatusLabel(QWidget* parent) : QLabel(parent) {
    setObjectName(QStringLiteral("syncStatus"));
    retranslate();
}

void SyncStatusLabel::setPendingChanges(std::optional<std::int64_t> pending) {
    pending_ = pending;
    retranslate();
}

void SyncStatusLabel::retranslate() {
    if (!pending_) {
        setText({});
        return;
    }
    setText(tr("Never synced · changes waiting to be sent: %1").arg(DisplayFormat::number(*pending_)));
    setToolTip(tr("Changes are sent to the hub when a connection or a sync drive is available."));
}

void SyncStatusLabel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QLabel::changeEvent(event);
}

}  // namespace abri::app
