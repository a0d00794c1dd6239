#pragma once
// A hub that refuses: enrols a vault (as abri-cli enroll does) and writes its signed refusal notice for one of the
// vault's sealed change-sets into <vault>.sync/inbox, as abri-syncd does after an UPLOAD_ACK with a notice
// (sync/PROTOCOL.md §3.9). For the refusals dialog's tests and screenshots.
#include <cstdint>
#include <filesystem>

#include "wire/hub_descriptor.h"
#include "wire/sync_error.h"
#include "crypto/signing.h"

namespace abri::vault {
class Vault;
}

namespace abri::app::test {

class RefusingHub {
public:
    RefusingHub();

    void enrol(vault::Vault& vault);
    // The notice for the sealed change-set at `deviceSeq` (it must be in sync_outgoing: run the sync step first).
    void refuse(vault::Vault& vault, const std::filesystem::path& vaultPath, std::uint64_t deviceSeq,
                wire::SyncCode code, std::uint64_t hubTimeMs, std::uint16_t opIndex = 0xFFFF);

private:
    crypto::SigningKeyPair identity_;
    wire::HubDescriptor descriptor_;
};

}  // namespace abri::app::test
