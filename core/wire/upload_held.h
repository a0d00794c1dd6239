#pragma once
// `<vault>.sync/upload-held` (sync/PROTOCOL.md §3.10, §4.5): the outbox file the hub refused, which abri-syncd holds
// back. The daemon writes it; the app reads it to replace a file the hub could not open (devicesync/held_outbox.h).
// The file is named by its name and the BLAKE2b of its bytes (nothing personal: the name holds a device id and
// seqs), written atomically, so the hold survives a restart of the daemon.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "wire/sync_error.h"

namespace abri::wire {

inline constexpr const char* kUploadHeldFile = "upload-held";

struct HeldUpload {
    std::string fileName;     // cs-<device>-<first>-<last>.abri
    std::string fileHashHex;  // H(sealed file bytes), as UPLOAD_BEGIN's file_id
    SyncCode code = SyncCode::ProtocolViolation;  // the hub's answer, reported again while held
    std::uint64_t answeredMs = 0;                 // when the hub last refused it (wall clock)
    // The hub failed the whole file (UPLOAD_ACK file_status, §3.11 step 1: the seal, its header, the batch header)
    // rather than refusing a change-set in it. Only such a file can be mended by sealing the same change-sets again.
    bool wholeFile = false;
};

// nullopt when there is no marker or it does not parse (a damaged marker only costs one upload). A marker written
// before `wholeFile` was recorded counts as a whole-file refusal only for the codes that step 1 alone gives
// (bad_seal, wrong_recipient).
std::optional<HeldUpload> loadHeldUpload(const std::filesystem::path& syncDir);
// The marker's text, both ways (the file is a boundary between two programs: fuzz/upload_held_fuzzer.cpp).
// A text longer than kMaxHeldUploadText never parses.
inline constexpr std::size_t kMaxHeldUploadText = 1024;
std::optional<HeldUpload> parseHeldUpload(std::string_view text);
std::string formatHeldUpload(const HeldUpload& held);
void saveHeldUpload(const std::filesystem::path& syncDir, const HeldUpload& held);
void forgetHeldUpload(const std::filesystem::path& syncDir);

}  // namespace abri::wire
