#pragma once
// Device enrolment (PROTOCOL.md §2.6) and the app-side sync step (§7.1 A1-A2, §7.3 A4-A5), for abri-cli and the
// app. These need the unlocked vault (they hold the device's signing and box keys); the network part of
// enrolment is one short TLS session pinned to the token's hub fingerprint.
#include <filesystem>
#include <optional>
#include <string>

#include "changeset/inbox.h"
#include "changeset/outbox.h"
#include "vault/vault.h"

namespace abri::sync::client {

struct EnrolOptions {
    std::string label = "device";                  // non-personal ASCII, e.g. "laptop-03"
    std::optional<std::string> addressOverride;    // host:port instead of the token's (tests, NAT)
    std::chrono::milliseconds timeout{30'000};
};

struct EnrolResult {
    Id16 deviceId{};
    std::uint64_t certificateSerial = 0;
    std::string office;
    std::filesystem::path syncDir;
};

// Requires an administrator session. Throws SyncError (token_malformed, office_mismatch, wrong_hub, the hub's
// refusal codes) or abri::Error. Idempotent: a retry after a cut reuses the keys committed before connecting.
EnrolResult enrolDevice(vault::Vault& vault, const std::filesystem::path& vaultPath, std::string_view tokenText,
                        const EnrolOptions& options = {});

struct SyncStepResult {
    PackResult packed;
    std::vector<std::string> outboxFiles;  // names written
    InboxResult inbox;
};

// While unlocked: seal the unshipped journal into the outbox, then verify and apply every page in the inbox.
SyncStepResult syncVault(vault::Vault& vault, const std::filesystem::path& vaultPath);

// Sneakernet (§7.6): copy outbox files and the want file to DIR/abri-bundle/to-hub; bring this device's pages
// and notices from DIR/abri-bundle/to-device/<device>/ into the inbox (then apply them with syncVault).
std::size_t exportBundle(vault::Vault& vault, const std::filesystem::path& vaultPath, const std::filesystem::path& dir);
std::size_t importBundle(vault::Vault& vault, const std::filesystem::path& vaultPath, const std::filesystem::path& dir);

}  // namespace abri::sync::client
