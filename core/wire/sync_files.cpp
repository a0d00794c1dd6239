#include "wire/sync_files.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>

#include "common/atomic_file.h"
#include "common/error.h"
#include "wire/limits.h"
#include "wire/sync_error.h"

namespace abri::wire {

namespace fs = std::filesystem;

namespace {
std::string seq20(std::uint64_t seq) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%020llu", static_cast<unsigned long long>(seq));
    return buffer;
}

std::optional<std::uint64_t> parseSeq20(std::string_view text) {
    if (text.size() != 20) return std::nullopt;
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

fs::path syncFolder(const fs::path& vaultPath) { return fs::path(vaultPath.string() + ".sync"); }

std::string outboxFileName(const Id16& device, std::uint64_t firstSeq, std::uint64_t lastSeq) {
    return "cs-" + idToHex(device) + "-" + seq20(firstSeq) + "-" + seq20(lastSeq) + ".abri";
}

std::string pageFileName(const Id16& device, std::uint64_t firstSeq, std::uint64_t lastSeq) {
    return "pg-" + idToHex(device) + "-" + seq20(firstSeq) + "-" + seq20(lastSeq) + ".abri";
}

std::string refusalFileName(const Id16& device, std::uint64_t deviceSeq) {
    return "rf-" + idToHex(device) + "-" + seq20(deviceSeq) + ".abri";
}

std::string chunkFileName(const Hash32& chunkHash) { return "ck-" + hashToHex(chunkHash) + ".abri"; }

std::optional<Hash32> parseChunkFileName(std::string_view name) {
    constexpr std::string_view kPrefix = "ck-", kSuffix = ".abri";
    if (name.size() != kPrefix.size() + 64 + kSuffix.size() || name.substr(0, kPrefix.size()) != kPrefix ||
        name.substr(name.size() - kSuffix.size()) != kSuffix)
        return std::nullopt;
    Hash32 hash{};
    for (std::size_t i = 0; i < 32; ++i) {
        int value = 0;
        for (std::size_t j = 0; j < 2; ++j) {
            const char c = name[kPrefix.size() + 2 * i + j];
            int digit = -1;
            if (c >= '0' && c <= '9') digit = c - '0';
            if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
            if (digit < 0) return std::nullopt;  // lowercase only, as written
            value = value * 16 + digit;
        }
        hash[i] = static_cast<std::uint8_t>(value);
    }
    return hash;
}

std::string attachmentUploadFileName(const Id16& device, const Id16& attachment, std::uint32_t chunkIndex) {
    std::string index = std::to_string(chunkIndex);
    index.insert(0, 6 - std::min<std::size_t>(6, index.size()), '0');
    return "at-" + idToHex(device) + "-" + idToHex(attachment) + "-" + index + ".abri";
}

std::optional<AttachmentUploadName> parseAttachmentUploadFileName(std::string_view name) {
    constexpr std::string_view kPrefix = "at-", kSuffix = ".abri";
    constexpr std::size_t kLength = 3 + 32 + 1 + 32 + 1 + 6 + 5;
    if (name.size() != kLength || name.substr(0, 3) != kPrefix || name.substr(name.size() - 5) != kSuffix ||
        name[35] != '-' || name[68] != '-')
        return std::nullopt;
    const auto lowerHex = [](std::string_view text) {
        for (const char c : text)
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        return true;
    };
    const auto device = name.substr(3, 32), attachment = name.substr(36, 32), index = name.substr(69, 6);
    if (!lowerHex(device) || !lowerHex(attachment)) return std::nullopt;
    std::uint32_t value = 0;
    for (const char c : index) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint32_t>(c - '0');
    }
    if (value >= kMaxAttachmentChunks) return std::nullopt;
    AttachmentUploadName out;
    out.deviceId = *idFromHex(device);
    out.attachmentId = *idFromHex(attachment);
    out.chunkIndex = value;
    return out;
}

std::optional<SyncFileName> parseSyncFileName(std::string_view name) {
    constexpr std::string_view kSuffix = ".abri";
    if (name.size() < 3 + 32 + 1 + 20 + kSuffix.size() || name.substr(name.size() - kSuffix.size()) != kSuffix) {
        return std::nullopt;
    }
    SyncFileName out;
    const std::string_view prefix = name.substr(0, 3);
    if (prefix == "cs-") out.kind = SyncFileKind::OutboxBatch;
    else if (prefix == "pg-") out.kind = SyncFileKind::InboxPage;
    else if (prefix == "rf-") out.kind = SyncFileKind::RefusalNotice;
    else return std::nullopt;
    std::string_view rest = name.substr(3, name.size() - 3 - kSuffix.size());
    // Ids are lowercase hex exactly as written (idFromHex would also accept uppercase).
    for (char c : rest.substr(0, 32)) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
    }
    auto device = idFromHex(rest.substr(0, 32));
    if (!device || rest.size() < 33 || rest[32] != '-') return std::nullopt;
    out.deviceId = *device;
    rest.remove_prefix(33);
    if (out.kind == SyncFileKind::RefusalNotice) {
        auto seq = parseSeq20(rest);
        if (!seq) return std::nullopt;
        out.firstSeq = out.lastSeq = *seq;
        return out;
    }
    if (rest.size() != 41 || rest[20] != '-') return std::nullopt;
    auto first = parseSeq20(rest.substr(0, 20));
    auto last = parseSeq20(rest.substr(21));
    if (!first || !last || *first > *last) return std::nullopt;
    out.firstSeq = *first;
    out.lastSeq = *last;
    return out;
}

void writeFileAtomically(const fs::path& folder, const std::string& name, std::span<const std::uint8_t> bytes) {
    abri::writeFileAtomically(folder / name, bytes);
}

std::vector<std::uint8_t> readWholeFile(const fs::path& path, std::size_t maxBytes) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) throw Error(ErrorCode::IoError, path.string());
    if (size > maxBytes) throw SyncError(SyncCode::TooLarge, path.filename().string());
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::IoError, path.string());
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (static_cast<std::size_t>(in.gcount()) != bytes.size()) throw Error(ErrorCode::IoError, path.string());
    return bytes;
}

}  // namespace abri::wire
