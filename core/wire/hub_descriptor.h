#pragma once
// Hub descriptor (`ABHD`, sync/PROTOCOL.md §2.3), signed by the hub identity key.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "wire/wire_types.h"
#include "crypto/primitives.h"
#include "crypto/signing.h"

namespace abri::wire {

struct HubDescriptor {
    Id16 hubId{};
    crypto::PublicKey identityPk{};
    crypto::PublicKey boxPk{};
    std::uint32_t boxKeySerial = 0;
    std::uint64_t issuedMs = 0;
    std::uint8_t csVersionMin = 1;
    std::uint8_t csVersionMax = 1;
    std::string address;  // host:port
    std::string name;     // ASCII display name, <= 64
    crypto::Signature signature{};
    crypto::Bytes bytes;
};

HubDescriptor signHubDescriptor(HubDescriptor descriptor, const crypto::SigningKeyPair& hubIdentity);
// truncated, bad_magic, unsupported_format, bad_header (reserved, version range, address/name, trailing), then the
// signature against the descriptor's own identity_pk (bad_hub_signature). Callers still compare identity_pk (or its
// fingerprint) with their pin.
HubDescriptor decodeHubDescriptor(std::span<const std::uint8_t> bytes, std::string_view subject);

}  // namespace abri::wire
