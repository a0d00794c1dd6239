#pragma once
// Certificate renewal (PROTOCOL.md §2.7): a device that connects with fewer than 60 days left on its certificate
// gets a new one (same keys, new serial and dates) in AUTH_OK, and every feed that carried the old one gets a CERT
// entry with the new one, so the other laptops keep verifying its change-sets. No proof is needed: the TLS key the
// device just used is the one certified.
#include <cstdint>

#include "hub_store.h"

namespace abri::sync::hub {

constexpr std::uint64_t kRenewBeforeMs = 60ULL * 24 * 3600 * 1000;

// Renews `device`'s certificate in its own transaction when it is active and due at `nowMs`; updates `device` in
// place. Returns whether it renewed.
bool renewCertificateIfDue(HubStore& store, DeviceRecord& device, std::uint64_t nowMs);

}  // namespace abri::sync::hub
