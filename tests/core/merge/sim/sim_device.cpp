#include "sim/sim_device.h"

#include <algorithm>
#include <map>

#include "cases/case_repository.h"
#include "common/error.h"
#include "journal/journal.h"
#include "merge/conflict_resolution.h"
#include "merge/conflicts_view.h"
#include "merge/restamp.h"
#include "merge/vault_applier.h"
#include "storage/database.h"

namespace abri::test {

namespace {

constexpr const char* kAdminPassword = "admin-password-123";
constexpr const char* kSupervisorPassword = "supervisor-password-123";

std::size_t pick(std::mt19937_64& rng, std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }

cases::Json randomCaseValue(std::mt19937_64& rng, std::string& path, int counter) {
    switch (pick(rng, 5)) {
    case 0: path = "person.given_name"; return "Testname " + std::to_string(counter);
    case 1: path = "person.children"; return static_cast<int>(pick(rng, 6));
    case 2: path = "person.estimated_age"; return 18 + static_cast<int>(pick(rng, 40));
    case 3: {
        static const char* genders[] = {"female", "male", "transgender_nonconforming", "unknown"};
        path = "person.gender";
        return genders[pick(rng, 4)];
    }
    default: path = "screening.complete"; return pick(rng, 2) == 0;
    }
}

}  // namespace

SimDevice::SimDevice(const std::filesystem::path& folder, std::string office, const std::int64_t& worldMs)
    : office_(std::move(office)), worldMs_(worldMs) {
    const auto path = folder / "device.abri";
    crypto::SecureBuffer recovery;
    vault::CreateOptions options;
    options.path = path;
    options.office = office_;
    options.adminUsername = "admin";
    options.adminDisplayName = "Test Admin";
    options.adminPassword = kAdminPassword;
    options.kdf = crypto::KdfParams::minimum();
    options.clock = [this] { return worldMs_ + skewMs; };
    auto admin = vault::Vault::create(options, recovery);
    admin->addUser("super", "Test Supervisor", vault::Role::Supervisor, kSupervisorPassword,
                   crypto::KdfParams::minimum());
    admin->lock();
    vault::UnlockOptions unlock;
    unlock.clock = [this] { return worldMs_ + skewMs; };
    vault_ = vault::Vault::unlock(path, "super", kSupervisorPassword, unlock);
    deviceId_ = vault_->deviceId();
}

void SimDevice::randomEdit(std::mt19937_64& rng, const std::string& otherOffice) {
    cases::CaseRepository repo(*vault_);
    ++counter_;
    cases::CaseQuery query;
    query.limit = 1000;
    const auto listed = repo.list(query);
    try {
        const auto roll = pick(rng, 100);
        if (listed.empty() || roll < 10) {
            repo.createCase({{"person", {{"given_name", "Testname " + std::to_string(counter_)},
                                         {"family_name", "Fakeperson"}}}});
            return;
        }
        const std::string caseId = listed[pick(rng, listed.size())].id;
        if (roll < 55) {
            std::string path;
            const auto value = randomCaseValue(rng, path, counter_);
            repo.updateField(caseId, path, value);
        } else if (roll < 62) {
            repo.addItem(caseId, model::Entity::Note, {{"text", "Synthetic note " + std::to_string(counter_)}});
        } else if (roll < 68) {
            repo.addItem(caseId, model::Entity::Event, {{"type", "transit"}, {"date", "2025-12-01"}, {"country", "TN"}});
        } else if (roll < 84) {
            const auto view = repo.load(caseId);
            if (!view || view->items.empty()) return;
            const auto& item = view->items[pick(rng, view->items.size())];
            if (item.kind == model::Entity::Event) {
                if (pick(rng, 8) == 0) {
                    repo.deleteItem(item.id);
                } else {
                    repo.updateItemField(item.id, "place", "Faketown " + std::to_string(counter_));
                }
            } else if (item.kind == model::Entity::Note) {
                repo.correctItem(item.id, {{"text", "Corrected synthetic note " + std::to_string(counter_)}});
            }
        } else if (roll < 94) {
            const auto open = merge::openConflicts(*vault_);
            if (open.empty()) return;
            const auto& c = open[pick(rng, open.size())];
            merge::resolveOpenConflict(*vault_, c.id, merge::KeptValue::Losing);
        } else if (roll < 97) {
            repo.addItem(caseId, model::Entity::Consent,
                         {{"scope", "data_sharing"}, {"given", true}, {"recorded_on", vault_->today()}});
            repo.addItem(caseId, model::Entity::Transfer, {{"to_office", otherOffice}});
        } else {
            repo.deleteCase(caseId);
        }
    } catch (const Error&) {
        // e.g. NotFound for an item deleted meanwhile, ConsentRequired: the user would see an error.
    }
}

void SimDevice::pack(std::size_t maxOps) {
    auto& journal = vault_->journal();
    const auto entries = journal.unshipped(0, 1 << 30);
    if (entries.empty()) return;
    // One case per change-set, journal order kept within a case (§3.2).
    std::vector<std::string> order;
    std::map<std::string, std::vector<const journal::Entry*>> byCase;
    for (const auto& e : entries) {
        if (byCase.count(e.caseId) == 0) order.push_back(e.caseId);
        byCase[e.caseId].push_back(&e);
    }
    storage::Transaction tx(vault_->db());
    for (const auto& caseId : order) {
        const auto& list = byCase[caseId];
        for (std::size_t start = 0; start < list.size(); start += maxOps) {
            ProposedChangeSet cs;
            cs.device = deviceId_;
            cs.deviceSeq = nextSeq_++;
            cs.caseId = caseId;
            for (std::size_t i = start; i < std::min(list.size(), start + maxOps); ++i) {
                cs.ops.push_back(merge::toMergeOp(*list[i]));
                cs.journalSeqs.push_back(list[i]->seq);
            }
            // HLCs strictly increase within a change-set (§3.4): journal order within one device is HLC order,
            // except after re-stamping, which keeps journal order too.
            outbox_.push_back(std::move(cs));
        }
    }
    journal.markShipped(entries.back().seq);
    tx.commit();
}

void SimDevice::upload(SimHub& hub, std::mt19937_64& rng, bool faults) {
    if (faults && !sentBefore_.empty() && pick(rng, 3) == 0) {
        // A duplicate delivery of something already admitted.
        const auto status = hub.ingest(sentBefore_[pick(rng, sentBefore_.size())], worldMs_);
        if (status != IngestStatus::Duplicate) throw std::logic_error("resent change-set was not a duplicate");
    }
    if (faults && outbox_.size() > 1 && pick(rng, 3) == 0) {
        // Out of order: the hub reports a chain gap and admits nothing.
        const auto status = hub.ingest(outbox_[1], worldMs_);
        if (status != IngestStatus::ChainGap) throw std::logic_error("skipped change-set was not a chain gap");
    }
    std::size_t budget = faults ? 1 + pick(rng, 4) : outbox_.size();
    while (!outbox_.empty() && budget-- > 0) {
        const auto status = hub.ingest(outbox_.front(), worldMs_);
        if (status == IngestStatus::ClockAhead || status == IngestStatus::ClockOutOfBounds) {
            handleClockRefusal(outbox_.front().deviceSeq, hub.lastTimeMs());
            return;
        }
        if (status == IngestStatus::ChainGap) return;
        ackedSeq_ = hub.ackedSeq(deviceId_);
        for (const auto& op : outbox_.front().ops) greatestAdmittedHlc_ = std::max(greatestAdmittedHlc_, op.hlc);
        sentBefore_.push_back(std::move(outbox_.front()));
        outbox_.pop_front();
    }
}

void SimDevice::handleClockRefusal(std::uint64_t refusedSeq, std::int64_t hubTimeMs) {
    ++refusals_;
    skewMs = 0;  // the user corrects the system clock after seeing the notice (§7.5)
    storage::Transaction tx(vault_->db());
    std::vector<std::int64_t> seqs;
    while (!outbox_.empty() && outbox_.back().deviceSeq >= refusedSeq) {
        seqs.insert(seqs.end(), outbox_.back().journalSeqs.begin(), outbox_.back().journalSeqs.end());
        outbox_.pop_back();
    }
    nextSeq_ = refusedSeq;
    vault_->journal().markUnshipped(seqs);
    const journal::Hlc restartAt =
        std::max({journal::makeHlc(static_cast<std::uint64_t>(worldMs_), 0),
                  journal::makeHlc(static_cast<std::uint64_t>(std::max(hubTimeMs, lastHubTimeMs_)), 0),
                  greatestAdmittedHlc_});
    merge::restampUnshipped(*vault_, restartAt);
    tx.commit();
}

void SimDevice::download(SimHub& hub, std::mt19937_64& rng, bool faults) {
    const auto& feed = hub.feed(office_);
    if (checkpoint_ >= feed.size()) return;
    std::size_t end = feed.size();
    if (faults) end = std::min(feed.size(), checkpoint_ + 1 + pick(rng, 6));
    std::vector<const FeedEntry*> page;
    if (faults && checkpoint_ > 0 && pick(rng, 3) == 0) {
        for (std::size_t i = checkpoint_ - std::min<std::size_t>(checkpoint_, 3); i < checkpoint_; ++i)
            page.push_back(&feed[i]);  // overlapping page: entries applied before come again
    }
    for (std::size_t i = checkpoint_; i < end; ++i) page.push_back(&feed[i]);
    if (faults) std::shuffle(page.begin(), page.end(), rng);
    merge::VaultApplier applier(*vault_);
    storage::Transaction tx(vault_->db());
    if (batchPages) applier.beginBatch();
    for (const FeedEntry* entry : page) {
        if (entry->receiptOnly && entry->changeSet.device != deviceId_) continue;
        applier.apply(entry->changeSet);
    }
    if (batchPages) applier.endBatch();
    lastHubTimeMs_ = hub.lastTimeMs();
    vault_->clock().observe(journal::makeHlc(static_cast<std::uint64_t>(lastHubTimeMs_), 0));
    tx.commit();
    checkpoint_ = end;
}

bool SimDevice::idle(SimHub& hub) {
    return outbox_.empty() && vault_->journal().unshippedCount() == 0 && checkpoint_ >= hub.feed(office_).size();
}

}  // namespace abri::test
