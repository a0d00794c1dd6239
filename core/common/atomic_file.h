#pragma once
// The one way Abri replaces a file on disk (key slots, sync files, the hub's keys, TLS keys, daemon config):
// readers see the old content or the new, never a mix, and a crash right after the call cannot undo it.
#include <cstdint>
#include <filesystem>
#include <span>

namespace abri {

// Writes `bytes` to `target`: a new temporary file `.tmp-<name>-XXXXXX` in the same folder (created exclusively,
// so nothing else's file is reused; a dot name, which readers of sync folders skip), all bytes written (retrying
// on EINTR), fsync of the file, rename over `target` (atomic within one file system), fsync of the folder so the
// rename itself survives a power cut. The file gets exactly `perms` (0600 unless told), whatever the umask.
// On any failure the temporary file is removed and Error(DiskFull) (ENOSPC, EDQUOT) or Error(IoError) is thrown
// with `target` as subject; `target` then still holds its old content (or is still missing).
void writeFileAtomically(const std::filesystem::path& target, std::span<const std::uint8_t> bytes,
                         std::filesystem::perms perms = std::filesystem::perms::owner_read |
                                                        std::filesystem::perms::owner_write);

// As writeFileAtomically, for a file that must not exist yet (backups): the temporary file is published with
// link(), which fails instead of replacing anything, then unlinked. Throws Error(BackupDestinationExists, target)
// when `target` exists (nothing is touched), Error(IoError | DiskFull, target) otherwise; no temporary file is
// left behind on any failure.
void writeNewFileAtomically(const std::filesystem::path& target, std::span<const std::uint8_t> bytes,
                            std::filesystem::perms perms = std::filesystem::perms::owner_read |
                                                           std::filesystem::perms::owner_write);

}  // namespace abri
