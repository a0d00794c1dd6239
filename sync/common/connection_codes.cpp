#include "connection_codes.h"

namespace abri::sync {

bool isFatalIdentityCode(wire::SyncCode code) noexcept {
    switch (code) {
    case wire::SyncCode::Revoked:
    case wire::SyncCode::CertExpired:
    case wire::SyncCode::UnknownDevice:
    case wire::SyncCode::DeviceQuarantined:
    case wire::SyncCode::WrongHub:
    case wire::SyncCode::KeyMismatch:
        return true;
    default:
        return false;
    }
}

}  // namespace abri::sync
