#include "reports/report_runner.h"

#include <optional>
#include <utility>

#include "common/error.h"
#include "reports/report_engine.h"
#include "session/session.h"

namespace abri::app {

ReportRunner::ReportRunner(Session& session, QObject* parent) : QObject(parent), session_(session) {
    timer_.setSingleShot(true);
    timer_.setInterval(0);
    connect(&timer_, &QTimer::timeout, this, &ReportRunner::step);
}

ReportRunner::~ReportRunner() = default;

reports::ReportEngine& ReportRunner::engine() {
    if (!engine_) engine_ = std::make_unique<reports::ReportEngine>(session_.vault());
    return *engine_;
}

void ReportRunner::start(std::vector<reports::ReportDefinition> definitions, bool roundToBase5, Finished finished,
                         Failed failed) {
    const bool wasRunning = isRunning();
    pending_ = std::move(definitions);
    results_.clear();
    roundToBase5_ = roundToBase5;
    finished_ = std::move(finished);
    failed_ = std::move(failed);
    if (pending_.empty()) {
        timer_.stop();
        if (wasRunning) Q_EMIT runningChanged(false);
        if (finished_) std::exchange(finished_, {})({});
        return;
    }
    Q_EMIT progress(0, static_cast<int>(pending_.size()));
    if (!wasRunning) Q_EMIT runningChanged(true);
    timer_.start();
}

void ReportRunner::cancel() {
    timer_.stop();
    const bool wasRunning = isRunning();
    pending_.clear();
    results_.clear();
    finished_ = {};
    failed_ = {};
    if (wasRunning) Q_EMIT runningChanged(false);
}

void ReportRunner::step() {
    if (pending_.empty()) return;
    const std::size_t total = results_.size() + pending_.size();
    std::optional<Error> failure;
    try {
        results_.push_back(engine().run(pending_.front(), roundToBase5_));
    } catch (const Error& error) {
        failure = error;
    } catch (const std::exception&) {
        failure = Error(ErrorCode::Internal, "report");  // never out through the event loop
    }
    if (failure) {
        Failed failed = std::exchange(failed_, {});
        pending_.clear();
        results_.clear();
        finished_ = {};
        Q_EMIT runningChanged(false);
        if (failed) failed(*failure);
        return;
    }
    pending_.erase(pending_.begin());
    Q_EMIT progress(static_cast<int>(results_.size()), static_cast<int>(total));
    if (!pending_.empty()) {
        timer_.start();
        return;
    }
    Finished finished = std::exchange(finished_, {});
    std::vector<reports::PublishedTable> results = std::move(results_);
    results_.clear();
    failed_ = {};
    Q_EMIT runningChanged(false);
    if (finished) finished(std::move(results));
}

}  // namespace abri::app
