#include "ingest.h"

#include <nlohmann/json.hpp>

#include "changeset/batch.h"
#include "changeset/changeset.h"
#include "changeset/limits.h"
#include "changeset/refusal_notice.h"
#include "changeset/sealed_file.h"
#include "common/error.h"
#include "devicesync/admitted_adapter.h"
#include "journal/hlc.h"
#include "merge/authorisation.h"

#include <ctime>
#include <set>

namespace abri::sync::hub {
namespace {

struct Refusal {
    SyncCode code;
    std::uint64_t ref = 0;
    std::uint16_t opIndex = kNoOpIndex;
};

std::string isoDate(std::uint64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[16];
    std::strftime(text, sizeof(text), "%Y-%m-%d", &utc);
    return text;
}

// The hub's merge state of one case: every admitted change-set of it (already verified when admitted).
merge::MergeState caseState(HubStore& store, const Id16& caseId) {
    merge::MergeState state;
    for (const auto& stored : store.changeSetsOfCase(caseId)) {
        std::size_t consumed = 0;
        auto admission = decodeAdmissionRecord(stored.admission, consumed, "admission");
        auto cs = decodeChangeSet(stored.bytes, {}, "stored change-set");
        state.add(devicesync::toAdmitted(cs, admission));
    }
    return state;
}

}  // namespace

void ensureCertificateInFeed(HubStore& store, const std::string& office, const DeviceRecord& device) {
    if (store.feedHasCertificate(office, device.deviceId, device.certificate.serial)) return;
    FeedEntryRow cert;
    cert.type = PageEntryType::Cert;
    cert.certStatus = device.status == DeviceStatus::Revoked ? CertStatus::Revoked : CertStatus::Active;
    cert.certStatusMs = device.statusMs;
    cert.certificate = device.certificate.bytes;
    store.appendFeed(office, cert);
}

IngestResult ingestSealedFile(HubStore& store, std::span<const std::uint8_t> file,
                              const std::optional<Id16>& sessionDevice, std::uint64_t hubNowMs) {
    IngestResult result;
    Batch batch;
    try {
        auto opened = openSealedFile(file, store.boxKey(), "upload");
        if (opened.content != SealedContent::Batch) throw SyncError(SyncCode::BadMagic, "upload");
        batch = decodeBatch(opened.payload, "upload");
        if (sessionDevice && batch.deviceId != *sessionDevice) throw SyncError(SyncCode::DeviceMismatch, "upload");
    } catch (const SyncError& e) {
        result.fileStatus = e.wire();
        if (sessionDevice) {
            if (auto device = store.findDevice(*sessionDevice)) result.ackedSeq = device->chainSeq;
        }
        return result;
    }

    auto device = store.findDevice(batch.deviceId);
    storage::Transaction txn(store.db());
    std::optional<Refusal> refusal;
    Hash32 refusedId{};
    std::uint64_t refusedSeq = 0;

    for (std::size_t i = 0; i < batch.changeSets.size() && !refusal; ++i) {
        const auto& bytes = batch.changeSets[i];
        const std::uint64_t seq = batch.firstSeq + i;
        ChangeSetResult item{seq, kStatusAdmitted, 0};
        const std::string subject = "seq " + std::to_string(seq);
        try {
            auto frame = decodeChangeSetFrame(bytes, subject);
            refusedId = frame.id;
            // 3. duplicate
            if (auto existing = store.findChangeSetBySeq(batch.deviceId, seq); existing && existing->id == frame.id) {
                item.status = kStatusDuplicate;
                result.results.push_back(item);
                continue;
            }
            // 4. device and signature
            if (!device) throw SyncError(SyncCode::UnknownDevice, subject);
            verifyChangeSetSignature(frame, device->certificate.signPk, subject);
            // 5. revoked or forked: keep for the operator, apply nothing
            if (device->status != DeviceStatus::Active) {
                store.quarantine(device->deviceId, seq, frame.id,
                                 device->status == DeviceStatus::Revoked ? SyncCode::Revoked : SyncCode::Fork,
                                 hubNowMs, bytes);
                item.status = kStatusQuarantined;
                result.results.push_back(item);
                continue;
            }
            // 6. chain
            const bool sameSeqOtherId = seq <= device->chainSeq;
            const bool brokenLink = seq == device->chainSeq + 1 && frame.header.prevHash != device->chainId;
            if (sameSeqOtherId || brokenLink) {
                store.quarantine(device->deviceId, seq, frame.id, SyncCode::Fork, hubNowMs, bytes);
                store.setDeviceStatus(device->deviceId, DeviceStatus::Forked, hubNowMs);
                throw SyncError(SyncCode::Fork, subject);
            }
            if (seq > device->chainSeq + 1) throw SyncError(SyncCode::ChainGap, subject, device->chainSeq);
            // 7. body
            auto cs = decodeChangeSetBody(frame, bytes, subject);
            // 8. office
            if (cs.header.office != device->office) throw SyncError(SyncCode::UnauthorisedOffice, subject);
            // 9. clock (§5.1)
            const std::uint64_t t = std::max(hubNowMs, store.lastAdmissionMs());
            if (cs.header.hlcMin < journal::makeHlc(kHlcEpochMs, 0)) {
                throw SyncError(SyncCode::ClockOutOfBounds, subject);
            }
            if (cs.header.hlcMax > journal::makeHlc(t + kMaxAheadMs, 0)) {
                throw SyncError(SyncCode::ClockAhead, subject, t);
            }
            AdmissionRecord admission;
            admission.changeSetId = frame.id;
            admission.deviceId = device->deviceId;
            admission.deviceSeq = seq;
            admission.caseId = cs.header.caseId;
            admission.admittedMs = t;
            std::uint64_t lastEff = cs.ops.back().hlc;
            const auto ceiling = journal::makeHlc(t + kMaxDriftMs, 0);
            if (cs.header.hlcMax > ceiling) {
                admission.clampCeiling = ceiling;
                admission.clampFloor = device->effFloor;
                std::uint64_t previous = device->effFloor;
                for (const auto& op : cs.ops) {
                    previous = std::max(std::min<std::uint64_t>(op.hlc, ceiling), previous + 1);
                }
                lastEff = previous;
            }
            lastEff = std::max(lastEff, device->effFloor);
            // 10. authorisation (§6.3) against the hub's state of the case, then admission and access (§6.1)
            const auto caseHex = idToHex(cs.header.caseId);
            auto state = caseState(store, cs.header.caseId);
            const auto before = store.caseOffices(cs.header.caseId);
            auto officeList = store.offices();
            merge::HubContext context;
            context.today = isoDate(t);
            context.hubOffices = std::set<std::string>(officeList.begin(), officeList.end());
            context.grantedOffices = std::set<std::string>(before.begin(), before.end());
            merge::DeviceAuthority authority{device->office, static_cast<merge::CertificateRole>(device->role)};
            auto candidate = devicesync::toAdmitted(cs, admission);
            for (const auto& exclusion : merge::authorise(state, authority, caseHex, candidate.ops, context)) {
                admission.excluded.push_back(
                    {exclusion.opIndex, static_cast<SyncCode>(static_cast<std::uint16_t>(exclusion.reason))});
            }
            admission.hubSeq = store.nextHubSeq();
            state.add(devicesync::toAdmitted(cs, admission));
            StoredChangeSet stored{frame.id, device->deviceId, seq, encodeAdmissionRecord(admission), bytes};
            store.insertChangeSet(stored, cs.header.caseId, admission.hubSeq);
            device->chainSeq = seq;
            device->chainId = frame.id;
            device->effFloor = lastEff;
            store.advanceChain(device->deviceId, seq, frame.id, lastEff);
            store.setLastAdmissionMs(t);
            // Feeds (§6.2). Access only grows (v1): newly granted offices get the case's history first (backfill).
            const bool anyAdmitted = admission.excluded.size() < cs.ops.size();
            std::vector<std::string> offices = before;
            if (anyAdmitted) {
                for (const auto& office : merge::accessSet(state, caseHex, context.hubOffices)) {
                    if (office == merge::kHubOffice || context.grantedOffices.count(office) > 0) continue;
                    store.grantCase(cs.header.caseId, office);
                    offices.push_back(office);
                    for (const auto& earlier : store.changeSetsOfCase(cs.header.caseId)) {
                        if (earlier.id == frame.id) continue;
                        if (auto signer = store.findDevice(earlier.deviceId))
                            ensureCertificateInFeed(store, office, *signer);
                        FeedEntryRow backfill;
                        backfill.type = PageEntryType::ChangeSet;
                        backfill.changeSetId = earlier.id;
                        backfill.signer = earlier.deviceId;
                        store.appendFeed(office, backfill);
                    }
                }
                for (const auto& office : offices) {
                    ensureCertificateInFeed(store, office, *device);
                    FeedEntryRow entry;
                    entry.type = PageEntryType::ChangeSet;
                    entry.changeSetId = frame.id;
                    entry.signer = device->deviceId;
                    store.appendFeed(office, entry);
                }
            }
            const bool uploaderHasAccess = std::find(offices.begin(), offices.end(), device->office) != offices.end();
            if (!anyAdmitted || !uploaderHasAccess) {
                FeedEntryRow receipt;
                receipt.type = PageEntryType::Receipt;
                receipt.changeSetId = frame.id;
                receipt.signer = device->deviceId;
                store.appendFeed(device->office, receipt);
            }
            item.excludedCount = static_cast<std::uint16_t>(admission.excluded.size());
            item.status = admission.excluded.empty() ? kStatusAdmitted : kStatusAdmittedWithExclusions;
            result.results.push_back(item);
        } catch (const SyncError& e) {
            item.status = e.wire();
            result.results.push_back(item);
            refusedSeq = seq;
            refusal = Refusal{e.code(), e.ref(), kNoOpIndex};
            if (e.code() == SyncCode::BadOp) {
                // subject "op <index>": report the index (non-personal)
                const auto& s = e.subject();
                if (s.rfind("op ", 0) == 0) {
                    try {
                        refusal->opIndex = static_cast<std::uint16_t>(std::stoul(s.substr(3)));
                    } catch (const std::exception&) {
                    }
                }
            }
        }
    }
    txn.commit();

    if (device) result.ackedSeq = store.findDevice(device->deviceId)->chainSeq;
    // chain_gap: not stored, no notice (the device resends from acked_seq + 1).
    if (refusal && refusal->code != SyncCode::ChainGap && device) {
        RefusalNotice notice;
        notice.hubId = store.hubId();
        notice.deviceId = device->deviceId;
        notice.deviceSeq = refusedSeq;
        notice.changeSetId = refusedId;
        notice.code = wireValue(refusal->code);
        notice.opIndex = refusal->opIndex;
        notice.hubTimeMs = hubNowMs;
        result.refusalNotice = encodeRefusalNotice(notice, store.identity());
    }
    return result;
}

}  // namespace abri::sync::hub
