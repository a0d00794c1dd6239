#include "catch_qt.h"

#include <QtTest/QSignalSpy>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QToolButton>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>

#include "wire/sync_files.h"
#include "demo_vault.h"
#include "devicesync/refusals.h"
#include "dialogs/refusal_dialog.h"
#include "i18n/display_format.h"
#include "i18n/error_messages.h"
#include "i18n/sync_error_messages.h"
#include "language_guard.h"
#include "main/sync_controller.h"
#include "main/sync_status.h"
#include "refusal_fixture.h"
#include "session/session.h"
#include "storage/database.h"
#include "vault/vault.h"

using abri::app::DisplayFormat;
using abri::app::RefusalDialog;
using abri::app::RefusalMessages;
using abri::app::Session;
using abri::app::SyncController;
using abri::app::SyncStatusWidget;
using abri::app::test::DemoVault;
using abri::wire::SyncCode;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

std::int64_t realNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The demo vault unlocked with a clock the test sets (the system clock of the computer), enrolled with a hub that
// refuses, its cases sealed into the outbox.
struct RefusedVault {
    DemoVault demo;
    std::shared_ptr<std::atomic<std::int64_t>> clock = std::make_shared<std::atomic<std::int64_t>>(realNowMs());
    std::unique_ptr<Session> session;
    std::unique_ptr<SyncController> controller;
    abri::app::test::RefusingHub hub;

    RefusedVault() {
        abri::vault::UnlockOptions options;
        options.clock = [c = clock] { return c->load(); };
        session = std::make_unique<Session>(abri::vault::Vault::unlock(demo.path(), abri::app::test::kWorker,
                                                                       abri::app::test::kWorkerPassword, options),
                                            DemoVault::kdf());
        hub.enrol(vault());
        controller = std::make_unique<SyncController>(*session, demo.path());
        REQUIRE(controller->syncNow());
        REQUIRE(outgoingCount() > 0);
    }

    abri::vault::Vault& vault() { return session->vault(); }
    std::int64_t outgoingCount() { return vault().db().queryInt64("SELECT count(*) FROM sync_outgoing").value_or(0); }
    std::vector<std::uint8_t> outgoingId(std::int64_t seq) {
        auto row = vault().db().prepare("SELECT id FROM sync_outgoing WHERE device_seq = ?");
        row.bind(1, seq);
        return row.step() ? row.blob(0) : std::vector<std::uint8_t>{};
    }
    std::size_t outboxFiles() {
        const auto outbox = abri::wire::syncFolder(demo.path()) / "outbox";
        return fs::is_directory(outbox) ? static_cast<std::size_t>(std::distance(fs::directory_iterator(outbox), {}))
                                        : 0;
    }
};

}  // namespace

TEST_CASE("the refusals dialog lists a clock refusal and resends once the clock is corrected", "[app][sync][refusal]") {
    RefusedVault v;
    // This computer's clock runs three days ahead; the hub refused seq 1 at its (true) time.
    const std::int64_t hubTime = realNowMs();
    v.clock->store(hubTime + 3 * kDayMs);
    v.hub.refuse(v.vault(), v.demo.path(), 1, SyncCode::ClockAhead, static_cast<std::uint64_t>(hubTime));
    REQUIRE(v.controller->syncNow());
    REQUIRE(v.controller->overview()->openRefusals == 1);
    CHECK(v.controller->overview()->clockRefused);

    // The status bar says so, and its button asks for the dialog.
    SyncStatusWidget status;
    status.setOverview(v.controller->overview());
    status.show();
    CHECK(status.refusalsButton()->isVisible());
    CHECK(status.refusalsButton()->text() == QStringLiteral("Changes refused by the hub: 1"));
    QSignalSpy requested(&status, &SyncStatusWidget::refusalsRequested);
    status.refusalsButton()->click();
    CHECK(requested.count() == 1);

    RefusalDialog dialog(*v.controller);
    dialog.show();
    REQUIRE(dialog.refusalCount() == 1);
    CHECK(dialog.reasonLabel(0)->text() == abri::app::ErrorMessages::message(SyncCode::ClockAhead));
    CHECK(dialog.hubTimeLabel(0)->isVisible());
    CHECK(dialog.hubTimeLabel(0)->text().contains(DisplayFormat::dateTime(hubTime)));
    CHECK(dialog.localTimeLabel(0)->isVisible());
    CHECK(dialog.localTimeLabel(0)->text().contains(DisplayFormat::dateTime(hubTime + 3 * kDayMs)));
    CHECK(dialog.errorLabel()->isHidden());
    REQUIRE(dialog.resendButton(0)->isVisible());

    // Not corrected yet: core refuses, the dialog says why, nothing changed.
    const auto refusedId = v.outgoingId(1);
    QSignalSpy resent(&dialog, &RefusalDialog::resent);
    dialog.resendButton(0)->click();
    CHECK(resent.count() == 0);
    CHECK(dialog.errorLabel()->isVisible());
    CHECK(dialog.errorLabel()->text() == RefusalMessages::resendRefused(SyncCode::ClockAhead));
    CHECK(dialog.refusalCount() == 1);
    CHECK(v.outgoingId(1) == refusedId);
    {
        abri::app::test::LanguageGuard french(QStringLiteral("fr"));
        CHECK(dialog.errorLabel()->text() == RefusalMessages::resendRefused(SyncCode::ClockAhead));
        CHECK(dialog.errorLabel()->text() != QStringLiteral("This computer's clock is still more than a day ahead of "
                                                            "the hub's time. Correct the date and time in the system "
                                                            "settings, then try again."));
    }

    // The user corrects the clock and presses the button again: new change-sets from seq 1, sealed at once.
    v.clock->store(hubTime + 60'000);
    CHECK(dialog.resend(0));
    CHECK(resent.count() == 1);
    CHECK(dialog.errorLabel()->isHidden());
    CHECK(dialog.refusalCount() == 0);
    CHECK(dialog.findChild<QLabel*>(QStringLiteral("noRefusals"))->isVisible());
    CHECK(v.controller->overview()->openRefusals == 0);
    CHECK(v.outgoingCount() > 0);
    CHECK_FALSE(v.outgoingId(1).empty());
    CHECK(v.outgoingId(1) != refusedId);
    CHECK(v.outboxFiles() > 0);
    status.setOverview(v.controller->overview());
    CHECK(status.refusalsButton()->isHidden());
}

TEST_CASE("a refusal that is not about the clock is listed without a resend button", "[app][sync][refusal]") {
    RefusedVault v;
    v.hub.refuse(v.vault(), v.demo.path(), 1, SyncCode::BadOp, static_cast<std::uint64_t>(realNowMs()), 2);
    REQUIRE(v.controller->syncNow());
    RefusalDialog dialog(*v.controller);
    dialog.show();
    REQUIRE(dialog.refusalCount() == 1);
    CHECK(dialog.reasonLabel(0)->text() == RefusalMessages::reason(SyncCode::BadOp));
    CHECK(dialog.resendButton(0)->isHidden());
    CHECK(dialog.hubTimeLabel(0)->isHidden());
    const auto* code = dialog.card(0)->findChild<QLabel*>(QStringLiteral("refusalCode"));
    REQUIRE(code != nullptr);
    CHECK(code->text().contains(QStringLiteral("bad_op · seq 1 · op 2")));
    CHECK_FALSE(dialog.resend(0));
    CHECK(dialog.refusalCount() == 1);
    CHECK(v.controller->overview()->openRefusals == 1);
    CHECK_FALSE(v.controller->overview()->clockRefused);
}
