#pragma once
// The other laptops this vault has heard of: every certificate the hub sent in a page (`sync_certificates`), so
// the app can say which laptop made a change that arrived by sync (the author's user id belongs to that laptop's
// vault and means nothing here). Labels are non-personal by design (PROTOCOL.md §2.4: e.g. "laptop-03").
#include <map>
#include <string>

namespace abri::vault {
class Vault;
}

namespace abri::devicesync {

struct KnownDevice {
    std::string label;   // as the operator's enrolment gave it, e.g. "laptop-03"
    std::string office;  // the certificate's office code
    bool revoked = false;
};

// Keyed by device id (32 hex, as journal rows carry it); the newest certificate of each device.
std::map<std::string, KnownDevice> knownDevices(vault::Vault& vault);

}  // namespace abri::devicesync
