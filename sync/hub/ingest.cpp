#include "ingest.h"

#include "attachment_records.h"
#include "case_erasure.h"
#include "case_state.h"
#include "wire/batch.h"
#include "wire/changeset.h"
#include "wire/limits.h"
#include "wire/refusal_notice.h"
#include "wire/sealed_file.h"
#include "common/error.h"
#include "devicesync/admitted_adapter.h"
#include "journal/hlc.h"
#include "merge/authorisation.h"
#include "model/case_rules.h"

#include <algorithm>
#include <set>

namespace abri::sync::hub {
namespace {

struct Refusal {
    wire::SyncCode code;
    std::uint64_t ref = 0;
    std::uint16_t opIndex = wire::kNoOpIndex;
};

std::string seqSubject(std::uint64_t seq) { return "seq " + std::to_string(seq); }

// bad_op's subject is "op <index>": the refusal notice reports the index (non-personal).
std::uint16_t opIndexOf(const wire::SyncError& e) {
    if (e.code() != wire::SyncCode::BadOp) return wire::kNoOpIndex;
    const auto& s = e.subject();
    if (s.rfind("op ", 0) != 0) return wire::kNoOpIndex;
    try {
        return static_cast<std::uint16_t>(std::stoul(s.substr(3)));
    } catch (const std::exception&) {
        return wire::kNoOpIndex;
    }
}

// The id of a change-set whose processing failed, for the refusal notice and the fork's quarantine copy; zeros when
// its header does not even decode.
wire::Hash32 idOrZeros(std::span<const std::uint8_t> bytes, std::uint64_t seq) {
    try {
        return wire::decodeChangeSetFrame(bytes, seqSubject(seq)).id;
    } catch (const wire::SyncError&) {
        return wire::Hash32{};
    }
}

// Step 10 after authorisation (§6.1, §6.2): access only grows (v1); newly granted offices get the case's history
// first (backfill); then every office with access gets the change-set, and the uploader's office a RECEIPT when it
// has no access or every op was excluded.
void appendToFeeds(HubStore& store, const DeviceRecord& device, const wire::Hash32& changeSetId,
                   const wire::Id16& caseId, const merge::MergeState& state, const merge::HubContext& context,
                   bool anyAdmitted) {
    std::vector<std::string> offices(context.grantedOffices.begin(), context.grantedOffices.end());
    if (anyAdmitted) {
        for (const auto& office : merge::accessSet(state, wire::idToHex(caseId), context.hubOffices)) {
            if (office == merge::kHubOffice || context.grantedOffices.count(office) > 0) continue;
            store.grantCase(caseId, office);
            offices.push_back(office);
            for (const auto& earlier : store.changeSetsOfCase(caseId)) {
                if (earlier.id == changeSetId) continue;
                if (auto signer = store.findDevice(earlier.deviceId)) ensureCertificateInFeed(store, office, *signer);
                FeedEntryRow backfill;
                backfill.type = wire::PageEntryType::ChangeSet;
                backfill.changeSetId = earlier.id;
                backfill.signer = earlier.deviceId;
                store.appendFeed(office, backfill);
            }
        }
        for (const auto& office : offices) {
            ensureCertificateInFeed(store, office, device);
            FeedEntryRow entry;
            entry.type = wire::PageEntryType::ChangeSet;
            entry.changeSetId = changeSetId;
            entry.signer = device.deviceId;
            store.appendFeed(office, entry);
        }
    }
    const bool uploaderHasAccess = std::find(offices.begin(), offices.end(), device.office) != offices.end();
    if (!anyAdmitted || !uploaderHasAccess) {
        FeedEntryRow receipt;
        receipt.type = wire::PageEntryType::Receipt;
        receipt.changeSetId = changeSetId;
        receipt.signer = device.deviceId;
        store.appendFeed(device.office, receipt);
    }
}

}  // namespace

void ensureCertificateInFeed(HubStore& store, const std::string& office, const DeviceRecord& device) {
    if (store.feedHasCertificate(office, device.deviceId, device.certificate.serial)) return;
    FeedEntryRow cert;
    cert.type = wire::PageEntryType::Cert;
    cert.certStatus = device.status == DeviceStatus::Revoked ? wire::CertStatus::Revoked : wire::CertStatus::Active;
    cert.certStatusMs = device.statusMs;
    cert.certificate = device.certificate.bytes;
    store.appendFeed(office, cert);
}

ChangeSetResult admitChangeSet(HubStore& store, std::optional<DeviceRecord>& device,
                               std::span<const std::uint8_t> bytes, std::uint64_t seq, std::uint64_t hubNowMs,
                               DeviceStatusCheck statusCheck, const PrecheckedChangeSet* prechecked) {
    ChangeSetResult item{seq, kStatusAdmitted, 0};
    const std::string subject = seqSubject(seq);
    // 2. header and id
    if (prechecked && prechecked->frameError) std::rethrow_exception(prechecked->frameError);
    std::optional<wire::ChangeSetFrame> decodedFrame;
    if (!prechecked) decodedFrame = wire::decodeChangeSetFrame(bytes, subject);
    const wire::ChangeSetFrame& frame = prechecked ? *prechecked->frame : *decodedFrame;
    if (frame.header.deviceSeq != seq || (device && frame.header.deviceId != device->deviceId)) {
        throw wire::SyncError(wire::SyncCode::DeviceMismatch, subject);
    }
    // 3. duplicate
    if (auto existing = store.findChangeSetBySeq(frame.header.deviceId, seq); existing && existing->id == frame.id) {
        item.status = kStatusDuplicate;
        return item;
    }
    // 4. device and signature
    if (!device) throw wire::SyncError(wire::SyncCode::UnknownDevice, subject);
    if (prechecked && prechecked->signatureChecked) {
        if (prechecked->signatureError) std::rethrow_exception(prechecked->signatureError);
    } else {
        wire::verifyChangeSetSignature(frame, device->certificate.signPk, subject);
    }
    // 5. revoked or forked: keep for the operator, apply nothing
    if (statusCheck == DeviceStatusCheck::Quarantine && device->status != DeviceStatus::Active) {
        store.quarantine(device->deviceId, seq, frame.id,
                         device->status == DeviceStatus::Revoked ? wire::SyncCode::Revoked : wire::SyncCode::Fork,
                         hubNowMs, bytes);
        item.status = kStatusQuarantined;
        return item;
    }
    // 6. chain
    const bool sameSeqOtherId = seq <= device->chainSeq;
    const bool brokenLink = seq == device->chainSeq + 1 && frame.header.prevHash != device->chainId;
    if (sameSeqOtherId || brokenLink) throw wire::SyncError(wire::SyncCode::Fork, subject, device->chainSeq);
    if (seq > device->chainSeq + 1) throw wire::SyncError(wire::SyncCode::ChainGap, subject, device->chainSeq);
    // 7. body
    if (prechecked && prechecked->bodyError) std::rethrow_exception(prechecked->bodyError);
    std::optional<wire::ChangeSet> decodedBody;
    if (!prechecked || !prechecked->body) decodedBody = wire::decodeChangeSetBody(frame, bytes, subject);
    const wire::ChangeSet& cs = decodedBody ? *decodedBody : *prechecked->body;
    // 8. office
    if (cs.header.office != device->office) throw wire::SyncError(wire::SyncCode::UnauthorisedOffice, subject);
    // 9. clock (§5.1)
    const std::uint64_t lastAdmissionMs = store.lastAdmissionMs();
    const std::uint64_t t = std::max(hubNowMs, lastAdmissionMs);
    if (cs.header.hlcMin < journal::makeHlc(wire::kHlcEpochMs, 0))
        throw wire::SyncError(wire::SyncCode::ClockOutOfBounds, subject);
    if (cs.header.hlcMax > journal::makeHlc(t + wire::kMaxAheadMs, 0))
        throw wire::SyncError(wire::SyncCode::ClockAhead, subject, t);
    wire::AdmissionRecord admission;
    admission.changeSetId = frame.id;
    admission.deviceId = device->deviceId;
    admission.deviceSeq = seq;
    admission.caseId = cs.header.caseId;
    admission.admittedMs = t;
    std::uint64_t lastEff = cs.ops.back().hlc;
    const auto ceiling = journal::makeHlc(t + wire::kMaxDriftMs, 0);
    if (cs.header.hlcMax > ceiling) {
        admission.clampCeiling = ceiling;
        admission.clampFloor = device->effFloor;
        std::uint64_t previous = device->effFloor;
        for (const auto& op : cs.ops) previous = std::max(std::min<std::uint64_t>(op.hlc, ceiling), previous + 1);
        lastEff = previous;
    }
    lastEff = std::max(lastEff, device->effFloor);
    // 10. authorisation (§6.3) against the hub's stored state of the case, then admission, the case's new state,
    // chain head and feeds
    // An erased case (§5.9) takes nothing more: every op excluded, the change-set kept without its bytes.
    const bool erased = caseErased(store, cs.header.caseId);
    auto state = erased ? merge::MergeState{} : storedCaseState(store.db(), cs.header.caseId);
    const auto granted = store.caseOffices(cs.header.caseId);
    const auto officeList = store.offices();
    merge::HubContext context;
    context.today = model::dateFromMs(static_cast<std::int64_t>(t));  // the hub's date at admission
    context.hubOffices = std::set<std::string>(officeList.begin(), officeList.end());
    context.grantedOffices = std::set<std::string>(granted.begin(), granted.end());
    const merge::DeviceAuthority authority{device->office, device->role};
    auto candidate = devicesync::toAdmitted(cs, admission);
    if (erased) {
        for (std::size_t i = 0; i < candidate.ops.size(); ++i)
            candidate.excluded.push_back({static_cast<std::uint16_t>(i), wire::ExclusionReason::Erased});
    } else {
        candidate.excluded = merge::authorise(state, authority, candidate.caseId, candidate.ops, context);
    }
    for (const auto& exclusion : candidate.excluded) {
        admission.excluded.push_back({exclusion.opIndex, exclusion.reason});
    }
    admission.hubSeq = store.nextHubSeq();
    candidate.hubSeq = admission.hubSeq;  // now what toAdmitted(cs, admission) would give, without converting again
    state.add(std::move(candidate));
    const bool erasure = !erased && cs.ops.front().kind == wire::OpKind::Erase && admission.excluded.empty();
    const StoredChangeSet stored{frame.id, device->deviceId, seq, wire::encodeAdmissionRecord(admission),
                                 erased ? Bytes{} : Bytes(bytes.begin(), bytes.end())};
    store.insertChangeSet(stored, cs.header.caseId, admission.hubSeq);
    if (!erased && !erasure) storeCaseState(store.db(), cs.header.caseId, state);
    // A removed attachment's content leaves the hub with its record's tombstone (§11.1).
    const bool removesItem = std::any_of(cs.ops.begin(), cs.ops.end(), [](const auto& op) {
        return op.kind == wire::OpKind::Delete && op.entity == wire::EntityKind::Item;
    });
    if (!erased && !erasure && removesItem) purgeRemovedAttachmentChunks(store.db(), cs.header.caseId, state);
    device->chainSeq = seq;
    device->chainId = frame.id;
    device->effFloor = lastEff;
    store.advanceChain(device->deviceId, seq, frame.id, lastEff);
    if (t != lastAdmissionMs) store.setLastAdmissionMs(t);
    const bool anyAdmitted = admission.excluded.size() < cs.ops.size();
    appendToFeeds(store, *device, frame.id, cs.header.caseId, state, context, anyAdmitted);
    if (erasure) purgeErasedCase(store, cs.header.caseId, frame.id, t);
    item.excludedCount = static_cast<std::uint16_t>(admission.excluded.size());
    item.status = admission.excluded.empty() ? kStatusAdmitted : kStatusAdmittedWithExclusions;
    return item;
}

IngestResult ingestSealedFile(HubStore& store, std::span<const std::uint8_t> file,
                              const std::optional<wire::Id16>& sessionDevice, std::uint64_t hubNowMs) {
    IngestResult result;
    wire::Batch batch;
    try {
        auto opened = wire::openSealedFile(file, store.boxKey(), "upload");
        if (opened.content != wire::SealedContent::Batch) throw wire::SyncError(wire::SyncCode::BadMagic, "upload");
        batch = wire::decodeBatch(opened.payload, "upload");
        if (sessionDevice && batch.deviceId != *sessionDevice)
            throw wire::SyncError(wire::SyncCode::DeviceMismatch, "upload");
    } catch (const wire::SyncError& e) {
        result.fileStatus = e.wire();
        if (sessionDevice) {
            if (auto device = store.findDevice(*sessionDevice)) result.ackedSeq = device->chainSeq;
        }
        return result;
    }

    auto device = store.findDevice(batch.deviceId);
    const std::int64_t erasedBefore = erasedCaseCount(store);
    storage::Transaction txn(store.db());
    std::optional<Refusal> refusal;
    wire::Hash32 refusedId{};
    std::uint64_t refusedSeq = 0;

    // Steps 2, 4 and 7 run on the other cores ahead of the admissions below.
    BatchPrecheck prechecked(batch.changeSets, batch.firstSeq,
                             device ? std::span<const std::uint8_t>(device->certificate.signPk)
                                    : std::span<const std::uint8_t>());
    // Processing of a batch stops at the first refused change-set (§3.11): later ones would be chain gaps.
    for (std::size_t i = 0; i < batch.changeSets.size() && !refusal; ++i) {
        const auto& bytes = batch.changeSets[i];
        const std::uint64_t seq = batch.firstSeq + i;
        try {
            result.results.push_back(admitChangeSet(store, device, bytes, seq, hubNowMs, DeviceStatusCheck::Quarantine,
                                                    &prechecked.at(i)));
        } catch (const wire::SyncError& e) {
            result.results.push_back(ChangeSetResult{seq, e.wire(), 0});
            refusedSeq = seq;
            refusedId = idOrZeros(bytes, seq);
            refusal = Refusal{e.code(), e.ref(), opIndexOf(e)};
            if (e.code() == wire::SyncCode::Fork && device) {
                // A cloned or restored vault (§2.7): a copy for the operator, and the device is marked forked.
                store.quarantine(device->deviceId, seq, refusedId, wire::SyncCode::Fork, hubNowMs, bytes);
                store.setDeviceStatus(device->deviceId, DeviceStatus::Forked, hubNowMs);
            }
        }
    }
    txn.commit();
    if (erasedCaseCount(store) != erasedBefore) scrubHubAfterErasure(store);

    if (device) result.ackedSeq = store.findDevice(device->deviceId)->chainSeq;
    // chain_gap: not stored, no notice (the device resends from acked_seq + 1).
    if (refusal && refusal->code != wire::SyncCode::ChainGap && device) {
        wire::RefusalNotice notice;
        notice.hubId = store.hubId();
        notice.deviceId = device->deviceId;
        notice.deviceSeq = refusedSeq;
        notice.changeSetId = refusedId;
        notice.code = wire::wireValue(refusal->code);
        notice.opIndex = refusal->opIndex;
        notice.hubTimeMs = hubNowMs;
        result.refusalNotice = wire::encodeRefusalNotice(notice, store.identity());
    }
    return result;
}

}  // namespace abri::sync::hub
