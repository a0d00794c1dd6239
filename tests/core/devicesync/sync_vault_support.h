#pragma once
// A real vault (RepositoryFixture) prepared for sync tests: device keys, an enrolment with a test hub, and a way to
// write journal entries directly when a test needs more ops than the repository would write quickly.
#include <string>

#include "wire/certificate.h"
#include "devicesync/device_keys.h"
#include "wire/hub_descriptor.h"
#include "devicesync/inbox.h"
#include "devicesync/outbox.h"
#include "core/wire/codec_test_support.h"
#include "core/cases/repository_fixture.h"
#include "journal/journal.h"

namespace abri::test {

struct TestHub {
    crypto::SigningKeyPair identity;
    crypto::BoxKeyPair box = crypto::BoxKeyPair::generate();
    wire::HubDescriptor descriptor;
    std::uint64_t nextSerial = 1;

    explicit TestHub(std::uint8_t seed = 0x42) : identity(testSigner(seed)) {
        wire::HubDescriptor d;
        d.hubId = fakeId(0x4b);
        d.boxPk = box.publicKey;
        d.boxKeySerial = 1;
        d.issuedMs = 1'780'000'000'000;
        d.address = "hub.example.invalid:7412";
        d.name = "Test Hub";
        descriptor = wire::signHubDescriptor(d, identity);
    }

    wire::Certificate certify(const Id16& device, const crypto::PublicKey& signPk, const std::string& office) {
        wire::Certificate c;
        c.role = wire::CertRole::Caseworker;
        c.serial = nextSerial++;
        c.hubId = descriptor.hubId;
        c.deviceId = device;
        c.signPk = signPk;
        c.boxPk = box.publicKey;
        c.tlsPk = signPk;
        c.notBeforeMs = 1'700'000'000'000;
        c.notAfterMs = c.notBeforeMs + wire::kDefaultCertificateValidityMs;
        c.office = office;
        c.label = "test-device";
        return wire::issueCertificate(c, identity);
    }
};

struct SyncVault : RepositoryFixture {
    devicesync::DeviceKeys keys;
    devicesync::DeviceIdentity identity;

    SyncVault() : keys(devicesync::loadOrCreateDeviceKeys(vault->db(), nowMs)) {
        identity.deviceId = *wire::idFromHex(vault->deviceId());
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
