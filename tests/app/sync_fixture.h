#pragma once
// Sync situations for the app's tests and screenshots, built with core's real code and no network: a synthetic
// hub that enrols the demo vault and writes signed, sealed pages into its inbox; the sync service's status file;
// and a real conflict (a local edit and a concurrent edit from another computer applied by merge::VaultApplier).
#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "wire/changeset.h"
#include "wire/hub_descriptor.h"
#include "wire/wire_types.h"
#include "crypto/sealed_box.h"
#include "crypto/signing.h"
#include "support/conflicts.h"

namespace abri::vault {
class Vault;
}

namespace abri::app::test {

class DemoVault;

inline constexpr const char* kSupervisor = "testsupervisor";
inline constexpr const char* kSupervisorPassword = "correct horse battery supervisor";

// Adds the supervisor account (who may resolve conflicts) through the demo vault's administrator.
void addSupervisor(const DemoVault& demo);

// status.json in <vault>.sync/ as abri-syncd writes it (sync/PROTOCOL.md §4.8).
void writeServiceStatus(const std::filesystem::path& vaultPath, const std::string& link,
                        std::optional<std::int64_t> lastSyncMs, const std::string& errorName = {});

// A real conflict: a local edit and a concurrent edit from another computer of the office, which wins.
using abri::test::makeConflict;

class TestHub {
public:
    TestHub();

    // Stores an enrolment of `vault` with this hub (device keys, certificate, descriptor), as abri-cli enroll does.
    void enrol(vault::Vault& vault);
    // Writes a signed page into <vault>.sync/inbox holding one case created on another computer of the office.
    // Returns the new case's id.
    std::string deliverCaseFromPeer(const std::filesystem::path& vaultPath, const std::string& caseCode,
                                    const std::string& office);

private:
    // Another computer of the office: its signing key and its chain of change-sets.
    struct Peer {
        wire::Id16 id{};
        crypto::SigningKeyPair key = crypto::SigningKeyPair::generate();
        wire::Hash32 head{};
        std::uint64_t seq = 0;
    };

    crypto::SigningKeyPair identity_;
    crypto::BoxKeyPair box_;
    wire::HubDescriptor descriptor_;
    wire::Id16 deviceId_{};
    crypto::PublicKey deviceBoxPk_{};
    std::uint64_t nextSerial_ = 1;
    std::uint64_t officeSeq_ = 0;
    Peer peer_;
};

}  // namespace abri::app::test
