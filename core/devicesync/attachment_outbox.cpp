#include "devicesync/attachment_outbox.h"

#include "attachments/attachment_transfer.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "storage/database.h"
#include "vault/vault.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"

namespace abri::devicesync {

std::vector<std::string> writeAttachmentOutboxFiles(vault::Vault& vault, const wire::HubDescriptor& hub,
                                                    const crypto::SigningKeyPair& deviceKey,
                                                    const std::filesystem::path& outboxDir) {
    attachments::AttachmentTransfer transfer(vault);
    const auto device = wire::idFromHex(vault.deviceId());
    if (!device) throw Error(ErrorCode::VaultCorrupted, "device_id");
    std::vector<std::string> written;
    for (const auto& upload : transfer.uploadsReady()) {
        const auto attachment = wire::idFromHex(upload.attachmentId);
        if (!attachment) throw Error(ErrorCode::VaultCorrupted, "attachment_uploads");
        crypto::Bytes chunk = transfer.signedChunk(upload.attachmentId, upload.index, deviceKey);
        const crypto::Bytes file = wire::encodeSealedFile(wire::SealedContent::Chunk, hub.boxPk, chunk);
        crypto::wipe(chunk.data(), chunk.size());  // the chunk's plaintext: only the sealed file leaves memory
        const std::string name = wire::attachmentUploadFileName(*device, *attachment, upload.index);
        wire::writeFileAtomically(outboxDir, name, file);
        transfer.markUploadWritten(upload.attachmentId, upload.index);
        written.push_back(name);
    }
    return written;
}

std::size_t removeWithdrawnUploadFiles(vault::Vault& vault, const std::filesystem::path& outboxDir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(outboxDir, ec)) return 0;
    const auto device = wire::idFromHex(vault.deviceId());
    std::vector<std::filesystem::path> withdrawn;
    auto live = vault.db().prepare("SELECT 1 FROM attachments WHERE id = ?1 AND removed = 0;");
    for (const auto& entry : std::filesystem::directory_iterator(outboxDir)) {
        const auto name = wire::parseAttachmentUploadFileName(entry.path().filename().string());
        if (!name || !device || name->deviceId != *device) continue;
        live.reset();
        live.bind(1, wire::idToHex(name->attachmentId));
        if (!live.step()) withdrawn.push_back(entry.path());
    }
    for (const auto& path : withdrawn) std::filesystem::remove(path, ec);
    return withdrawn.size();
}

}  // namespace abri::devicesync
