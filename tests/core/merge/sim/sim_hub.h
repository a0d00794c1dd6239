#pragma once
// An in-memory hub for the deterministic simulation: it admits change-sets the way sync/PROTOCOL.md §3.11 steps
// 6, 9 and 10 say (chain, clock clamp or refusal, op authorisation), merges them with core/merge, and keeps one
// feed per office (§6.2, with backfill when a transfer grants an office access). No codec, no network: the
// codec and the real hub are other modules; this is the merge authority they wrap.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "merge/authorisation.h"
#include "merge/merge_state.h"

namespace abri::test {

// What a device uploads: one change-set's ops (in production the codec's signed ABCS bytes).
struct ProposedChangeSet {
    std::string device;
    std::uint64_t deviceSeq = 0;
    std::string caseId;
    std::vector<merge::RemoteOp> ops;
    std::vector<std::int64_t> journalSeqs;  // the device's journal entries packed into it
};

enum class IngestStatus { Admitted, Duplicate, ChainGap, ClockAhead, ClockOutOfBounds };

struct FeedEntry {
    merge::AdmittedChangeSet changeSet;
    bool receiptOnly = false;  // RECEIPT: only its signer applies it
};

class SimHub {
public:
    explicit SimHub(std::set<std::string> offices) : offices_(std::move(offices)) {}

    void enrol(const std::string& device, const std::string& office, merge::CertificateRole role);
    IngestStatus ingest(const ProposedChangeSet& proposed, std::int64_t hubWallMs);

    std::uint64_t ackedSeq(const std::string& device) const { return devices_.at(device).ackedSeq; }
    const std::vector<FeedEntry>& feed(const std::string& office) { return feeds_[office]; }
    const merge::MergeState& state() const { return state_; }
    std::set<std::string> scopeOf(const std::string& office) const;  // cases granted to the office
    std::int64_t lastTimeMs() const { return lastTimeMs_; }
    std::size_t admittedCount() const { return admitted_.size(); }
    std::size_t clampedCount() const { return clamped_; }
    std::size_t excludedOpCount() const { return state_.excluded().size(); }

private:
    struct Device {
        std::string office;
        merge::CertificateRole role = merge::CertificateRole::Caseworker;
        std::uint64_t ackedSeq = 0;
        journal::Hlc floor = 0;
    };
    std::set<std::string> offices_;
    std::map<std::string, Device> devices_;
    merge::MergeState state_;
    std::vector<merge::AdmittedChangeSet> admitted_;
    std::map<std::string, std::set<std::string>> granted_;  // case -> offices (only grows)
    std::map<std::string, std::vector<FeedEntry>> feeds_;
    std::int64_t lastTimeMs_ = 0;
    std::size_t clamped_ = 0;
};

}  // namespace abri::test
