#pragma once
// Asked when files are added to a case (file dialog or drag and drop): which kind of paper they are.
#include <QtWidgets/QDialog>

#include "attachments/attachment_repository.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace abri::app {

class AttachmentCategoryDialog : public QDialog {
    Q_OBJECT

public:
    // fileNames: the names to list (empty when the role may not see them, or for dropped data).
    explicit AttachmentCategoryDialog(const QStringList& fileNames, QWidget* parent = nullptr);

    attachments::Category category() const;
    void setCategory(attachments::Category category);
    QComboBox* categoryCombo() const { return combo_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QStringList fileNames_;
    QLabel* intro_;
    QLabel* files_;
    QLabel* categoryLabel_;
    QComboBox* combo_;
    QLabel* note_;
    QPushButton* ok_;
    QPushButton* cancel_;
};

}  // namespace abri::app
