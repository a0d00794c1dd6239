#include "sim/sim_hub.h"

#include <algorithm>

#include "model/case_rules.h"

namespace abri::test {

namespace {
constexpr std::uint64_t kMaxDriftMs = 300'000;
constexpr std::uint64_t kMaxAheadMs = 86'400'000;
constexpr std::uint64_t kHlcEpochMs = 1'577'836'800'000;
}  // namespace

void SimHub::enrol(const std::string& device, const std::string& office, merge::CertificateRole role) {
    devices_[device] = Device{office, role, 0, 0};
}

std::set<std::string> SimHub::scopeOf(const std::string& office) const {
    std::set<std::string> out;
    for (const auto& [caseId, offices] : granted_)
        if (offices.count(office) > 0) out.insert(caseId);
    return out;
}

IngestStatus SimHub::ingest(const ProposedChangeSet& proposed, std::int64_t hubWallMs) {
    Device& device = devices_.at(proposed.device);
    if (proposed.deviceSeq <= device.ackedSeq) return IngestStatus::Duplicate;
    if (proposed.deviceSeq > device.ackedSeq + 1) return IngestStatus::ChainGap;

    // §5.1 clock: refuse what is far off, clamp what is a little ahead.
    const std::int64_t t = std::max(hubWallMs, lastTimeMs_);
    const auto tMs = static_cast<std::uint64_t>(t);
    const journal::Hlc ceiling = journal::makeHlc(tMs + kMaxDriftMs, 0);
    const journal::Hlc hlcMin = proposed.ops.front().hlc;
    const journal::Hlc hlcMax = proposed.ops.back().hlc;
    if (hlcMin < journal::makeHlc(kHlcEpochMs, 0)) return IngestStatus::ClockOutOfBounds;
    if (hlcMax > journal::makeHlc(tMs + kMaxAheadMs, 0)) return IngestStatus::ClockAhead;
    lastTimeMs_ = t;

    merge::AdmittedChangeSet cs;
    cs.device = proposed.device;
    cs.deviceSeq = proposed.deviceSeq;
    cs.caseId = proposed.caseId;
    cs.hubSeq = admitted_.size() + 1;
    cs.admittedMs = t;
    cs.ops = proposed.ops;
    if (hlcMax > ceiling) {
        cs.clamp = {ceiling, device.floor};
        ++clamped_;
    }
    merge::assignEffectiveHlcs(cs);
    device.floor = std::max(device.floor, cs.ops.back().effHlc);

    merge::HubContext context;
    context.today = model::dateFromMs(t);
    context.hubOffices = offices_;
    context.grantedOffices = granted_[cs.caseId];
    cs.excluded = merge::authorise(state_, {device.office, device.role}, cs.caseId, cs.ops, context);
    state_.add(cs);
    admitted_.push_back(cs);
    device.ackedSeq = proposed.deviceSeq;

    // §6.2 feeds.
    const bool anyAdmitted = cs.excluded.size() < cs.ops.size();
    auto access = merge::accessSet(state_, cs.caseId, offices_);
    access.erase(std::string(merge::kHubOffice));
    auto& granted = granted_[cs.caseId];
    if (anyAdmitted) {
        for (const auto& office : access) {
            if (granted.insert(office).second) {
                for (const auto& earlier : admitted_) {  // backfill, hub order
                    if (earlier.caseId == cs.caseId && earlier.hubSeq != cs.hubSeq &&
                        earlier.excluded.size() < earlier.ops.size())
                        feeds_[office].push_back({earlier, false});
                }
            }
        }
        for (const auto& office : granted) feeds_[office].push_back({cs, false});
    }
    if (!anyAdmitted || granted.count(device.office) == 0) feeds_[device.office].push_back({cs, true});
    return IngestStatus::Admitted;
}

}  // namespace abri::test
