#include "bundle_chunks.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "attachment_chunks.h"
#include "devicesync/device_sync.h"
#include "crypto/sealed_box.h"
#include "wire/chunks_wanted.h"
#include "wire/limits.h"
#include "wire/sealed_file.h"
#include "wire/sync_error.h"
#include "wire/sync_files.h"

namespace abri::sync::hub {

namespace fs = std::filesystem;

namespace {


std::optional<DeviceRecord> activeDevice(HubStore& store, const wire::Id16& id) {
    auto device = store.findDevice(id);
    if (!device || device->status != DeviceStatus::Active) return std::nullopt;
    return device;
}

}  // namespace

BundleChunkResult importBundleChunks(HubStore& store, const fs::path& toHub, const fs::path& toDevice,
                                     std::uint64_t nowMs, std::ostream& out) {
    BundleChunkResult result;
    if (!fs::is_directory(toHub)) return result;
    std::vector<std::pair<std::string, wire::AttachmentUploadName>> uploads;
    std::vector<std::pair<wire::Id16, fs::path>> wantLists;
    for (const auto& entry : fs::directory_iterator(toHub)) {
        const std::string name = entry.path().filename().string();
        if (auto upload = wire::parseAttachmentUploadFileName(name)) {
            uploads.emplace_back(name, *upload);
        } else if (name.size() == 7 + 32 + 4 && name.rfind("chunks-", 0) == 0 && name.substr(39) == ".txt") {
            if (auto id = wire::idFromHex(name.substr(7, 32))) wantLists.emplace_back(*id, entry.path());
        }
    }
    std::sort(uploads.begin(), uploads.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::map<wire::Id16, std::string> received;  // device -> the names it may drop
    for (const auto& [name, upload] : uploads) {
        const auto device = activeDevice(store, upload.deviceId);
        try {
            if (!device) throw wire::SyncError(wire::SyncCode::UnknownDevice, name);
            const auto bytes = wire::readWholeFile(toHub / name, wire::kMaxSealedChunkFile);
            acceptChunkUpload(store, *device, bytes, nowMs, kBundleBudget);
            received[upload.deviceId] += name + "\n";
            ++result.accepted;
        } catch (const wire::SyncError& e) {
            out << name << " file_status=" << e.name() << "\n";
            ++result.refused;
        }
    }
    for (const auto& [id, text] : received) {
        const auto folder = toDevice / wire::idToHex(id);
        fs::create_directories(folder);
        wire::writeFileAtomically(folder, devicesync::kChunksReceivedFile,
                                  std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
    }
    for (const auto& [id, path] : wantLists) {
        const auto device = activeDevice(store, id);
        if (!device) continue;
        const auto bytes = wire::readWholeFile(path, wire::kMaxChunksWantedBytes);
        const auto wants =
            wire::parseChunksWanted(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
        if (!wants) {
            out << path.filename().string() << " refused=bad_header\n";
            continue;
        }
        const auto folder = toDevice / wire::idToHex(id);
        std::size_t written = 0;
        for (const auto& want : *wants) {
            try {
                const auto sealed = chunkForDevice(store, *device, want, nowMs, kBundleBudget);
                fs::create_directories(folder);
                wire::writeFileAtomically(folder, wire::chunkFileName(want.chunkHash), sealed);
                ++written;
            } catch (const wire::SyncError& e) {
                if (e.code() != wire::SyncCode::ChunkUnavailable) throw;  // not here yet, or not for this device
            }
        }
        result.written += written;
        out << "device " << wire::idToHex(id) << " chunks=" << written << "\n";
    }
    return result;
}

}  // namespace abri::sync::hub
