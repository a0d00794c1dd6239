#include "refusal_fixture.h"

#include <chrono>
#include <stdexcept>

#include "wire/certificate.h"
#include "devicesync/device_keys.h"
#include "devicesync/inbox.h"
#include "wire/refusal_notice.h"
#include "wire/sync_files.h"
#include "crypto/sealed_box.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::app::test {

namespace {

std::uint64_t wallMs() {
    return static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
}

}  // namespace

RefusingHub::RefusingHub() : identity_(crypto::SigningKeyPair::generate()) {
    wire::HubDescriptor d;
    d.hubId.fill(0x4c);
    d.boxPk = crypto::BoxKeyPair::generate().publicKey;
    d.boxKeySerial = 1;
    d.issuedMs = wallMs() - 30 * 86'400'000ULL;
    d.address = "hub.example.invalid:7412";
    d.name = "Test Hub";
    descriptor_ = wire::signHubDescriptor(d, identity_);
}

void RefusingHub::enrol(vault::Vault& vault) {
    const auto keys = devicesync::loadOrCreateDeviceKeys(vault.db(), vault.nowMs());
    wire::Certificate c;
    c.role = wire::CertRole::Caseworker;
    c.serial = 1;
    c.hubId = descriptor_.hubId;
    c.deviceId = *wire::idFromHex(vault.deviceId());
    c.signPk = keys.sign.publicKey;
    c.boxPk = keys.box.publicKey;
    c.tlsPk = keys.sign.publicKey;
    c.notBeforeMs = wallMs() - 30 * 86'400'000ULL;
    c.notAfterMs = c.notBeforeMs + wire::kDefaultCertificateValidityMs;
    c.office = vault.office();
    c.label = "test-device";
    const auto certificate = wire::issueCertificate(c, identity_);
    storage::Transaction tx(vault.db());
    devicesync::storeEnrolment(vault.db(), "enrolled", certificate.bytes, descriptor_.bytes, descriptor_.address,
                               vault.nowMs());
    tx.commit();
}

void RefusingHub::refuse(vault::Vault& vault, const std::filesystem::path& vaultPath, std::uint64_t deviceSeq,
                         wire::SyncCode code, std::uint64_t hubTimeMs, std::uint16_t opIndex) {
    auto row = vault.db().prepare("SELECT id FROM sync_outgoing WHERE device_seq = ?");
    row.bind(1, static_cast<std::int64_t>(deviceSeq));
    if (!row.step()) throw std::logic_error("RefusingHub::refuse: no sealed change-set at that seq");
    const auto id = row.blob(0);
    wire::RefusalNotice notice;
    notice.hubId = descriptor_.hubId;
    notice.deviceId = *wire::idFromHex(vault.deviceId());
    notice.deviceSeq = deviceSeq;
    std::copy(id.begin(), id.end(), notice.changeSetId.begin());
    notice.code = wire::wireValue(code);
    notice.opIndex = opIndex;
    notice.hubTimeMs = hubTimeMs;
    const auto inbox = wire::syncFolder(vaultPath) / "inbox";
    std::filesystem::create_directories(inbox);
    wire::writeFileAtomically(inbox, wire::refusalFileName(notice.deviceId, deviceSeq),
                              wire::encodeRefusalNotice(notice, identity_));
}

}  // namespace abri::app::test
