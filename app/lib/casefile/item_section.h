#pragma once
// One kind of child record of a case (events, consents, services, referrals, transfers) as a table with Add and
// Edit (editable kinds) or Correct (append-only kinds). Corrected records stay visible, struck through.
#include <QtWidgets/QWidget>

#include <string>
#include <vector>

#include "cases/case_repository.h"
#include "forms/field_editor.h"
#include "model/fields.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace abri::app {

class Session;

class ItemSection : public QWidget {
    Q_OBJECT

public:
    ItemSection(Session& session, model::Entity kind, const EditorContext& context, QWidget* parent = nullptr);

    void setCase(const std::string& caseId, const std::vector<cases::Item>& items);
    void clear();
    QTableWidget* table() const { return table_; }
    int itemCount() const { return static_cast<int>(items_.size()); }
    model::Entity kind() const { return kind_; }

    // Opens the dialogs (exposed for tests and screenshots).
    void addItem();
    void editSelected();

Q_SIGNALS:
    void itemsChanged();  // something was saved: the case file reloads

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillTable();
    std::vector<const model::FieldSpec*> columns() const;
    const cases::Item* selectedItem() const;
    void updateButtons();

    Session& session_;
    model::Entity kind_;
    EditorContext context_;
    std::string caseId_;
    std::vector<cases::Item> items_;
    QLabel* title_;
    QLabel* hint_;
    QTableWidget* table_;
    QPushButton* add_;
    QPushButton* edit_;
    QPushButton* remove_;
};

}  // namespace abri::app
