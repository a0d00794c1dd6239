#include "held_upload.h"

#include <fstream>
#include <sstream>

#include "wire/sync_files.h"
#include "crypto/primitives.h"

namespace abri::sync::daemon {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kMagic = "abri-upload-held 1";
}

std::optional<HeldUpload> loadHeldUpload(const fs::path& syncDir) {
    std::ifstream in(syncDir / kHeldUploadFile);
    if (!in) return std::nullopt;
    std::string magic;
    std::getline(in, magic);
    HeldUpload held;
    std::uint32_t code = 0;
    if (magic != kMagic || !(in >> held.fileName >> held.fileHashHex >> code >> held.answeredMs)) return std::nullopt;
    if (code > 0xFFFF || held.fileHashHex.size() != 64 || !wire::parseSyncFileName(held.fileName)) return std::nullopt;
    auto known = wire::syncCodeFromWire(static_cast<std::uint16_t>(code));
    if (!known) return std::nullopt;
    held.code = *known;
    return held;
}

void saveHeldUpload(const fs::path& syncDir, const HeldUpload& held) {
    std::ostringstream text;
    text << kMagic << "\n"
         << held.fileName << " " << held.fileHashHex << " " << wire::wireValue(held.code) << " " << held.answeredMs
         << "\n";
    wire::writeFileAtomically(syncDir, kHeldUploadFile, crypto::asBytes(text.str()));
}

void forgetHeldUpload(const fs::path& syncDir) {
    std::error_code ignored;  // a marker that comes back after a crash names a file that is gone or changed
    fs::remove(syncDir / kHeldUploadFile, ignored);
}

bool holdsUpload(wire::SyncCode code) {
    return code != wire::SyncCode::HashMismatch && code != wire::SyncCode::ChainGap;
}

}  // namespace abri::sync::daemon
