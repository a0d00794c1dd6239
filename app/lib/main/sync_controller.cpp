#include "main/sync_controller.h"

#include <QtWidgets/QApplication>

#include <chrono>

#include "session/session.h"
#include "vault/vault.h"

namespace abri::app {

SyncController::SyncController(Session& session, std::filesystem::path vaultPath, QObject* parent)
    : QObject(parent), session_(session), vaultPath_(std::move(vaultPath)) {
    statusTimer_.setInterval(kDefaultStatusIntervalMs);
    syncTimer_.setInterval(kDefaultSyncIntervalMs);
    connect(&statusTimer_, &QTimer::timeout, this, &SyncController::onStatusTick);
    connect(&syncTimer_, &QTimer::timeout, this, &SyncController::onSyncTick);
    applyTimer_.setSingleShot(true);
    applyTimer_.setInterval(0);
    connect(&applyTimer_, &QTimer::timeout, this, &SyncController::continueApplying);
}

void SyncController::start() {
    refresh();
    statusTimer_.start();
    syncTimer_.start();
}

void SyncController::stop() {
    statusTimer_.stop();
    syncTimer_.stop();
    // What is not applied yet stays in the inbox, checkpointed: the next unlock goes on from there.
    applyTimer_.stop();
    applying_ = false;
}

void SyncController::setIntervals(int statusMs, int syncMs) {
    statusTimer_.setInterval(statusMs);
    syncTimer_.setInterval(syncMs);
}

bool SyncController::userIsBusy() {
    return QApplication::activeModalWidget() != nullptr || QApplication::activePopupWidget() != nullptr;
}

void SyncController::onStatusTick() {
    if (syncDue_ && !userIsBusy()) {
        onSyncTick();
        return;
    }
    refresh();
}

void SyncController::onSyncTick() {
    if (userIsBusy()) {
        syncDue_ = true;
        return;
    }
    syncDue_ = false;
    if (applying_) return;  // the steps under way pick up whatever arrives
    if (isEnrolled()) {
        syncNow();
    } else {
        refresh();  // enrolment (abri-cli enroll) may have happened meanwhile
    }
}

bool SyncController::syncNow() {
    if (applying_) return !problem_;  // steps are under way; they include everything downloaded
    appliedInRun_ = false;
    return runStep(/*pack=*/true);
}

void SyncController::continueApplying() {
    if (!applying_) return;
    runStep(/*pack=*/false);
}

bool SyncController::runStep(bool pack) {
    std::optional<SyncProblem> problem;
    bool more = false;
    try {
        if (devicesync::isEnrolled(session_.vault())) {
            devicesync::SyncStepOptions options;
            options.pack = pack;
            options.budget.time = applyStepBudget_;
            options.budget.pageCache = &pageCache_;
            const auto result = devicesync::syncVault(session_.vault(), vaultPath_, options);
            // Chunks completing an attachment change what the case file shows too (sync/PROTOCOL.md §11.4).
            appliedInRun_ = appliedInRun_ || result.inbox.pagesApplied > 0 || result.inbox.changeSetsDelivered > 0 ||
                            result.chunks.stored > 0;
            more = result.inbox.more;
            // Pages that failed their checks were set aside (renamed); the service fetches them again.
            if (!result.inbox.rejected.empty()) {
                const auto& first = result.inbox.rejected.front();
                problem = SyncProblem{first.code(), QString::fromStdString(first.subject())};
            }
        }
    } catch (const wire::SyncError& error) {
        problem = SyncProblem{error.code(), QString::fromStdString(error.subject())};
    } catch (const Error& error) {
        problem = SyncProblem{error.code(), QString::fromStdString(error.subject())};
    } catch (const std::filesystem::filesystem_error& error) {
        // The sync folder could not be written (permissions, disk); the path is not personal data.
        problem = SyncProblem{ErrorCode::IoError, QString::fromStdString(error.path1().string())};
    } catch (const std::exception&) {
        problem = SyncProblem{ErrorCode::Internal, {}};  // what() may carry anything: not shown
    }
    problem_ = std::move(problem);
    applying_ = more && !problem_;
    if (!applying_) pageCache_.clear();  // nothing stays decoded between runs
    if (applying_) {
        applyTimer_.start();
    } else if (appliedInRun_) {
        appliedInRun_ = false;
        Q_EMIT casesChanged();  // once per run: reloading lists after every step would cost more than the steps
    }
    refresh();
    return !problem_ && isEnrolled();
}

std::vector<devicesync::RecordedRefusal> SyncController::refusals() {
    try {
        return devicesync::pendingRefusals(session_.vault());
    } catch (const Error& error) {
        problem_ = SyncProblem{error.code(), QString::fromStdString(error.subject())};
        return {};
    }
}

std::int64_t SyncController::nowMs() { return session_.vault().nowMs(); }

std::optional<SyncProblem> SyncController::resendWithCorrectedClock(const devicesync::RecordedRefusal& refusal) {
    try {
        devicesync::restampAfterClockRefusal(session_.vault(), vaultPath_, refusal);
    } catch (const wire::SyncError& error) {
        return SyncProblem{error.code(), QString::fromStdString(error.subject())};
    } catch (const Error& error) {
        return SyncProblem{error.code(), QString::fromStdString(error.subject())};
    } catch (const std::filesystem::filesystem_error& error) {
        return SyncProblem{ErrorCode::IoError, QString::fromStdString(error.path1().string())};
    }
    // Seal the re-stamped changes now: the sync service is waiting for the file that starts at the refused seq.
    syncNow();
    return std::nullopt;
}

void SyncController::refresh() {
    try {
        overview_ = devicesync::readSyncOverview(session_.vault(), vaultPath_);
    } catch (const Error& error) {
        // Keep showing the last overview; say why it is not fresh.
        problem_ = SyncProblem{error.code(), QString::fromStdString(error.subject())};
    }
    Q_EMIT overviewChanged();
}

}  // namespace abri::app
