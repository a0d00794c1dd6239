#pragma once
// Auto-lock: watches the whole application's input (an event filter on QApplication) and reports when nobody has
// touched the keyboard or mouse for the configured time.
#include <QtCore/QObject>
#include <QtCore/QTimer>

namespace abri::app {

class IdleWatcher : public QObject {
    Q_OBJECT

public:
    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;

    void setTimeout(int milliseconds);
    int timeout() const { return timer_.interval(); }
    void start();  // starts (or restarts) watching
    void stop();
    bool isActive() const { return timer_.isActive(); }
    // Milliseconds until `idle` unless someone acts first; -1 when not watching.
    int remainingMs() const { return timer_.remainingTime(); }

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer timer_;
};

}  // namespace abri::app
