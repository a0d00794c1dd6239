#include "refusal_fixture.h"

#include <chrono>
#include <stdexcept>

#include "changeset/certificate.h"
#include "changeset/device_keys.h"
#include "changeset/inbox.h"
#include "changeset/refusal_notice.h"
#include "changeset/sync_files.h"
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
    sync::HubDescriptor d;
    d.hubId.fill(0x4c);
    d.boxPk = crypto::BoxKeyPair::generate().publicKey;
    d.boxKeySerial = 1;
    d.issuedMs = wallMs() - 30 * 86'400'000ULL;
    d.address = "hub.example.invalid:7412";
    d.name = "Test Hub";
    descriptor_ = sync::signHubDescriptor(d, identity_);
}

void RefusingHub::enrol(vault::Vault& vault) {
    const auto keys = sync::loadOrCreateDeviceKeys(vault.db(), vault.nowMs());
    sync::Certificate c;
    c.role = sync::CertRole::Caseworker;
    c.serial = 1;
    c.hubId = descriptor_.hubId;
    c.deviceId = *sync::idFromHex(vault.deviceId());
    c.signPk = keys.sign.publicKey;
    c.boxPk = keys.box.publicKey;
    c.tlsPk = keys.sign.publicKey;
    c.notBeforeMs = wallMs() - 30 * 86'400'000ULL;
    c.notAfterMs = c.notBeforeMs + sync::kDefaultCertificateValidityMs;
    c.office = vault.office();
    c.label = "test-device";
    const auto certificate = sync::issueCertificate(c, identity_);
    storage::Transaction tx(vault.db());
    sync::storeEnrolment(vault.db(), "enrolled", certificate.bytes, descriptor_.bytes, descriptor_.address,
                         vault.nowMs());
    tx.commit();
}

void RefusingHub::refuse(vault::Vault& vault, const std::filesystem::path& vaultPath, std::uint64_t deviceSeq,
                         sync::SyncCode code, std::uint64_t hubTimeMs, std::uint16_t opIndex) {
    auto row = vault.db().prepare("SELECT id FROM sync_outgoing WHERE device_seq = ?");
    row.bind(1, static_cast<std::int64_t>(deviceSeq));
    if (!row.step()) throw std::logic_error("RefusingHub::refuse: no sealed change-set at that seq");
    const auto id = row.blob(0);
    sync::RefusalNotice notice;
    notice.hubId = descriptor_.hubId;
    notice.deviceId = *sync::idFromHex(vault.deviceId());
    notice.deviceSeq = deviceSeq;
    std::copy(id.begin(), id.end(), notice.changeSetId.begin());
    notice.code = sync::wireValue(code);
    notice.opIndex = opIndex;
    notice.hubTimeMs = hubTimeMs;
    const auto inbox = sync::syncFolder(vaultPath) / "inbox";
    std::filesystem::create_directories(inbox);
    sync::writeFileAtomically(inbox, sync::refusalFileName(notice.deviceId, deviceSeq),
                              sync::encodeRefusalNotice(notice, identity_));
}

}  // namespace abri::app::test
