#include "crypto/sodium_init.h"

#include <sodium.h>

#include "common/error.h"

namespace abri::crypto {
void ensureSodium() {
    static const int rc = sodium_init();  // thread-safe static init; sodium_init is idempotent
    if (rc < 0) throw Error(ErrorCode::Internal, "libsodium", "sodium_init failed");
}
}  // namespace abri::crypto
