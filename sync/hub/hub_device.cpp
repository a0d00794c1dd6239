#include "hub_device.h"

#include <algorithm>

#include "case_state.h"
#include "common/error.h"
#include "ingest.h"
#include "journal/hlc.h"
#include "wire/certificate.h"
#include "wire/changeset.h"

namespace abri::sync::hub {

namespace {

constexpr std::uint64_t kHubCertificateValidityMs = 10ULL * 365 * 24 * 3600 * 1000;

wire::Id16 deviceIdFromHex(const std::string& hex) {
    const auto id = wire::idFromHex(hex);
    if (!id) throw Error(ErrorCode::VaultCorrupted, "case_state", "device id");
    return *id;
}

// The base of a set op (§3.4): the field's current winner, or the entity's create when never set.
wire::OpVersion baseOf(const merge::EntityState& entity, const std::string& field) {
    const journal::Version version = [&] {
        if (auto found = entity.fields.find(field); found != entity.fields.end())
            if (const merge::RemoteOp* winner = found->second.winner()) return winner->identity();
        return entity.create()->identity();
    }();
    return {version.hlc, deviceIdFromHex(version.device)};
}

}  // namespace

DeviceRecord hubDevice(HubStore& store, std::uint64_t nowMs) {
    if (auto existing = store.findDevice(store.hubId())) return *existing;
    wire::Certificate cert;
    cert.role = wire::CertRole::Hub;
    cert.serial = store.nextCertificateSerial();
    cert.hubId = store.hubId();
    cert.deviceId = store.hubId();
    cert.signPk = store.identity().publicKey;
    cert.boxPk = store.boxKey().publicKey;
    cert.tlsPk = store.identity().publicKey;  // the hub never connects as a client
    cert.notBeforeMs = nowMs;
    cert.notAfterMs = nowMs + kHubCertificateValidityMs;
    cert.office = "*";
    cert.label = "hub";
    DeviceRecord device;
    device.deviceId = store.hubId();
    device.office = cert.office;
    device.role = wire::CertRole::Hub;
    device.statusMs = nowMs;
    device.certificate = wire::issueCertificate(std::move(cert), store.identity());
    store.insertDevice(device);
    return device;
}

void admitHubEdits(HubStore& store, std::optional<DeviceRecord>& device, const wire::Id16& caseId,
                   const std::vector<HubFieldEdit>& edits, std::uint64_t nowMs) {
    if (!device || edits.empty()) throw Error(ErrorCode::Internal, "hub edits", "no device or no edit");
    const auto state = storedCaseState(store.db(), caseId);
    const merge::EntityState* entity = state.find(wire::idToHex(caseId));
    if (entity == nullptr || entity->create() == nullptr) throw Error(ErrorCode::Internal, "hub edits", "no case");

    wire::ChangeSetDraft draft;
    draft.deviceId = device->deviceId;
    draft.deviceSeq = device->chainSeq + 1;
    draft.prevHash = device->chainSeq == 0 ? wire::Hash32{} : device->chainId;
    draft.caseId = caseId;
    draft.office = device->office;
    draft.authors = {store.hubId()};
    // Never clamped (§5.1): at the hub's admission time, after every HLC the hub device used.
    const std::uint64_t t = std::max(nowMs, store.lastAdmissionMs());
    journal::Hlc hlc = std::max(journal::makeHlc(t, 0), device->effFloor + 1);
    for (const auto& edit : edits) {
        wire::Op op;
        op.kind = wire::OpKind::Set;
        op.entity = wire::EntityKind::Case;
        op.entityId = caseId;
        op.field = edit.field;
        op.valueJson = edit.value.dump();
        op.parents = {baseOf(*entity, edit.field)};
        op.hlc = hlc++;
        draft.ops.push_back(std::move(op));
    }
    const auto cs = wire::encodeChangeSet(draft, store.identity());
    const auto result = admitChangeSet(store, device, cs.bytes, draft.deviceSeq, nowMs, DeviceStatusCheck::Skip);
    if (result.status != kStatusAdmitted)
        throw Error(ErrorCode::Internal, "hub edits", "status " + std::to_string(result.status));
}

}  // namespace abri::sync::hub
