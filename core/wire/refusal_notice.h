#pragma once
// Refusal notice (`ABRN`, sync/PROTOCOL.md §3.9): the hub's signed "this change-set was refused", 156 bytes.
#include <cstdint>
#include <span>
#include <string_view>

#include "wire/sync_error.h"
#include "wire/wire_types.h"
#include "crypto/primitives.h"
#include "crypto/signing.h"

namespace abri::wire {

constexpr std::size_t kRefusalNoticeBytes = 156;
constexpr std::uint16_t kNoOpIndex = 0xFFFF;

struct RefusalNotice {
    Id16 hubId{};
    Id16 deviceId{};
    std::uint64_t deviceSeq = 0;
    Hash32 changeSetId{};  // zeros when unknown
    std::uint16_t code = 0;           // a §9 wire value
    std::uint16_t opIndex = kNoOpIndex;
    std::uint64_t hubTimeMs = 0;
};

crypto::Bytes encodeRefusalNotice(const RefusalNotice& notice, const crypto::SigningKeyPair& hubIdentity);
// truncated, bad_magic, unsupported_format, bad_header (reserved, longer than 156), bad_hub_signature.
RefusalNotice decodeRefusalNotice(std::span<const std::uint8_t> bytes, std::span<const std::uint8_t> hubIdentityPk,
                                  std::string_view subject);

}  // namespace abri::wire
