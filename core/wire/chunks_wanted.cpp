#include "wire/chunks_wanted.h"

#include <charconv>

#include "wire/limits.h"

namespace abri::wire {

namespace {

template <std::size_t N>
bool hexInto(std::string_view text, std::array<std::uint8_t, N>& out) {
    if (text.size() != 2 * N) return false;
    for (std::size_t i = 0; i < N; ++i) {
        int value = 0;
        for (std::size_t j = 0; j < 2; ++j) {
            const char c = text[2 * i + j];
            int digit = -1;
            if (c >= '0' && c <= '9') digit = c - '0';
            if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
            if (digit < 0) return false;
            value = value * 16 + digit;
        }
        out[i] = static_cast<std::uint8_t>(value);
    }
    return true;
}

// The next space-separated field of `line`, consumed.
std::string_view nextField(std::string_view& line) {
    const auto space = line.find(' ');
    const auto field = line.substr(0, space);
    line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    return field;
}

}  // namespace

std::string formatChunksWanted(const std::vector<ChunkWant>& wants) {
    std::string out;
    out.reserve(wants.size() * 137);
    for (const auto& w : wants) {
        out += idToHex(w.caseId) + " " + idToHex(w.attachmentId) + " " + std::to_string(w.chunkIndex) + " " +
               hashToHex(w.chunkHash) + "\n";
    }
    return out;
}

std::optional<std::vector<ChunkWant>> parseChunksWanted(std::string_view text) {
    std::vector<ChunkWant> out;
    while (!text.empty()) {
        const auto end = text.find('\n');
        if (end == std::string_view::npos) return std::nullopt;  // every line ends with a newline
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end + 1);
        if (out.size() == kMaxWantedChunks) return std::nullopt;
        ChunkWant w;
        if (!hexInto(nextField(line), w.caseId) || !hexInto(nextField(line), w.attachmentId)) return std::nullopt;
        const auto index = nextField(line);
        if (index.empty() || index.size() > 2 || (index.size() > 1 && index[0] == '0')) return std::nullopt;
        const auto [ptr, ec] = std::from_chars(index.data(), index.data() + index.size(), w.chunkIndex);
        if (ec != std::errc() || ptr != index.data() + index.size() || w.chunkIndex >= kMaxAttachmentChunks)
            return std::nullopt;
        if (!hexInto(nextField(line), w.chunkHash) || !line.empty()) return std::nullopt;
        out.push_back(w);
    }
    return out;
}

}  // namespace abri::wire
