#include "sync_fixture.h"

#include <chrono>
#include <fstream>

#include "wire/admission_record.h"
#include "wire/certificate.h"
#include "wire/changeset.h"
#include "devicesync/device_keys.h"
#include "devicesync/inbox.h"
#include "wire/page.h"
#include "wire/sealed_file.h"
#include "wire/sync_files.h"
#include "cases/case_repository.h"
#include "demo_vault.h"
#include "journal/journal.h"
#include "merge/vault_applier.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::app::test {

namespace {

wire::Id16 filledId(std::uint8_t fill) {
    wire::Id16 id{};
    id.fill(fill);
    return id;
}

std::uint64_t wallMs() {
    return static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
}

}  // namespace

void addSupervisor(const DemoVault& demo) {
    auto admin = demo.unlockAdmin();
    admin->addUser(kSupervisor, "Testsupervisor Xray", vault::Role::Supervisor, kSupervisorPassword,
                   DemoVault::kdf());
}

void writeServiceStatus(const std::filesystem::path& vaultPath, const std::string& link,
                        std::optional<std::int64_t> lastSyncMs, const std::string& errorName) {
    nlohmann::json status = {{"version", 1},      {"link", link},        {"next_attempt_ms", 0},
                             {"outbox_files", 0}, {"outbox_bytes", 0},   {"acked_seq", 0},
                             {"inbox_files", 0},  {"head_seq", 0},       {"clock_offset_ms", 0},
                             {"last_sync_ms", nullptr}, {"error", nullptr}};
    if (lastSyncMs) status["last_sync_ms"] = *lastSyncMs;
    if (!errorName.empty()) {
        const auto code = wire::syncCodeFromName(errorName);
        status["error"] = {{"code", code ? wire::wireValue(*code) : 0}, {"name", errorName}};
    }
    const auto folder = wire::syncFolder(vaultPath);
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "status.json") << status.dump();
}

TestHub::TestHub() : identity_(crypto::SigningKeyPair::generate()), box_(crypto::BoxKeyPair::generate()) {
    peer_.id = filledId(0xe1);
    wire::HubDescriptor d;
    d.hubId = filledId(0x4b);
    d.boxPk = box_.publicKey;
    d.boxKeySerial = 1;
    d.issuedMs = wallMs() - 86'400'000;
    d.address = "hub.example.invalid:7412";
    d.name = "Test Hub";
    descriptor_ = wire::signHubDescriptor(d, identity_);
}

void TestHub::enrol(vault::Vault& vault) {
    const auto keys = devicesync::loadOrCreateDeviceKeys(vault.db(), vault.nowMs());
    deviceId_ = *wire::idFromHex(vault.deviceId());
    deviceBoxPk_ = keys.box.publicKey;
    wire::Certificate c;
    c.role = wire::CertRole::Caseworker;
    c.serial = nextSerial_++;
    c.hubId = descriptor_.hubId;
    c.deviceId = deviceId_;
    c.signPk = keys.sign.publicKey;
    c.boxPk = keys.box.publicKey;
    c.tlsPk = keys.sign.publicKey;
    c.notBeforeMs = wallMs() - 86'400'000;
    c.notAfterMs = c.notBeforeMs + wire::kDefaultCertificateValidityMs;
    c.office = vault.office();
    c.label = "test-device";
    const auto certificate = wire::issueCertificate(c, identity_);
    storage::Transaction tx(vault.db());
    devicesync::storeEnrolment(vault.db(), "enrolled", certificate.bytes, descriptor_.bytes, descriptor_.address,
                               vault.nowMs());
    tx.commit();
}

std::string TestHub::deliverCaseFromPeer(const std::filesystem::path& vaultPath, const std::string& caseCode,
                                         const std::string& office) {
    Peer& from = peer_;
    const std::uint64_t now = wallMs();
    std::vector<wire::PageEntry> entries;
    const std::uint64_t firstSeq = officeSeq_ + 1;
    if (from.seq == 0) {
        wire::Certificate c;
        c.role = wire::CertRole::Caseworker;
        c.serial = nextSerial_++;
        c.hubId = descriptor_.hubId;
        c.deviceId = from.id;
        c.signPk = from.key.publicKey;
        c.boxPk = box_.publicKey;
        c.tlsPk = from.key.publicKey;
        c.notBeforeMs = now - 86'400'000;
        c.notAfterMs = c.notBeforeMs + wire::kDefaultCertificateValidityMs;
        c.office = office;
        c.label = "peer-device";
        wire::PageEntry cert;
        cert.type = wire::PageEntryType::Cert;
        cert.officeSeq = ++officeSeq_;
        cert.certStatusMs = now;
        cert.certificate = wire::issueCertificate(c, identity_).bytes;
        entries.push_back(std::move(cert));
    }
    const wire::Id16 caseId = filledId(static_cast<std::uint8_t>(0xc0 + from.seq));
    wire::ChangeSetDraft draft;
    draft.deviceId = from.id;
    draft.deviceSeq = ++from.seq;
    draft.prevHash = from.head;
    draft.caseId = caseId;
    draft.office = office;
    draft.authors = {filledId(0xa9)};
    wire::Op create;
    create.kind = wire::OpKind::Create;
    create.entityId = caseId;
    create.valueJson = nlohmann::json{{"case_code", caseCode},
                                      {"office", office},
                                      {"status", "registered"},
                                      {"registered_on", "2024-06-01"},
                                      {"person", {{"given_name", "Testname Peer"}, {"gender", "female"}}}}
                           .dump();
    // The logical part keeps two cases delivered within one millisecond apart: an op is identified by (hlc, device),
    // and a second op with the first one's identity would be taken for it and dropped.
    create.hlc = journal::makeHlc(now - 60'000, static_cast<std::uint16_t>(from.seq));
    draft.ops = {create};
    const wire::ChangeSet changeSet = wire::encodeChangeSet(draft, from.key);
    from.head = changeSet.id;

    wire::PageEntry entry;
    entry.type = wire::PageEntryType::ChangeSet;
    entry.officeSeq = ++officeSeq_;
    entry.admission.changeSetId = changeSet.id;
    entry.admission.deviceId = from.id;
    entry.admission.deviceSeq = changeSet.header.deviceSeq;
    entry.admission.caseId = caseId;
    entry.admission.hubSeq = entry.officeSeq;
    entry.admission.admittedMs = now;
    entry.changeSet = changeSet.bytes;
    entries.push_back(std::move(entry));

    wire::Page page;
    page.hubId = descriptor_.hubId;
    page.recipient = deviceId_;
    page.firstSeq = firstSeq;
    page.lastSeq = officeSeq_;
    page.headSeq = officeSeq_;
    page.hubTimeMs = now;
    page.office = office;
    page.entries = std::move(entries);
    const auto file =
        wire::encodeSealedFile(wire::SealedContent::Page, deviceBoxPk_, wire::encodePage(page, identity_));
    const auto inbox = wire::syncFolder(vaultPath) / "inbox";
    std::filesystem::create_directories(inbox);
    wire::writeFileAtomically(inbox, wire::pageFileName(deviceId_, firstSeq, officeSeq_), file);
    return wire::idToHex(caseId);
}

}  // namespace abri::app::test
