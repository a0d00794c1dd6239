#include "certificate_renewal.h"

#include <string>
#include <vector>

#include "ingest.h"

namespace abri::sync::hub {

bool renewCertificateIfDue(HubStore& store, DeviceRecord& device, std::uint64_t nowMs) {
    if (device.status != DeviceStatus::Active || !device.certificate.validAt(nowMs)) return false;
    if (device.certificate.notAfterMs - nowMs >= kRenewBeforeMs) return false;
    storage::Transaction txn(store.db());
    // Offices whose devices hold the old certificate: they must learn the new one before its change-sets arrive.
    std::vector<std::string> feeds;
    for (const auto& office : store.offices()) {
        if (store.feedHasCertificate(office, device.deviceId, device.certificate.serial)) feeds.push_back(office);
    }
    wire::Certificate renewed = device.certificate;
    renewed.serial = store.nextCertificateSerial();
    renewed.notBeforeMs = nowMs;
    renewed.notAfterMs = nowMs + wire::kDefaultCertificateValidityMs;
    device.certificate = wire::issueCertificate(renewed, store.identity());
    device.statusMs = nowMs;
    store.insertDevice(device);
    for (const auto& office : feeds) ensureCertificateInFeed(store, office, device);
    txn.commit();
    return true;
}

}  // namespace abri::sync::hub
