#pragma once
// The app's share of sync while the vault is unlocked (sync/PROTOCOL.md §7.1 A1-A2, §7.3 A4-A5): every 30 s, and on
// "Sync now", seal the unshipped changes into the outbox and apply the pages the sync service downloaded
// (devicesync::syncVault, on the UI thread: the vault's connection is this thread's); every 5 s re-read the overview
// the status bar shows. Applying runs in steps of devicesync::kApplyStepMs that return to the event loop, so a first
// sync of thousands of cases never freezes the window; the status bar counts what is left. A background step waits
// while a dialog is open, so it never changes data under a form the user is filling in. Failures are kept as codes
// for the status bar; nothing here opens a dialog. The refusals dialog reads the hub's refusal notices and re-sends
// after a clock refusal through here (GUI code never touches storage itself).
#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <chrono>
#include <filesystem>
#include <optional>
#include <vector>

#include "devicesync/device_sync.h"
#include "devicesync/refusals.h"
#include "main/sync_problem.h"

namespace abri::app {

class Session;

class SyncController : public QObject {
    Q_OBJECT

public:
    static constexpr int kDefaultStatusIntervalMs = 5 * 1000;
    static constexpr int kDefaultSyncIntervalMs = 30 * 1000;

    SyncController(Session& session, std::filesystem::path vaultPath, QObject* parent = nullptr);

    // Starts the timers (and reads the overview once); stop() before the session goes away.
    void start();
    void stop();
    void setIntervals(int statusMs, int syncMs);
    // How long one applying step may take (devicesync::kApplyStepMs by default; tests make it tiny to see the steps).
    void setApplyStepBudget(std::chrono::nanoseconds budget) { applyStepBudget_ = budget; }

    // Runs the sync step now (seal, then apply for one step; the rest follows in further steps from the event
    // loop). False when it failed (see problem()) or the vault is not enrolled.
    bool syncNow();
    // Downloaded changes are being applied, step by step.
    bool isApplying() const { return applying_; }
    // Re-reads the overview (after a save, a resolution) and emits overviewChanged.
    void refresh();

    // The hub's refusal notices that are still open (devicesync::pendingRefusals); empty when they cannot be read.
    std::vector<devicesync::RecordedRefusal> refusals();
    // This computer's clock as the vault reads it: shown beside the hub's time in a clock refusal.
    std::int64_t nowMs();
    // "Resend with corrected clock" (sync/PROTOCOL.md §7.5): devicesync::restampAfterClockRefusal, then the sync step
    // so the outbox holds the new change-sets at once. nullopt when done; otherwise why core refused (the clock is
    // still wrong: wire::SyncCode::ClockAhead ...) or what failed; nothing was changed then.
    std::optional<SyncProblem> resendWithCorrectedClock(const devicesync::RecordedRefusal& refusal);

    const std::optional<devicesync::SyncOverview>& overview() const { return overview_; }
    const std::optional<SyncProblem>& problem() const { return problem_; }
    bool isEnrolled() const { return overview_ && overview_->enrolled; }

Q_SIGNALS:
    void overviewChanged();
    // Pages from the hub were applied: lists and open cases should reload.
    void casesChanged();

private:
    void onStatusTick();
    void onSyncTick();
    void continueApplying();
    // One step: seal (when `pack`) and apply for at most the step budget. False when it failed.
    bool runStep(bool pack);
    static bool userIsBusy();

    Session& session_;
    std::filesystem::path vaultPath_;
    QTimer statusTimer_;
    QTimer syncTimer_;
    QTimer applyTimer_;       // zero-interval, single shot: the next applying step, after pending input
    bool applying_ = false;
    std::chrono::nanoseconds applyStepBudget_ = std::chrono::milliseconds(devicesync::kApplyStepMs);
    devicesync::DecodedPageCache pageCache_;  // the page being applied in steps, decoded once
    bool appliedInRun_ = false;  // something was applied since the run began: lists reload when it ends
    bool syncDue_ = false;  // a background step was skipped because a dialog was open
    std::optional<devicesync::SyncOverview> overview_;
    std::optional<SyncProblem> problem_;
};

}  // namespace abri::app
