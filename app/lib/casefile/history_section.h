#pragma once
// The case's history: journal operations (created, changed, deleted) and audit entries (reveals, views), oldest
// first, by whom and which field. Values never appear here.
#include <QtWidgets/QWidget>

#include <string>
#include <vector>

#include "cases/case_repository.h"
#include "devicesync/known_devices.h"

class QLabel;
class QTableWidget;

namespace abri::app {

class Session;

class HistorySection : public QWidget {
    Q_OBJECT

public:
    explicit HistorySection(Session& session, QWidget* parent = nullptr);
    void setCase(const std::string& caseId, const std::vector<cases::Item>& items);
    void clear();
    QTableWidget* table() const { return table_; }
    static QString actionText(const std::string& what);
    // Who made a change: a user of this vault by name; a change that arrived by sync by the laptop that made it
    // (its user ids mean nothing here), e.g. "laptop-03, office TST-AAA".
    QString authorText(const cases::HistoryEntry& entry);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fill();

    Session& session_;
    std::string caseId_;
    std::vector<cases::HistoryEntry> entries_;
    std::map<std::string, model::Entity> itemKinds_;
    std::map<std::string, devicesync::KnownDevice> devices_;
    QLabel* hint_;
    QTableWidget* table_;
};

}  // namespace abri::app
