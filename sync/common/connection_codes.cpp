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

}  // namespace abri::sync
