#include "ui/icons.h"

#include <QtCore/QFile>
#include <QtGui/QGuiApplication>
#include <QtGui/QIconEngine>
#include <QtGui/QPainter>
#include <QtGui/QPixmap>
#include <QtSvg/QSvgRenderer>

namespace abri::app::Icons {

namespace {

QPixmap render(const QByteArray& svg, int size, qreal devicePixelRatio) {
    QSvgRenderer renderer(svg);
    const int pixels = qRound(size * devicePixelRatio);
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    renderer.render(&painter);
    painter.end();
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

}  // namespace

QIcon icon(const QString& name, const QPalette& palette) {
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QByteArray source = file.readAll();
    const QPalette colours = palette.resolveMask() == 0 ? QGuiApplication::palette() : palette;
    const QByteArray normal = QByteArray(source).replace(
        "currentColor", colours.color(QPalette::Active, QPalette::WindowText).name().toLatin1());
    const QByteArray disabled = QByteArray(source).replace(
        "currentColor", colours.color(QPalette::Disabled, QPalette::WindowText).name().toLatin1());
    const qreal ratio = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    QIcon result;
    for (int size : {16, 22, 24, 32, 48}) {
        result.addPixmap(render(normal, size, ratio), QIcon::Normal);
        result.addPixmap(render(disabled, size, ratio), QIcon::Disabled);
    }
    return result;
}

QIcon appIcon() {
    QIcon result;
    QFile file(QStringLiteral(":/icons/abri.svg"));
    if (!file.open(QIODevice::ReadOnly)) return result;
    const QByteArray source = file.readAll();
    for (int size : {16, 24, 32, 48, 64, 128, 256}) result.addPixmap(render(source, size, 1.0));
    return result;
}

}  // namespace abri::app::Icons
