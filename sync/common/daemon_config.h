#pragma once
// `<vault>.sync/daemon.conf` (PROTOCOL.md §2.6 step 7, §3.10): what abri-syncd needs to reach and trust the hub.
// Written atomically by enrolment (abri-cli enroll); read by abri-syncd. JSON, no secrets (the transport key is
// the separate file transport.key, mode 0600).
#include <cstdint>
#include <filesystem>
#include <string>

#include "wire/wire_types.h"

namespace abri::sync {

struct DaemonConfig {
    std::string hubHost;
    std::uint16_t hubPort = 7412;
    wire::Id16 hubId{};
    crypto::Fingerprint hubFingerprint{};  // the pin
    wire::Id16 deviceId{};
    std::string office;
    std::uint64_t bandwidthBytesPerSecond = 0;  // 0 = no cap
    std::uint32_t pollIntervalS = 300;
};

constexpr std::string_view kDaemonConfigFile = "daemon.conf";
constexpr std::string_view kTransportKeyFile = "transport.key";
constexpr std::string_view kTransportCertFile = "transport.crt";
constexpr std::string_view kStatusFile = "status.json";
constexpr std::string_view kCheckpointFile = "checkpoint";

// Throws Error(InvalidValue, "<file>: <field>") on a missing or malformed field.
DaemonConfig loadDaemonConfig(const std::filesystem::path& syncDir);
void saveDaemonConfig(const std::filesystem::path& syncDir, const DaemonConfig& config);
// "host:port" -> host, port; false when malformed.
bool splitHostPort(const std::string& address, std::string& host, std::uint16_t& port);

}  // namespace abri::sync
