#include "devicesync/known_devices.h"

#include "wire/certificate.h"
#include "wire/sync_error.h"
#include "storage/database.h"
#include "vault/vault.h"

namespace abri::devicesync {

std::map<std::string, KnownDevice> knownDevices(vault::Vault& vault) {
    std::map<std::string, KnownDevice> out;
    // Ascending serial: a renewed certificate replaces the older one of the same device.
    auto rows = vault.db().prepare("SELECT device_id, status, certificate FROM sync_certificates ORDER BY serial");
    while (rows.step()) {
        try {
            const auto cert = wire::decodeCertificate(rows.blob(2), "sync_certificates");
            out[rows.text(0)] = KnownDevice{cert.label, cert.office, rows.int64(1) == 2};
        } catch (const wire::SyncError&) {
            // Stored only after the page's signature was verified; an undecodable one is simply not named.
        }
    }
    return out;
}

}  // namespace abri::devicesync
