#include "held_upload.h"

namespace abri::sync::daemon {

bool holdsUpload(wire::SyncCode code) {
    return code != wire::SyncCode::HashMismatch && code != wire::SyncCode::ChainGap;
}

}  // namespace abri::sync::daemon
