#include "i18n/mo_catalog.h"

#include <QtCore/QFile>

#include <cstdint>
#include <optional>

namespace abri::app {

namespace {

constexpr std::uint32_t kMagic = 0x950412deU;
constexpr std::uint32_t kMagicSwapped = 0xde120495U;

class Reader {
public:
    explicit Reader(const QByteArray& bytes) : bytes_(bytes) {}

    std::optional<std::uint32_t> word(std::uint32_t offset) const {
        if (static_cast<qsizetype>(offset) + 4 > bytes_.size()) return std::nullopt;
        const auto* p = reinterpret_cast<const unsigned char*>(bytes_.constData()) + offset;
        std::uint32_t value = 0;
        if (bigEndian_) {
            value = (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
        } else {
            value = (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[1]} << 8) | p[0];
        }
        return value;
    }

    std::optional<QByteArray> string(std::uint32_t tableOffset, std::uint32_t index) const {
        const auto length = word(tableOffset + index * 8);
        const auto offset = word(tableOffset + index * 8 + 4);
        if (!length || !offset) return std::nullopt;
        if (static_cast<qsizetype>(*offset) + static_cast<qsizetype>(*length) > bytes_.size()) return std::nullopt;
        return bytes_.mid(static_cast<qsizetype>(*offset), static_cast<qsizetype>(*length));
    }

    void setBigEndian(bool bigEndian) { bigEndian_ = bigEndian; }

private:
    const QByteArray& bytes_;
    bool bigEndian_ = false;
};

}  // namespace

MoCatalog MoCatalog::load(const QString& filePath) {
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return fromBytes(file.readAll());
}

MoCatalog MoCatalog::fromBytes(const QByteArray& bytes) {
    MoCatalog catalog;
    Reader reader(bytes);
    const auto magic = reader.word(0);
    if (!magic) return catalog;
    if (*magic == kMagicSwapped) {
        reader.setBigEndian(true);
    } else if (*magic != kMagic) {
        return catalog;
    }
    const auto count = reader.word(8);
    const auto originals = reader.word(12);
    const auto translations = reader.word(16);
    if (!count || !originals || !translations) return catalog;
    for (std::uint32_t i = 0; i < *count; ++i) {
        const auto original = reader.string(*originals, i);
        const auto translation = reader.string(*translations, i);
        if (!original || !translation) return {};
        if (original->isEmpty() || original->contains('\0')) continue;  // header entry and plural forms
        catalog.messages_.insert(*original, QString::fromUtf8(*translation));
    }
    return catalog;
}

QString MoCatalog::translate(const QByteArray& msgid) const {
    const auto it = messages_.constFind(msgid);
    return it == messages_.constEnd() ? QString() : it.value();
}

}  // namespace abri::app
