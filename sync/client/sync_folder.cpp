#include "sync_folder.h"

#include "common/daemon_config.h"
#include "common/error.h"
#include "common/tls_identity.h"
#include "crypto/signing.h"
#include "devicesync/device_keys.h"
#include "devicesync/device_sync.h"
#include "wire/certificate.h"
#include "wire/hub_descriptor.h"
#include "wire/sync_files.h"

namespace abri::sync::client {

namespace fs = std::filesystem;

SyncFolderRepair repairSyncFolder(vault::Vault& vault, const fs::path& vaultPath) {
    SyncFolderRepair repair;
    auto& db = vault.db();
    auto row = db.prepare("SELECT certificate, descriptor, hub_address FROM sync_enrolment WHERE id = 1 AND "
                          "state = 'enrolled'");
    if (!row.step()) return repair;
    repair.enrolled = true;
    const auto certificateBytes = row.blob(0);
    const auto descriptorBytes = row.blob(1);
    const std::string hubAddress = row.text(2);
    row.reset();  // no read snapshot held while the seed may be written below
    const auto descriptor = wire::decodeHubDescriptor(descriptorBytes, "sync_enrolment.descriptor");
    const auto certificate = wire::decodeCertificate(certificateBytes, "sync_enrolment.certificate");

    const auto syncDir = wire::syncFolder(vaultPath);
    fs::create_directories(syncDir);
    fs::permissions(syncDir, fs::perms::owner_all, fs::perm_options::replace);
    const auto commonName = "abri-dev-" + wire::idToHex(certificate.deviceId);
    const auto keyFile = syncDir / kTransportKeyFile;
    if (auto seed = devicesync::loadTransportSeed(db)) {
        if (!fs::exists(keyFile)) {
            const auto identity = TlsIdentity::fromSeed(*seed, commonName);
            identity.savePrivateKeyPem(keyFile);
            identity.saveCertificatePem(syncDir / kTransportCertFile);
            repair.written.insert(repair.written.end(), {std::string(kTransportKeyFile), std::string(kTransportCertFile)});
        }
    } else if (fs::exists(keyFile)) {
        const auto identity = TlsIdentity::loadPrivateKeyPem(keyFile, commonName);
        // Only the key the hub certified is worth keeping.
        if (identity.publicKey() == certificate.tlsPk) {
            devicesync::storeTransportSeed(db, identity.publicKey(), identity.seed(), vault.nowMs());
            repair.seedKeptInVault = true;
        }
    } else {
        repair.transportKeyMissing = true;
    }
    if (fs::exists(keyFile) && !fs::exists(syncDir / kTransportCertFile)) {
        TlsIdentity::loadPrivateKeyPem(keyFile, commonName).saveCertificatePem(syncDir / kTransportCertFile);
        repair.written.emplace_back(kTransportCertFile);
    }
    if (!fs::exists(syncDir / "hub.descriptor")) {
        wire::writeFileAtomically(syncDir, "hub.descriptor", descriptorBytes);
        repair.written.emplace_back("hub.descriptor");
    }
    if (!fs::exists(syncDir / "device.cert")) {
        wire::writeFileAtomically(syncDir, "device.cert", certificateBytes);
        repair.written.emplace_back("device.cert");
    }
    if (!fs::exists(syncDir / kDaemonConfigFile)) {
        DaemonConfig config;
        if (!splitHostPort(hubAddress, config.hubHost, config.hubPort)) {
            throw Error(ErrorCode::VaultCorrupted, "sync_enrolment.hub_address");
        }
        config.hubId = descriptor.hubId;
        config.hubFingerprint = crypto::fingerprint(crypto::KeyType::Ed25519, descriptor.identityPk);
        config.deviceId = certificate.deviceId;
        config.office = vault.office();
        saveDaemonConfig(syncDir, config);
        repair.written.emplace_back(kDaemonConfigFile);
    }
    return repair;
}

}  // namespace abri::sync::client
