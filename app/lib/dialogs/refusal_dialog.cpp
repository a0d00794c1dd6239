#include "dialogs/refusal_dialog.h"

#include <QtCore/QEvent>
#include <QtWidgets/QFrame>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

#include <string>

#include "i18n/display_format.h"
#include "i18n/error_messages.h"
#include "i18n/sync_error_messages.h"
#include "main/sync_controller.h"
#include "ui/icons.h"
#include "ui/card_list_frame.h"
#include "ui/style.h"
#include "ui/text_direction.h"

namespace abri::app {

namespace {

// "clock_ahead · seq 12 · op 3": what the hub operator looks up (non-personal; never translated).
QString codeText(const devicesync::RecordedRefusal& refusal) {
    std::string text = refusal.code ? std::string(wire::syncCodeName(*refusal.code)) : std::to_string(refusal.wireCode);
    text += " · seq " + std::to_string(refusal.deviceSeq);
    if (refusal.opIndex) text += " · op " + std::to_string(*refusal.opIndex);
    return QString::fromStdString(text);
}

}  // namespace

RefusalDialog::RefusalDialog(SyncController& controller, QWidget* parent) : QDialog(parent), controller_(controller) {
    setObjectName(QStringLiteral("refusalDialog"));
    const CardListFrame frame =
        buildCardListFrame(*this, QStringLiteral("noRefusals"), QStringLiteral("refusalError"));
    intro_ = frame.intro;
    empty_ = frame.empty;
    cardsHost_ = frame.cardsHost;
    cardsLayout_ = frame.cardsLayout;
    error_ = frame.error;
    close_ = frame.close;
    resize(720, 460);
    clockTimer_.setInterval(1000);
    connect(&clockTimer_, &QTimer::timeout, this, &RefusalDialog::updateLocalTimes);
    clockTimer_.start();
    retranslate();
    reload();
}

void RefusalDialog::reload() {
    refusals_ = controller_.refusals();
    rebuildCards();
}

void RefusalDialog::rebuildCards() {
    for (Card& card : cards_) {
        cardsLayout_->removeWidget(card.box);
        card.box->hide();
        card.box->deleteLater();
    }
    cards_.clear();
    for (std::size_t index = 0; index < refusals_.size(); ++index) {
        const auto& refusal = refusals_[index];
        Card card;
        card.box = new QFrame(cardsHost_);
        card.box->setObjectName(QStringLiteral("refusal_%1").arg(refusal.deviceSeq));
        card.box->setFrameShape(QFrame::StyledPanel);
        auto* grid = new QGridLayout(card.box);
        grid->setColumnStretch(0, 1);
        card.title = new QLabel(card.box);
        card.title->setWordWrap(true);
        Style::makeHeading(card.title);
        card.reason = new QLabel(card.box);
        card.reason->setObjectName(QStringLiteral("refusalReason"));
        card.reason->setWordWrap(true);
        card.hubTime = new QLabel(card.box);
        card.hubTime->setObjectName(QStringLiteral("hubTime"));
        card.localTime = new QLabel(card.box);
        card.localTime->setObjectName(QStringLiteral("localTime"));
        for (QLabel* time : {card.hubTime, card.localTime}) {
            QFont font = time->font();
            font.setBold(true);
            time->setFont(font);
        }
        card.advice = new QLabel(card.box);
        card.advice->setWordWrap(true);
        card.code = new QLabel(card.box);
        card.code->setObjectName(QStringLiteral("refusalCode"));
        card.code->setTextInteractionFlags(Qt::TextSelectableByMouse);
        Style::makeHint(card.code);
        card.resend = new QPushButton(card.box);
        card.resend->setObjectName(QStringLiteral("resendWithCorrectedClock"));
        card.resend->setIcon(Icons::icon(QStringLiteral("sync")));
        const bool clock = refusal.isClockRefusal();
        card.hubTime->setVisible(clock);
        card.localTime->setVisible(clock);
        card.resend->setVisible(clock);

        grid->addWidget(card.title, 0, 0, 1, 2);
        grid->addWidget(card.reason, 1, 0, 1, 2);
        grid->addWidget(card.hubTime, 2, 0, 1, 2);
        grid->addWidget(card.localTime, 3, 0, 1, 2);
        grid->addWidget(card.advice, 4, 0, 1, 2);
        grid->addWidget(card.code, 5, 0);
        grid->addWidget(card.resend, 5, 1, Qt::AlignBottom);
        const int at = static_cast<int>(index);
        connect(card.resend, &QPushButton::clicked, this, [this, at] { resend(at); });
        cardsLayout_->insertWidget(cardsLayout_->count() - 1, card.box);
        cards_.push_back(card);
        retranslateCard(index);
    }
    empty_->setVisible(refusals_.empty());
    updateLocalTimes();
}

void RefusalDialog::retranslate() {
    setWindowTitle(tr("Changes refused by the hub"));
    intro_->setText(tr("The hub did not accept the changes below. They are kept on this computer, and changes made "
                       "after them wait until they are accepted."));
    empty_->setText(tr("The hub has not refused any changes."));
    close_->setText(tr("Close"));
    if (failure_) {
        const auto* code = std::get_if<wire::SyncCode>(&failure_->code);
        error_->setText(code != nullptr ? RefusalMessages::resendRefused(*code) : failure_->message());
    }
    for (std::size_t index = 0; index < cards_.size(); ++index) retranslateCard(index);
    updateLocalTimes();
}

void RefusalDialog::retranslateCard(std::size_t index) {
    const auto& refusal = refusals_[index];
    Card& card = cards_[index];
    card.title->setText(tr("Refused changes, received %1").arg(DisplayFormat::dateTime(refusal.receivedMs)));
    card.reason->setText(followUiDirection(RefusalMessages::reason(refusal.code)));
    card.hubTime->setText(
        tr("The hub's time: %1").arg(DisplayFormat::dateTime(static_cast<std::int64_t>(refusal.hubTimeMs))));
    card.advice->setText(refusal.isClockRefusal()
                             ? tr("Correct the date and time of this computer in the system settings, then send the "
                                  "changes again. They get new time stamps; nothing is lost.")
                             : tr("Nothing can be done about this on this computer. Contact the hub operator."));
    card.code->setText(tr("Error code: %1").arg(leftToRight(codeText(refusal))));
    card.resend->setText(tr("Resend with corrected clock"));
    card.resend->setToolTip(tr("Give these changes new time stamps from this computer's clock and send them again"));
}

void RefusalDialog::updateLocalTimes() {
    if (cards_.empty()) return;
    const QString now = DisplayFormat::dateTime(controller_.nowMs());
    for (Card& card : cards_) card.localTime->setText(tr("This computer's time: %1").arg(now));
}

bool RefusalDialog::resend(int index) {
    if (index < 0 || index >= refusalCount()) return false;
    const auto& refusal = refusals_[static_cast<std::size_t>(index)];
    if (!refusal.isClockRefusal()) return false;
    failure_ = controller_.resendWithCorrectedClock(refusal);
    retranslate();
    error_->setVisible(failure_.has_value());
    if (failure_) {
        updateLocalTimes();
        return false;
    }
    reload();
    Q_EMIT resent();
    return true;
}

QFrame* RefusalDialog::card(int index) const {
    return cardWidget(cards_, index, &Card::box);
}

QLabel* RefusalDialog::reasonLabel(int index) const {
    return cardWidget(cards_, index, &Card::reason);
}

QLabel* RefusalDialog::hubTimeLabel(int index) const {
    return cardWidget(cards_, index, &Card::hubTime);
}

QLabel* RefusalDialog::localTimeLabel(int index) const {
    return cardWidget(cards_, index, &Card::localTime);
}

QPushButton* RefusalDialog::resendButton(int index) const {
    return cardWidget(cards_, index, &Card::resend);
}

void RefusalDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace abri::app
