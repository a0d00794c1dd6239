#include "devicesync/attachment_inbox.h"

#include <algorithm>

#include "attachments/attachment_transfer.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "storage/database.h"
#include "vault/vault.h"
#include "wire/attachment_chunk.h"
#include "wire/chunks_wanted.h"
#include "wire/limits.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"

namespace abri::devicesync {

namespace fs = std::filesystem;

namespace {

constexpr const char* kWantFile = "chunks-wanted";  // devicesync::kChunksWantedFile

// The newest certificate's signing key of a device this vault has heard of (pages carry CERT entries, §3.8).
attachments::SignerKeyLookup certifiedSigners(storage::Database& db) {
    return [&db](const wire::Id16& deviceId) -> std::optional<crypto::PublicKey> {
        auto st = db.prepare("SELECT sign_pk FROM sync_certificates WHERE device_id = ?1 ORDER BY serial DESC LIMIT 1;");
        st.bind(1, wire::idToHex(deviceId));
        if (!st.step()) return std::nullopt;
        const auto raw = st.blob(0);
        if (raw.size() != crypto::kPublicKeyBytes) throw Error(ErrorCode::VaultCorrupted, "sync_certificates.sign_pk");
        crypto::PublicKey pk{};
        std::copy(raw.begin(), raw.end(), pk.begin());
        return pk;
    };
}

}  // namespace

ChunkInboxResult applyChunkFiles(vault::Vault& vault, const fs::path& inboxDir, const crypto::BoxKeyPair& deviceBox) {
    ChunkInboxResult result;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(inboxDir)) {
        if (entry.is_regular_file() && wire::parseChunkFileName(entry.path().filename().string()))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    attachments::AttachmentTransfer transfer(vault);
    const auto signers = certifiedSigners(vault.db());
    for (const auto& path : files) {
        const std::string name = path.filename().string();
        try {
            const auto file = wire::readWholeFile(path, wire::kMaxSealedChunkFile);
            auto opened = wire::openSealedFile(file, deviceBox, name);
            // The opened chunk is plaintext of the attachment: wiped however this file ends.
            struct Wipe {
                crypto::Bytes& bytes;
                ~Wipe() { crypto::wipe(bytes.data(), bytes.size()); }
            } wipe{opened.payload};
            if (opened.content != wire::SealedContent::Chunk) throw wire::SyncError(wire::SyncCode::BadMagic, name);
            // The name is the hash the daemon asked for; the chunk must be that one.
            const auto decoded = wire::decodeAttachmentChunk(opened.payload, name);
            if (decoded.chunk.chunkHash != *wire::parseChunkFileName(name))
                throw wire::SyncError(wire::SyncCode::HashMismatch, name);
            storage::Transaction tx(vault.db());
            const auto outcome = transfer.acceptChunk(opened.payload, signers, name);
            tx.commit();
            ++(outcome == attachments::ChunkOutcome::Stored ? result.stored : result.alreadyHeld);
        } catch (const wire::SyncError& e) {
            result.refused.push_back(e.code());
        }
        std::error_code ignored;
        fs::remove(path, ignored);
    }
    return result;
}

std::size_t writeChunksWanted(vault::Vault& vault, const fs::path& syncDir) {
    std::vector<wire::ChunkWant> wants;
    for (const auto& w : attachments::AttachmentTransfer(vault).wanted()) {
        wire::ChunkWant want;
        want.caseId = *wire::idFromHex(w.caseId);
        want.attachmentId = *wire::idFromHex(w.attachmentId);
        want.chunkIndex = w.index;
        crypto::Bytes hash;
        if (!crypto::fromHex(w.hash, hash) || hash.size() != want.chunkHash.size())
            throw Error(ErrorCode::VaultCorrupted, "attachment_parts");
        std::copy(hash.begin(), hash.end(), want.chunkHash.begin());
        wants.push_back(want);
    }
    const std::string text = wire::formatChunksWanted(wants);
    // The app calls this after every sync step: an unchanged list is not rewritten (no fsync every few seconds).
    {
        std::error_code ec;
        const auto path = syncDir / kWantFile;
        if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == text.size() && !ec) {
            const auto current = wire::readWholeFile(path, text.size());
            if (std::equal(current.begin(), current.end(), text.begin(), text.end(),
                           [](std::uint8_t a, char b) { return a == static_cast<std::uint8_t>(b); }))
                return wants.size();
        }
    }
    wire::writeFileAtomically(syncDir, kWantFile,
                              std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
    return wants.size();
}

}  // namespace abri::devicesync
