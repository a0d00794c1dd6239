#pragma once
// Device enrolment (PROTOCOL.md §2.6) for abri-cli: needs the unlocked vault (it creates the device's signing and
// box keys there) and one short TLS session pinned to the token's hub fingerprint.
#include <filesystem>
#include <optional>
#include <string>

#include "devicesync/inbox.h"
#include "devicesync/outbox.h"
#include "vault/vault.h"

namespace abri::sync::client {

struct EnrolOptions {
    std::string label = "device";                  // non-personal ASCII, e.g. "laptop-03"
    std::optional<std::string> addressOverride;    // host:port instead of the token's (tests, NAT)
    std::chrono::milliseconds timeout{30'000};
};

struct EnrolResult {
    wire::Id16 deviceId{};
    std::uint64_t certificateSerial = 0;
    std::string office;
    std::filesystem::path syncDir;
};

// Requires an administrator session. Throws SyncError (token_malformed, office_mismatch, wrong_hub, the hub's
// refusal codes) or abri::Error. Idempotent: a retry after a cut reuses the keys committed before connecting.
EnrolResult enrolDevice(vault::Vault& vault, const std::filesystem::path& vaultPath, std::string_view tokenText,
                        const EnrolOptions& options = {});

// The local sync steps (seal the outbox, apply the inbox, bundles) are in core/devicesync/device_sync.h.

}  // namespace abri::sync::client
