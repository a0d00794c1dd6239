#pragma once
// One device of the deterministic simulation: a real vault in a temp folder (Argon2 at minimum cost), edited at
// random through CaseRepository under an injected clock, packing its unshipped journal into change-sets,
// uploading them to the SimHub and applying its office feed with core/merge.
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "sim/sim_hub.h"
#include "vault/vault.h"

namespace abri::test {

class SimDevice {
public:
    // `worldMs` is the simulation's true time; the device's wall clock is worldMs + skewMs.
    SimDevice(const std::filesystem::path& folder, std::string office, const std::int64_t& worldMs);

    vault::Vault& vault() { return *vault_; }
    const std::string& deviceId() const { return deviceId_; }
    const std::string& office() const { return office_; }

    std::int64_t skewMs = 0;
    // Pages applied as one batch (merge::VaultApplier::beginBatch/endBatch, as devicesync does) rather than
    // change-set by change-set.
    bool batchPages = false;

    // One random edit through CaseRepository (or a conflict resolution). Refused edits (e.g. a deleted case)
    // are part of the game and do nothing.
    void randomEdit(std::mt19937_64& rng, const std::string& otherOffice);
    // Packs every unshipped journal entry into change-sets of at most `maxOps` ops (one case each).
    void pack(std::size_t maxOps);
    // Uploads unacknowledged change-sets in order; with `faults` it also resends old ones and skips ahead.
    void upload(SimHub& hub, std::mt19937_64& rng, bool faults);
    // Applies the office feed from the checkpoint, one transaction per page; with `faults` pages are short,
    // their entries shuffled and some earlier entries delivered again.
    void download(SimHub& hub, std::mt19937_64& rng, bool faults);

    bool idle(SimHub& hub);  // nothing unshipped, unacknowledged or unread
    std::size_t refusals() const { return refusals_; }

private:
    void handleClockRefusal(std::uint64_t refusedSeq, std::int64_t hubTimeMs);

    std::string office_;
    const std::int64_t& worldMs_;
    std::unique_ptr<vault::Vault> vault_;
    std::string deviceId_;
    std::uint64_t nextSeq_ = 1;
    std::uint64_t ackedSeq_ = 0;
    journal::Hlc greatestAdmittedHlc_ = 0;
    std::deque<ProposedChangeSet> outbox_;       // unacknowledged, ascending seq
    std::vector<ProposedChangeSet> sentBefore_;  // acknowledged ones, for duplicate deliveries
    std::size_t checkpoint_ = 0;
    std::int64_t lastHubTimeMs_ = 0;
    std::size_t refusals_ = 0;
    int counter_ = 0;
};

}  // namespace abri::test
