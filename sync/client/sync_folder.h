#pragma once
// <vault>.sync/ holds what abri-syncd needs, as copies of what the enrolled vault holds (the daemon never opens the
// vault): the transport key and its certificate, the hub descriptor, the device certificate and daemon.conf.
// A vault restored from a backup on another computer has none of them; this rebuilds the missing ones from the
// vault (sync/PROTOCOL.md §7.7). For a vault enrolled before the transport key was kept in the vault, it copies an
// existing transport.key into the vault instead, so that its next backup is complete.
#include <filesystem>
#include <string>
#include <vector>

#include "vault/vault.h"

namespace abri::sync::client {

struct SyncFolderRepair {
    bool enrolled = false;
    std::vector<std::string> written;  // file names rebuilt in <vault>.sync/
    bool seedKeptInVault = false;      // transport.key was copied into the vault (older enrolment)
    // Neither the vault nor the folder has the transport key (a vault enrolled before it was kept, restored without
    // its folder): the laptop must be enrolled again.
    bool transportKeyMissing = false;
};

// Writes only what is missing; existing files are left as they are. Nothing to do for a vault not enrolled.
SyncFolderRepair repairSyncFolder(vault::Vault& vault, const std::filesystem::path& vaultPath);

}  // namespace abri::sync::client
