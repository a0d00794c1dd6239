#include "wire/upload_held.h"

#include <fstream>
#include <sstream>

#include "crypto/primitives.h"
#include "wire/sync_files.h"

namespace abri::wire {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kMagic = "abri-upload-held 1";
constexpr std::string_view kWholeFile = "file";
constexpr std::string_view kChangeSet = "change-set";
}  // namespace

std::optional<HeldUpload> parseHeldUpload(std::string_view text) {
    if (text.size() > kMaxHeldUploadText) return std::nullopt;
    std::istringstream in{std::string(text)};
    std::string magic;
    std::getline(in, magic);
    HeldUpload held;
    std::uint32_t code = 0;
    if (magic != kMagic || !(in >> held.fileName >> held.fileHashHex >> code >> held.answeredMs)) return std::nullopt;
    if (code > 0xFFFF || held.fileHashHex.size() != 64 || !parseSyncFileName(held.fileName)) return std::nullopt;
    auto known = syncCodeFromWire(static_cast<std::uint16_t>(code));
    if (!known) return std::nullopt;
    held.code = *known;
    std::string scope;
    if (in >> scope) {
        if (scope != kWholeFile && scope != kChangeSet) return std::nullopt;
        held.wholeFile = scope == kWholeFile;
    } else {  // written by an earlier daemon: the codes only a whole file gets
        held.wholeFile = held.code == SyncCode::BadSeal || held.code == SyncCode::WrongRecipient;
    }
    return held;
}

std::string formatHeldUpload(const HeldUpload& held) {
    std::ostringstream text;
    text << kMagic << "\n"
         << held.fileName << " " << held.fileHashHex << " " << wireValue(held.code) << " " << held.answeredMs << " "
         << (held.wholeFile ? kWholeFile : kChangeSet) << "\n";
    return text.str();
}

std::optional<HeldUpload> loadHeldUpload(const fs::path& syncDir) {
    std::ifstream in(syncDir / kUploadHeldFile, std::ios::binary);
    if (!in) return std::nullopt;
    std::string text(kMaxHeldUploadText + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parseHeldUpload(text);
}

void saveHeldUpload(const fs::path& syncDir, const HeldUpload& held) {
    writeFileAtomically(syncDir, kUploadHeldFile, crypto::asBytes(formatHeldUpload(held)));
}

void forgetHeldUpload(const fs::path& syncDir) {
    std::error_code ignored;  // a marker that comes back after a crash names a file that is gone or changed
    fs::remove(syncDir / kUploadHeldFile, ignored);
}

}  // namespace abri::wire
