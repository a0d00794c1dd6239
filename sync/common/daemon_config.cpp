#include "daemon_config.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/atomic_file.h"
#include "common/error.h"
#include "tls_identity.h"

namespace abri::sync {

bool splitHostPort(const std::string& address, std::string& host, std::uint16_t& port) {
    const auto colon = address.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= address.size()) return false;
    const auto portText = address.substr(colon + 1);
    if (portText.size() > 5 || portText.find_first_not_of("0123456789") != std::string::npos) return false;
    const auto value = std::stoul(portText);
    if (value == 0 || value > 65535) return false;
    host = address.substr(0, colon);
    port = static_cast<std::uint16_t>(value);
    return true;
}

DaemonConfig loadDaemonConfig(const std::filesystem::path& syncDir) {
    const auto path = syncDir / kDaemonConfigFile;
    std::ifstream in(path);
    if (!in) throw Error(ErrorCode::IoError, path.string());
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorCode::InvalidJson, path.string());
    }
    auto field = [&](const char* name) -> std::string {
        if (!j.contains(name) || !j[name].is_string()) throw Error(ErrorCode::InvalidValue, path.string(), name);
        return j[name].get<std::string>();
    };
    DaemonConfig c;
    if (!splitHostPort(field("hub_address"), c.hubHost, c.hubPort)) {
        throw Error(ErrorCode::InvalidValue, path.string(), "hub_address");
    }
    auto hubId = wire::idFromHex(field("hub_id"));
    auto deviceId = wire::idFromHex(field("device_id"));
    auto pin = crypto::parseFingerprintDisplay(field("hub_fingerprint"));
    if (!hubId || !deviceId || !pin) throw Error(ErrorCode::InvalidValue, path.string(), "ids");
    c.hubId = *hubId;
    c.deviceId = *deviceId;
    c.hubFingerprint = *pin;
    c.office = field("office");
    c.bandwidthBytesPerSecond = j.value("bandwidth_bytes_per_s", std::uint64_t{0});
    c.pollIntervalS = j.value("poll_interval_s", std::uint32_t{300});
    return c;
}

void saveDaemonConfig(const std::filesystem::path& syncDir, const DaemonConfig& c) {
    nlohmann::json j = {{"version", 1},
                        {"hub_address", c.hubHost + ":" + std::to_string(c.hubPort)},
                        {"hub_id", wire::idToHex(c.hubId)},
                        {"hub_fingerprint", crypto::fingerprintDisplay(c.hubFingerprint)},
                        {"device_id", wire::idToHex(c.deviceId)},
                        {"office", c.office},
                        {"bandwidth_bytes_per_s", c.bandwidthBytesPerSecond},
                        {"poll_interval_s", c.pollIntervalS}};
    const auto text = j.dump(2) + "\n";
    abri::writeFileAtomically(syncDir / kDaemonConfigFile, crypto::asBytes(text));
}

}  // namespace abri::sync
