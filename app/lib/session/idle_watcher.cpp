#include "session/idle_watcher.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QEvent>

namespace abri::app {

IdleWatcher::IdleWatcher(QObject* parent) : QObject(parent) {
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &IdleWatcher::idle);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher() {
    if (QCoreApplication::instance() != nullptr) QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatcher::setTimeout(int milliseconds) {
    const bool wasActive = timer_.isActive();
    timer_.setInterval(milliseconds);
    if (wasActive) timer_.start();
}

void IdleWatcher::start() { timer_.start(); }

void IdleWatcher::stop() { timer_.stop(); }

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        if (timer_.isActive()) timer_.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace abri::app
