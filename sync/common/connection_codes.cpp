#include "connection_codes.h"

namespace abri::sync {

bool isFatalIdentityCode(SyncCode code) noexcept {
    switch (code) {
    case SyncCode::Revoked:
    case SyncCode::CertExpired:
    case SyncCode::UnknownDevice:
    case SyncCode::DeviceQuarantined:
    case SyncCode::WrongHub:
    case SyncCode::KeyMismatch:
        return true;
    default:
        return false;
    }
}

std::string_view wireCodeName(std::uint16_t value) noexcept {
    auto code = syncCodeFromWire(value);
    return code ? syncCodeName(*code) : std::string_view("unknown");
}

}  // namespace abri::sync
