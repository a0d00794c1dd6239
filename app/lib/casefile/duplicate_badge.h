#pragma once
// The duplicate line of a case file (sync/PROTOCOL.md §6.4): "Possible duplicate of CODE" on a case the hub
// operator flagged, and after a merge "Duplicate of CODE" on the retired case or "Same person as CODE" on the
// surviving one. Hidden when the case has none. Case codes only: the other office's case is never shown.
#include <QtWidgets/QLabel>

#include <nlohmann/json.hpp>

namespace abri::app {

class DuplicateBadge : public QLabel {
    Q_OBJECT
public:
    explicit DuplicateBadge(QWidget* parent = nullptr);
    // The hub-only fields of the case document (model/duplicate_links.h).
    void setCase(const nlohmann::json& caseDoc);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    nlohmann::json doc_;
};

}  // namespace abri::app
