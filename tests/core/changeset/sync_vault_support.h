#pragma once
// A real vault (RepositoryFixture) prepared for sync tests: device keys, an enrolment with a test hub, and a way to
// write journal entries directly when a test needs more ops than the repository would write quickly.
#include <string>

#include "changeset/certificate.h"
#include "changeset/device_keys.h"
#include "changeset/hub_descriptor.h"
#include "changeset/inbox.h"
#include "changeset/outbox.h"
#include "codec_test_support.h"
#include "core/cases/repository_fixture.h"
#include "journal/journal.h"

namespace abri::test {

struct TestHub {
    crypto::SigningKeyPair identity;
    crypto::BoxKeyPair box = crypto::BoxKeyPair::generate();
    sync::HubDescriptor descriptor;
    std::uint64_t nextSerial = 1;

    explicit TestHub(std::uint8_t seed = 0x42) : identity(testSigner(seed)) {
        sync::HubDescriptor d;
        d.hubId = fakeId(0x4b);
        d.boxPk = box.publicKey;
        d.boxKeySerial = 1;
        d.issuedMs = 1'780'000'000'000;
        d.address = "hub.example.invalid:7412";
        d.name = "Test Hub";
        descriptor = sync::signHubDescriptor(d, identity);
    }

    sync::Certificate certify(const Id16& device, const crypto::PublicKey& signPk, const std::string& office) {
        sync::Certificate c;
        c.role = sync::CertRole::Caseworker;
        c.serial = nextSerial++;
        c.hubId = descriptor.hubId;
        c.deviceId = device;
        c.signPk = signPk;
        c.boxPk = box.publicKey;
        c.tlsPk = signPk;
        c.notBeforeMs = 1'700'000'000'000;
        c.notAfterMs = c.notBeforeMs + sync::kDefaultCertificateValidityMs;
        c.office = office;
        c.label = "test-device";
        return sync::issueCertificate(c, identity);
    }
};

struct SyncVault : RepositoryFixture {
    sync::DeviceKeys keys;
    sync::DeviceIdentity identity;

    SyncVault() : keys(sync::loadOrCreateDeviceKeys(vault->db(), nowMs)) {
        identity.deviceId = *sync::idFromHex(vault->deviceId());
        identity.office = vault->office();
    }

    storage::Database& db() { return vault->db(); }

    std::int64_t count(const std::string& sql) { return db().queryInt64(sql).value_or(-1); }

    // A local journal entry written the way Journal::append writes it, in its own transaction.
    void journalSet(const std::string& caseId, const std::string& field, const std::string& valueJson) {
        storage::Transaction tx(db());
        const journal::Op op{"case", caseId, journal::OpKind::Set, field, valueJson,
                             journal::Version{kBaseHlc, vault->deviceId()}};
        vault->journal().append(op, vault->currentUser().id);
        tx.commit();
    }
};

}  // namespace abri::test
