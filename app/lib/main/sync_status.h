#pragma once
// The sync line of the status bar. Until the sync daemon lands it shows what core knows: changes waiting in the
// journal, and that this vault has never synced.
#include <QtWidgets/QLabel>

#include <cstdint>
#include <optional>

namespace abri::app {

class SyncStatusLabel : public QLabel {
    Q_OBJECT

public:
    explicit SyncStatusLabel(QWidget* parent = nullptr);
    // nullopt: locked (nothing is shown).
    void setPendingChanges(std::optional<std::int64_t> pending);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    std::optional<std::int64_t> pending_;
};

}  // namespace abri::app
