#pragma once
// Adds, edits or corrects one child record of a case (event, consent, service, referral, transfer), with a form
// built from the field registry. The dialog stays open and shows core's error at the field until the save works.
#include <QtWidgets/QDialog>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

#include "model/fields.h"

class QDialogButtonBox;
class QLabel;

namespace abri::app {

class FieldForm;
struct EditorContext;

class ItemDialog : public QDialog {
    Q_OBJECT

public:
    enum class Mode { Add, Edit, Correct };
    using Json = nlohmann::json;
    // save receives the whole document (Add, Correct) or the changed fields {path: value} (Edit); it throws
    // abri::Error on failure.
    using Save = std::function<void(const Json&)>;

    ItemDialog(model::Entity kind, Mode mode, const EditorContext& context, QWidget* parent = nullptr);

    void load(const Json& doc, const std::vector<std::string>& masked);
    void setSave(Save save) { save_ = std::move(save); }
    void setCanReveal(bool canReveal);
    FieldForm* form() const { return form_; }
    // Tries to save; true when done (the dialog then accepts).
    bool trySave();

Q_SIGNALS:
    void revealRequested(const QString& path);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    model::Entity kind_;
    Mode mode_;
    Save save_;
    FieldForm* form_;
    QLabel* intro_;
    QLabel* error_;
    QDialogButtonBox* buttons_;
};

}  // namespace abri::app
