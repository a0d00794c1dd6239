#include "ui/icons.h"

#include <QtCore/QFile>
#include <QtCore/QHash>
#include <QtGui/QGuiApplication>
#include <QtGui/QIconEngine>
#include <QtGui/QPainter>
#include <QtGui/QPalette>
#include <QtGui/QPixmap>
#include <QtSvg/QSvgRenderer>

namespace abri::app::Icons {

namespace {

// Renders an SVG whose strokes use "currentColor" in the application palette's text colour at the moment it is
// drawn, so icons follow a switch between light and dark themes without being recreated.
class PaletteSvgIconEngine : public QIconEngine {
public:
    explicit PaletteSvgIconEngine(QByteArray svg) : svg_(std::move(svg)) {}

    QIconEngine* clone() const override { return new PaletteSvgIconEngine(svg_); }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const QPixmap image = render(rect.size() * ratio, mode, state);
        painter->drawPixmap(rect, image);
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
        return render(size, mode, state);
    }

private:
    QPixmap render(const QSize& size, QIcon::Mode mode, QIcon::State) {
        const QPalette palette = QGuiApplication::palette();
        const QColor colour = palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                                            QPalette::WindowText);
        const QString key = QStringLiteral("%1x%2/%3").arg(size.width()).arg(size.height()).arg(colour.name());
        if (auto it = cache_.constFind(key); it != cache_.constEnd()) return it.value();
        QByteArray coloured = svg_;
        coloured.replace("currentColor", colour.name().toLatin1());
        QSvgRenderer renderer(coloured);
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter);
        painter.end();
        cache_.insert(key, pixmap);
        return pixmap;
    }

    QByteArray svg_;
    QHash<QString, QPixmap> cache_;
};

QByteArray readSvg(const QString& name) {
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

QIcon icon(const QString& name) {
    const QByteArray svg = readSvg(name);
    return svg.isEmpty() ? QIcon() : QIcon(new PaletteSvgIconEngine(svg));
}

QIcon appIcon() {
    // The application icon has its own colours.
    const QByteArray svg = readSvg(QStringLiteral("abri"));
    QIcon result;
    if (svg.isEmpty()) return result;
    QSvgRenderer renderer(svg);
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter);
        painter.end();
        result.addPixmap(pixmap);
    }
    return result;
}

}  // namespace abri::app::Icons
