#pragma once
// Runs reports without freezing the window: one report per turn of the event loop (each takes tens of
// milliseconds), so painting, typing and the idle lock go on between them, with progress for a batch and a cancel.
// Runs on the GUI thread over the session's vault: the vault connection is not shared between threads.
#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <functional>
#include <memory>
#include <vector>

#include "reports/report_definition.h"
#include "reports/report_table.h"

namespace abri {
class Error;
}
namespace abri::reports {
class ReportEngine;
}

namespace abri::app {

class Session;

class ReportRunner : public QObject {
    Q_OBJECT

public:
    using Finished = std::function<void(std::vector<reports::PublishedTable>)>;
    using Failed = std::function<void(const Error&)>;

    explicit ReportRunner(Session& session, QObject* parent = nullptr);
    ~ReportRunner() override;

    // Queues the reports; a batch still running is cancelled first (its callbacks are never called). `finished`
    // gets the tables in order; `failed` the first error (the batch stops there).
    void start(std::vector<reports::ReportDefinition> definitions, bool roundToBase5, Finished finished,
               Failed failed);
    void cancel();
    bool isRunning() const { return !pending_.empty(); }
    // The engine of the session, created on first use (it brings old statistics facts up to date). Throws
    // abri::Error (e.g. PermissionDenied).
    reports::ReportEngine& engine();

Q_SIGNALS:
    void progress(int done, int total);
    void runningChanged(bool running);

private:
    void step();

    Session& session_;
    std::unique_ptr<reports::ReportEngine> engine_;
    QTimer timer_;
    std::vector<reports::ReportDefinition> pending_;
    std::vector<reports::PublishedTable> results_;
    bool roundToBase5_ = false;
    Finished finished_;
    Failed failed_;
};

}  // namespace abri::app
