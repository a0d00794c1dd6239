#pragma once
// The outbox file the hub refused (sync/PROTOCOL.md §4.5, §7.5). After a refusal the daemon stops uploading until
// the app replaces the file holding acked_seq + 1: sending the same bytes again is refused again at every session,
// and for a clock refusal a change-set less than two days ahead could be admitted once the hub's clock catches up —
// racing the app's re-stamping of the same seq into a fork. The file is remembered by its name and the BLAKE2b of
// its bytes (nothing personal: the name holds a device id and seqs) in `<vault>.sync/upload-held`, written
// atomically, so the hold survives a restart of the daemon. A file with other bytes (re-stamped or resealed), or
// no file of that name any more, ends the hold.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "wire/sync_error.h"

namespace abri::sync::daemon {

inline constexpr const char* kHeldUploadFile = "upload-held";

struct HeldUpload {
    std::string fileName;     // cs-<device>-<first>-<last>.abri
    std::string fileHashHex;  // H(sealed file bytes), as UPLOAD_BEGIN's file_id
    wire::SyncCode code = wire::SyncCode::ProtocolViolation;  // the hub's answer, reported again while held
    std::uint64_t answeredMs = 0;                 // when the hub last refused it (wall clock)
};

// nullopt when there is no marker or it does not parse (a damaged marker only costs one upload).
std::optional<HeldUpload> loadHeldUpload(const std::filesystem::path& syncDir);
void saveHeldUpload(const std::filesystem::path& syncDir, const HeldUpload& held);
void forgetHeldUpload(const std::filesystem::path& syncDir);

// Whether an answer with this code is a refusal of the file's content that the same bytes would get again.
// hash_mismatch is the link's fault (the hub asks for the bytes again), chain_gap restarts from acked_seq + 1.
bool holdsUpload(wire::SyncCode code);

}  // namespace abri::sync::daemon
